import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../src/core/base32.ts';
import { isAccountCode, readScannedCode, type ScannedCode } from '../../../src/core/formats/read-scanned-code.ts';
import { formatOtpauthUri } from '../../../src/core/otpauth-uri.ts';
import { draft, EXAMPLE_SECRET } from '../../support/account-fixtures.ts';
import { migrationPayload, migrationUri } from '../../support/migration-payload-writer.ts';

const ACCOUNT = formatOtpauthUri(draft());
const MIGRATION = migrationUri(migrationPayload({ accounts: [{ secret: decodeBase32(EXAMPLE_SECRET), name: 'alice', issuer: 'Example', algorithm: 1, digits: 1, type: 2 }], batchSize: 2, batchIndex: 1, batchId: 3 }));

describe('readScannedCode', () => {
  it.each<[title: string, text: string, expected: Record<string, unknown>]>([
    ['an otpauth:// account', ACCOUNT, { kind: 'otpauth', draft: draft() }],
    ['an otpauth:// account with spaces and a newline around it', `  ${ACCOUNT}\n`, { kind: 'otpauth', draft: draft() }],
    ['the scheme in capitals', ACCOUNT.replace('otpauth://', 'OTPAUTH://'), { kind: 'otpauth', draft: draft() }],
    ['an otpauth:// link with a bad secret', 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PX1', { kind: 'otpauth-refused', error: { code: 'secret-invalid-char' } }],
    ['an otpauth:// link with MD5', `otpauth://totp/X:y?secret=${EXAMPLE_SECRET}&algorithm=MD5`, { kind: 'otpauth-refused', error: { code: 'algorithm-unknown' } }],
    ['a Google Authenticator export code', MIGRATION, { kind: 'migration', batch: { batchId: 3, batchSize: 2, batchIndex: 1 } }],
    ['a damaged export code', 'otpauth-migration://offline?data=%2F%2F%2F', { kind: 'migration-damaged', error: { code: 'format-malformed' } }],
    ['an export code without data', 'otpauth-migration://offline', { kind: 'migration-damaged', error: { field: 'data' } }],
    ['a web address: its origin only', 'https://Example.com:8443/reset?token=abc#x', { kind: 'web-link', origin: 'https://example.com:8443' }],
    ['an http address with credentials: no credentials shown', 'http://user:pass@example.com/x', { kind: 'web-link', origin: 'http://example.com' }],
    ['a Wi-Fi network', 'WIFI:S:home;T:WPA;P:secret;;', { kind: 'text' }],
    ['a mailto link', 'mailto:someone@example.com', { kind: 'text' }],
    ['plain text', 'Hello, world', { kind: 'text' }],
    ['a bare secret', EXAMPLE_SECRET, { kind: 'text' }],
    ['an https text that is not a URL', 'https://', { kind: 'text' }],
    ['empty text', '', { kind: 'text' }],
  ])('%s', (_, text, expected) => {
    const code = readScannedCode(text);
    expect(code).toMatchObject(expected);
    expect(Object.keys(code).sort()).toEqual(Object.keys(expected).sort());
  });

  it('never repeats the content of a code that is not an account', () => {
    expect(JSON.stringify(readScannedCode('WIFI:S:home;T:WPA;P:hunter2;;'))).not.toContain('hunter2');
    expect(JSON.stringify(readScannedCode('https://example.com/reset?token=abc123'))).not.toContain('abc123');
  });

  it.each<[ScannedCode['kind'], boolean]>([
    ['otpauth', true],
    ['otpauth-refused', true],
    ['migration', true],
    ['migration-damaged', true],
    ['web-link', false],
    ['text', false],
  ])('isAccountCode(%s) is %s', (kind, expected) => {
    expect(isAccountCode({ kind } as ScannedCode)).toBe(expected);
  });
});
