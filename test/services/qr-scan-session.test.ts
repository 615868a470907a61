import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../src/core/base32.ts';
import { readScannedCode } from '../../src/core/formats/read-scanned-code.ts';
import { formatOtpauthUri } from '../../src/core/otpauth-uri.ts';
import type { ScanSiteOffer } from '../../src/core/scan-site-offer.ts';
import { EMPTY_QR_SCAN_SESSION, migrationProgress, scannedPages, sessionEntries, takeCodes, type FoundCode } from '../../src/services/qr-scan-session.ts';
import { numberedDraft } from '../support/account-fixtures.ts';
import { migrationPayload, migrationUri, type TestMigrationAccount } from '../support/migration-payload-writer.ts';

const found = (text: string): FoundCode => ({ text, code: readScannedCode(text) });
const ga = (n: number): TestMigrationAccount => ({ secret: decodeBase32(numberedDraft(n).secret), name: `user${n}@example.com`, issuer: `Service ${n}`, algorithm: 1, digits: 1, type: 2 });
const batch = (index: number, ns: readonly number[], batchId = 11, batchSize = 3): FoundCode =>
  found(migrationUri(migrationPayload({ accounts: ns.map(ga), version: 1, batchSize, batchIndex: index, batchId })));

describe('QR scan session', () => {
  it('takes otpauth codes in order, numbered as scanned; the same code scanned twice is kept once', () => {
    const first = takeCodes(EMPTY_QR_SCAN_SESSION, [found(formatOtpauthUri(numberedDraft(1))), found('https://example.com/'), found('otpauth://totp/Bad:x?secret=1')]);
    const second = takeCodes(first.session, [found(formatOtpauthUri(numberedDraft(1))), found(formatOtpauthUri(numberedDraft(2)))]);
    const entries = sessionEntries(second.session);
    expect(entries).toMatchObject([
      { ok: true, where: { kind: 'scanned-qr', scanned: 1 }, account: { draft: numberedDraft(1) } },
      { ok: false, where: { kind: 'scanned-qr', scanned: 2 }, hint: undefined, error: { code: 'secret-invalid-char' } },
      { ok: true, where: { kind: 'scanned-qr', scanned: 3 }, account: { draft: numberedDraft(2) } },
    ]);
    expect(entries).toHaveLength(3);
    expect(second.notes).toEqual([]);
    expect(migrationProgress(second.session)).toBeUndefined();
  });

  it('collects a Google Authenticator export code by code, in any order, and says what is missing', () => {
    const one = takeCodes(EMPTY_QR_SCAN_SESSION, [batch(2, [5])]);
    expect(migrationProgress(one.session)).toEqual({ scanned: 1, total: 3, missing: [0, 1] });
    const two = takeCodes(one.session, [batch(0, [1, 2]), batch(2, [5])]);
    expect(two.notes).toEqual(['migration-repeated']);
    expect(migrationProgress(two.session)).toEqual({ scanned: 2, total: 3, missing: [1] });
    const other = takeCodes(two.session, [batch(0, [9], 12)]);
    expect(other.notes).toEqual(['migration-other-export']);
    const all = takeCodes(other.session, [batch(1, [3, 4])]);
    expect(migrationProgress(all.session)).toEqual({ scanned: 3, total: 3, missing: [] });
    expect(sessionEntries(all.session).map((entry) => (entry.ok ? [entry.where, entry.account.draft.issuer] : entry.where))).toEqual([
      [{ kind: 'qr-account', qr: 1, account: 1 }, 'Service 1'],
      [{ kind: 'qr-account', qr: 1, account: 2 }, 'Service 2'],
      [{ kind: 'qr-account', qr: 2, account: 1 }, 'Service 3'],
      [{ kind: 'qr-account', qr: 2, account: 2 }, 'Service 4'],
      [{ kind: 'qr-account', qr: 3, account: 1 }, 'Service 5'],
    ]);
  });

  it('a damaged export code is a refused entry with the field, not a failure', () => {
    const { session } = takeCodes(EMPTY_QR_SCAN_SESSION, [found('otpauth-migration://offline?data=%2F%2F%2F')]);
    expect(sessionEntries(session)).toMatchObject([{ ok: false, where: { kind: 'scanned-qr', scanned: 1 }, hint: undefined, error: { code: 'migration-malformed', field: 'data' } }]);
    expect(sessionEntries(session)).toHaveLength(1);
  });

  it('links and text are never taken', () => {
    const { session } = takeCodes(EMPTY_QR_SCAN_SESSION, [found('https://example.com/'), found('hello')]);
    expect(sessionEntries(session)).toEqual([]);
  });

  describe('the page a code was scanned on', () => {
    const SITE: ScanSiteOffer = { kind: 'site', site: 'https://accounts.example.com', bindByDefault: true };
    const LOCAL: ScanSiteOffer = { kind: 'site', site: 'http://127.0.0.1:8080', bindByDefault: false };
    const INSECURE: ScanSiteOffer = { kind: 'insecure', origin: 'http://accounts.example.com' };
    const sitesOf = (entries: ReturnType<typeof sessionEntries>): (readonly string[] | undefined)[] => entries.map((entry) => (entry.ok ? entry.account.sites : undefined));

    it('binds each account code to the site it was scanned on, when that site is in `bind`', () => {
      const one = takeCodes(EMPTY_QR_SCAN_SESSION, [found(formatOtpauthUri(numberedDraft(1)))], SITE);
      const two = takeCodes(one.session, [found(formatOtpauthUri(numberedDraft(2))), found(formatOtpauthUri(numberedDraft(1)))], LOCAL);
      const three = takeCodes(two.session, [found(formatOtpauthUri(numberedDraft(3)))]);
      expect(scannedPages(three.session)).toEqual([SITE, LOCAL]);
      expect(sitesOf(sessionEntries(three.session))).toEqual([undefined, undefined, undefined]);
      expect(sitesOf(sessionEntries(three.session, new Set([SITE.site])))).toEqual([[SITE.site], undefined, undefined]);
      expect(sitesOf(sessionEntries(three.session, new Set([SITE.site, LOCAL.site])))).toEqual([[SITE.site], [LOCAL.site], undefined]);
    });

    it('an insecure page is named, never bound', () => {
      const { session } = takeCodes(EMPTY_QR_SCAN_SESSION, [found(formatOtpauthUri(numberedDraft(1)))], INSECURE);
      expect(scannedPages(session)).toEqual([INSECURE]);
      expect(sitesOf(sessionEntries(session, new Set([INSECURE.origin])))).toEqual([undefined]);
    });

    it('a refused code offers no page and gets none', () => {
      const { session } = takeCodes(EMPTY_QR_SCAN_SESSION, [found('otpauth://totp/Bad:x?secret=1')], SITE);
      expect(scannedPages(session)).toEqual([]);
      expect(sessionEntries(session, new Set([SITE.site]))).toMatchObject([{ ok: false }]);
    });

    it('the accounts of a Google Authenticator export are never bound', () => {
      const { session } = takeCodes(EMPTY_QR_SCAN_SESSION, [batch(0, [1, 2], 11, 1), found(formatOtpauthUri(numberedDraft(3)))], SITE);
      expect(scannedPages(session)).toEqual([SITE]);
      expect(sitesOf(sessionEntries(session, new Set([SITE.site])))).toEqual([[SITE.site], undefined, undefined]);
    });

    it('an export alone offers no page', () => {
      const { session } = takeCodes(EMPTY_QR_SCAN_SESSION, [batch(0, [1, 2], 11, 1)], SITE);
      expect(scannedPages(session)).toEqual([]);
    });
  });
});
