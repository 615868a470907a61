import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '../../../src/core/base32.ts';
import { formatMigrationBatches, MAX_MIGRATION_URI_LENGTH } from '../../../src/core/formats/format-migration-batches.ts';
import { ImportEntryError } from '../../../src/core/formats/import-entry-error.ts';
import { ImportFileError } from '../../../src/core/formats/import-file-error.ts';
import { parseMigrationUri, type MigrationBatch } from '../../../src/core/formats/parse-migration-uri.ts';
import { OtpInputError } from '../../../src/core/otp-input-error.ts';
import { validateAccountDraft } from '../../../src/core/validate-account-draft.ts';
import { anyText, draftArbitrary } from '../../support/draft-arbitrary.ts';
import { migrationPayload, migrationUri, protobufMessage, type RawField, type TestMigrationAccount } from '../../support/migration-payload-writer.ts';

type Outcome = 'read' | 'rejected';

/** Fails the property with `what` unless `condition` holds (plain checks: expect() is slow in hot loops). */
function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** parseMigrationUri returns a whole batch whose every account is a valid draft or a typed refusal, or throws ImportFileError. */
function check(uri: string): Outcome {
  let batch: MigrationBatch;
  try {
    batch = parseMigrationUri(uri);
  } catch (error) {
    assert(error instanceof ImportFileError && error.code === 'format-malformed', `threw ${String(error)}`);
    return 'rejected';
  }
  assert(batch.batchIndex >= 0 && batch.batchIndex < batch.batchSize, 'batch index outside the batch');
  for (const account of batch.accounts) {
    if (account.ok) {
      const { draft } = account;
      const again = validateAccountDraft({ ...draft, digits: String(draft.digits), period: String(draft.period), counter: String(draft.counter) });
      assert(JSON.stringify(again) === JSON.stringify(draft), 'a draft that validation changes');
    } else {
      assert(account.error instanceof OtpInputError || account.error instanceof ImportEntryError, 'an untyped refusal');
    }
  }
  return 'read';
}

function tally(arbitrary: fc.Arbitrary<string>, seed: number, numRuns: number): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { read: 0, rejected: 0 };
  fc.assert(
    fc.property(arbitrary, (uri) => {
      counts[check(uri)] += 1;
    }),
    { seed, numRuns },
  );
  return counts;
}

const SECRET = decodeBase32('JBSWY3DPEHPK3PXP');

