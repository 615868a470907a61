// A small in-memory model of one Cognito user pool + app client behind the CognitoApi interface, for driving
// the enrollment flow in unit tests without HTTP. It follows /work/shared/cognito-api-facts.md: single-use
// sessions, SRP verified for real (srp-server.ts), SECRET_HASH checked against the USERNAME sent, TOTP checked
// at the server's clock with +-1 step, the documented error names and messages. Failures can be injected per
// operation, and every call is logged for assertions.
import { createHmac } from 'node:crypto';
import type {
  AssociateSoftwareTokenInput,
  AssociateSoftwareTokenOutput,
  AuthResponse,
  CognitoApi,
  CognitoOperation,
  GetUserInput,
  GetUserOutput,
  InitiateAuthInput,
  RespondToAuthChallengeInput,
  SetUserMfaPreferenceInput,
  SetUserMfaPreferenceOutput,
  VerifySoftwareTokenInput,
  VerifySoftwareTokenOutput,
} from '../../src/cognito/cognito-api.ts';
import { CognitoNetworkError } from '../../src/cognito/cognito-network-error.ts';
import { CognitoServiceError } from '../../src/cognito/cognito-service-error.ts';
import { seededRandomBytes } from './seeded-random.ts';
import { srpServer, type SrpServer } from './srp-server.ts';
import { encodeBase32 } from '../support/cognito-server/base32.ts';
import { base32Bytes, totpCode } from '../support/independent-otp.ts';

/** A clock the tests move by hand; sleep() records the wait and moves the clock, never a real timer. */
export interface FakeClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly advance: (ms: number) => void;
  readonly sleeps: number[];
}

export function fakeClock(startMs: number): FakeClock {
  let t = startMs;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
      return Promise.resolve();
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps,
  };
}

export type Factor = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';

export interface FakeUserInit {
  /** Internal username (what USER_ID_FOR_SRP carries). */
  readonly username: string;
  /** An e-mail alias accepted as USERNAME. */
  readonly alias?: string;
  readonly email?: string;
  readonly password: string;
  readonly forceChangePassword?: boolean;
  /** Attribute names NEW_PASSWORD_REQUIRED asks for, e.g. ["name"]. */
  readonly requiredAttributes?: readonly string[];
  /** Factors already enabled. */
  readonly enabled?: readonly Factor[];
  readonly preferred?: Factor;
  /** An already verified TOTP secret (base32). */
  readonly totpSecret?: string;
}

interface FakeUser {
  readonly username: string;
  readonly alias: string | undefined;
  readonly attributes: Record<string, string>;
  password: string;
  forceChangePassword: boolean;
  readonly requiredAttributes: readonly string[];
  readonly enabled: Set<Factor>;
  preferred: Factor | undefined;
  totpSecret: string | undefined;
  totpVerified: boolean;
}

export interface FakePoolConfig {
  readonly poolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly allowSrp: boolean;
  readonly allowPassword: boolean;
  /** Word "flow not enabled" like the secondary source ("USER_PASSWORD_AUTH flow not enabled for this client") or like the admin flow ("Auth flow not enabled for this client"). */
  readonly flowMessage: 'named' | 'generic';
  readonly mfa: 'OFF' | 'OPTIONAL' | 'ON';
  readonly totpEnabled: boolean;
  /** Server clock minus the test clock, ms. */
  readonly skewMs: number;
  /** The test clock advances this much during every call, ms. */
  readonly latencyMs: number;
  /** SetUserMFAPreference answers {} but changes nothing (to test the GetUser confirmation). */
  readonly ignorePreference: boolean;
}

/** A failure to throw on a future call: a service error (built at call time with the server's Date) or a network error. */
export type InjectedFailure = { readonly name: string; readonly message: string; readonly status?: number } | 'network';

export interface LoggedCall {
  readonly op: CognitoOperation;
  readonly input: unknown;
  /** Test-clock time when the call arrived, ms. */
  readonly at: number;
  /** What the call returned, or the name of what it threw. */
  output?: unknown;
  error?: string;
}

interface SessionRecord {
  readonly user: FakeUser;
  readonly challenge: string;
  readonly srp?: { readonly server: SrpServer; readonly secretBlock: Buffer; readonly srpA: string };
  readonly purpose?: 'mfa-setup' | 'mfa-setup-verified';
}

