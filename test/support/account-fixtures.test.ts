import { describe, expect, it } from 'vitest';
import { validateAccountDraft } from '../../src/core/validate-account-draft.ts';
import { account, draft, draftOf, numberedDraft, numberedSecret } from './account-fixtures.ts';

const asInput = (d: ReturnType<typeof draft>) => ({ ...d, digits: String(d.digits), period: String(d.period), counter: String(d.counter) });

describe('account fixtures', () => {
  it('are drafts the product itself accepts', () => {
    for (const d of [draft(), numberedDraft(0), numberedDraft(1), numberedDraft(4_000_000_000)]) {
      expect(validateAccountDraft(asInput(d))).toEqual(d);
    }
  });

  it('give each number its own secret', () => {
    const secrets = new Set(Array.from({ length: 1000 }, (_, n) => numberedSecret(n)));
    expect(secrets.size).toBe(1000);
  });

  it('derive accounts from the id number, and keep overrides', () => {
    expect(account('a2')).toMatchObject({ id: 'a2', issuer: 'Service 2', secret: numberedSecret(2), status: 'active', pinned: false });
    expect(account('a2', { pinned: true }).pinned).toBe(true);
    expect(draftOf(account('a7'))).toEqual(numberedDraft(7));
  });
});
