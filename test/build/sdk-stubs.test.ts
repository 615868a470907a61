import { readFileSync } from 'node:fs';
import {
  AdminGetUser$,
  AssociateSoftwareToken$,
  CognitoIdentityProviderClient,
  GetUser$,
  InitiateAuth$,
  RespondToAuthChallenge$,
  RevokeToken$,
  SetUserMFAPreference$,
  VerifySoftwareToken$,
} from '@aws-sdk/client-cognito-identity-provider';
import { NormalizedSchema } from '@smithy/core/schema';
import * as sdkSerde from '@smithy/core/serde';
import { describe, expect, it, vi } from 'vitest';
import * as dateUtils from '../../build/sdk-stubs/date-utils.ts';
import { defaultEndpointResolver, type CognitoEndpointParameters } from '../../build/sdk-stubs/endpoint-resolver.ts';
import { fromBase64, toBase64 } from '../../build/sdk-stubs/base64.ts';
import { calculateBodyLength, getContentLengthPlugin, getHostHeaderPlugin, resolveHostHeaderConfig } from '../../build/sdk-stubs/forbidden-headers.ts';
import { AwsSdkSigV4Signer, resolveAwsSdkSigV4Config } from '../../build/sdk-stubs/http-auth-schemes.ts';
import { Sha256 } from '../../build/sdk-stubs/sha256.ts';

// The stubs awsSdkTrim (build/aws-sdk-trim.ts) puts in place of SDK code Keystep never runs: harmless where the
// SDK only wires them up, loud the moment anything would actually sign or hash a request.
describe('SDK stubs', () => {
  it('resolveAwsSdkSigV4Config passes the client config through unchanged', () => {
    const config = { region: 'eu-west-1', maxAttempts: 1 };
    expect(resolveAwsSdkSigV4Config(config)).toBe(config);
    expect(config).toEqual({ region: 'eu-west-1', maxAttempts: 1 });
  });

  it('AwsSdkSigV4Signer can be constructed (the client registers one) but never signs', async () => {
    await expect(new AwsSdkSigV4Signer().sign()).rejects.toThrow('Keystep bundles no AWS SigV4 signer');
  });

  it('Sha256 refuses to hash', async () => {
    const hash = new Sha256();
    expect(() => hash.update()).toThrow('Keystep bundles no SHA-256');
    await expect(hash.digest()).rejects.toThrow('Keystep bundles no SHA-256');
  });

  it.each(Object.entries(dateUtils))('date utils: %s refuses', (_name, fn) => {
    expect(() => fn()).toThrow('Keystep bundles no AWS SDK timestamp parsing');
  });
});

// The date utils stub is dead code only as long as no operation Keystep calls carries a timestamp.
type OperationSchema = readonly [number, string, string, unknown, () => unknown, () => unknown];

function timestampPaths(schema: NormalizedSchema, path: string, seen: Set<unknown>): string[] {
  if (schema.isTimestampSchema()) return [path];
  if (schema.isListSchema()) return timestampPaths(schema.getValueSchema(), `${path}[]`, seen);
  if (schema.isMapSchema()) return timestampPaths(schema.getValueSchema(), `${path}{}`, seen);
  if (!schema.isStructSchema()) return [];
  const own = schema.getSchema();
  if (seen.has(own)) return [];
  seen.add(own);
  return [...schema.structIterator()].flatMap(([name, member]) => timestampPaths(member, `${path}.${name}`, seen));
}

const operationTimestamps = (operation: OperationSchema): string[] => [
  ...timestampPaths(NormalizedSchema.of(operation[4]() as never), 'input', new Set()),
  ...timestampPaths(NormalizedSchema.of(operation[5]() as never), 'output', new Set()),
];

describe('the host and content-length header stubs', () => {
  it.each([
    ['host header', getHostHeaderPlugin],
    ['content-length', getContentLengthPlugin],
  ])('the %s plugin adds no middleware to the stack', (_name, plugin) => {
    const stack = { add: vi.fn(), addRelativeTo: vi.fn() };
    plugin().applyToStack(stack);
    expect([stack.add.mock.calls, stack.addRelativeTo.mock.calls]).toEqual([[], []]);
  });

  it('resolveHostHeaderConfig passes the config through and the body length checker gives no length', () => {
    const config = { region: 'eu-west-1' };
    expect(resolveHostHeaderConfig(config)).toBe(config);
    expect(calculateBodyLength()).toBeUndefined();
  });
});

