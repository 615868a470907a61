/**
 * No answer from Cognito: DNS failure, refused or reset connection, timeout, or a browser `fetch` TypeError
 * (which is also what a CORS rejection looks like). Never retried blindly by the flow.
 */
export class CognitoNetworkError extends Error {
  /** Host the request went to (e.g. "cognito-idp.eu-west-1.amazonaws.com"), when known. */
  readonly host: string | undefined;

  /**
   * @param message developer text (the underlying error's message; carries no request data).
   * @param host the endpoint host, when known.
   */
  constructor(message: string, host?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CognitoNetworkError';
    this.host = host;
  }
}
