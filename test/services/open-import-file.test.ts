import { describe, expect, it } from 'vitest';
import { createBackup, formatOtpauthList } from '../../src/core/backup-file.ts';
import { MAX_IMPORT_FILE_BYTES, openImportFile } from '../../src/services/open-import-file.ts';
import { ACCOUNTS } from '../support/backup-fixture-accounts.ts';

const file = (text: string, size = text.length) => ({ size, text: () => Promise.resolve(text) });
const BAD_CHAR_URI = 'otpauth://totp/Broken:x?secret=JBSWY3DPEHPK3PX1&issuer=Broken';

describe('openImportFile', () => {
  it('a Keystep backup: its envelope, for the password step', async () => {
    const text = await createBackup(ACCOUNTS, 'correct horse', { now: Date.UTC(2026, 0, 2), iterations: 1_000 });
    expect(await openImportFile(file(text))).toMatchObject({ kind: 'backup', envelope: { format: 'keystep-backup', createdAt: '2026-01-02T00:00:00.000Z' } });
  });

  it('a list of otpauth URIs: one entry per non-blank line, the refused ones with their line number', async () => {
    const text = `${formatOtpauthList(ACCOUNTS.slice(0, 2))}\n${BAD_CHAR_URI}\nnot a link\n`;
    const opened = await openImportFile(file(text));
    expect(opened).toMatchObject({
      kind: 'entries',
      entries: [
        { ok: true, account: { draft: { issuer: 'GitHub', name: 'octocat' } } },
        { ok: true, account: { draft: { issuer: 'Bank', counter: 42 } } },
        { ok: false, source: { kind: 'line', line: 4 }, error: { code: 'secret-invalid-char' } },
        { ok: false, source: { kind: 'line', line: 5 }, error: { code: 'uri-malformed' } },
      ],
    });
  });

  it.each<[string, string, string]>([
    ['text with no otpauth line', 'hello\nworld', 'neither'],
    ['an empty file', '', 'neither'],
    ['JSON that is not a backup', '{"format":"other"}', 'neither'],
  ])('%s: neither', async (_, text, kind) => {
    expect(await openImportFile(file(text))).toEqual({ kind });
  });

  it('an otpauth-migration line counts as a list (its line gets its own reason)', async () => {
    expect(await openImportFile(file('otpauth-migration://offline?data=abc'))).toMatchObject({ kind: 'entries', entries: [{ ok: false, error: { code: 'uri-scheme' } }] });
  });

  it('a backup with a damaged envelope is unreadable, with the field', async () => {
    const text = JSON.stringify({ format: 'keystep-backup', version: 1, createdAt: 'not a date' });
    expect(await openImportFile(file(text))).toMatchObject({ kind: 'backup-unreadable', error: { code: 'backup-malformed', field: 'createdAt' } });
  });

  it('a file over the limit is not read', async () => {
    let read = false;
    const big = { size: MAX_IMPORT_FILE_BYTES + 1, text: () => ((read = true), Promise.resolve('')) };
    expect(await openImportFile(big)).toEqual({ kind: 'too-large' });
    expect(read).toBe(false);
  });

  it('a file the browser cannot read', async () => {
    const error = new Error('NotReadableError');
    expect(await openImportFile({ size: 10, text: () => Promise.reject(error) })).toEqual({ kind: 'read-failed', error });
  });
});