export const SMS_CODE = '424242';
export const EMAIL_CODE = '535353';
const WEEKDAY_MONTH_TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9]\d? \d\d:\d\d:\d\d UTC \d{4}$/;

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export class FakeCognitoPool implements CognitoApi {
  readonly config: FakePoolConfig;
  readonly calls: LoggedCall[] = [];
  /** Every token, session and TOTP secret handed out, to check that none leaks into UI state. */
  readonly issued: string[] = [];
  readonly #clock: FakeClock;
  readonly #users: FakeUser[] = [];
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #accessTokens = new Map<string, FakeUser>();
  readonly #failures = new Map<CognitoOperation, InjectedFailure[]>();
  readonly #random = seededRandomBytes(20261103);
  #counter = 0;

  readonly #events: string[] | undefined;

  /** @param events a log shared with the store, to assert the order of API and store calls. */
  constructor(clock: FakeClock, config: Partial<FakePoolConfig> = {}, events?: string[]) {
    this.#clock = clock;
    this.#events = events;
    this.config = {
      poolId: 'ap-northeast-1_TestPool1',
      clientId: 'client123',
      allowSrp: true,
      allowPassword: true,
      flowMessage: 'named',
      mfa: 'OPTIONAL',
      totpEnabled: true,
      skewMs: 0,
      latencyMs: 0,
      ignorePreference: false,
      ...config,
    };
  }

  addUser(init: FakeUserInit): this {
    this.#users.push({
      username: init.username,
      alias: init.alias,
      attributes: { sub: `sub-${init.username}`, ...(init.email === undefined ? {} : { email: init.email }) },
      password: init.password,
      forceChangePassword: init.forceChangePassword ?? false,
      requiredAttributes: init.requiredAttributes ?? [],
      enabled: new Set(init.enabled ?? []),
      preferred: init.preferred,
      totpSecret: init.totpSecret,
      totpVerified: init.totpSecret !== undefined,
    });
    return this;
  }

  /** The user as the pool sees it now (for assertions). */
  user(username: string): Readonly<FakeUser> {
    const user = this.#users.find((u) => u.username === username);
    if (user === undefined) throw new Error(`no user ${username}`);
    return user;
  }

  /** Queues failures for the next calls of `op` (one per call, in order). */
  fail(op: CognitoOperation, ...failures: InjectedFailure[]): this {
    this.#failures.set(op, [...(this.#failures.get(op) ?? []), ...failures]);
    return this;
  }

  /** Makes every issued session and access token invalid (as if they expired). */
  expireEverything(): void {
    this.#sessions.clear();
    this.#accessTokens.clear();
  }

  ops(): CognitoOperation[] {
    return this.calls.map((call) => call.op);
  }

  callsOf(op: CognitoOperation): LoggedCall[] {
    return this.calls.filter((call) => call.op === op);
  }

  serverNow(): number {
    return this.#clock.now() + this.config.skewMs;
  }

  #serverDate(): number {
    return Math.floor(this.serverNow() / 1000) * 1000;
  }

  #error(name: string, message: string, status = 400): CognitoServiceError {
    return new CognitoServiceError({ name, message, status, serverDate: this.#serverDate() });
  }

  #call<T>(op: CognitoOperation, input: unknown, run: () => T): Promise<T> {
    return Promise.resolve().then(() => {
      const entry: LoggedCall = { op, input: structuredClone(input), at: this.#clock.now() };
      this.calls.push(entry);
      this.#events?.push(op);
      this.#clock.advance(this.config.latencyMs);
      try {
        const failure = this.#failures.get(op)?.shift();
        if (failure === 'network') throw new CognitoNetworkError('connect ECONNREFUSED', 'cognito-idp.ap-northeast-1.amazonaws.com');
        if (failure !== undefined) throw this.#error(failure.name, failure.message, failure.status);
        const output = run();
        entry.output = output;
        return output;
      } catch (error: unknown) {
        entry.error = error instanceof Error ? error.name : String(error);
        throw error;
      }
    });
  }

  #dated<T extends object>(value: T): T & { serverDate: number } {
    return { ...value, serverDate: this.#serverDate() };
  }

  #newId(prefix: string): string {
    this.#counter += 1;
    const id = `${prefix}-${this.#counter}-${Buffer.from(this.#random(6)).toString('hex')}`;
    this.issued.push(id);
    return id;
  }

  #newSession(record: SessionRecord): string {
    const id = this.#newId('session');
    this.#sessions.set(id, record);
    return id;
  }

  #checkSecretHash(params: Readonly<Record<string, string>>, username: string): void {
    const secret = this.config.clientSecret;
    if (secret === undefined) return;
    const hash = params['SECRET_HASH'];
    if (hash === undefined) throw this.#error('NotAuthorizedException', `Client ${this.config.clientId} is configured for secret but secret was not received`);
    const expected = createHmac('sha256', secret).update(username + this.config.clientId).digest('base64');
    if (hash !== expected) throw this.#error('NotAuthorizedException', `Unable to verify secret hash for client ${this.config.clientId}`);
  }

  #findUser(name: string | undefined): FakeUser | undefined {
    return this.#users.find((u) => u.username === name || (u.alias !== undefined && u.alias === name));
  }

  #tokens(user: FakeUser): AuthResponse {
    const accessToken = this.#newId('access');
    this.#accessTokens.set(accessToken, user);
    const idToken = `${base64url({ alg: 'none' })}.${base64url({ sub: user.attributes['sub'], email: user.attributes['email'], 'cognito:username': user.username })}.sig`;
    this.issued.push(idToken);
    return this.#dated({
      ChallengeParameters: {},
      AuthenticationResult: { AccessToken: accessToken, IdToken: idToken, RefreshToken: this.#newId('refresh'), ExpiresIn: 3600, TokenType: 'Bearer' },
    });
  }

  #mfaChallenge(user: FakeUser, factor: Factor): AuthResponse {
    const Session = this.#newSession({ user, challenge: factor });
    const destination = factor === 'SMS_MFA' ? { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******1234' } : factor === 'EMAIL_OTP' ? { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'd***@e***' } : {};
    return this.#dated({ ChallengeName: factor, Session, ChallengeParameters: { USER_ID_FOR_SRP: user.username, ...destination } });
  }

  #afterPassword(user: FakeUser): AuthResponse {
    if (user.forceChangePassword) {
      const Session = this.#newSession({ user, challenge: 'NEW_PASSWORD_REQUIRED' });
      return this.#dated({
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session,
        ChallengeParameters: {
          USER_ID_FOR_SRP: user.username,
          requiredAttributes: JSON.stringify(user.requiredAttributes.map((name) => `userAttributes.${name}`)),
          userAttributes: JSON.stringify({ email: user.attributes['email'] }),
        },
      });
    }
    if (this.config.mfa !== 'OFF') {
      const factors = [...user.enabled];
      if (factors.length === 0 && this.config.mfa === 'ON') {
        const Session = this.#newSession({ user, challenge: 'MFA_SETUP', purpose: 'mfa-setup' });
        return this.#dated({
          ChallengeName: 'MFA_SETUP',
          Session,
          ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(this.config.totpEnabled ? ['SOFTWARE_TOKEN_MFA'] : ['SMS_MFA']) },
        });
      }
      if (factors.length > 1 && user.preferred === undefined) {
        const Session = this.#newSession({ user, challenge: 'SELECT_MFA_TYPE' });
        return this.#dated({ ChallengeName: 'SELECT_MFA_TYPE', Session, ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(factors) } });
      }
      const factor = user.preferred ?? factors[0];
      if (factor !== undefined) return this.#mfaChallenge(user, factor);
    }
    return this.#tokens(user);
  }

  #totpOk(secret: string | undefined, code: string | undefined): boolean {
    if (secret === undefined || code === undefined || !/^\d{6}$/.test(code)) return false;
    const key = base32Bytes(secret);
    const now = this.serverNow();
    // One step either side, as RFC 6238 section 5.2 suggests.
    return [-1, 0, 1].some((steps) => totpCode(key, now + steps * 30_000) === code);
  }

  #userByTokenOrSession(input: { readonly AccessToken?: string; readonly Session?: string }): { user: FakeUser; session?: SessionRecord } {
    if (input.AccessToken !== undefined) {
      const user = this.#accessTokens.get(input.AccessToken);
      if (user === undefined) throw this.#error('NotAuthorizedException', 'Access Token has expired');
      return { user };
    }
    const session = input.Session === undefined ? undefined : this.#sessions.get(input.Session);
    if (session === undefined || input.Session === undefined) throw this.#error('NotAuthorizedException', 'Invalid session for the user.');
    this.#sessions.delete(input.Session);
    return { user: session.user, session };
  }

  initiateAuth(input: InitiateAuthInput): Promise<AuthResponse> {
    return this.#call('InitiateAuth', input, () => {
      if (input.ClientId !== this.config.clientId) throw this.#error('ResourceNotFoundException', `User pool client ${input.ClientId} does not exist.`);
      const allowed = input.AuthFlow === 'USER_SRP_AUTH' ? this.config.allowSrp : input.AuthFlow === 'USER_PASSWORD_AUTH' ? this.config.allowPassword : false;
      if (!allowed) {
        throw this.#error('InvalidParameterException', this.config.flowMessage === 'named' ? `${input.AuthFlow} flow not enabled for this client` : 'Auth flow not enabled for this client');
      }
      const params = input.AuthParameters;
      const username = params['USERNAME'] ?? '';
      this.#checkSecretHash(params, username);
      const user = this.#findUser(username);
      if (user === undefined) throw this.#error('NotAuthorizedException', 'Incorrect username or password.');
      if (input.AuthFlow === 'USER_PASSWORD_AUTH') {
        if (params['PASSWORD'] !== user.password) throw this.#error('NotAuthorizedException', 'Incorrect username or password.');
        return this.#afterPassword(user);
      }
      if (params['SRP_A'] === undefined || !/^[0-9a-f]+$/.test(params['SRP_A'])) throw this.#error('InvalidParameterException', 'SRP_A is invalid');
      const saltHex = Buffer.from(this.#random(16)).toString('hex');
      const secretBlock = Buffer.from(this.#random(64));
      const server = srpServer(this.config.poolId.split('_')[1] ?? '', user.username, user.password, saltHex, this.#random(32));
      const Session = this.#newSession({ user, challenge: 'PASSWORD_VERIFIER', srp: { server, secretBlock, srpA: params['SRP_A'] } });
      return this.#dated({
        ChallengeName: 'PASSWORD_VERIFIER',
        Session,
        ChallengeParameters: {
          SALT: saltHex,
          SRP_B: server.B.toString(16),
          SECRET_BLOCK: secretBlock.toString('base64'),
          USER_ID_FOR_SRP: user.username,
          USERNAME: user.username,
        },
      });
    });
  }

  respondToAuthChallenge(input: RespondToAuthChallengeInput): Promise<AuthResponse> {
    return this.#call('RespondToAuthChallenge', input, () => {
      const record = input.Session === undefined ? undefined : this.#sessions.get(input.Session);
      if (record === undefined || input.Session === undefined || record.challenge !== input.ChallengeName) {
        throw this.#error('NotAuthorizedException', 'Invalid session for the user.');
      }
      const r = input.ChallengeResponses;
      const user = record.user;
      this.#checkSecretHash(r, r['USERNAME'] ?? '');
      if (r['USERNAME'] !== user.username && r['USERNAME'] !== user.alias) throw this.#error('NotAuthorizedException', 'Incorrect username or password.');
      const session = input.Session;
      switch (input.ChallengeName) {
        case 'PASSWORD_VERIFIER': {
          this.#sessions.delete(session);
          const timestamp = r['TIMESTAMP'] ?? '';
          if (!WEEKDAY_MONTH_TIMESTAMP.test(timestamp)) throw this.#error('InvalidParameterException', 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
          const srp = record.srp;
          if (srp === undefined || r['USERNAME'] !== user.username || r['PASSWORD_CLAIM_SECRET_BLOCK'] !== srp.secretBlock.toString('base64')) {
            throw this.#error('NotAuthorizedException', 'Incorrect username or password.');
          }
          if (r['PASSWORD_CLAIM_SIGNATURE'] !== srp.server.expectedSignature(srp.srpA, srp.secretBlock, timestamp)) {
            throw this.#error('NotAuthorizedException', 'Incorrect username or password.');
          }
          return this.#afterPassword(user);
        }
        case 'NEW_PASSWORD_REQUIRED': {
          const missing = user.requiredAttributes.filter((name) => (r[`userAttributes.${name}`] ?? '') === '');
          if (missing.length > 0) throw this.#error('InvalidParameterException', `Missing required attribute ${missing.join(', ')}`);
          const next = r['NEW_PASSWORD'] ?? '';
          if (next.length < 8) throw this.#error('InvalidPasswordException', 'Password did not conform with policy: Password not long enough');
          this.#sessions.delete(session);
          user.password = next;
          user.forceChangePassword = false;
          for (const [key, value] of Object.entries(r)) if (key.startsWith('userAttributes.')) user.attributes[key.slice('userAttributes.'.length)] = value;
          return this.#afterPassword(user);
        }
        case 'SOFTWARE_TOKEN_MFA':
          if (!this.#totpOk(user.totpSecret, r['SOFTWARE_TOKEN_MFA_CODE'])) throw this.#error('CodeMismatchException', 'Invalid code or auth state for the user.');
          this.#sessions.delete(session);
          return this.#tokens(user);
        case 'SMS_MFA':
        case 'EMAIL_OTP': {
          const expected = input.ChallengeName === 'SMS_MFA' ? SMS_CODE : EMAIL_CODE;
          if (r[input.ChallengeName === 'SMS_MFA' ? 'SMS_MFA_CODE' : 'EMAIL_OTP_CODE'] !== expected) {
            throw this.#error('CodeMismatchException', 'Invalid code or auth state for the user.');
          }
          this.#sessions.delete(session);
          return this.#tokens(user);
        }
        case 'SELECT_MFA_TYPE': {
          this.#sessions.delete(session);
          const answer = r['ANSWER'];
          if (answer !== 'SOFTWARE_TOKEN_MFA' && answer !== 'SMS_MFA' && answer !== 'EMAIL_OTP') throw this.#error('InvalidParameterException', 'Invalid ANSWER');
          return this.#mfaChallenge(user, answer);
        }
        case 'MFA_SETUP':
          this.#sessions.delete(session);
          if (record.purpose !== 'mfa-setup-verified') throw this.#error('NotAuthorizedException', 'Invalid session for the user.');
          user.enabled.add('SOFTWARE_TOKEN_MFA');
          return this.#tokens(user);
      }
    });
  }

  associateSoftwareToken(input: AssociateSoftwareTokenInput): Promise<AssociateSoftwareTokenOutput> {
    return this.#call('AssociateSoftwareToken', input, () => {
      const { user, session } = this.#userByTokenOrSession(input);
      if (!this.config.totpEnabled) throw this.#error('SoftwareTokenMFANotFoundException', 'Software Token MFA has not been enabled by the userPool.');
      const secret = encodeBase32(this.#random(32));
      this.issued.push(secret);
      user.totpSecret = secret;
      user.totpVerified = false;
      if (session === undefined) return this.#dated({ SecretCode: secret });
      return this.#dated({ SecretCode: secret, Session: this.#newSession({ user, challenge: 'MFA_SETUP', purpose: 'mfa-setup' }) });
    });
  }

  verifySoftwareToken(input: VerifySoftwareTokenInput): Promise<VerifySoftwareTokenOutput> {
    return this.#call('VerifySoftwareToken', input, () => {
      const { user, session } = this.#userByTokenOrSession(input);
      if (!/^\d{6}$/.test(input.UserCode)) throw this.#error('InvalidParameterException', "1 validation error detected: Value at 'userCode' failed to satisfy constraint");
      if (!this.#totpOk(user.totpSecret, input.UserCode)) {
        // A wrong code does not use up the session.
        if (session !== undefined && input.Session !== undefined) this.#sessions.set(input.Session, session);
        throw this.#error('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA');
      }
      user.totpVerified = true;
      if (session === undefined) return this.#dated({ Status: 'SUCCESS' as const });
      return this.#dated({ Status: 'SUCCESS' as const, Session: this.#newSession({ user, challenge: 'MFA_SETUP', purpose: 'mfa-setup-verified' }) });
    });
  }

  setUserMfaPreference(input: SetUserMfaPreferenceInput): Promise<SetUserMfaPreferenceOutput> {
    return this.#call('SetUserMFAPreference', input, () => {
      const { user } = this.#userByTokenOrSession({ AccessToken: input.AccessToken });
      const settings = input.SoftwareTokenMfaSettings;
      if (settings?.Enabled === true && !user.totpVerified) {
        throw this.#error('InvalidParameterException', 'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA');
      }
      if (!this.config.ignorePreference && settings?.Enabled === true) {
        user.enabled.add('SOFTWARE_TOKEN_MFA');
        if (settings.PreferredMfa === true) user.preferred = 'SOFTWARE_TOKEN_MFA';
      }
      return this.#dated({});
    });
  }

  getUser(input: GetUserInput): Promise<GetUserOutput> {
    return this.#call('GetUser', input, () => {
      const { user } = this.#userByTokenOrSession({ AccessToken: input.AccessToken });
      return this.#dated({
        Username: user.username,
        UserAttributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
        ...(user.preferred === undefined ? {} : { PreferredMfaSetting: user.preferred }),
        ...(user.enabled.size === 0 ? {} : { UserMFASettingList: [...user.enabled] }),
      });
    });
  }
}
