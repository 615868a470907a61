import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError } from '../../../src/core/backup-error.ts';
import type { ImportPreview } from '../../../src/core/formats/import-entry.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { readImportFile, type ImportRead } from '../../../src/core/formats/read-import-file.ts';
import type { Scrypt } from '../../../src/core/formats/scrypt.ts';
import { unlockImport } from '../../../src/core/formats/unlock-import.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { validateAccountDraft } from '../../../src/core/validate-account-draft.ts';
import { draft, numberedDraft } from '../../support/account-fixtures.ts';
import { aegisEncryptedVault, aegisEntry, aegisPlainVault } from '../../support/aegis-vault-writer.ts';
import { authenticatorEntry, authenticatorExport } from '../../support/authenticator-export-writer.ts';
import { bitwardenExport, bitwardenLogin } from '../../support/bitwarden-export-writer.ts';
import { anyText } from '../../support/draft-arbitrary.ts';
import { twoFasEncryptedBackup, twoFasPlainBackup, twoFasService } from '../../support/two-fas-backup-writer.ts';

const PASSWORD = 'property password';

/** What a Base64 field may hold, and the 2FAS separator. */
const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/:=';

/** Plain checks: expect() is slow in loops of thousands. */
function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** Every entry is a valid draft or a typed refusal, with a place and a short hint. */
function checkPreview(preview: ImportPreview): void {
  for (const entry of preview.entries) {
    assert(Object.values(entry.where).every((v) => typeof v === 'string' || (Number.isInteger(v) && v >= 1)), 'a bad place');
    if (entry.ok) {
      const d = entry.account.draft;
      const again = validateAccountDraft({ ...d, digits: String(d.digits), period: String(d.period), counter: String(d.counter) });
      assert(JSON.stringify(again) === JSON.stringify(d), 'a draft validation changes');
    } else {
      assert(entry.error instanceof OtpInputError || entry.error instanceof ImportEntryError, `an untyped refusal: ${String(entry.error)}`);
      assert(entry.hint === undefined || (entry.hint.length > 0 && entry.hint.length <= 64), 'a bad hint');
    }
  }
}

type Outcome = 'ready' | 'password' | 'rejected';

/** readImportFile returns a whole, valid result or throws ImportFileError / BackupError, and nothing else. */
function read(input: string | Uint8Array): { outcome: Outcome; result?: ImportRead } {
  let result: ImportRead;
  try {
    result = readImportFile(input);
  } catch (error) {
    assert(error instanceof ImportFileError || error instanceof BackupError, `threw ${String(error)}`);
    return { outcome: 'rejected' };
  }
  if (result.status === 'ready') checkPreview(result.preview);
  return { outcome: result.status, result };
}

function tally(arbitrary: fc.Arbitrary<string | Uint8Array>, seed: number, numRuns: number, also?: (result: ImportRead, input: string | Uint8Array) => void): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { ready: 0, password: 0, rejected: 0 };
  fc.assert(
    fc.property(arbitrary, (input) => {
      const { outcome, result } = read(input);
      counts[outcome] += 1;
      if (result && also) also(result, input);
    }),
    { seed, numRuns },
  );
  return counts;
}

const drafts = [draft(), numberedDraft(1, { type: 'hotp', counter: 5 }), numberedDraft(2, { algorithm: 'SHA512', digits: 8, period: 60 })];

/** One valid file of each plain JSON format, and the number of account entries in it. */
const FILES: Record<string, string> = {
  aegis: aegisPlainVault(drafts.map((d) => aegisEntry(d))),
  'two-fas': twoFasPlainBackup(drafts.map((d) => twoFasService(d))),
  authenticator: authenticatorExport(drafts.map((d, i) => authenticatorEntry(d, i))),
  bitwarden: bitwardenExport(drafts.map((d) => bitwardenLogin(d.issuer, d.name, d.type === 'totp' && d.digits === 6 ? d.secret : `otpauth://${d.type}/x?secret=${d.secret}&counter=${d.counter}`))),
};

