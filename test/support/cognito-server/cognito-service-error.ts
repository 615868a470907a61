/**
 * An error the server answers with, in the JSON 1.1 protocol shape
 * `{"__type": name, "message": message}` (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
 * Messages never carry passwords, codes, secrets or tokens.
 */
export class CognitoServiceError extends Error {
  /** HTTP status: 400 for client errors, 500 for InternalErrorException. */
  readonly status: number;

  constructor(name: string, message: string, status = 400) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

/** The error name SDKs see: the part after '#' ("com.amazon.coral.service#SerializationException" -> "SerializationException"). */
export const shortName = (name: string): string => name.slice(name.lastIndexOf('#') + 1);
