import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { partition, setPartitionInfo, useDefaultPartitionInfo } from '@aws-sdk/core/client';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as AwsCognitoClientModule from '../../src/cognito/aws-cognito-client.ts';
import type { CognitoApi } from '../../src/cognito/cognito-api.ts';
import { awsSdkTrim, trimPartitions, withoutErrorSchemas } from '../../build/aws-sdk-trim.ts';
import { startRecordingJsonServer, type JsonReply, type ReceivedRequest, type RecordingJsonServer } from '../support/recording-json-server.ts';

// The extension's Cognito client as the browser gets it: the SDK's browser build (fetch handler, browser
// runtime config) with awsSdkTrim's stubs, bundled on its own and loaded here in Node (which has fetch).
// If any of the seven operations needed what the plugin leaves out (SigV4, SHA-256, the event-stream codec, retry
// strategies, S3 endpoint rules), the stubs would throw and these calls would fail.

const ENTRY = fileURLToPath(new URL('../../src/cognito/aws-cognito-client.ts', import.meta.url));
const SERVER_DATE = 'Tue, 03 Nov 2026 07:05:09 GMT';

type Received = ReceivedRequest;
type Reply = Omit<JsonReply, 'date'>;

let chunks: Rolldown.OutputChunk[] = [];
let chunk: Rolldown.OutputChunk;
let bundled: typeof AwsCognitoClientModule;
let outDir: string | undefined;
let server: RecordingJsonServer | undefined;
let endpoint: string;
let received: Received[] = [];
let reply: (request: Received) => Reply = () => ({ status: 200, body: {} });

beforeAll(async () => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [awsSdkTrim()],
    build: {
      write: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: ENTRY, formats: ['es'], fileName: 'aws-cognito-client' },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  chunks = outputs.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  if (entry === undefined) throw new Error('the library build made no entry chunk');
  chunk = entry;
  outDir = await mkdtemp(join(tmpdir(), 'keystep-sdk-trim-'));
  await writeFile(join(outDir, 'package.json'), '{"type":"module"}');
  for (const c of chunks) await writeFile(join(outDir, c.fileName), c.code);
  bundled = (await import(/* @vite-ignore */ pathToFileURL(join(outDir, chunk.fileName)).href)) as typeof AwsCognitoClientModule;

  server = await startRecordingJsonServer((request) => {
    received.push(request);
    return { date: SERVER_DATE, ...reply(request) };
  });
  endpoint = server.url;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
});

const api = (): CognitoApi => bundled.createAwsCognitoClient({ region: 'eu-west-1', endpoint });

