// The tokens of the JavaScript subset that readJsObjectLiterals (read-js-object-literals.ts) understands, and
// what its tokenizer and parser share.

export type Token =
  | { readonly kind: 'punct'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'word'; readonly text: string }
  // A template literal with `${...}` substitutions: its value is not known without running code.
  | { readonly kind: 'template' };

/**
 * Thrown inside the reader only: the input stops being JavaScript this reader understands. One shared
 * instance: hostile input makes the reader give up often, and a new Error would record a stack each time.
 */
export const STOP = new Error('not a literal');

/** Nesting the reader follows (objects, arrays, template substitutions) before it gives up. */
export const MAX_DEPTH = 64;
