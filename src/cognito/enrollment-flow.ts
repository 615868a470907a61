import type { AccountDraft } from '../core/account.ts';
import { challengeResponses } from './challenge-responses.ts';
import type { AnsweredChallenge, AuthResponse, CognitoApi, SignInFlow, TokenOrSession } from './cognito-api.ts';
import { cognitoAccountDraft } from './cognito-account-draft.ts';
import { CognitoCaller } from './cognito-caller.ts';
import { formatSkewSeconds } from './clock-skew.ts';
import { cognitoProblem, totpDisabledProblem, type CognitoProblem, type CognitoProblemCode } from './cognito-problem.ts';
import type { CognitoProfile } from './cognito-profile.ts';
import type { CodeChallenge, EnrollmentState, EnrollmentStep, EnrollmentSummary } from './enrollment-state.ts';
import type { CognitoAccountRef, EnrollmentStore } from './enrollment-store.ts';
import { emailFromIdToken } from './jwt-payload.ts';
import { parseChallengeList } from './parse-challenge-list.ts';
import { defaultRandomBytes, type RandomBytes } from '../core/random-bytes.ts';
import { initiateSignIn, type SignInCredentials, type SignInStart } from './sign-in.ts';
import { StepFailure } from './step-failure.ts';
import { submitTotpWithRollover, type TotpRolloverOptions } from './submit-totp-with-rollover.ts';
import type { TotpGenerator } from './totp-generator.ts';

/** Dependencies and settings of {@link createEnrollmentFlow}. */
export interface EnrollmentFlowOptions {
  /** Pool, client, issuer and preferred flow. */
  readonly profile: CognitoProfile;
  /** Cognito calls (createAwsCognitoClient in the extension, a fake in tests). */
  readonly api: CognitoApi;
  /** Keystep's authenticator. */
  readonly store: EnrollmentStore;
  /** 6-digit SHA1/30 s TOTP of a base32 secret at a time. */
  readonly generateTotp: TotpGenerator;
  /** Local clock, ms since the epoch; default `Date.now`. */
  readonly now?: () => number;
  /** Waits `ms` milliseconds; default a `setTimeout` promise. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Randomness for SRP's `a`; default WebCrypto. */
  readonly randomBytes?: RandomBytes;
  /** WebCrypto for SRP and SECRET_HASH; default `globalThis.crypto.subtle`. */
  readonly subtle?: SubtleCrypto;
  /** VerifySoftwareToken FriendlyDeviceName; default "Keystep on Chrome". */
  readonly friendlyDeviceName?: string;
  /** Waits before retries after throttling, ms; default [1000, 2000] (2 retries). */
  readonly throttleDelaysMs?: readonly number[];
  /** Waits before retries after HTTP 5xx, ms; default [500] (1 retry). */
  readonly serverErrorDelaysMs?: readonly number[];
  /** A rejected code made with this little time left in its 30 s step is retried once with the next code; default 3000 ms. */
  readonly boundaryMarginMs?: number;
}