describe('the bundle awsSdkTrim makes', () => {
  it.each([
    ['the SigV4 code of @aws-sdk/core', '/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/'],
    ['@smithy/signature-v4', '/@smithy/signature-v4/'],
    ['the checksum (SHA-256) code of @smithy/core', '/@smithy/core/dist-es/submodules/checksum/'],
    ['the event-stream codec of @smithy/core', '/@smithy/core/dist-es/submodules/event-streams/'],
    ['the retry strategies of @smithy/core', '/@smithy/core/dist-es/submodules/retry/'],
    ['the S3 endpoint customizations of @smithy/core', '/middleware-endpoint/service-customizations/s3.js'],
    ["the client's endpoint rules", '/@aws-sdk/client-cognito-identity-provider/dist-es/endpoint/bdd.js'],
    ['the endpoint rules engine of @smithy/core', '/@smithy/core/dist-es/submodules/endpoints/util-endpoints/'],
    ["the client's error classes", '/@aws-sdk/client-cognito-identity-provider/dist-es/models/errors.js'],
    ['the date parsers of @smithy/core', '/@smithy/core/dist-es/submodules/serde/date-utils.js'],
  ])('leaves out %s', (_name, path) => {
    expect(chunks.flatMap((c) => c.moduleIds).filter((id) => id.includes(path))).toEqual([]);
  });

  it.each([
    ['the httpAuthSchemes stub', '/build/sdk-stubs/http-auth-schemes.ts'],
    ['the checksum stub', '/build/sdk-stubs/sha256.ts'],
    ['the retry stub', '/build/sdk-stubs/retry.ts'],
    ['the endpoint resolver stub', '/build/sdk-stubs/endpoint-resolver.ts'],
    ['the date utils stub', '/build/sdk-stubs/date-utils.ts'],
    ["the SDK's browser runtime config", '/@aws-sdk/client-cognito-identity-provider/dist-es/runtimeConfig.browser.js'],
    ["the SDK's fetch handler", '/@smithy/fetch-http-handler/'],
  ])('contains %s', (_name, path) => {
    expect(chunk.moduleIds.some((id) => id.includes(path))).toBe(true);
  });

  it('is one self-contained chunk: no imports, no dynamic imports', () => {
    expect(chunks.map((c) => ({ imports: c.imports, dynamicImports: c.dynamicImports }))).toEqual([{ imports: [], dynamicImports: [] }]);
  });

  it('keeps no error schema but that of the base exception, and only the region names the partitions\' patterns do not place', () => {
    expect(chunk.code.match(/registerError\(\w+\$, \w+\)/g)).toEqual(['registerError(CognitoIdentityProviderServiceException$, CognitoIdentityProviderServiceException)']);
    expect(chunk.code).not.toContain('Asia Pacific (Tokyo)');
    expect(chunk.code).not.toContain('"ap-northeast-1"');
    expect(chunk.code).toMatch(/"aws-cn-global":\s*\{\s*\}/);
  });

  it("keeps only the client package.json's version", () => {
    expect(chunk.code).toMatch(/\{\s*"?version"?:\s*"3\.\d+\.\d+"\s*\}/);
    expect(chunk.code).not.toContain('build:types');
  });
});

interface OperationRow {
  readonly name: string;
  readonly call: (client: CognitoApi) => Promise<unknown>;
  readonly expectedBody: unknown;
  readonly serverBody: unknown;
  readonly expectedResult: unknown;
}

