// The writing half of protobuf-fields.ts: the wire format of https://protobuf.dev/programming-guides/encoding/
// for varint and length-delimited fields, which is all Google Authenticator's migration payload uses.

/** Builds one message, field by field, in the order the calls are made. */
export class ProtobufWriter {
  private readonly out: number[] = [];

  /**
   * A varint field (int32, int64, enum). A negative value is written as its 64-bit two's complement (10
   * bytes), as protobuf does for int32 and int64.
   * @throws RangeError for a value outside the signed or unsigned 64-bit range.
   */
  varint(number: number, value: number | bigint): this {
    this.tag(number, 0);
    this.rawVarint(BigInt.asUintN(64, checkedBigInt(value)));
    return this;
  }

  /** A length-delimited field: bytes, or an embedded message's bytes. */
  bytes(number: number, value: Uint8Array): this {
    this.tag(number, 2);
    this.rawVarint(BigInt(value.length));
    for (const byte of value) this.out.push(byte);
    return this;
  }

  /** A string field, as UTF-8. */
  string(number: number, value: string): this {
    return this.bytes(number, new TextEncoder().encode(value));
  }

  finish(): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(this.out);
  }

  private tag(number: number, wireType: number): void {
    this.rawVarint((BigInt(number) << 3n) | BigInt(wireType));
  }

  private rawVarint(value: bigint): void {
    let rest = value;
    while (rest >= 0x80n) {
      this.out.push(Number(rest & 0x7fn) | 0x80);
      rest >>= 7n;
    }
    this.out.push(Number(rest));
  }
}

function checkedBigInt(value: number | bigint): bigint {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  if (big < -(2n ** 63n) || big >= 2n ** 64n) throw new RangeError(`${big} does not fit a 64-bit varint`);
  return big;
}
