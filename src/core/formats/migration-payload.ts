// Google Authenticator's "Transfer accounts" QR codes carry otpauth-migration://offline?data=BASE64, where the
// data is a serialized protobuf message. Google has not published the schema; this is the one reconstructed by
// open-source decoders, in our words (field numbers and enum values are what matters on the wire):
//   https://github.com/qistoph/otp_export (OtpMigration.proto)
//   https://github.com/beemdevelopment/Aegis/blob/master/app/src/main/proto/google_auth.proto
//
//   MigrationPayload {
//     1: repeated OtpParameters otp_parameters
//     2: int32 version       3: int32 batch_size      4: int32 batch_index      5: int32 batch_id
//   }
//   OtpParameters {
//     1: bytes secret (raw key bytes)   2: string name   3: string issuer
//     4: enum algorithm  (0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5)
//     5: enum digits     (0 unspecified, 1 six, 2 eight)
//     6: enum type       (0 unspecified, 1 HOTP, 2 TOTP)
//     7: int64 counter (HOTP)
//   }
// There is no period field: every TOTP account in this format has a 30-second period.
import { ProtobufError, readProtobufFields, varintToInt32, varintToInt64, type ProtobufField } from './protobuf-fields.ts';
import { ProtobufWriter } from './protobuf-writer.ts';

export const MIGRATION_ALGORITHM = { unspecified: 0, SHA1: 1, SHA256: 2, SHA512: 3, MD5: 4 } as const;
export const MIGRATION_DIGITS = { unspecified: 0, six: 1, eight: 2 } as const;
export const MIGRATION_TYPE = { unspecified: 0, hotp: 1, totp: 2 } as const;

/** One OtpParameters message with the wire values as they are (enums as numbers, the counter as a signed int64). */
export interface MigrationAccount {
  readonly secret: Uint8Array;
  readonly name: string;
  readonly issuer: string;
  readonly algorithm: number;
  readonly digits: number;
  readonly type: number;
  readonly counter: bigint;
}

/** A decoded MigrationPayload. Absent scalar fields are 0, as in proto3. */
export interface MigrationPayload {
  /** Each OtpParameters, in order; a ProtobufError where that one message is damaged but the payload is not. */
  readonly accounts: readonly (MigrationAccount | ProtobufError)[];
  readonly version: number;
  readonly batchSize: number;
  readonly batchIndex: number;
  readonly batchId: number;
}

/**
 * Decodes a MigrationPayload. Unknown fields are skipped, in the payload and in each account.
 * @throws ProtobufError (and nothing else) when the payload itself is not a valid encoding of the message.
 */
export function decodeMigrationPayload(bytes: Uint8Array): MigrationPayload {
  const accounts: (MigrationAccount | ProtobufError)[] = [];
  let version = 0;
  let batchSize = 0;
  let batchIndex = 0;
  let batchId = 0;
  for (const field of readProtobufFields(bytes)) {
    switch (field.number) {
      case 1:
        accounts.push(decodeAccount(lengthDelimited(field, 'otp_parameters'), accounts.length));
        break;
      case 2:
        version = int32(field, 'version');
        break;
      case 3:
        batchSize = int32(field, 'batch_size');
        break;
      case 4:
        batchIndex = int32(field, 'batch_index');
        break;
      case 5:
        batchId = int32(field, 'batch_id');
        break;
      default:
        break;
    }
  }
  return { accounts, version, batchSize, batchIndex, batchId };
}

/** The header fields of a payload to encode. */
export interface MigrationBatchHeader {
  readonly version: number;
  readonly batchSize: number;
  readonly batchIndex: number;
  readonly batchId: number;
}

/**
 * Encodes a MigrationPayload in field-number order, as Google Authenticator does. Accounts are written with
 * every field, so no reader has to agree with us on defaults. The result holds the secrets: never log it.
 */
export function encodeMigrationPayload(accounts: readonly MigrationAccount[], header: MigrationBatchHeader): Uint8Array<ArrayBuffer> {
  const payload = new ProtobufWriter();
  for (const account of accounts) {
    const message = new ProtobufWriter()
      .bytes(1, account.secret)
      .string(2, account.name)
      .string(3, account.issuer)
      .varint(4, account.algorithm)
      .varint(5, account.digits)
      .varint(6, account.type)
      .varint(7, account.counter)
      .finish();
    payload.bytes(1, message);
  }
  return payload
    .varint(2, header.version)
    .varint(3, header.batchSize)
    .varint(4, header.batchIndex)
    .varint(5, header.batchId)
    .finish();
}

function decodeAccount(bytes: Uint8Array, index: number): MigrationAccount | ProtobufError {
  try {
    let secret: Uint8Array = new Uint8Array(0);
    let name = '';
    let issuer = '';
    let algorithm = 0;
    let digits = 0;
    let type = 0;
    let counter = 0n;
    for (const field of readProtobufFields(bytes)) {
      switch (field.number) {
        case 1:
          secret = lengthDelimited(field, 'secret');
          break;
        case 2:
          name = utf8(lengthDelimited(field, 'name'), 'name');
          break;
        case 3:
          issuer = utf8(lengthDelimited(field, 'issuer'), 'issuer');
          break;
        case 4:
          algorithm = int32(field, 'algorithm');
          break;
        case 5:
          digits = int32(field, 'digits');
          break;
        case 6:
          type = int32(field, 'type');
          break;
        case 7:
          counter = varintToInt64(varint(field, 'counter'));
          break;
        default:
          break;
      }
    }
    return { secret, name, issuer, algorithm, digits, type, counter };
  } catch (error) {
    if (error instanceof ProtobufError) {
      const at = `otp_parameters[${index}]`;
      return new ProtobufError(`${at}: ${error.message}`, error.field === undefined ? at : `${at}.${error.field}`);
    }
    throw error;
  }
}

function varint(field: ProtobufField, name: string): bigint {
  if (field.wireType !== 0) throw new ProtobufError(`Field ${name} is not a varint`, name);
  return field.varint;
}

function int32(field: ProtobufField, name: string): number {
  return varintToInt32(varint(field, name));
}

function lengthDelimited(field: ProtobufField, name: string): Uint8Array {
  if (field.wireType !== 2) throw new ProtobufError(`Field ${name} is not length-delimited`, name);
  return field.bytes;
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ProtobufError(`Field ${name} is not UTF-8`, name);
  }
}