/** Input of {@link EnrollmentFlow.submitNewPassword}. */
export interface NewPasswordInput {
  readonly newPassword: string;
  /** Values of the required attributes (and any others to set), by name without "userAttributes.", e.g. { name: "Ann" }. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Listener of state changes. */
export type EnrollmentListener = (state: EnrollmentState) => void;

/**
 * Signs a user in to a Cognito user pool and enrolls them in TOTP MFA with the secret stored in Keystep.
 * A state machine over {@link EnrollmentState}; the UI renders the state and calls the actions the state
 * allows. Actions resolve when the flow has settled in a state that needs the user or is final; Cognito
 * failures never reject an action, they lead to `failed` (or back to the form, for a wrong code or a refused
 * new password). Actions reject only on misuse (wrong state, or another action still running).
 *
 * Passwords, the client secret, tokens, sessions and the TOTP secret live only inside this object (the
 * secret also goes to the store); none of them appears in a state or problem. They are dropped on
 * `enrolled` and on reset().
 */
export interface EnrollmentFlow {
  /** The current state. */
  getState(): EnrollmentState;
  /** Calls `listener` after every state change. @returns a function that unsubscribes. */
  subscribe(listener: EnrollmentListener): () => void;
  /**
   * Signs in with USER_SRP_AUTH (or the profile's preferred flow), falling back to the other flow when the
   * app client does not allow the first. Allowed in every state when no action is running.
   */
  signIn(credentials: SignInCredentials): Promise<void>;
  /** Answers NEW_PASSWORD_REQUIRED. State `needs-new-password`; every required attribute must be given. */
  submitNewPassword(input: NewPasswordInput): Promise<void>;
  /** Answers SOFTWARE_TOKEN_MFA / SMS_MFA / EMAIL_OTP with the code the user has. State `needs-code`. */
  submitCode(code: string): Promise<void>;
  /** Enrolls the signed-in user in TOTP MFA. State `signed-in`. */
  enroll(): Promise<void>;
  /**
   * Resumes after a failure: from the failed enrollment step while the access token is good (a fresh code
   * for verify), else by signing in again with the remembered credentials. State `failed` with `canRetry`.
   */
  retry(): Promise<void>;
  /**
   * Forgets everything (credentials, tokens, progress) and returns to `idle` at once. A running action is
   * abandoned: its results are ignored, and the next action starts once its pending call has returned
   * (bounded by the client's request timeout).
   */
  reset(): void;
}

const IDLE: EnrollmentState = { kind: 'idle' };
/** Automatic challenge answers per action, against a server that never stops challenging. */
const MAX_CHALLENGE_HOPS = 10;
const CODE_KEYS: Readonly<Record<CodeChallenge, string>> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};
const MFA_PREFERENCE: readonly CodeChallenge[] = ['SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP'];
const CODE_REJECTED: readonly CognitoProblemCode[] = ['code-mismatch', 'enable-code-mismatch'];
const FLOW_DISABLED: readonly CognitoProblemCode[] = ['srp-flow-not-enabled', 'password-flow-not-enabled'];
const ATTRIBUTE_PREFIX = 'userAttributes.';

/** Thrown inside a task abandoned by reset(); swallowed by the runner. */
class Cancelled extends Error {}

const isRejectedCode = (error: unknown): boolean => error instanceof StepFailure && CODE_REJECTED.includes(error.problem.code);

class CognitoEnrollmentFlow implements EnrollmentFlow {
  readonly #options: EnrollmentFlowOptions;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #subtle: () => SubtleCrypto;
  readonly #caller: CognitoCaller;
  readonly #listeners = new Set<EnrollmentListener>();
  #state: EnrollmentState = IDLE;
  #running: Promise<void> | undefined;
  #cancelled = false;

  // Secrets: memory only, never in state, problems or the store (the TOTP secret goes to the store only).
  #credentials: SignInCredentials | undefined;
  #newPassword: string | undefined;
  #session: string | undefined;
  #tokens: { readonly accessToken: string; readonly idToken: string | undefined } | undefined;
  #draft: AccountDraft | undefined;

  // Progress.
  #challengeUsername = '';
  #email: string | undefined;
  #flowUsed: SignInFlow | undefined;
  #fellBackFrom: SignInFlow | undefined;
  #mfaUsed: CodeChallenge | undefined;
  /** True when Keystep answered the MFA challenge from its stored secret, false when the user typed the code. */
  #mfaAnsweredByKeystep = false;
  #codeChallenge: { readonly challenge: CodeChallenge; readonly destination: string | undefined } | undefined;
  #requiredAttributes: readonly string[] = [];
  #goal: 'sign-in' | 'enroll' = 'sign-in';
  #via: 'token' | 'session' = 'token';
  #nextStep: EnrollmentStep = 'associate';
  #currentStep: EnrollmentStep | undefined;
  #verified = false;
  #viaMfaSetup = false;
  #pendingAccountId: string | undefined;
  #confirmed: { readonly username: string; readonly preferred: string; readonly list: readonly string[] } | undefined;
  #lastProblem: CognitoProblem | undefined;
  #restartUsed = false;
  /** A rejected code's problem, shown on the code form that the fresh sign-in after it asks for. */
  #carriedProblem: CognitoProblem | undefined;
  #hops = 0;

