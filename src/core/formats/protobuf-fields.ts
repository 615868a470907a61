// A minimal Protocol Buffers reader: the wire format of https://protobuf.dev/programming-guides/encoding/,
// enough for Google Authenticator's migration payload (varints, and length-delimited bytes, strings and
// messages). Fixed-width fields are read so that they can be skipped; groups (wire types 3 and 4, deprecated)
// are refused. Hand-written because the payload has eight fields: a protobuf library would cost the options
// page tens of kilobytes for them.

/** One field as it appears on the wire. Repeated fields appear once per value, in order. */
export type ProtobufField =
  | { readonly number: number; readonly wireType: 0; readonly varint: bigint }
  | { readonly number: number; readonly wireType: 1 | 2 | 5; readonly bytes: Uint8Array };

/** Raised for bytes that are not a protobuf message; `message` says what is wrong and at which byte offset. */
export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
  /** The schema path of the bad part when known, e.g. `otp_parameters[2]` or `batch_size`. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/** Varints are at most 10 bytes (64 bits); the 10th byte carries only the top bit. */
const MAX_VARINT_BYTES = 10;

/** Field numbers are 1..2^29 - 1: https://protobuf.dev/programming-guides/proto3/#assigning */
const MAX_FIELD_NUMBER = 2 ** 29 - 1;

/**
 * Splits a serialized message into its fields, in wire order. Unknown fields are returned like the others, so
 * the caller skips what it does not know.
 * @throws ProtobufError for a truncated or invalid encoding (and nothing else).
 */
export function readProtobufFields(bytes: Uint8Array): ProtobufField[] {
  const fields: ProtobufField[] = [];
  let offset = 0;
  const varint = (): bigint => {
    let value = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i += 1) {
      const byte = bytes[offset];
      if (byte === undefined) throw new ProtobufError(`A varint is cut short at byte ${offset}`);
      offset += 1;
      if (i === MAX_VARINT_BYTES - 1 && byte > 1) throw new ProtobufError(`A varint is longer than 64 bits at byte ${offset - 1}`);
      value |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if (byte < 0x80) return value;
    }
    throw new ProtobufError(`A varint is longer than 10 bytes at byte ${offset - 1}`);
  };
  const take = (length: number, what: string): Uint8Array => {
    if (length > bytes.length - offset) throw new ProtobufError(`${what} at byte ${offset} runs past the end`);
    const slice = bytes.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  while (offset < bytes.length) {
    const at = offset;
    const tag = varint();
    const number = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (number < 1 || number > MAX_FIELD_NUMBER) throw new ProtobufError(`Field number ${number} at byte ${at} is out of range`);
    switch (wireType) {
      case 0:
        fields.push({ number, wireType, varint: varint() });
        break;
      case 1:
        fields.push({ number, wireType, bytes: take(8, 'A 64-bit field') });
        break;
      case 2: {
        const length = varint();
        if (length > BigInt(bytes.length)) throw new ProtobufError(`A length-delimited field at byte ${at} runs past the end`);
        fields.push({ number, wireType, bytes: take(Number(length), 'A length-delimited field') });
        break;
      }
      case 5:
        fields.push({ number, wireType, bytes: take(4, 'A 32-bit field') });
        break;
      default:
        throw new ProtobufError(`Wire type ${wireType} at byte ${at} is not supported`);
    }
  }
  return fields;
}

/** An int32 field's value: negative numbers are sign-extended to 64 bits on the wire. */
export function varintToInt32(varint: bigint): number {
  return Number(BigInt.asIntN(32, varint));
}

/** An int64 field's value, as a signed BigInt (two's complement on the wire). */
export function varintToInt64(varint: bigint): bigint {
  return BigInt.asIntN(64, varint);
}
