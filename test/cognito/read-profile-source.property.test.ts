import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'vitest';
import type { ProfileSource } from '../../src/cognito/profile-source.ts';
import { readProfileSource } from '../../src/cognito/read-profile-source.ts';

const SAMPLES_DIR = new URL('../support/amplify-samples/', import.meta.url);
const SAMPLES = readdirSync(SAMPLES_DIR)
  .filter((name) => name !== 'README.md')
  .map((name) => readFileSync(new URL(name, SAMPLES_DIR), 'utf8'));

const FORMATS = ['amplify-outputs', 'amplify-cli-config', 'amplify-plugin-config', 'amplify-configure', 'managed-login-url', 'issuer-url'];
const SYNTAXES = ['json', 'javascript', 'url'];
const REASONS = ['empty', 'too-long', 'not-cognito-url', 'unknown-json', 'unknown-text'];

/**
 * Reads `text` (a throw fails the property) and checks the result is one of the typed outcomes, consistent.
 * node:assert rather than expect: it is called thousands of times.
 */
function checkReading(text: string): ProfileSource {
  const result = readProfileSource(text);
  switch (result.kind) {
    case 'found': {
      assert.ok(FORMATS.includes(result.format) && SYNTAXES.includes(result.syntax), result.format);
      const values: unknown[] = Object.values(result.fields);
      assert.ok(values.length > 0, 'found without fields');
      for (const value of values) {
        assert.ok(typeof value === 'string' && value !== '' && value === value.trim() && value.length <= 256, `field ${JSON.stringify(value)}`);
      }
      assert.deepEqual(result.missing, (['region', 'userPoolId', 'clientId'] as const).filter((field) => result.fields[field] === undefined));
      break;
    }
    case 'no-user-pool':
      assert.ok(FORMATS.includes(result.format) && SYNTAXES.includes(result.syntax), result.format);
      break;
    case 'unreadable':
      assert.ok(REASONS.includes(result.reason), result.reason);
      break;
  }
  return result;
}

/** A sample with a few characters deleted, replaced or inserted at random places. */
const mutatedSample = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 }),
  )
  .map(([text, edits]) =>
    edits.reduce((current, [position, removed, inserted]) => {
      const at = position % (current.length + 1);
      return current.slice(0, at) + inserted + current.slice(at + removed);
    }, text),
  );

describe('readProfileSource (properties)', () => {
  it('gives a typed result for any text, never a throw', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void checkReading(text)), { numRuns: 3000, seed: 6 });
  });

  it('gives a typed result for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void checkReading(JSON.stringify(value))), { numRuns: 1500, seed: 6 });
  });

  it('gives a typed result for JSON with Amplify keys in random places', () => {
    const key = fc.constantFrom('auth', 'version', 'plugins', 'awsCognitoAuthPlugin', 'CognitoUserPool', 'Default', 'PoolId', 'user_pool_id', 'aws_user_pools_id', 'Auth', 'Cognito', 'oauth', 'domain', 'userPoolId', 'x');
    const tree = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.dictionary(key, tie('node'), { maxKeys: 4 }), fc.array(tie('node'), { maxLength: 3 })),
    })).node;
    fc.assert(fc.property(tree, (value) => void checkReading(JSON.stringify(value))), { numRuns: 1500, seed: 6 });
  });

  it('gives a typed result for damaged samples', () => {
    fc.assert(fc.property(mutatedSample, (text) => void checkReading(text)), { numRuns: 1500, seed: 6 });
  });

  it('gives a typed result for URLs, and reads only https ones', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const result = checkReading(url);
        if (result.kind === 'found') assert.ok(url.startsWith('https://'), url);
      }),
      { numRuns: 1500, seed: 6 },
    );
  });
});
