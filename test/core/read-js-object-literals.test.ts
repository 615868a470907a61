import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsObjectLiterals, type JsValue } from '../../src/core/read-js-object-literals.ts';

/** The objects as plain JSON-like values (undefined kept), for toEqual. */
function read(text: string): JsValue[] {
  return readJsObjectLiterals(text).map((object) => ({ ...object }));
}

describe('readJsObjectLiterals', () => {
  it.each<[string, string, JsValue[]]>([
    ['a JSON object', '{"a": "x", "b": 1, "c": [true, false, null], "d": {"e": {}}}', [{ a: 'x', b: 1, c: [true, false, null], d: { e: {} } }]],
    ['bare, single-quoted and numeric keys', `{ a: 1, 'b c': 2, 3: 'three' }`, [{ a: 1, 'b c': 2, '3': 'three' }]],
    ['trailing commas', '{ a: [1, 2,], b: 3, }', [{ a: [1, 2], b: 3 }]],
    ['line and block comments', '{ /* x: 1 */ a: 1, // b: 2\n c: 3 }', [{ a: 1, c: 3 }]],
    ['escapes in strings', String.raw`{ a: 'it\'s', b: "\u0041\x42\u{1F600}\n", c: 'line\
two' }`, [{ a: "it's", b: 'AB\u{1F600}\n', c: 'linetwo' }]],
    ['a template without substitutions', '{ a: `plain` }', [{ a: 'plain' }]],
    ['a template with a substitution', '{ a: `x${ {y: 1}.y }z`, b: 2 }', [{ a: undefined, b: 2 }]],
    ['negative and hex numbers', '{ a: -1.5, b: 0x10, c: 1_000 }', [{ a: -1.5, b: 16, c: 1000 }]],
    ['identifiers and calls as undefined', '{ a: process.env.REGION, b: f(1, { c: 2 }), d: x || "y", e: "s" + t, f: () => { return 1; } }', [{ a: undefined, b: undefined, d: undefined, e: undefined, f: undefined }]],
    ['a shorthand property as undefined', '{ region, pool: "p" }', [{ region: undefined, pool: 'p' }]],
    ['a spread skipped', '{ ...base, a: 1, ...more.stuff }', [{ a: 1 }]],
    ['an object followed by code as undefined', '{ a: { b: 1 }.b, c: [1].length }', [{ a: undefined, c: undefined }]],
    ['duplicate keys: the last wins', '{ a: 1, a: 2 }', [{ a: 2 }]],
    ['a BOM and non-ASCII identifiers', '\uFEFF{ clé: "v" }', [{ clé: 'v' }]],
  ])('reads %s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('finds each top-level object in JavaScript source, in order', () => {
    const source = [
      '/* eslint-disable */',
      '// WARNING: DO NOT EDIT.',
      'import { Amplify } from "aws-amplify";',
      'export { other };',
      'const awsmobile = { "aws_project_region": "us-east-1" };',
      'Amplify.configure({ Auth: { Cognito: { userPoolId: "us-east-1_a" } } });',
      'export default awsmobile;',
    ].join('\n');
    expect(read(source)).toEqual([{ aws_project_region: 'us-east-1' }, { Auth: { Cognito: { userPoolId: 'us-east-1_a' } } }]);
  });

  it('skips braces that do not open an object literal, and objects broken by a statement', () => {
    expect(read('function f() { return 1; } if (x) { y(); } const o = { ok: true };')).toEqual([{ ok: true }]);
    expect(read('{ a: 1; } { b: 2 }')).toEqual([{ b: 2 }]);
  });

  it('keeps the objects before text it cannot read', () => {
    expect(read('{ a: 1 } "unterminated')).toEqual([{ a: 1 }]);
    expect(read('{ a: 1 } /* unterminated')).toEqual([{ a: 1 }]);
  });

  it('reads __proto__ as an ordinary key, without touching any prototype', () => {
    const [object] = readJsObjectLiterals('{ "__proto__": { "polluted": true }, constructor: 1 }');
    expect(Object.getPrototypeOf(object)).toBeNull();
    expect(object?.['__proto__']).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never runs the code it reads', () => {
    const marker = globalThis as { keystepRan?: boolean };
    read('{ a: (() => { globalThis.keystepRan = true; })(), b: `${globalThis.keystepRan = true}` } globalThis.keystepRan = true;');
    expect(marker.keystepRan).toBeUndefined();
  });

  it('reads 65 levels of nesting; deeper objects are read from where 65 levels remain', () => {
    const nested = (levels: number): string => `${'{a:'.repeat(levels)}1${'}'.repeat(levels)}`;
    const levelsOf = (value: JsValue): number => (typeof value === 'object' && value !== null && 'a' in value ? 1 + levelsOf((value as { a: JsValue }).a) : 0);
    expect(readJsObjectLiterals(nested(65)).map(levelsOf)).toEqual([65]);
    expect(readJsObjectLiterals(nested(70)).map(levelsOf)).toEqual([65]);
  });

  it('stops at templates nested past 64 levels, keeping the objects before', () => {
    expect(read('{ a: 1 } '.concat('`${'.repeat(200)))).toEqual([{ a: 1 }]);
  });

  it('returns objects for any text and never throws', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', '(', ')', ',', ':', ';', '"', "'", '`', '${', '\\', '/*', '*/', '//', '\n', 'a', '1', '-', '.', '...', ' ', 'true');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''))), (text) => {
        expect(Array.isArray(readJsObjectLiterals(text))).toBe(true);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('reads what JSON.stringify writes back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const [object] = readJsObjectLiterals(JSON.stringify(value));
        expect(JSON.parse(JSON.stringify(object))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500, seed: 13 },
    );
  });
});
