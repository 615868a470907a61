/** Deterministic byte source for tests (mulberry32), so "random" SRP cases are reproducible. */
export function seededRandomBytes(seed: number): (length: number) => Uint8Array<ArrayBuffer> {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) bytes[i] = next();
    return bytes;
  };
}
