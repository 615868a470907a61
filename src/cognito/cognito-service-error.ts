/** Fields of a {@link CognitoServiceError}. */
export interface CognitoServiceErrorInit {
  /** The error's `__type` without namespace, e.g. "NotAuthorizedException". */
  readonly name: string;
  /** The server's message (for developers and for disambiguation; never shown verbatim as the only text). */
  readonly message: string;
  /** HTTP status, when known (400 for client errors, 500 for InternalErrorException). */
  readonly status?: number;
  /** The response's `Date` header in ms since the epoch, when present. */
  readonly serverDate?: number;
}

/**
 * Cognito answered with an error (HTTP 4xx/5xx and `{"__type", "message"}`). `name` is the exception name,
 * which is what callers match on; describeCognitoError turns it into a UI problem.
 */
export class CognitoServiceError extends Error {
  /** HTTP status, when known. */
  readonly status: number | undefined;
  /** Server `Date` header of the error response, ms since the epoch, when present. */
  readonly serverDate: number | undefined;

  constructor(init: CognitoServiceErrorInit) {
    super(init.message);
    this.name = init.name;
    this.status = init.status;
    this.serverDate = init.serverDate;
  }
}
