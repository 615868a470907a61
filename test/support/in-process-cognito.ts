import type {
  AssociateSoftwareTokenOutput,
  AuthResponse,
  CognitoApi,
  CognitoOperation,
  GetUserOutput,
  ServerDated,
  VerifySoftwareTokenOutput,
} from '../../src/cognito/cognito-api.ts';
import { CognitoNetworkError } from '../../src/cognito/cognito-network-error.ts';
import { CognitoServiceError } from '../../src/cognito/cognito-service-error.ts';
import { shortName } from './cognito-server/cognito-service-error.ts';
import { OPERATIONS } from './cognito-server/operations/operation-table.ts';
import { serveOperation } from './cognito-server/serve-operation.ts';
import { createServerState, type CognitoServerState, type CognitoServerStateOptions } from './cognito-server/server-state.ts';

// The local Cognito server's operations behind the CognitoApi interface, called in process: no HTTP, but the same
// operation table, fault injection and request log as over HTTP, and results and errors shaped as
// src/cognito/aws-cognito-client.ts shapes what the AWS SDK returns (test/support/in-process-cognito.test.ts runs
// the same requests through both and compares). For unit tests of code that talks to Cognito, such as the
// enrollment flow, without a second model of Cognito.

export interface InProcessCognitoOptions extends CognitoServerStateOptions {
  /** Host a network failure names, as the real adapter names its endpoint's; default cognito-idp.<region>.amazonaws.com. */
  readonly host?: string;
  /** Called as each request arrives, before the server reads its clock; e.g. moves a test clock by a network latency. */
  readonly onRequest?: (operation: CognitoOperation) => void;
}

/** One call as the API received and answered it. Holds secrets: for assertions, never for output. */
export interface LoggedCall {
  readonly op: CognitoOperation;
  /** The request, as it would go on the wire (JSON). */
  readonly input: unknown;
  /** Server time when it arrived, ms. */
  readonly at: number;
  /** What the call returned (without serverDate), or the name of what it threw. */
  output?: unknown;
  error?: string;
}

export interface InProcessCognito extends CognitoServerState {
  readonly api: CognitoApi;
  /** Every call, in order. */
  readonly calls: readonly LoggedCall[];
  /** Every session, token and SecretCode handed out, to check that none leaks. */
  readonly issued: readonly string[];
  /** The operations called, in order. */
  ops(): CognitoOperation[];
  callsOf(op: CognitoOperation): LoggedCall[];
}

type Json = Readonly<Record<string, unknown>>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const obj = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);
/** Copies the members whose values are defined (the SDK leaves absent members out; so does the real adapter). */
const defined = (members: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(members).filter(([, value]) => value !== undefined));

function authResponse(output: Json): AuthResponse {
  const result = obj(output['AuthenticationResult']);
  return defined({
    ChallengeName: str(output['ChallengeName']),
    Session: str(output['Session']),
    ChallengeParameters: obj(output['ChallengeParameters']),
    AuthenticationResult:
      result === undefined
        ? undefined
        : defined({
            AccessToken: str(result['AccessToken']),
            IdToken: str(result['IdToken']),
            RefreshToken: str(result['RefreshToken']),
            ExpiresIn: num(result['ExpiresIn']),
            TokenType: str(result['TokenType']),
          }),
  });
}

const SHAPES: Readonly<Record<CognitoOperation, (output: Json) => object>> = {
  InitiateAuth: authResponse,
  RespondToAuthChallenge: authResponse,
  AssociateSoftwareToken: (output): AssociateSoftwareTokenOutput => defined({ SecretCode: str(output['SecretCode']), Session: str(output['Session']) }),
  VerifySoftwareToken: (output): VerifySoftwareTokenOutput => defined({ Status: str(output['Status']), Session: str(output['Session']) }),
  SetUserMFAPreference: () => ({}),
  RevokeToken: () => ({}),
  GetUser: (output): GetUserOutput => {
    const attributes = Array.isArray(output['UserAttributes']) ? (output['UserAttributes'] as unknown[]).map((a) => obj(a) ?? {}) : undefined;
    const list = output['UserMFASettingList'];
    return defined({
      Username: str(output['Username']),
      UserAttributes: attributes?.map((a) => defined({ Name: str(a['Name']) ?? '', Value: str(a['Value']) })),
      PreferredMfaSetting: str(output['PreferredMfaSetting']),
      UserMFASettingList: Array.isArray(list) ? list.filter((item) => typeof item === 'string') : undefined,
    });
  },
};

/** Opaque values an output hands out (sessions, tokens, TOTP secrets). */
function secretsIn(output: Json): string[] {
  const result = obj(output['AuthenticationResult']) ?? {};
  return [output['Session'], output['SecretCode'], result['AccessToken'], result['IdToken'], result['RefreshToken']].filter((v): v is string => typeof v === 'string');
}

/** A fresh local Cognito server state, and a CognitoApi that calls its operations in process. */
export function createInProcessCognito(options: InProcessCognitoOptions = {}): InProcessCognito {
  const state = createServerState(options);
  const { ctx } = state;
  const host = options.host ?? `cognito-idp.${ctx.region}.amazonaws.com`;
  const calls: LoggedCall[] = [];
  const issued: string[] = [];

  async function call<T extends ServerDated>(op: CognitoOperation, input: object): Promise<T> {
    // An SDK request is sent asynchronously; so is this one.
    await Promise.resolve();
    options.onRequest?.(op);
    const at = ctx.now();
    // As over HTTP: a request id per request (the same random draws), the Date header's 1 s resolution.
    ctx.ids.uuid();
    const serverDate = Math.floor(at / 1000) * 1000;
    const wire: unknown = JSON.parse(JSON.stringify(input));
    const entry: LoggedCall = { op, input: wire, at };
    calls.push(entry);
    const served = serveOperation({ ctx, operations: OPERATIONS, faults: state.faults }, op, wire);
    if (served.kind === 'no-answer') {
      state.requestLog.record({ at, method: 'POST', operation: op, status: 0 });
      entry.error = 'CognitoNetworkError';
      throw new CognitoNetworkError('socket hang up', host);
    }
    if (served.kind === 'error') {
      const { error } = served;
      const name = shortName(error.name);
      state.requestLog.record({ at, method: 'POST', operation: op, status: error.status, errorType: name });
      entry.error = name;
      throw new CognitoServiceError({ name, message: error.message, status: error.status, serverDate });
    }
    state.requestLog.record({ at, method: 'POST', operation: op, status: 200 });
    const output: Json = JSON.parse(JSON.stringify(served.output)) as Json;
    issued.push(...secretsIn(output));
    const shaped = SHAPES[op](output);
    entry.output = shaped;
    return { ...shaped, serverDate } as unknown as T;
  }

  return {
    ...state,
    api: {
      initiateAuth: (input) => call('InitiateAuth', input),
      respondToAuthChallenge: (input) => call('RespondToAuthChallenge', input),
      associateSoftwareToken: (input) => call('AssociateSoftwareToken', input),
      verifySoftwareToken: (input) => call('VerifySoftwareToken', input),
      setUserMfaPreference: (input) => call('SetUserMFAPreference', input),
      getUser: (input) => call('GetUser', input),
      revokeToken: (input) => call('RevokeToken', input),
    },
    calls,
    issued,
    ops: () => calls.map((c) => c.op),
    callsOf: (op) => calls.filter((c) => c.op === op),
  };
}
