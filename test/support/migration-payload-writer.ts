// Builds Google Authenticator migration payloads for tests, from the schema documented in
// src/core/formats/migration-payload.ts, with an encoder of its own (not the product's ProtobufWriter), so a
// bug in one is not cancelled out by the same bug in the other. It writes anything, valid or not: unknown
// fields, any enum number, 64-bit counters, negative batch ids, fields in any order.

/** One field to write: a varint, a length-delimited value (bytes or UTF-8 text), or a fixed 32/64-bit value. */
export type RawField =
  | { readonly field: number; readonly varint: number | bigint }
  | { readonly field: number; readonly bytes: Uint8Array | string }
  | { readonly field: number; readonly fixed32: number }
  | { readonly field: number; readonly fixed64: bigint };

function varintBytes(value: number | bigint): number[] {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const low = Number(rest % 128n);
    rest /= 128n;
    out.push(rest > 0n ? low + 128 : low);
  } while (rest > 0n);
  return out;
}

/** The wire bytes of a message made of `fields`, in the order given. */
export function protobufMessage(fields: readonly RawField[]): Uint8Array {
  const out: number[] = [];
  for (const raw of fields) {
    if ('varint' in raw) {
      out.push(...varintBytes(raw.field * 8), ...varintBytes(raw.varint));
    } else if ('bytes' in raw) {
      const bytes = typeof raw.bytes === 'string' ? new TextEncoder().encode(raw.bytes) : raw.bytes;
      out.push(...varintBytes(raw.field * 8 + 2), ...varintBytes(bytes.length), ...bytes);
    } else if ('fixed32' in raw) {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setUint32(0, raw.fixed32, true);
      out.push(...varintBytes(raw.field * 8 + 5), ...bytes);
    } else {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigUint64(0, raw.fixed64, true);
      out.push(...varintBytes(raw.field * 8 + 1), ...bytes);
    }
  }
  return Uint8Array.from(out);
}

/** One OtpParameters message; fields left undefined are not written (proto3 defaults). */
export interface TestMigrationAccount {
  readonly secret?: Uint8Array | undefined;
  readonly name?: string | undefined;
  readonly issuer?: string | undefined;
  readonly algorithm?: number | undefined;
  readonly digits?: number | undefined;
  readonly type?: number | undefined;
  readonly counter?: number | bigint | undefined;
  /** Written after the known fields (unknown fields, or a known one a second time). */
  readonly extra?: readonly RawField[] | undefined;
}

export function migrationAccountMessage(account: TestMigrationAccount): Uint8Array {
  const fields: RawField[] = [];
  if (account.secret !== undefined) fields.push({ field: 1, bytes: account.secret });
  if (account.name !== undefined) fields.push({ field: 2, bytes: account.name });
  if (account.issuer !== undefined) fields.push({ field: 3, bytes: account.issuer });
  if (account.algorithm !== undefined) fields.push({ field: 4, varint: account.algorithm });
  if (account.digits !== undefined) fields.push({ field: 5, varint: account.digits });
  if (account.type !== undefined) fields.push({ field: 6, varint: account.type });
  if (account.counter !== undefined) fields.push({ field: 7, varint: account.counter });
  return protobufMessage([...fields, ...(account.extra ?? [])]);
}

export interface TestMigrationPayload {
  /** Accounts as messages, or raw bytes written as an account message as they are (to damage one). */
  readonly accounts: readonly (TestMigrationAccount | Uint8Array)[];
  readonly version?: number | undefined;
  readonly batchSize?: number | undefined;
  readonly batchIndex?: number | undefined;
  readonly batchId?: number | undefined;
  readonly extra?: readonly RawField[] | undefined;
}

/** A MigrationPayload: accounts first, then version, batch size, index and id (those given), then `extra`. */
export function migrationPayload(payload: TestMigrationPayload): Uint8Array {
  const fields: RawField[] = payload.accounts.map((account) => ({
    field: 1,
    bytes: account instanceof Uint8Array ? account : migrationAccountMessage(account),
  }));
  if (payload.version !== undefined) fields.push({ field: 2, varint: payload.version });
  if (payload.batchSize !== undefined) fields.push({ field: 3, varint: payload.batchSize });
  if (payload.batchIndex !== undefined) fields.push({ field: 4, varint: payload.batchIndex });
  if (payload.batchId !== undefined) fields.push({ field: 5, varint: payload.batchId });
  return protobufMessage([...fields, ...(payload.extra ?? [])]);
}

/**
 * How the data parameter is written: `percent` as Google Authenticator does (Base64, then +, / and =
 * percent-encoded); `raw` (Base64 as is); `spaces` (a form decoder turned each + into a space); `url-safe`
 * (base64url without padding).
 */
export type DataEncoding = 'percent' | 'raw' | 'spaces' | 'url-safe';

export function migrationUri(payload: Uint8Array, encoding: DataEncoding = 'percent'): string {
  const base64 = Buffer.from(payload).toString('base64');
  const data = {
    percent: encodeURIComponent(base64),
    raw: base64,
    spaces: base64.replaceAll('+', ' '),
    'url-safe': Buffer.from(payload).toString('base64url'),
  }[encoding];
  return `otpauth-migration://offline?data=${data}`;
}
