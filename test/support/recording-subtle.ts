/**
 * WebCrypto that records each call: its name and, when its second argument is a key, that key's algorithm and
 * "extractable" when it could be exported (e.g. `deriveKey PBKDF2`, `encrypt AES-GCM`, `importKey`).
 */
export function recordingSubtle(): { readonly subtle: SubtleCrypto; readonly calls: string[] } {
  const calls: string[] = [];
  const subtle = new Proxy(crypto.subtle, {
    get: (target, name: string) => {
      const value: unknown = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const key = args[1];
        const used = key instanceof CryptoKey ? ` ${key.algorithm.name}${key.extractable ? ' extractable' : ''}` : '';
        calls.push(`${name}${used}`);
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { subtle, calls };
}
