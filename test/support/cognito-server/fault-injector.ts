/**
 * What an injected fault makes of a request, instead of running the operation:
 * - throttle: TooManyRequestsException (HTTP 400); http500: InternalErrorException (HTTP 500);
 * - session-expired: NotAuthorizedException "Invalid session for the user.", the answer Cognito gives a
 *   session past its AuthSessionValidity, without moving the server's clock (which also checks TOTP codes);
 * - custom-challenge: HTTP 200 with ChallengeName CUSTOM_CHALLENGE, what a pool whose DefineAuthChallenge Lambda
 *   asks for a custom challenge answers (the server runs no Lambda triggers otherwise);
 * - network: no answer at all (over HTTP the connection is dropped), as when the network fails;
 * - no-effect: HTTP 200 `{}` without running the operation: a write Cognito acknowledged but that does not
 *   show (yet) in what a read returns;
 * - error: the service error given in the spec (`name`, `message`, `status` default 400), e.g. a wording of an
 *   error this server does not produce by itself, or a code refused at a moment the test chooses; with a namespaced
 *   name and status 500 also an emulator's answer to what it does not implement (cognito-local:
 *   `CognitoLocal#Unsupported`, docs/local-emulators.md);
 * - srp-challenge: HTTP 200 with ChallengeName PASSWORD_VERIFIER and the spec's `parameters` as ChallengeParameters,
 *   without running the operation: an incomplete SRP such as moto's placeholder (its SECRET_BLOCK is the session ID,
 *   not Base64), or one that lacks SRP_B or SALT;
 * - secret-code: HTTP 200 with the spec's `secretCode` as SecretCode, without associating anything: a server that
 *   issues a short secret, as moto does (always 12 base32 characters, 56 bits).
 */
export type FaultKind = 'throttle' | 'http500' | 'session-expired' | 'custom-challenge' | 'network' | 'no-effect' | 'error' | 'srp-challenge' | 'secret-code';

type PlainKind = Exclude<FaultKind, 'error' | 'srp-challenge' | 'secret-code'>;

interface FaultTarget {
  /** Operation name, e.g. "VerifySoftwareToken"; every operation when omitted. */
  readonly operation?: string;
  /** How many matching requests fail before the operation works again. */
  readonly times: number;
}

/** The part of a spec that describes the failure (what {@link FaultInjector.take} returns). */
export type Fault =
  | { readonly kind: PlainKind }
  | { readonly kind: 'error'; readonly name: string; readonly message: string; readonly status?: number }
  | { readonly kind: 'srp-challenge'; readonly parameters: Readonly<Record<string, string>> }
  | { readonly kind: 'secret-code'; readonly secretCode: string };

/** A fault to inject: what fails (the kind and what it answers with), how often and for which operation. */
export type FaultSpec = FaultTarget & Fault;

interface ArmedFault {
  readonly operation: string | undefined;
  readonly fault: Fault;
  remaining: number;
}

/** The failure part of `spec`. */
function faultOf(spec: FaultSpec): Fault {
  switch (spec.kind) {
    case 'error':
      return { kind: 'error', name: spec.name, message: spec.message, ...(spec.status === undefined ? {} : { status: spec.status }) };
    case 'srp-challenge':
      return { kind: 'srp-challenge', parameters: { ...spec.parameters } };
    case 'secret-code':
      return { kind: 'secret-code', secretCode: spec.secretCode };
    default:
      return { kind: spec.kind };
  }
}

/** Makes the next matching requests fail, oldest injection first. */
export class FaultInjector {
  private readonly faults: ArmedFault[] = [];

  injectFault(spec: FaultSpec): void {
    if (!Number.isInteger(spec.times) || spec.times < 1) throw new RangeError('injectFault: times must be a positive integer');
    this.faults.push({ operation: spec.operation, fault: faultOf(spec), remaining: spec.times });
  }

  /** Faults not yet used up. */
  pending(): readonly FaultSpec[] {
    return this.faults.map((f) => ({ ...(f.operation === undefined ? {} : { operation: f.operation }), ...f.fault, times: f.remaining }));
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Uses up one matching fault for `operation` and returns it, or undefined when none applies. */
  take(operation: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    const armed = this.faults[index];
    if (armed === undefined) return undefined;
    armed.remaining -= 1;
    if (armed.remaining === 0) this.faults.splice(index, 1);
    return armed.fault;
  }
}
