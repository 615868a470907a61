import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Package entry points replaced by stubs that fail loudly if used; each stub says why it is dead code for Keystep. */
const SDK_STUBS: Readonly<Record<string, string>> = {
  '@aws-sdk/core/httpAuthSchemes': here('./sdk-stubs/http-auth-schemes.ts'),
  '@smithy/core/checksum': here('./sdk-stubs/sha256.ts'),
  '@smithy/core/retry': here('./sdk-stubs/retry.ts'),
};
const CLIENT_PACKAGE_JSON = /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/package\.json$/;
const HTTP_PROTOCOL = /\/node_modules\/@smithy\/core\/dist-es\/submodules\/protocols\/HttpProtocol\.js$/;
const EVENT_STREAM_IMPORT = 'await import("@smithy/core/event-streams")';
const S3_CUSTOMIZATIONS = /\/node_modules\/@smithy\/core\/dist-es\/submodules\/endpoints\/middleware-endpoint\/service-customizations\/index\.js$/;

/**
 * Keeps AWS SDK code that Keystep's seven Cognito operations never run out of the extension bundle (the
 * options page's JS budget is 70 kB gzip, SDK included). Build only; the SDK itself stays as it is, and
 * `test/build/aws-sdk-trim.test.ts` runs all seven operations through a bundle made with this plugin.
 *
 * - `@aws-sdk/core/httpAuthSchemes` (SigV4 signing, and with it `@smithy/signature-v4`) and
 *   `@smithy/core/checksum` (SHA-256) become stubs that fail loudly when used: the seven operations are
 *   `smithy.api#noAuth`, so nothing signs or hashes a request (see ./sdk-stubs/).
 * - `@smithy/core/retry` becomes a middleware for the one attempt the client makes (`maxAttempts: 1`): the
 *   standard and adaptive retry strategies and the rate limiter are never used (see ./sdk-stubs/retry.ts).
 * - The client's package.json is bundled as `{ version }`: its runtime config reads only `version` (for
 *   the User-Agent header); the rest of the file is 2.5 kB of build scripts and dependency lists.
 * - HttpProtocol's lazy `import("@smithy/core/event-streams")` becomes a rejection. It runs only for
 *   operations with an event-stream member, and Cognito's API has none
 *   (https://smithy.io/2.0/spec/streaming.html#event-streams); without this last dynamic import the page
 *   also needs no Vite preload helper.
 * - The endpoint resolver's S3 customizations (bucket-name rules, run only when the client's service is S3)
 *   become a rejection: Cognito is not S3.
 *
 * The build fails if a step no longer applies (e.g. after an SDK update), so that it gets re-checked
 * instead of silently bundling the code again.
 */
export function awsSdkTrim(): Plugin {
  const applied = new Set<string>();
  const expected = [...Object.keys(SDK_STUBS), 'client package.json', 'HttpProtocol event-stream import', 'S3 endpoint customizations'];
  return {
    name: 'keystep:aws-sdk-trim',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      applied.clear();
    },
    resolveId(source) {
      const stub = SDK_STUBS[source];
      if (stub === undefined) return null;
      applied.add(source);
      return stub;
    },
    // The replacements happen at load time, so the code they produce is what the source maps show.
    load(id) {
      if (CLIENT_PACKAGE_JSON.test(id)) {
        const { version } = JSON.parse(readFileSync(id, 'utf8')) as { version: string };
        applied.add('client package.json');
        return JSON.stringify({ version });
      }
      if (S3_CUSTOMIZATIONS.test(id)) {
        applied.add('S3 endpoint customizations');
        return 'export const resolveParamsForS3 = () => Promise.reject(new Error("Keystep bundles no S3 endpoint rules; see build/aws-sdk-trim.ts"));';
      }
      if (HTTP_PROTOCOL.test(id)) {
        const code = readFileSync(id, 'utf8');
        if (code.split(EVENT_STREAM_IMPORT).length !== 2) this.error(`keystep:aws-sdk-trim: expected one "${EVENT_STREAM_IMPORT}" in ${id}`);
        applied.add('HttpProtocol event-stream import');
        return code.replace(
          EVENT_STREAM_IMPORT,
          'await Promise.reject(new Error("Keystep bundles no event-stream codec; see build/aws-sdk-trim.ts"))',
        );
      }
      return null;
    },
    buildEnd(error) {
      if (error !== undefined || this.meta.watchMode) return;
      const missing = expected.filter((step) => !applied.has(step));
      if (missing.length > 0) this.error(`keystep:aws-sdk-trim: not applied (did the AWS SDK change?): ${missing.join(', ')}`);
    },
  };
}