const serverDate = Date.parse(SERVER_DATE);
const operations: readonly OperationRow[] = [
  {
    name: 'InitiateAuth',
    call: (c) => c.initiateAuth({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' } }),
    expectedBody: { AuthFlow: 'USER_SRP_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' } },
    serverBody: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { SALT: '0a', SRP_B: '02', SECRET_BLOCK: 'AAAA', USER_ID_FOR_SRP: 'sub-1' } },
    expectedResult: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { SALT: '0a', SRP_B: '02', SECRET_BLOCK: 'AAAA', USER_ID_FOR_SRP: 'sub-1' }, serverDate },
  },
  {
    name: 'RespondToAuthChallenge',
    call: (c) => c.respondToAuthChallenge({ ClientId: 'client1', ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1', ChallengeResponses: { USERNAME: 'u', SOFTWARE_TOKEN_MFA_CODE: '123456' } }),
    expectedBody: { ClientId: 'client1', ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1', ChallengeResponses: { USERNAME: 'u', SOFTWARE_TOKEN_MFA_CODE: '123456' } },
    serverBody: { ChallengeParameters: {}, AuthenticationResult: { AccessToken: 'at', IdToken: 'it', RefreshToken: 'rt', ExpiresIn: 3600, TokenType: 'Bearer' } },
    expectedResult: { ChallengeParameters: {}, AuthenticationResult: { AccessToken: 'at', IdToken: 'it', RefreshToken: 'rt', ExpiresIn: 3600, TokenType: 'Bearer' }, serverDate },
  },
  {
    name: 'AssociateSoftwareToken',
    call: (c) => c.associateSoftwareToken({ Session: 's1' }),
    expectedBody: { Session: 's1' },
    serverBody: { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2' },
    expectedResult: { SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2', serverDate },
  },
  {
    name: 'VerifySoftwareToken',
    call: (c) => c.verifySoftwareToken({ AccessToken: 'at', UserCode: '123456', FriendlyDeviceName: 'Keystep on Chrome' }),
    expectedBody: { AccessToken: 'at', UserCode: '123456', FriendlyDeviceName: 'Keystep on Chrome' },
    serverBody: { Status: 'SUCCESS' },
    expectedResult: { Status: 'SUCCESS', serverDate },
  },
  {
    name: 'SetUserMFAPreference',
    call: (c) => c.setUserMfaPreference({ AccessToken: 'at', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
    expectedBody: { AccessToken: 'at', SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    serverBody: {},
    expectedResult: { serverDate },
  },
  {
    name: 'GetUser',
    call: (c) => c.getUser({ AccessToken: 'at' }),
    expectedBody: { AccessToken: 'at' },
    serverBody: { Username: 'demo', UserAttributes: [{ Name: 'email', Value: 'demo@example.com' }], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] },
    expectedResult: {
      Username: 'demo',
      UserAttributes: [{ Name: 'email', Value: 'demo@example.com' }],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      serverDate,
    },
  },
  {
    name: 'RevokeToken',
    call: (c) => c.revokeToken({ ClientId: 'client1', Token: 'eyJjdHkiOiJKV1QifQ.a.b.c.d', ClientSecret: 'secret1' }),
    expectedBody: { ClientId: 'client1', Token: 'eyJjdHkiOiJKV1QifQ.a.b.c.d', ClientSecret: 'secret1' },
    serverBody: {},
    expectedResult: { serverDate },
  },
];

describe('the trimmed browser bundle against a local JSON 1.1 server', () => {
  it.each(operations)('$name: sends the JSON body unsigned and returns the result', async (row) => {
    reply = () => ({ status: 200, body: row.serverBody });
    expect(await row.call(api())).toEqual(row.expectedResult);
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.target).toBe(`AWSCognitoIdentityProviderService.${row.name}`);
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request.body).toEqual(row.expectedBody);
    expect([request.headers.authorization, request.headers['x-amz-date'], request.headers['x-amz-content-sha256']]).toEqual([undefined, undefined, undefined]);
    // The User-Agent names the SDK and the client's version, from the trimmed package.json (build/sdk-stubs/aws-core-client.ts).
    expect(request.headers['x-amz-user-agent']).toMatch(/^aws-sdk-js\/3\.\d+\.\d+$/);
    // The headers of the retry middleware, for the one attempt.
    expect(request.headers['amz-sdk-request']).toBe('attempt=1; max=1');
    expect(request.headers['amz-sdk-invocation-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    [400, 'NotAuthorizedException', 'Incorrect username or password.', 'NotAuthorizedException'],
    [400, 'com.amazonaws.cognito.identity.idp.model#CodeMismatchException', 'Invalid code or auth state for the user.', 'CodeMismatchException'],
    [500, 'InternalErrorException', 'Internal error', 'InternalErrorException'],
  ])('HTTP %i %s -> CognitoServiceError in one attempt', async (status, type, message, name) => {
    reply = () => ({ status, body: { __type: type, message } });
    const error = await api()
      .initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: 'u', PASSWORD: 'p' } })
      .catch((e: unknown) => e);
    // The bundle has its own copy of the class, so compare by class name rather than instanceof.
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor.name).toBe('CognitoServiceError');
    expect(error).toMatchObject({ name, message, status, serverDate });
    expect(received).toHaveLength(1);
  });

  it('maps a refused connection (fetch TypeError) to CognitoNetworkError naming the host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = bundled.createAwsCognitoClient({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}` });
    const error = await client.getUser({ AccessToken: 'at' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CognitoNetworkError', host: `127.0.0.1:${port}` });
  });

  it('gives up on a server that never answers after requestTimeoutMs, as CognitoNetworkError', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const client = bundled.createAwsCognitoClient({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}`, requestTimeoutMs: 200 });
      const error = await client.getUser({ AccessToken: 'at' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'CognitoNetworkError', host: `127.0.0.1:${port}` });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

const fail = (message: string): never => {
  throw new Error(message);
};
const sdkFile = (path: string): string => readFileSync(new URL(`../../node_modules/${path}`, import.meta.url), 'utf8');

describe('withoutErrorSchemas', () => {
  const schemas = sdkFile('@aws-sdk/client-cognito-identity-provider/dist-es/schemas/schemas_0.js');

  it("drops every error schema of the client's schemas_0.js but the base exception's, and the classes' import", () => {
    const trimmed = withoutErrorSchemas(schemas, fail);
    expect(schemas.match(/registerError\(/g)?.length).toBeGreaterThan(50);
    expect(trimmed.match(/\w+\.registerError\(.*\);/g)).toEqual(['_s_registry.registerError(CognitoIdentityProviderServiceException$, CognitoIdentityProviderServiceException);']);
    expect(trimmed).not.toContain('../models/errors');
    expect(trimmed).toContain('export var GetUser$ = ');
  });

  const registration = 'export var AException$ = [-3, n0, _AE,\n    { [_e]: _c },\n    [_m],\n    [0]\n];\nn0_registry.registerError(AException$, AException);\n';
  it.each([
    ['no import of the error classes', registration, 'no import of ../models/errors'],
    ['a class without its schema', `import { AException, BException } from "../models/errors";\n${registration}`, 'error schemas not found for BException'],
    ['a class used elsewhere', `import { AException } from "../models/errors";\n${registration}const x = AException;\n`, 'error classes still referenced: AException'],
  ])('fails on %s', (_case, code, message) => {
    expect(() => withoutErrorSchemas(code, fail)).toThrow(message);
  });
});

describe('trimPartitions', () => {
  const partitions = sdkFile('@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js');
  type Info = { partitions: { id: string; regions: Record<string, object> }[] };
  const infoOf = (code: string): Info => JSON.parse(/= (\{[\s\S]*\});/.exec(code)?.[1] ?? '') as Info;
  const full = infoOf(partitions);
  const trimmed = infoOf(trimPartitions(partitions, fail));
  const listed = full.partitions.flatMap((p) => Object.keys(p.regions));

  afterAll(() => useDefaultPartitionInfo());

  it("gives the SDK's partition() the same answer for every region it lists and for regions it does not", () => {
    const names: string[] = [...listed, 'ap-future-9', 'cn-future-3', 'us-gov-future-2', 'us-isob-future-1', 'local', 'aws-global', ''];
    useDefaultPartitionInfo();
    const before: [string, object][] = names.map((name) => [name, partition(name)]);
    setPartitionInfo(trimmed as Parameters<typeof setPartitionInfo>[0]);
    const after = names.map((name) => [name, partition(name)]);
    useDefaultPartitionInfo();
    const withoutDescription = (result: object): object => Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'description'));
    expect(after).toEqual(before.map(([name, result]) => [name, withoutDescription(result)]));
    expect(before).toContainEqual(['ap-northeast-1', expect.objectContaining({ name: 'aws', description: 'Asia Pacific (Tokyo)' })]);
  });

  it('keeps every partition and its outputs, and of the region lists only what the patterns do not place', () => {
    expect(trimmed.partitions.map((p) => ({ ...p, regions: {} }))).toEqual(full.partitions.map((p) => ({ ...p, regions: {} })));
    const kept = trimmed.partitions.flatMap((p) => Object.entries(p.regions).map(([name, data]) => [p.id, name, data]));
    expect(kept).toContainEqual(['aws-cn', 'aws-cn-global', {}]);
    expect(kept.length).toBeLessThan(listed.length / 3);
    expect(listed.length).toBeGreaterThan(40);
  });

  it.each([
    ['another layout', 'export const partitionsInfo = load();', 'expected `export const partitionsInfo'],
    ['no partitions', 'export const partitionsInfo = {"partitions": []};', 'expected partitions with patterns'],
    [
      'region data besides a description',
      'export const partitionsInfo = {"partitions": [{"id": "aws", "regionRegex": "^x", "regions": {"x-1": {"description": "X", "variant": 1}}}]};',
      'region data besides a description: x-1',
    ],
  ])('fails on %s', (_case, code, message) => {
    expect(() => trimPartitions(code, fail)).toThrow(message);
  });
});