const rawField: fc.Arbitrary<RawField> = fc.oneof(
  fc.record({ field: fc.integer({ min: 1, max: 20 }), varint: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }) }),
  fc.record({ field: fc.integer({ min: 1, max: 20 }), bytes: fc.uint8Array({ maxLength: 24 }) }),
  fc.record({ field: fc.integer({ min: 1, max: 20 }), fixed32: fc.nat() }),
  fc.record({ field: fc.integer({ min: 1, max: 20 }), fixed64: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
);

const account: fc.Arbitrary<TestMigrationAccount> = fc.record(
  {
    secret: fc.oneof(fc.constant(SECRET), fc.uint8Array({ maxLength: 40 })),
    name: fc.oneof(fc.constantFrom('alice', 'GitHub:alice', 'a:b:c', ''), fc.string({ maxLength: 12 })),
    issuer: fc.oneof(fc.constantFrom('GitHub', 'github', ''), fc.string({ maxLength: 12 })),
    algorithm: fc.integer({ min: -1, max: 6 }),
    digits: fc.integer({ min: -1, max: 4 }),
    type: fc.integer({ min: -1, max: 3 }),
    counter: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    extra: fc.array(rawField, { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

describe('parseMigrationUri properties', () => {
  it('reads or refuses (ImportFileError) any string', () => {
    const text = fc.oneof(
      anyText(80),
      fc.string({ maxLength: 80 }).map((s) => `otpauth-migration://offline?data=${s}`),
      fc.uint8Array({ maxLength: 60 }).map((bytes) => `otpauth-migration://offline?data=${Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`),
    );
    const counts = tally(text, 0x6d696731, 3000);
    expect(counts.rejected).toBeGreaterThan(1000);
  });

  it('reads or refuses any bytes as the payload', () => {
    const counts = tally(fc.uint8Array({ maxLength: 120 }).map((bytes) => migrationUri(bytes)), 0x6d696732, 3000);
    expect(counts.read).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(100);
  });

  it('reads or refuses payloads of arbitrary accounts and fields', () => {
    const payload = fc
      .record({
        accounts: fc.array(fc.oneof(account, fc.uint8Array({ maxLength: 30 })), { maxLength: 5 }),
        batchSize: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }),
        batchIndex: fc.option(fc.integer({ min: -3, max: 5 }), { nil: undefined }),
        batchId: fc.option(fc.integer(), { nil: undefined }),
        extra: fc.array(rawField, { maxLength: 2 }),
      })
      .map((p) => migrationUri(migrationPayload(p)));
    const counts = tally(payload, 0x6d696733, 1500);
    expect(counts.read).toBeGreaterThan(250);
  });

  it('reads or refuses valid payloads with bytes changed, cut or added', () => {
    const valid = migrationPayload({ accounts: [{ secret: SECRET, name: 'GitHub:alice', issuer: 'GitHub', algorithm: 1, digits: 1, type: 2 }, { secret: SECRET, name: 'bob', type: 1, counter: 5 }], batchSize: 2, batchIndex: 1, batchId: -7 });
    const mutated = fc
      .tuple(fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }), fc.integer({ min: -valid.length, max: 10 }))
      .map(([flips, resize]) => {
        const bytes = Uint8Array.from({ length: valid.length + resize }, (_, i) => valid[i] ?? i);
        for (const [at, mask] of flips) if (at < bytes.length) bytes[at]! ^= mask;
        return migrationUri(bytes);
      });
    const counts = tally(mutated, 0x6d696734, 3000);
    expect(counts.read).toBeGreaterThan(100);
    expect(counts.rejected).toBeGreaterThan(100);
  });

  it('reads a payload of fields in any order like the same fields in schema order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7 }), (order) => {
        const fields: RawField[] = [
          { field: 1, bytes: SECRET },
          { field: 2, bytes: 'GitHub:alice' },
          { field: 3, bytes: 'GitHub' },
          { field: 4, varint: 2 },
          { field: 5, varint: 2 },
          { field: 6, varint: 1 },
          { field: 7, varint: 9 },
        ];
        const shuffled = protobufMessage(order.map((i) => fields[i]!));
        const ordered = protobufMessage(fields);
        const read = (message: Uint8Array) => parseMigrationUri(migrationUri(protobufMessage([{ field: 1, bytes: message }]))).accounts;
        expect(read(shuffled)).toEqual(read(ordered));
      }),
      { seed: 0x6d696735, numRuns: 200 },
    );
  });
});

describe('formatMigrationBatches -> parseMigrationUri', () => {
  it('gives back, in order, every account it exports, and says why it left out the others', () => {
    fc.assert(
      fc.property(fc.array(draftArbitrary(), { maxLength: 30 }), (drafts) => {
        const exported = formatMigrationBatches(drafts);
        const batches = exported.uris.map((uri) => parseMigrationUri(uri));
        const read = batches.flatMap((batch) => batch.accounts.map((a) => (a.ok ? a.draft : undefined)));
        expect(read).toEqual(exported.batches.flat().map((index) => drafts[index]));
        for (const [k, batch] of batches.entries()) expect(batch).toMatchObject({ batchIndex: k, batchSize: batches.length, batchId: batches[0]?.batchId });
        for (const uri of exported.uris) expect(uri.length).toBeLessThanOrEqual(MAX_MIGRATION_URI_LENGTH);
        const leftOut = new Map(exported.left.map(({ index, reason }) => [index, reason]));
        expect([...exported.batches.flat(), ...leftOut.keys()].sort((a, b) => a - b)).toEqual(drafts.map((_, i) => i));
        for (const [index, reason] of leftOut) {
          const d = drafts[index]!;
          const expected = d.type === 'totp' && d.period !== 30 ? 'period' : d.digits !== 6 ? 'digits' : d.algorithm !== 'SHA1' ? 'algorithm' : 'too-large';
          expect(reason).toBe(expected);
        }
      }),
      { seed: 0x6d696736, numRuns: 300 },
    );
  });
});
