/**
 * throttle: TooManyRequestsException (HTTP 400); http500: InternalErrorException (HTTP 500);
 * session-expired: NotAuthorizedException "Invalid session for the user.", the answer Cognito gives a
 * session past its AuthSessionValidity, without moving the server's clock (which also checks TOTP codes);
 * custom-challenge: HTTP 200 with ChallengeName CUSTOM_CHALLENGE, what a pool whose DefineAuthChallenge Lambda
 * asks for a custom challenge answers (the server runs no Lambda triggers otherwise).
 */
export type FaultKind = 'throttle' | 'http500' | 'session-expired' | 'custom-challenge';

export interface FaultSpec {
  /** Operation name, e.g. "VerifySoftwareToken"; every operation when omitted. */
  readonly operation?: string;
  readonly kind: FaultKind;
  /** How many matching requests fail before the operation works again. */
  readonly times: number;
}

interface ArmedFault {
  readonly operation: string | undefined;
  readonly kind: FaultKind;
  remaining: number;
}

/** Makes the next matching HTTP requests fail, oldest injection first. */
export class FaultInjector {
  private readonly faults: ArmedFault[] = [];

  injectFault(spec: FaultSpec): void {
    if (!Number.isInteger(spec.times) || spec.times < 1) throw new RangeError('injectFault: times must be a positive integer');
    this.faults.push({ operation: spec.operation, kind: spec.kind, remaining: spec.times });
  }

  /** Faults not yet used up. */
  pending(): readonly FaultSpec[] {
    return this.faults.map((f) => ({ ...(f.operation === undefined ? {} : { operation: f.operation }), kind: f.kind, times: f.remaining }));
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Uses up one matching fault for `operation` and returns its kind, or undefined when none applies. */
  take(operation: string): FaultKind | undefined {
    const index = this.faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    const fault = this.faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(index, 1);
    return fault.kind;
  }
}
