import type { Plugin } from 'vite';

/** zxing-wasm's shared module, where its default `locateFile` points at a CDN. */
const SHARE_MODULE = /[\\/]node_modules[\\/]zxing-wasm[\\/]dist[\\/]es[\\/]share\.js$/;
const CDN_PREFIX = 'https://fastly.jsdelivr.net/npm/zxing-wasm@';

/**
 * Removes zxing-wasm's CDN address from the bundle. The library's default `locateFile` fetches its WebAssembly
 * from jsDelivr; Keystep always overrides it with the packaged file (src/platform/qr-reader.ts), but an extension
 * must not even hold a path to code elsewhere (Chrome Web Store: no remotely hosted code,
 * https://developer.chrome.com/docs/extensions/develop/migrate/remote-hosted-code). The default becomes a path
 * inside the extension that does not exist, so it could only fail, never load remote code. The build fails if
 * the library no longer has that address (after an update), so that this gets re-checked.
 */
export function zxingNoCdn(): Plugin {
  let applied = false;
  return {
    name: 'keystep:zxing-no-cdn',
    apply: 'build',
    buildStart() {
      applied = false;
    },
    transform(code, id) {
      if (!SHARE_MODULE.test(id)) return null;
      if (!code.includes(CDN_PREFIX)) this.error(`keystep:zxing-no-cdn: ${id} no longer names ${CDN_PREFIX}: check how it locates its .wasm`);
      applied = true;
      return { code: code.replaceAll(CDN_PREFIX, '/zxing-wasm-not-packaged/zxing-wasm@'), map: null };
    },
    buildEnd() {
      // Only a build that bundles the QR reader reaches the module; the popup and options builds always do.
      if (!applied) this.error('keystep:zxing-no-cdn: zxing-wasm was not bundled; is the QR reader still used?');
    },
  };
}