  constructor(options: EnrollmentFlowOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#subtle = () => options.subtle ?? globalThis.crypto.subtle;
    const { profile } = options;
    this.#caller = new CognitoCaller({
      api: options.api,
      now: this.#now,
      sleep: this.#sleep,
      context: {
        poolId: profile.userPoolId,
        clientId: profile.clientId,
        region: profile.region,
        ...(profile.endpoint === undefined ? {} : { endpoint: profile.endpoint }),
      },
      ...(options.throttleDelaysMs === undefined ? {} : { throttleDelaysMs: options.throttleDelaysMs }),
      ...(options.serverErrorDelaysMs === undefined ? {} : { serverErrorDelaysMs: options.serverErrorDelaysMs }),
    });
  }

  // ----- public API -----

  getState(): EnrollmentState {
    return this.#state;
  }

  subscribe(listener: EnrollmentListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  signIn(credentials: SignInCredentials): Promise<void> {
    return this.#run('signIn', undefined, async () => {
      this.#forget();
      this.#credentials = { ...credentials };
      await this.#signIn();
    });
  }

  submitNewPassword(input: NewPasswordInput): Promise<void> {
    const missing = this.#requiredAttributes.filter((name) => (input.attributes?.[name] ?? '') === '');
    if (this.#state.kind === 'needs-new-password' && missing.length > 0) {
      return Promise.reject(new Error(`submitNewPassword() lacks required attributes: ${missing.join(', ')}`));
    }
    return this.#run('submitNewPassword', 'needs-new-password', async () => {
      const credentials = this.#requireCredentials();
      const responses: Record<string, string> = { NEW_PASSWORD: input.newPassword };
      for (const [name, value] of Object.entries(input.attributes ?? {})) responses[ATTRIBUTE_PREFIX + name] = value;
      this.#setState({ kind: 'signing-in', username: credentials.username, flow: this.#flowUsed ?? 'USER_SRP_AUTH' });
      this.#newPassword = input.newPassword;
      let response: AuthResponse;
      try {
        response = await this.#respond('NEW_PASSWORD_REQUIRED', responses);
      } catch (error: unknown) {
        if (error instanceof StepFailure && (error.problem.code === 'new-password-invalid' || error.problem.code === 'invalid-parameter')) {
          this.#setState({ kind: 'needs-new-password', username: credentials.username, requiredAttributes: this.#requiredAttributes, problem: error.problem });
          return;
        }
        throw error;
      } finally {
        this.#newPassword = undefined;
      }
      // From now on the new password is the one to sign in again with.
      this.#credentials = { ...credentials, password: input.newPassword };
      await this.#handle(response);
    });
  }

  submitCode(code: string): Promise<void> {
    return this.#run('submitCode', 'needs-code', async () => {
      const credentials = this.#requireCredentials();
      const pending = this.#codeChallenge;
      if (pending === undefined) throw new Error('needs-code without a challenge');
      this.#setState({ kind: 'signing-in', username: credentials.username, flow: this.#flowUsed ?? 'USER_SRP_AUTH' });
      let response: AuthResponse;
      try {
        response = await this.#respond(pending.challenge, { [CODE_KEYS[pending.challenge]]: code.replace(/\s/g, '') });
      } catch (error: unknown) {
        if (error instanceof StepFailure && CODE_REJECTED.includes(error.problem.code)) {
          // Cognito spends the session on a wrong answer: get a fresh challenge now, so the
          // user's next code goes to a live session, and show why they are asked again.
          this.#carriedProblem = error.problem;
          this.#prepareRestart();
          await this.#signIn();
          return;
        }
        throw error;
      }
      await this.#handle(response);
    });
  }

  enroll(): Promise<void> {
    return this.#run('enroll', 'signed-in', async () => {
      this.#goal = 'enroll';
      this.#via = 'token';
      this.#nextStep = 'associate';
      this.#verified = false;
      this.#viaMfaSetup = false;
      await this.#enroll();
    });
  }

  retry(): Promise<void> {
    if (this.#state.kind === 'failed' && !this.#state.canRetry) {
      return Promise.reject(new Error(`retry() is not possible after "${this.#state.problem.code}"`));
    }
    return this.#run('retry', 'failed', async () => {
      const tokenStillGood = this.#tokens !== undefined && this.#lastProblem?.code !== 'session-expired';
      if (this.#goal === 'enroll' && this.#via === 'token' && tokenStillGood) {
        await this.#enroll();
        return;
      }
      this.#prepareRestart();
      await this.#signIn();
    });
  }

  reset(): void {
    if (this.#running !== undefined) this.#cancelled = true;
    this.#forget();
    this.#state = IDLE;
    this.#notify();
  }

  // ----- runner -----

  async #run(action: string, allowed: EnrollmentState['kind'] | undefined, task: () => Promise<void>): Promise<void> {
    if (this.#running !== undefined) {
      if (!this.#cancelled) throw new Error(`${action}() called while another action is running`);
      await this.#running;
    }
    if (allowed !== undefined && this.#state.kind !== allowed) {
      throw new Error(`${action}() needs state "${allowed}", not "${this.#state.kind}"`);
    }
    this.#cancelled = false;
    this.#restartUsed = false;
    this.#hops = 0;
    const running = this.#guarded(task);
    this.#running = running;
    try {
      await running;
    } finally {
      if (this.#running === running) this.#running = undefined;
    }
  }

  async #guarded(task: () => Promise<void>): Promise<void> {
    let failure: unknown;
    try {
      await task();
      return;
    } catch (error: unknown) {
      failure = error;
    }
    // A used-up or expired session/token: sign in again once from the remembered credentials.
    while (!(failure instanceof Cancelled)) {
      const problem = this.#problemOf(failure);
      if (problem.code !== 'session-expired' || this.#restartUsed || this.#credentials === undefined) {
        this.#fail(problem);
        return;
      }
      this.#restartUsed = true;
      try {
        this.#prepareRestart();
        await this.#signIn();
        return;
      } catch (error: unknown) {
        failure = error;
      }
    }
  }

  #problemOf(error: unknown): CognitoProblem {
    if (error instanceof StepFailure) return error.problem;
    // A bug or an injected dependency failing: name only, its message might quote anything.
    return cognitoProblem('unknown', { name: error instanceof Error ? error.name : typeof error });
  }

  #fail(problem: CognitoProblem): void {
    if (this.#cancelled) return;
    this.#lastProblem = problem;
    const enrolling = this.#goal === 'enroll' && this.#currentStep !== undefined;
    this.#state = {
      kind: 'failed',
      problem,
      canRetry: this.#credentials !== undefined && problem.retry !== 'no',
      ...(this.#pendingAccountId === undefined ? {} : { pendingAccountId: this.#pendingAccountId }),
      ...(enrolling && this.#currentStep !== undefined ? { failedStep: this.#currentStep } : {}),
    };
    this.#notify();
  }

  #setState(state: EnrollmentState): void {
    this.#checkCancelled();
    this.#state = state;
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state);
      } catch (error: unknown) {
        // A UI bug must not break the flow; states carry no secrets, so logging the listener's error is safe.
        console.error('EnrollmentFlow listener failed', error);
      }
    }
  }

  #checkCancelled(): void {
    if (this.#cancelled) throw new Cancelled('reset');
  }

  #requireCredentials(): SignInCredentials {
    this.#checkCancelled();
    if (this.#credentials === undefined) throw new Cancelled('no credentials');
    return this.#credentials;
  }

  /** Drops secrets and progress (new sign-in, reset). */
  #forget(): void {
    this.#carriedProblem = undefined;
    this.#credentials = undefined;
    this.#newPassword = undefined;
    this.#session = undefined;
    this.#tokens = undefined;
    this.#draft = undefined;
    this.#challengeUsername = '';
    this.#email = undefined;
    this.#flowUsed = undefined;
    this.#fellBackFrom = undefined;
    this.#mfaUsed = undefined;
    this.#codeChallenge = undefined;
    this.#requiredAttributes = [];
    this.#goal = 'sign-in';
    this.#via = 'token';
    this.#nextStep = 'associate';
    this.#currentStep = undefined;
    this.#verified = false;
    this.#viaMfaSetup = false;
    this.#pendingAccountId = undefined;
    this.#confirmed = undefined;
    this.#lastProblem = undefined;
  }

  /** Before signing in again: the session and token are gone; an unverified secret must be associated anew. */
  #prepareRestart(): void {
    this.#session = undefined;
    this.#tokens = undefined;
    if (this.#goal !== 'enroll') return;
    if (!this.#verified) this.#nextStep = 'associate';
    else if (this.#nextStep === 'complete-setup') this.#nextStep = 'set-preference';
    this.#via = 'token';
  }

  #redact(): readonly string[] {
    const values = [
      this.#credentials?.password,
      this.#credentials?.clientSecret,
      this.#newPassword,
      this.#session,
      this.#tokens?.accessToken,
      this.#tokens?.idToken,
      this.#draft?.secret,
    ];
    return values.filter((value): value is string => value !== undefined && value !== '');
  }

  #ref(): CognitoAccountRef {
    const { profile } = this.#options;
    return { region: profile.region, userPoolId: profile.userPoolId, clientId: profile.clientId, username: this.#requireCredentials().username };
  }

  /** How a TOTP code is submitted: the current one, then once the next if the step rolled over on the way. */
  #rollover(secret: string): TotpRolloverOptions {
    return {
      secret,
      generateTotp: this.#options.generateTotp,
      now: this.#now,
      sleep: this.#sleep,
      isCodeRejected: isRejectedCode,
      ...(this.#options.boundaryMarginMs === undefined ? {} : { boundaryMarginMs: this.#options.boundaryMarginMs }),
    };
  }

  async #storeCall<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error: unknown) {
      throw new StepFailure(cognitoProblem('storage-failed', { name: error instanceof Error ? error.name : typeof error }), { cause: error });
    }
  }

  // ----- sign-in -----

  async #signIn(): Promise<void> {
    const credentials = this.#requireCredentials();
    this.#session = undefined;
    this.#tokens = undefined;
    this.#mfaUsed = undefined;
    this.#codeChallenge = undefined;
    this.#currentStep = undefined;
    const first = this.#flowUsed ?? this.#options.profile.preferredFlow ?? 'USER_SRP_AUTH';
    const order: readonly SignInFlow[] = [first, first === 'USER_SRP_AUTH' ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH'];
    let start: SignInStart | undefined;
    for (const flow of order) {
      this.#setState({ kind: 'signing-in', username: credentials.username, flow });
      try {
        start = await initiateSignIn(
          {
            caller: this.#caller,
            profile: this.#options.profile,
            credentials,
            randomBytes: this.#options.randomBytes ?? defaultRandomBytes,
            subtle: this.#subtle(),
            now: this.#now,
            redact: this.#redact(),
          },
          flow,
        );
      } catch (error: unknown) {
        // Only "this client does not allow <flow>" moves on to the other flow.
        if (!(error instanceof StepFailure) || !FLOW_DISABLED.includes(error.problem.code)) throw error;
        if (flow === first) continue;
        throw new StepFailure(
          cognitoProblem('auth-flows-not-enabled', {
            operation: 'InitiateAuth',
            clientId: this.#options.profile.clientId,
            settings: 'ALLOW_USER_SRP_AUTH ALLOW_USER_PASSWORD_AUTH',
          }),
          { cause: error },
        );
      }
      this.#flowUsed = flow;
      if (flow !== first) this.#fellBackFrom = first;
      break;
    }
    if (start === undefined) throw new Error('sign-in ended without a response');
    this.#challengeUsername = start.challengeUsername;
    await this.#handle(start.response);
  }

  /** Follows an InitiateAuth / RespondToAuthChallenge answer until tokens or a state that needs the user. */
  async #handle(first: AuthResponse): Promise<void> {
    let response = first;
    for (;;) {
      this.#checkCancelled();
      const tokens = response.AuthenticationResult;
      if (tokens?.AccessToken !== undefined) {
        await this.#onTokens(tokens.AccessToken, tokens.IdToken);
        return;
      }
      const name = response.ChallengeName;
      this.#hops += 1;
      if (this.#hops > MAX_CHALLENGE_HOPS || name === undefined) {
        throw new StepFailure(cognitoProblem('unsupported-challenge', { operation: 'RespondToAuthChallenge', challenge: name ?? '(none)' }));
      }
      const params = response.ChallengeParameters ?? {};
      this.#session = response.Session;
      this.#challengeUsername = params['USER_ID_FOR_SRP'] ?? params['USERNAME'] ?? this.#challengeUsername;
      const username = this.#requireCredentials().username;

      switch (name) {
        case 'NEW_PASSWORD_REQUIRED':
          this.#requiredAttributes = parseChallengeList(params['requiredAttributes']).map((attribute) =>
            attribute.startsWith(ATTRIBUTE_PREFIX) ? attribute.slice(ATTRIBUTE_PREFIX.length) : attribute,
          );
          this.#setState({ kind: 'needs-new-password', username, requiredAttributes: this.#requiredAttributes });
          return;
        case 'MFA_SETUP': {
          const canSetUp = parseChallengeList(params['MFAS_CAN_SETUP']);
          if (canSetUp.length > 0 && !canSetUp.includes('SOFTWARE_TOKEN_MFA')) {
            throw new StepFailure(totpDisabledProblem({ operation: 'RespondToAuthChallenge' }, this.#options.profile.userPoolId, this.#options.profile.region));
          }
          // The pool requires MFA and the user has none: enroll inside this challenge's session.
          this.#goal = 'enroll';
          this.#via = 'session';
          this.#nextStep = 'associate';
          this.#verified = false;
          this.#viaMfaSetup = true;
          await this.#enroll();
          return;
        }
        case 'SOFTWARE_TOKEN_MFA': {
          this.#mfaUsed = 'SOFTWARE_TOKEN_MFA';
          const secret = this.#draft?.secret ?? (await this.#findSecret());
          if (secret === undefined) {
            this.#mfaAnsweredByKeystep = false;
            this.#askCode('SOFTWARE_TOKEN_MFA', params['CODE_DELIVERY_DESTINATION']);
            return;
          }
          this.#mfaAnsweredByKeystep = true;
          response = await submitTotpWithRollover((code) => this.#respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code }), this.#rollover(secret));
          break;
        }
        case 'SELECT_MFA_TYPE': {
          const offered = parseChallengeList(params['MFAS_CAN_CHOOSE']);
          const answer = MFA_PREFERENCE.find((factor) => offered.includes(factor));
          if (answer === undefined) {
            throw new StepFailure(cognitoProblem('unsupported-challenge', { operation: 'RespondToAuthChallenge', challenge: name, offered: offered.join(' ') }));
          }
          response = await this.#respond('SELECT_MFA_TYPE', { ANSWER: answer });
          break;
        }
        case 'SMS_MFA':
        case 'EMAIL_OTP':
          this.#mfaUsed = name;
          this.#mfaAnsweredByKeystep = false;
          this.#askCode(name, params['CODE_DELIVERY_DESTINATION']);
          return;
        default:
          throw new StepFailure(cognitoProblem('unsupported-challenge', { operation: 'RespondToAuthChallenge', challenge: name }));
      }
    }
  }

  async #findSecret(): Promise<string | undefined> {
    try {
      return await this.#options.store.findSecret(this.#ref());
    } catch (error: unknown) {
      if (error instanceof Cancelled) throw error;
      return undefined; // Reading is a convenience: without it the user types the code.
    }
  }

  #askCode(challenge: CodeChallenge, destination: string | undefined, given?: CognitoProblem): void {
    const problem = given ?? this.#carriedProblem;
    this.#carriedProblem = undefined;
    this.#codeChallenge = { challenge, destination };
    this.#setState({
      kind: 'needs-code',
      username: this.#requireCredentials().username,
      challenge,
      ...(destination === undefined ? {} : { destination }),
      ...(problem === undefined ? {} : { problem }),
    });
  }

  async #respond(challenge: AnsweredChallenge, responses: Readonly<Record<string, string>>): Promise<AuthResponse> {
    const credentials = this.#requireCredentials();
    const { clientId } = this.#options.profile;
    const session = this.#session;
    return this.#caller.call(
      'RespondToAuthChallenge',
      async (api) =>
        api.respondToAuthChallenge({
          ClientId: clientId,
          ChallengeName: challenge,
          ...(session === undefined ? {} : { Session: session }),
          ChallengeResponses: await challengeResponses(responses, this.#challengeUsername, clientId, credentials.clientSecret, this.#subtle()),
        }),
      { redact: this.#redact() },
    );
  }

  async #onTokens(accessToken: string, idToken: string | undefined): Promise<void> {
    this.#tokens = { accessToken, idToken };
    this.#session = undefined;
    this.#email = emailFromIdToken(idToken);
    if (this.#goal === 'enroll') {
      this.#via = 'token';
      await this.#enroll();
      return;
    }
    const flowUsed = this.#flowUsed ?? 'USER_SRP_AUTH';
    this.#setState({
      kind: 'signed-in',
      username: this.#requireCredentials().username,
      flowUsed,
      ...(this.#email === undefined ? {} : { email: this.#email }),
      ...(this.#fellBackFrom === undefined ? {} : { fellBackFrom: this.#fellBackFrom }),
      ...(this.#mfaUsed === undefined ? {} : { mfaUsed: this.#mfaUsed, mfaAnsweredByKeystep: this.#mfaAnsweredByKeystep }),
    });
  }

  // ----- enrollment -----

  #tokenOrSession(): TokenOrSession {
    if (this.#via === 'session') {
      if (this.#session === undefined) throw new StepFailure(cognitoProblem('session-expired', { operation: 'AssociateSoftwareToken' }));
      return { Session: this.#session };
    }
    if (this.#tokens === undefined) throw new StepFailure(cognitoProblem('session-expired', { operation: 'AssociateSoftwareToken' }));
    return { AccessToken: this.#tokens.accessToken };
  }

  #accessToken(): string {
    if (this.#tokens === undefined) throw new StepFailure(cognitoProblem('session-expired', { operation: 'SetUserMFAPreference' }));
    return this.#tokens.accessToken;
  }

  async #enroll(): Promise<void> {
    const { profile, store } = this.#options;
    for (;;) {
      const credentials = this.#requireCredentials();
      const step = this.#nextStep;
      this.#currentStep = step;
      this.#setState({
        kind: 'enrolling',
        username: credentials.username,
        step,
        ...(this.#pendingAccountId === undefined ? {} : { pendingAccountId: this.#pendingAccountId }),
      });
      switch (step) {
        case 'associate': {
          const input = this.#tokenOrSession();
          const out = await this.#caller.call('AssociateSoftwareToken', (api) => api.associateSoftwareToken(input), { redact: this.#redact() });
          if (this.#via === 'session' && out.Session !== undefined) this.#session = out.Session;
          try {
            this.#draft = cognitoAccountDraft(out.SecretCode ?? '', profile.issuer ?? profile.name, this.#email ?? credentials.username);
          } catch (error: unknown) {
            throw new StepFailure(cognitoProblem('invalid-parameter', { operation: 'AssociateSoftwareToken', message: 'SecretCode is not base32' }), {
              cause: error,
            });
          }
          this.#verified = false;
          this.#nextStep = 'save-pending';
          break;
        }
        case 'save-pending': {
          const draft = this.#draft;
          if (draft === undefined) throw new Error('save-pending without an associated secret');
          this.#pendingAccountId = await this.#storeCall(() => store.savePending(draft, this.#ref()));
          this.#nextStep = 'verify';
          break;
        }
        case 'verify': {
          const draft = this.#draft;
          if (draft === undefined) throw new Error('verify without an associated secret');
          const out = await submitTotpWithRollover(
            async (code) => {
              const input = this.#tokenOrSession();
              const result = await this.#caller.call(
                'VerifySoftwareToken',
                (api) => api.verifySoftwareToken({ ...input, UserCode: code, FriendlyDeviceName: this.#options.friendlyDeviceName ?? 'Keystep on Chrome' }),
                { redact: this.#redact() },
              );
              if (result.Status !== 'SUCCESS') {
                const skew = this.#caller.skewMs;
                throw new StepFailure(
                  cognitoProblem('enable-code-mismatch', {
                    operation: 'VerifySoftwareToken',
                    ...(skew === undefined ? {} : { skewSeconds: formatSkewSeconds(skew) }),
                  }),
                );
              }
              return result;
            },
            this.#rollover(draft.secret),
          );
          this.#verified = true;
          if (this.#via === 'session') {
            if (out.Session !== undefined) this.#session = out.Session;
            this.#nextStep = 'complete-setup';
          } else {
            this.#nextStep = 'set-preference';
          }
          break;
        }
        case 'complete-setup': {
          const response = await this.#respond('MFA_SETUP', {});
          this.#via = 'token';
          this.#nextStep = 'set-preference';
          // Tokens come back here and #onTokens continues with set-preference.
          await this.#handle(response);
          return;
        }
        case 'set-preference': {
          const AccessToken = this.#accessToken();
          await this.#caller.call(
            'SetUserMFAPreference',
            (api) => api.setUserMfaPreference({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
            { redact: this.#redact() },
          );
          this.#nextStep = 'confirm';
          break;
        }
        case 'confirm': {
          const AccessToken = this.#accessToken();
          const user = await this.#caller.call('GetUser', (api) => api.getUser({ AccessToken }), { redact: this.#redact() });
          const list = user.UserMFASettingList ?? [];
          const preferred = user.PreferredMfaSetting ?? '';
          if (preferred !== 'SOFTWARE_TOKEN_MFA' || !list.includes('SOFTWARE_TOKEN_MFA')) {
            this.#nextStep = 'set-preference';
            throw new StepFailure(
              cognitoProblem('enrollment-not-confirmed', { operation: 'GetUser', preferredMfaSetting: preferred, userMfaSettingList: list.join(' ') }),
            );
          }
          this.#confirmed = { username: user.Username ?? credentials.username, preferred, list };
          this.#nextStep = 'activate';
          break;
        }
        case 'activate': {
          const id = this.#pendingAccountId;
          const draft = this.#draft;
          const confirmed = this.#confirmed;
          if (id === undefined || draft === undefined || confirmed === undefined) throw new Error('activate before save and confirm');
          await this.#storeCall(() => store.markActive(id));
          const summary: EnrollmentSummary = {
            accountId: id,
            issuer: draft.issuer,
            accountName: draft.name,
            username: confirmed.username,
            preferredMfaSetting: confirmed.preferred,
            userMfaSettingList: confirmed.list,
            flowUsed: this.#flowUsed ?? 'USER_SRP_AUTH',
            ...(this.#fellBackFrom === undefined ? {} : { fellBackFrom: this.#fellBackFrom }),
            viaMfaSetup: this.#viaMfaSetup,
          };
          this.#forget();
          this.#setState({ kind: 'enrolled', summary });
          return;
        }
      }
    }
  }
}

/**
 * Creates the sign-in + TOTP enrollment state machine for one Cognito profile (see {@link EnrollmentFlow}).
 * Starts in `idle`.
 */
export function createEnrollmentFlow(options: EnrollmentFlowOptions): EnrollmentFlow {
  return new CognitoEnrollmentFlow(options);
}