/** A value for any field: plausible and implausible. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('totp', 'hotp', 'steam', 'TOTP', 'HOTP', 'STEAM', 'battle', 'hex', 'JBSWY3DPEHPK3PXP', 'SHA1', 'SHA256', 'MD5', 6, 7, 8, 30, -1, 2 ** 53, 1e21, null),
);

const TOKENS = [
  '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\uFEFF', '\uD800', 'null', 'true', 'false', '0', '1', '-1', '1e9', '0.5',
  '"version"', '"header"', '"db"', '"slots"', '"params"', '"entries"', '"type"', '"info"', '"secret"', '"schemaVersion"',
  '"services"', '"servicesEncrypted"', '"otp"', '"items"', '"login"', '"totp"', '"encrypted"', '"dataType"', '"key"',
  '"totp"', '"hotp"', '"steam"', '"JBSWY3DPEHPK3PXP"', '"otpauth://totp/a?secret=JBSWY3DPEHPK3PXP"', 'otpauth://', 'otpauth-migration://offline?data=',
];

/** How many entries a file of `format` holds, by its own structure. */
function entryCount(format: string, file: Record<string, unknown>): number {
  const length = (value: unknown): number => (Array.isArray(value) ? value.length : Number.NaN);
  switch (format) {
    case 'aegis':
      return length((file.db as Record<string, unknown>).entries);
    case 'two-fas':
      return length(file.services);
    case 'bitwarden':
      return length(file.items);
    default:
      return Object.keys(file).filter((key) => !['key', 'enc', 'hash', 'UserSettings'].includes(key)).length;
  }
}

describe('readImportFile properties', () => {
  it('reads or refuses, with a typed error, any bytes', () => {
    const counts = tally(fc.uint8Array({ maxLength: 200 }), 0x696d7031, 2000);
    expect(counts.rejected).toBeGreaterThan(1500);
  });

  it('reads or refuses any text, and any soup of the formats’ tokens', () => {
    const text = fc.oneof(anyText(200), fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join('')));
    const counts = tally(text, 0x696d7032, 3000);
    expect(counts.rejected).toBeGreaterThan(1000);
    expect(counts.ready).toBeGreaterThan(20);
  });

  it('reads or refuses any JSON value', () => {
    const counts = tally(fc.jsonValue().map((value) => JSON.stringify(value)), 0x696d7033, 2000);
    expect(counts.rejected).toBeGreaterThan(1000);
  });

  it.each(Object.keys(FILES))('reads or refuses character edits of a valid %s file', (format) => {
    const valid = FILES[format]!;
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), fc.constantFrom(...TOKENS)), { minLength: 1, maxLength: 4 });
    const mutated = edits.map((list) =>
      list.reduce((text, [at, op, token]) => {
        const i = at % (text.length + 1);
        if (op === 'insert') return text.slice(0, i) + token + text.slice(i);
        if (op === 'delete') return text.slice(0, i) + text.slice(i + 1 + (at % 5));
        return text.slice(0, i) + token + text.slice(i + token.length);
      }, valid),
    );
    const counts = tally(mutated, 0x696d7034, 1500);
    expect(counts.ready).toBeGreaterThan(0);
    expect(counts.rejected).toBeGreaterThan(100);
  });

  it.each(Object.keys(FILES))('reads or refuses a valid %s file cut short, and never drops an entry it read', (format) => {
    const valid = FILES[format]!;
    fc.assert(
      fc.property(fc.nat({ max: valid.length }), (length) => {
        const { outcome, result } = read(valid.slice(0, length));
        if (outcome === 'ready' && result?.status === 'ready' && result.preview.format === format) {
          // A cut JSON file does not parse, so only the whole file can be read: all its entries, none lost.
          assert(result.preview.entries.length === drafts.length, 'entries lost');
        }
      }),
      { seed: 0x696d7035, numRuns: 300 },
    );
  });

  /** Every path of a JSON value, for structural mutations. */
  function paths(value: unknown, prefix: readonly (string | number)[] = []): (readonly (string | number)[])[] {
    if (typeof value !== 'object' || value === null) return [];
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return keys.flatMap((key) => [[...prefix, key], ...paths((value as Record<string | number, unknown>)[key], [...prefix, key])]);
  }

  it.each(Object.keys(FILES))('reads or refuses a valid %s file with a field removed or changed, every entry accounted for', (format) => {
    const valid = JSON.parse(FILES[format]!) as unknown;
    const all = paths(valid);
    const mutation = fc.tuple(fc.constantFrom(...all), fc.boolean(), fieldValue).map(([path, remove, value]) => {
      const copy = structuredClone(valid) as Record<string | number, unknown>;
      const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((object, key) => object[key] as Record<string | number, unknown>, copy);
      const key = path.at(-1)!;
      if (remove && !Array.isArray(parent)) Reflect.deleteProperty(parent, key);
      else parent[key] = value;
      return JSON.stringify(copy);
    });
    const secrets = [...drafts.map((d) => d.secret), 'JBSWY3DPEHPK3PXP'];
    const counts = tally(mutation, 0x696d7036, 2000, (result, input) => {
      if (result.status !== 'ready') return;
      // No secret, wherever it was moved in the file, comes back in a refusal.
      for (const entry of result.preview.entries) {
        if (entry.ok) continue;
        const shown = JSON.stringify([entry.hint, entry.error.message, Object.entries(entry.error)]);
        assert(!secrets.some((secret) => shown.includes(secret)), `a secret in a refusal: ${shown}`);
      }
      if (result.preview.format !== format) return;
      // Each entry of the file is in the preview, read or refused (or, in Bitwarden, skipped): none dropped.
      const { entries, skipped } = result.preview;
      assert(entries.length + skipped === entryCount(format, JSON.parse(input as string) as Record<string, unknown>), `entries: ${entries.length} + ${skipped}`);
    });
    expect(counts.ready).toBeGreaterThan(500);
    expect(counts.rejected).toBeGreaterThan(10);
  });

  it('lists every element of an Aegis, 2FAS or Bitwarden entry array, whatever it holds', () => {
    const elements = fc.array(fc.oneof(fieldValue, fc.dictionary(fc.constantFrom('type', 'name', 'issuer', 'info', 'secret', 'otp', 'login', 'totp'), fieldValue)), { maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom('aegis', 'two-fas', 'bitwarden'), elements, (format, list) => {
        const text = {
          aegis: () => JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries: list } }),
          'two-fas': () => JSON.stringify({ schemaVersion: 4, services: list }),
          bitwarden: () => JSON.stringify({ encrypted: false, items: list }),
        }[format]();
        const { result } = read(text);
        assert(result?.status === 'ready', 'not read');
        if (result?.status === 'ready') assert(result.preview.entries.length + result.preview.skipped === list.length, 'an element lost');
      }),
      { seed: 0x696d7037, numRuns: 1500 },
    );
  });
});