describe('the base64 codec stub', () => {
  const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  it.each([
    ['empty', new Uint8Array()],
    ['one byte (two padding characters)', Uint8Array.of(0xff)],
    ['two bytes (one padding character)', Uint8Array.of(0x00, 0x80)],
    ['three bytes (no padding)', Uint8Array.of(1, 2, 3)],
    ['every byte value', allBytes],
  ])('%s: encodes and decodes as the SDK does', (_case, bytes) => {
    expect(toBase64(bytes)).toBe(sdkSerde.toBase64(bytes));
    expect(fromBase64(toBase64(bytes))).toEqual(new Uint8Array(sdkSerde.fromBase64(sdkSerde.toBase64(bytes))));
  });

  it.each(['', 'a', 'Grüße ✓', '😀 emoji'])('encodes the UTF-8 bytes of the string %j as the SDK does', (text) => {
    expect(toBase64(text)).toBe(sdkSerde.toBase64(text));
  });

  it('refuses a character outside the alphabet', () => {
    expect(() => fromBase64('ab$d')).toThrow();
  });
});

describe("the schemas of Keystep's operations", () => {
  it.each([
    ['InitiateAuth', InitiateAuth$],
    ['RespondToAuthChallenge', RespondToAuthChallenge$],
    ['AssociateSoftwareToken', AssociateSoftwareToken$],
    ['VerifySoftwareToken', VerifySoftwareToken$],
    ['SetUserMFAPreference', SetUserMFAPreference$],
    ['GetUser', GetUser$],
    ['RevokeToken', RevokeToken$],
  ])('%s has no timestamp member', (_name, operation) => {
    expect(operationTimestamps(operation as unknown as OperationSchema)).toEqual([]);
  });

  it('the walk finds timestamps where there are some (AdminGetUser, which Keystep does not call)', () => {
    expect(operationTimestamps(AdminGetUser$ as unknown as OperationSchema)).toEqual(['output.UserCreateDate', 'output.UserLastModifiedDate']);
  });
});

// Every region the SDK's partition table names, in every partition.
const PARTITIONS = new URL('../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js', import.meta.url);
const partitionsJson = /^export const partitionsInfo = (\{[\s\S]*\});\s*$/.exec(readFileSync(PARTITIONS, 'utf8'))?.[1] ?? '{"partitions":[]}';
const sdkRegions = (JSON.parse(partitionsJson) as { partitions: { regions: Record<string, unknown> }[] }).partitions.flatMap((p) => Object.keys(p.regions));
const sdkResolver = new CognitoIdentityProviderClient({ region: 'us-east-1' }).config.endpointProvider;
const resolved = (endpoint: { url: URL; properties?: unknown; headers?: unknown }) => ({ url: endpoint.url.href, properties: endpoint.properties, headers: endpoint.headers });

describe('the endpoint resolver stub', () => {
  it('covers every partition', () => {
    expect(sdkRegions.length).toBeGreaterThan(40);
    expect(sdkRegions).toEqual(expect.arrayContaining(['us-east-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'eu-isoe-west-1', 'eusc-de-east-1']));
  });

  it.each([
    ...sdkRegions.map((region) => ({ Region: region, UseFIPS: false, UseDualStack: false })),
    // Regions the table does not name yet, found by each partition's pattern.
    { Region: 'ap-future-9', UseFIPS: false, UseDualStack: false },
    { Region: 'cn-future-3', UseFIPS: false, UseDualStack: false },
    { Region: 'us-gov-future-2', UseFIPS: false, UseDualStack: false },
    // The flags unset, as the middleware may pass them.
    { Region: 'eu-west-1' },
    { Region: 'eu-west-1', Endpoint: 'http://127.0.0.1:9229', UseFIPS: false, UseDualStack: false },
    { Region: 'local', Endpoint: 'https://proxy.example.com/cognito', UseFIPS: false, UseDualStack: false },
  ])('gives the SDK rules’ endpoint for %o', (params: CognitoEndpointParameters & Record<string, string | boolean | undefined>) => {
    expect(resolved(defaultEndpointResolver(params))).toEqual(resolved(sdkResolver(params)));
  });

  it('fails as the rules do without a region', () => {
    expect(() => sdkResolver({ UseFIPS: false, UseDualStack: false })).toThrow('Invalid Configuration: Missing Region');
    expect(() => defaultEndpointResolver({ UseFIPS: false, UseDualStack: false })).toThrow('Invalid Configuration: Missing Region');
  });

  it.each([
    { Region: 'us-east-1', UseFIPS: true, UseDualStack: false },
    { Region: 'us-east-1', UseFIPS: false, UseDualStack: true },
    { Region: 'us-east-1', Endpoint: 'http://127.0.0.1:9229', UseFIPS: true },
  ])('refuses the FIPS and dual-stack rules it leaves out: %o', (params) => {
    expect(() => defaultEndpointResolver(params)).toThrow('Keystep bundles no FIPS or dual-stack endpoint rules');
  });
});
