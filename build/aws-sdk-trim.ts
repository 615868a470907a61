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
/** Modules of the SDK replaced by stubs, by the importer and the relative path it imports them by. */
const SDK_MODULE_STUBS: readonly { readonly step: string; readonly importer: RegExp; readonly source: string; readonly stub: string }[] = [
  {
    step: 'logger and User-Agent',
    importer: /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-es\/(?:CognitoIdentityProviderClient|runtimeConfig\.browser)\.js$/,
    source: '@aws-sdk/core/client',
    stub: here('./sdk-stubs/aws-core-client.ts'),
  },
  {
    step: 'endpoint rules',
    importer: /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-es\/runtimeConfig\.shared\.js$/,
    source: './endpoint/endpointResolver',
    stub: here('./sdk-stubs/endpoint-resolver.ts'),
  },
  ...(['toBase64', 'fromBase64'] as const).map((name) => ({
    step: name,
    importer: /\/node_modules\/@smithy\/core\/dist-es\/submodules\/serde\/index\.browser\.js$/,
    source: `./util-base64/${name}.browser`,
    stub: here('./sdk-stubs/base64.ts'),
  })),
  {
    step: 'content-length middleware',
    importer: /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-es\/CognitoIdentityProviderClient\.js$/,
    source: '@smithy/core/protocols',
    stub: here('./sdk-stubs/forbidden-headers.ts'),
  },
  {
    step: 'body length checker',
    importer: /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-es\/runtimeConfig\.browser\.js$/,
    source: '@smithy/core/serde',
    stub: here('./sdk-stubs/forbidden-headers.ts'),
  },
  {
    step: 'date utils',
    importer: /\/node_modules\/@smithy\/core\/dist-es\/submodules\/serde\/index\.browser\.js$/,
    source: './date-utils',
    stub: here('./sdk-stubs/date-utils.ts'),
  },
];
const CLIENT_PACKAGE_JSON = /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/package\.json$/;
const CLIENT_SCHEMAS = /\/node_modules\/@aws-sdk\/client-cognito-identity-provider\/dist-es\/schemas\/schemas_0\.js$/;
const PARTITIONS = /\/node_modules\/@aws-sdk\/core\/dist-es\/submodules\/client\/util-endpoints\/lib\/aws\/partitions\.js$/;
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
 * - The client's endpoint rules (`endpoint/bdd.js`) and the generic rules engine they run on give way to a resolver
 *   of the two rules Keystep's settings reach: the custom endpoint, or `cognito-idp.{region}.{partition's DNS
 *   suffix}` (see ./sdk-stubs/endpoint-resolver.ts). The SDK's partition table keeps its partitions and their
 *   patterns, and of its region lists only the names the patterns do not place (see `trimPartitions`).
 * - The error schemas and the 59 error classes of `models/errors.js` are left out of `schemas/schemas_0.js`. A
 *   service error is then built as the SDK builds one it has no schema for: an instance of the service's base
 *   exception named after the error type, with the response's message and `$metadata`, which is all Keystep reads
 *   of it (name, message, HTTP status; src/cognito/aws-cognito-client.ts).
 * - The logger and User-Agent plugins the client takes from `@aws-sdk/core/client` give way to a logger plugin that
 *   adds nothing (the client logs to the SDK's NoOpLogger) and a User-Agent of the SDK's name and version only
 *   (see ./sdk-stubs/aws-core-client.ts).
 * - The middleware that set the `host` and `content-length` headers, which a browser's `fetch` leaves out and writes
 *   itself, add nothing (see ./sdk-stubs/forbidden-headers.ts).
 * - `@smithy/core`'s browser base64 codec becomes `btoa`/`atob` (see ./sdk-stubs/base64.ts).
 * - `@smithy/core`'s date parsers and formatters become stubs that fail loudly: none of the seven operations
 *   has a timestamp member (see ./sdk-stubs/date-utils.ts).
 *
 * The build fails if a step no longer applies (e.g. after an SDK update), so that it gets re-checked
 * instead of silently bundling the code again.
 */
export function awsSdkTrim(): Plugin {
  const applied = new Set<string>();
  const expected = [
    ...Object.keys(SDK_STUBS),
    ...SDK_MODULE_STUBS.map((s) => s.step),
    'client package.json',
    'HttpProtocol event-stream import',
    'S3 endpoint customizations',
    'error schemas',
    'partition lists',
  ];
  return {
    name: 'keystep:aws-sdk-trim',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      applied.clear();
    },
    resolveId(source, importer) {
      const stub = SDK_STUBS[source];
      if (stub !== undefined) {
        applied.add(source);
        return stub;
      }
      const moduleStub = SDK_MODULE_STUBS.find((s) => s.source === source && importer !== undefined && s.importer.test(importer));
      if (moduleStub === undefined) return null;
      applied.add(moduleStub.step);
      return moduleStub.stub;
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
      if (CLIENT_SCHEMAS.test(id)) {
        applied.add('error schemas');
        return withoutErrorSchemas(readFileSync(id, 'utf8'), (message) => this.error(`keystep:aws-sdk-trim: ${message} in ${id}`));
      }
      if (PARTITIONS.test(id)) {
        applied.add('partition lists');
        return trimPartitions(readFileSync(id, 'utf8'), (message) => this.error(`keystep:aws-sdk-trim: ${message} in ${id}`));
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

const ERRORS_IMPORT = /^import \{([^}]*)\} from "\.\.\/models\/errors";\n/m;
// One error schema and its registration, e.g. `export var AccessDeniedException$ = [-3, n0, _ADE, ...];` followed by
// `n0_registry.registerError(AccessDeniedException$, AccessDeniedException);`.
const ERROR_SCHEMA = /^export var (\w+)\$ = \[-3, n0,(?:(?!export var)[\s\S])*?\];\nn0_registry\.registerError\(\1\$, \1\);\n/gm;

/**
 * schemas_0.js of the Cognito client without its error schemas, their registrations and the import of the error
 * classes they register (the registry of the service's base exception stays). Calls `fail` when the file is not
 * laid out as expected: every class imported must lose its one schema, and no other reference to one may remain.
 */
export function withoutErrorSchemas(code: string, fail: (message: string) => never): string {
  const imported = ERRORS_IMPORT.exec(code)?.[1]?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (imported === undefined || imported.length === 0) fail('no import of ../models/errors');
  const removed: string[] = [];
  const trimmed = code.replace(ERRORS_IMPORT, '').replace(ERROR_SCHEMA, (_block, name: string) => {
    removed.push(name);
    return '';
  });
  const missing = imported.filter((name) => !removed.includes(name));
  if (missing.length > 0 || removed.length !== imported.length) fail(`error schemas not found for ${missing.join(', ') || 'some classes'}`);
  // The file also names each error in a string constant (`const _ADE = "AccessDeniedException";`), which stays.
  const left = imported.filter((name) => new RegExp(`(?<![\\w$"])${name}(?![\\w$"])`).test(trimmed));
  if (left.length > 0) fail(`error classes still referenced: ${left.join(', ')}`);
  return trimmed;
}

const PARTITIONS_INFO = /^export const partitionsInfo = (\{[\s\S]*\});\s*$/;

interface Partition {
  readonly id: string;
  readonly regionRegex: string;
  readonly regions: Readonly<Record<string, object>>;
}

/**
 * partitions.js of @aws-sdk/core with the region lists cut to the names the partitions' patterns do not place
 * (e.g. "aws-cn-global"), each with empty data. The SDK's `partition(region)` looks a name up in the lists first, then
 * tries each partition's `regionRegex`, then takes "aws"; a listed region's data is only a `description` (e.g. "Asia
 * Pacific (Tokyo)"), which it copies into its result and nothing reads. So `partition()` gives the same partition for
 * every name as with the full lists. Calls `fail` when the file is not the one JSON object expected, or a region
 * has data besides its description.
 */
export function trimPartitions(code: string, fail: (message: string) => never): string {
  const json = PARTITIONS_INFO.exec(code)?.[1];
  if (json === undefined) fail('expected `export const partitionsInfo = {...};`');
  const info = JSON.parse(json) as { readonly partitions?: readonly Partition[] };
  const partitions = info.partitions ?? [];
  if (!partitions.some((p) => p.id === 'aws') || partitions.some((p) => typeof p.regionRegex !== 'string')) fail('expected partitions with patterns, "aws" among them');
  const byPattern = (region: string): string => partitions.find((p) => new RegExp(p.regionRegex).test(region))?.id ?? 'aws';
  const listedFirstIn = (region: string): string | undefined => partitions.find((p) => Object.hasOwn(p.regions, region))?.id;
  const trimmed = partitions.map((partition) => {
    const regions: [string, object][] = Object.entries(partition.regions);
    const extra = regions.filter(([, data]) => Object.keys(data).some((key) => key !== 'description'));
    if (extra.length > 0) fail(`region data besides a description: ${extra.map(([name]) => name).join(', ')}`);
    const kept = regions.filter(([name]) => listedFirstIn(name) === partition.id && byPattern(name) !== partition.id);
    return { ...partition, regions: Object.fromEntries(kept.map(([name]) => [name, {}])) };
  });
  return `export const partitionsInfo = ${JSON.stringify({ ...info, partitions: trimmed })};\n`;
}
