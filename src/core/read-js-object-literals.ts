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

type Token =
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
const STOP = new Error('not a literal');

const MAX_DEPTH = 64;
// Work allowed per token of input, across all attempts: keeps the reader linear on hostile text.
const WORK_PER_TOKEN = 8;

const WHITESPACE = /[\s\uFEFF]+/y;
const LINE_COMMENT = /\/\/[^\n\r\u2028\u2029]*/y;
const DIGIT_OR_DOT = /^[\d.]$/;
// Where an identifier may start: ASCII letters, _ and $, or any non-ASCII character (WORD then decides).
const WORD_START = /^[A-Za-z_$\u0080-\uFFFF]$/;
const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)n?/y;
const WORD = /[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*/uy;
const HEX = /^[0-9a-fA-F]+$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

const PUNCTUATORS = new Map<string, Token>();

/** The one token object for a punctuator character (tokens are never changed, so they can be shared). */
function punctuator(char: string): Token {
  let token = PUNCTUATORS.get(char);
  if (token === undefined) {
    token = { kind: 'punct', text: char };
    if (PUNCTUATORS.size < 256) PUNCTUATORS.set(char, token);
  }
  return token;
}

function sticky(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** Splits JavaScript source into tokens, skipping comments. Stops (keeping what it has) where it cannot go on. */
class Tokenizer {
  readonly tokens: Token[] = [];
  private at = 0;
  private templateDepth = 0;

  constructor(private readonly text: string) {}

  run(): Token[] {
    try {
      for (;;) {
        const token = this.next();
        if (token === undefined) break;
        this.tokens.push(token);
      }
    } catch (error) {
      if (error !== STOP) throw error;
    }
    return this.tokens;
  }

  /** The next token, or undefined at the end of the text. */
  private next(): Token | undefined {
    this.skipBlanks();
    const { text } = this;
    const char = text[this.at];
    if (char === undefined) return undefined;
    if (char === '"' || char === "'") return { kind: 'string', value: this.quoted(char) };
    if (char === '`') return this.template();
    if (DIGIT_OR_DOT.test(char)) {
      const number = sticky(NUMBER, text, this.at);
      if (number !== undefined) {
        this.at += number.length;
        return { kind: 'number', value: Number(number.replace(/_|n$/g, '')) };
      }
    } else if (WORD_START.test(char)) {
      const word = sticky(WORD, text, this.at);
      if (word !== undefined) {
        this.at += word.length;
        return { kind: 'word', text: word };
      }
    }
    if (char === '\\') throw STOP;
    this.at += 1;
    return punctuator(char);
  }

  private skipBlanks(): void {
    const { text } = this;
    for (;;) {
      const char = text[this.at];
      if (char === undefined) return;
      if (char === ' ' || char === '\n' || char === '\r' || char === '\t') this.at += 1;
      else if (char === '/' && text[this.at + 1] === '/') this.at += sticky(LINE_COMMENT, text, this.at)?.length ?? 2;
      else if (char === '/' && text[this.at + 1] === '*') {
        const end = text.indexOf('*/', this.at + 2);
        if (end < 0) throw STOP;
        this.at = end + 2;
      } else {
        const blank = char > '~' || char < ' ' ? sticky(WHITESPACE, text, this.at) : undefined;
        if (blank === undefined) return;
        this.at += blank.length;
      }
    }
  }

  /** A '...' or "..." string's value; the opening quote is at `at`. */
  private quoted(quote: string): string {
    const { text } = this;
    let value = '';
    this.at += 1;
    for (;;) {
      const char = text[this.at];
      if (char === undefined || char === '\n' || char === '\r') throw STOP;
      this.at += 1;
      if (char === quote) return value;
      value += char === '\\' ? this.escape() : char;
    }
  }

  /** The character(s) an escape sequence stands for; the backslash is already read. */
  private escape(): string {
    const { text } = this;
    const char = text[this.at];
    if (char === undefined) throw STOP;
    this.at += 1;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) return simple;
    if (char === '\r' && text[this.at] === '\n') {
      this.at += 1;
      return '';
    }
    if (char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029') return '';
    if (char === 'x' || char === 'u') {
      let hex: string;
      if (char === 'u' && text[this.at] === '{') {
        const end = text.indexOf('}', this.at);
        if (end < 0) throw STOP;
        hex = text.slice(this.at + 1, end);
        this.at = end + 1;
      } else {
        hex = text.slice(this.at, this.at + (char === 'x' ? 2 : 4));
        this.at += hex.length;
      }
      const code = HEX.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
      if (!(code <= 0x10ffff)) throw STOP;
      return String.fromCodePoint(code);
    }
    return char;
  }

  /** A `...` template: a string token without substitutions, a 'template' token with them (skipped). */
  private template(): Token {
    const { text } = this;
    let value = '';
    let substituted = false;
    if (this.templateDepth >= MAX_DEPTH) throw STOP;
    this.templateDepth += 1;
    this.at += 1;
    for (;;) {
      const char = text[this.at];
      if (char === undefined) throw STOP;
      this.at += 1;
      if (char === '`') {
        this.templateDepth -= 1;
        return substituted ? { kind: 'template' } : { kind: 'string', value };
      }
      if (char === '\\') value += this.escape();
      else if (char === '$' && text[this.at] === '{') {
        this.at += 1;
        substituted = true;
        this.skipSubstitution();
      } else value += char;
    }
  }

  /** Skips the tokens of a `${...}` substitution up to its closing brace. */
  private skipSubstitution(): void {
    let depth = 0;
    for (;;) {
      const token = this.next();
      if (token === undefined) throw STOP;
      if (token.kind !== 'punct') continue;
      if (token.text === '{') depth += 1;
      else if (token.text === '}') {
        if (depth === 0) return;
        depth -= 1;
      }
    }
  }
}

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
  return new LiteralParser(new Tokenizer(text).run()).topLevelObjects();
}
