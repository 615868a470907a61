/** A message Cognito would have sent by SMS or e-mail; tests read the code from here. */
export interface OutboxMessage {
  readonly userPoolId: string;
  /** Internal username. */
  readonly username: string;
  readonly medium: 'SMS' | 'EMAIL';
  readonly purpose: 'SMS_MFA' | 'EMAIL_OTP' | 'SIGN_UP' | 'INVITATION' | 'PASSWORD_RESET';
  /** The one-time code or temporary password. */
  readonly code: string;
  /** Epoch ms (injected clock). */
  readonly at: number;
}

/** The messages the server "sent", in order. In-process only: never logged or served over HTTP. */
export class Outbox {
  private readonly sent: OutboxMessage[] = [];

  record(message: OutboxMessage): void {
    this.sent.push(message);
  }

  all(): readonly OutboxMessage[] {
    return [...this.sent];
  }

  /** The last message sent to `username` (internal username, or any name when omitted). */
  last(username?: string): OutboxMessage | undefined {
    return this.sent.findLast((m) => username === undefined || m.username === username);
  }

  clear(): void {
    this.sent.length = 0;
  }
}
