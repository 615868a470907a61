import { describe, expect, it } from 'vitest';
import { OtpInputError } from '../../src/core/otp-input-error.ts';
import type { ImportEntry } from '../../src/core/formats/import-entry.ts';
import { previewImport } from '../../src/services/preview-import.ts';
import { account, draftOf, numberedDraft } from '../support/account-fixtures.ts';

const WHERE = { kind: 'entry', entry: 1 } as const;
const entry = (n: number, overrides = {}): ImportEntry => ({ ok: true, where: WHERE, account: { draft: numberedDraft(n, overrides) } });
const refused: ImportEntry = { ok: false, where: { kind: 'line', line: 3 }, hint: undefined, error: new OtpInputError('secret-missing', 'No secret', { field: 'secret' }) };

describe('previewImport', () => {
  it('tells new, already stored, repeated in the file, and refused entries apart, in file order', () => {
    const stored = [account('a1')];
    // n = 1 is stored; its label in other case is still the same account.
    const preview = previewImport([entry(2), { ok: true, where: WHERE, account: { draft: { ...draftOf(account('a1')), issuer: 'SERVICE 1' } } }, refused, entry(2), entry(3, { issuer: '', name: '' })], stored);
    expect(preview.rows).toEqual([
      { verdict: 'new', label: 'Service 2 (user2@example.com)' },
      { verdict: 'existing', label: 'SERVICE 1 (user1@example.com)' },
      { verdict: 'refused', entry: refused },
      { verdict: 'repeated', label: 'Service 2 (user2@example.com)' },
      { verdict: 'new', label: '' },
    ]);
    expect(preview.counts).toEqual({ new: 2, existing: 1, repeated: 1, refused: 1 });
  });

  it('an empty file: nothing to add', () => {
    expect(previewImport([], [account('a1')])).toEqual({ rows: [], counts: { new: 0, existing: 0, repeated: 0, refused: 0 } });
  });
});
