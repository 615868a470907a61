import { MAX_DEPTH, STOP, type Token } from './js-token.ts';

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

/** The tokens of JavaScript source `text`, comments skipped, up to where it stops being JavaScript this reader knows. */
export function tokenizeJs(text: string): Token[] {
  return new Tokenizer(text).run();
}