describe('unlockImport properties', () => {
  const aegis = aegisEncryptedVault(drafts.map((d) => aegisEntry(d)), PASSWORD, { n: 16 });
  const twoFas = twoFasEncryptedBackup(drafts.map((d) => twoFasService(d)), PASSWORD);

  /** Reads then unlocks; only typed errors; a result has all the accounts. */
  async function readAndUnlock(text: string, password: string, scrypt?: Scrypt): Promise<'unlocked' | 'rejected'> {
    try {
      const result = readImportFile(text);
      if (result.status !== 'password') return 'rejected';
      const preview = await unlockImport(result.locked, password, { scrypt });
      checkPreview(preview);
      return 'unlocked';
    } catch (error) {
      assert(error instanceof ImportFileError || error instanceof BackupError, `threw ${String(error)}`);
      return 'rejected';
    }
  }

  it.each([
    ['Aegis', aegis, 'db'],
    ['2FAS', twoFas, 'servicesEncrypted'],
  ])('refuses a %s file whose encrypted bytes were changed, with a typed error', async (_, text, field) => {
    const valid = JSON.parse(text) as Record<string, unknown>;
    const encoded = valid[field] as string;
    let unlocked = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: encoded.length - 1 }), fc.nat({ max: BASE64_CHARS.length - 1 }).map((i) => BASE64_CHARS.charAt(i)), async (at, char) => {
        const changed = `${encoded.slice(0, at)}${char}${encoded.slice(at + 1)}`;
        if ((await readAndUnlock(JSON.stringify({ ...valid, [field]: changed }), PASSWORD)) === 'unlocked') unlocked += 1;
      }),
      { seed: 0x696d7038, numRuns: 150 },
    );
    // Only a change that leaves the bytes as they were (e.g. the unused bits of the last Base64 character) opens.
    expect(unlocked).toBeLessThan(15);
  });

  it('refuses an Aegis vault with any header field changed, with a typed error', async () => {
    const valid = JSON.parse(aegis) as { header: { slots: Record<string, unknown>[]; params: Record<string, unknown> } };
    // A fast stand-in: the parameters reach scrypt unchecked by it, so a slow real run proves nothing more.
    const scrypt: Scrypt = (password, salt) => Promise.resolve(Uint8Array.from({ length: 32 }, (_, i) => (password[i % password.length] ?? 0) ^ (salt[i % salt.length] ?? 0)));
    const field = fc.constantFrom('key', 'n', 'r', 'p', 'salt', 'type', 'key_params');
    await fc.assert(
      fc.asyncProperty(field, fieldValue, async (name, value) => {
        const copy = structuredClone(valid);
        copy.header.slots[0]![name] = value;
        await readAndUnlock(JSON.stringify(copy), PASSWORD, scrypt);
      }),
      { seed: 0x696d7039, numRuns: 300 },
    );
  });

  it('refuses any password but the right one', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(20).filter((p) => p !== PASSWORD), async (password) => {
        expect(await readAndUnlock(twoFas, password)).toBe('rejected');
      }),
      { seed: 0x696d703a, numRuns: 100 },
    );
  });
});
