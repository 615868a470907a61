import { MAX_DEPTH, STOP, type Token } from './js-token.ts';
import { tokenizeJs } from './js-tokenizer.ts';

/**
 * A value written in JavaScript literal syntax. `undefined` stands for anything that is not a literal (an
 * identifier such as `process.env.REGION`, a call, a template with substitutions, arithmetic): such code is
 * skipped, never run.
 */
export type JsValue = string | number | boolean | null | undefined | readonly JsValue[] | JsObject;

/** An object literal's properties (a null-prototype object: a `__proto__` key is an ordinary property). */
export interface JsObject {
  readonly [key: string]: JsValue;
}

// Work allowed per token of input, across all attempts: keeps the reader linear on hostile text.
const WORK_PER_TOKEN = 8;

const OPENERS: Readonly<Record<string, string>> = { '{': '}', '[': ']', '(': ')' };

/** Reads literals from a token list. Every method either returns with `at` past what it read, or throws STOP. */
class LiteralParser {
  private at = 0;
  private work: number;

  constructor(private readonly tokens: readonly Token[]) {
    this.work = tokens.length * WORK_PER_TOKEN + 1024;
  }

  /** Every object literal that is not inside another one found, in order of appearance. */
  topLevelObjects(): JsObject[] {
    const found: JsObject[] = [];
    let start = 0;
    try {
      while (start < this.tokens.length) {
        const token = this.tokens[start];
        if (token?.kind === 'punct' && token.text === '{' && this.mayStartObject(start)) {
          this.at = start;
          try {
            found.push(this.object(0));
            start = this.at;
            continue;
          } catch (error) {
            if (error !== STOP || this.work <= 0) throw error;
          }
        }
        start += 1;
      }
    } catch (error) {
      if (error !== STOP) throw error;
    }
    return found;
  }

  /**
   * Whether the `{` at `index` may open an object literal: it is followed by a key, a spread or the closing
   * brace, and it is not the name list of an import or export (`import { a } from ...`).
   */
  private mayStartObject(index: number): boolean {
    const before = this.tokens[index - 1];
    if (before?.kind === 'word' && (before.text === 'import' || before.text === 'export')) return false;
    const after = this.tokens[index + 1];
    return after !== undefined && (after.kind !== 'punct' || after.text === '}' || after.text === '.');
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  private take(): Token {
    this.work -= 1;
    if (this.work <= 0) throw STOP;
    const token = this.tokens[this.at];
    if (token === undefined) throw STOP;
    this.at += 1;
    return token;
  }

  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'punct' && token.text === text;
  }

  private expectPunct(text: string): void {
    const token = this.take();
    if (token.kind !== 'punct' || token.text !== text) throw STOP;
  }

  private object(depth: number): JsObject {
    if (depth > MAX_DEPTH) throw STOP;
    this.expectPunct('{');
    const result = Object.create(null) as Record<string, JsValue>;
    for (;;) {
      if (this.isPunct('}')) {
        this.take();
        return result;
      }
      if (this.isPunct('.') && this.isPunct('.', 1) && this.isPunct('.', 2)) {
        // A spread (`...other`): its properties are unknown without running code.
        this.skipExpression();
      } else {
        const key = this.take();
        let name: string;
        if (key.kind === 'string') name = key.value;
        else if (key.kind === 'word') name = key.text;
        else if (key.kind === 'number') name = String(key.value);
        else throw STOP;
        if (this.isPunct(':')) {
          this.take();
          result[name] = this.value(depth + 1);
        } else if (key.kind === 'word' && (this.isPunct(',') || this.isPunct('}'))) {
          result[name] = undefined; // shorthand `{ region }`: a variable's value
        } else throw STOP;
      }
      if (this.isPunct(',')) this.take();
      else if (!this.isPunct('}')) throw STOP;
    }
  }

  private array(depth: number): JsValue[] {
    if (depth > MAX_DEPTH) throw STOP;
    this.expectPunct('[');
    const result: JsValue[] = [];
    for (;;) {
      if (this.isPunct(']')) {
        this.take();
        return result;
      }
      result.push(this.value(depth + 1));
      if (this.isPunct(',')) this.take();
      else if (!this.isPunct(']')) throw STOP;
    }
  }

  private value(depth: number): JsValue {
    const token = this.peek();
    if (token === undefined) throw STOP;
    if (token.kind === 'punct' && (token.text === '{' || token.text === '[')) {
      // A literal, unless code goes on after it (`{...}.field`, `[...].join()`): then it is skipped as code.
      const start = this.at;
      try {
        const literal = token.text === '{' ? this.object(depth) : this.array(depth);
        if (this.atValueEnd()) return literal;
      } catch (error) {
        if (error !== STOP || this.work <= 0) throw error;
      }
      this.at = start;
    }
    const next = this.peek(1);
    if (token.kind === 'punct' && token.text === '-' && next?.kind === 'number' && this.endsValue(2)) {
      this.take();
      this.take();
      return -next.value;
    }
    if (this.endsValue(1)) {
      if (token.kind === 'string' || token.kind === 'number') {
        this.take();
        return token.value;
      }
      if (token.kind === 'word' && (token.text === 'true' || token.text === 'false' || token.text === 'null')) {
        this.take();
        return token.text === 'null' ? null : token.text === 'true';
      }
    }
    this.skipExpression();
    return undefined;
  }

  /** True when the token `offset` places on ends a value (`,` `}` `]`). */
  private endsValue(offset: number): boolean {
    const token = this.peek(offset);
    return token?.kind === 'punct' && (token.text === ',' || token.text === '}' || token.text === ']');
  }

  private atValueEnd(): boolean {
    return this.endsValue(0);
  }

  /** Skips an expression that is not a literal, up to the `,` `}` or `]` that ends it (brackets balanced). */
  private skipExpression(): void {
    const closers: string[] = [];
    let skipped = 0;
    for (;;) {
      const token = this.peek();
      if (token === undefined) throw STOP;
      if (token.kind === 'punct') {
        if (closers.length === 0 && (token.text === ',' || token.text === '}' || token.text === ']')) {
          if (skipped === 0) throw STOP;
          return;
        }
        if (closers.length === 0 && token.text === ';') throw STOP;
        const closer = OPENERS[token.text];
        if (closer !== undefined) {
          if (closers.length >= MAX_DEPTH) throw STOP;
          closers.push(closer);
        } else if (token.text === '}' || token.text === ']' || token.text === ')') {
          if (closers.pop() !== token.text) throw STOP;
        }
      }
      this.take();
      skipped += 1;
    }
  }
}

/**
 * Reads the object literals in JavaScript (or JSON) source text without running it: each `{...}` that is not
 * inside another one and parses as an object literal, in order. Understands what hand-written and generated
 * config files use: quoted and bare keys, '...' "..." and `...` strings with escapes, numbers, true/false/null,
 * arrays, nesting, comments and trailing commas. Values that are code (identifiers, calls, templates with
 * substitutions, spreads) read as `undefined`. Linear in the text's length; nesting deeper than 64 is not read.
 */
export function readJsObjectLiterals(text: string): JsObject[] {
  return new LiteralParser(tokenizeJs(text)).topLevelObjects();
}
