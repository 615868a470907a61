/** One HTTP request as the server saw it. Never holds bodies, passwords, codes, secrets or tokens. */
export interface RequestLogEntry {
  /** Epoch ms on the injected clock. */
  readonly at: number;
  readonly method: string;
  /** The X-Amz-Target operation, or null (preflight, missing target). */
  readonly operation: string | null;
  readonly status: number;
  /** The error name (without namespace) when the answer was an error. */
  readonly errorType?: string;
}

/** The requests served, in order, so tests can assert e.g. that a client did not loop on throttling. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  all(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  /** Entries for one operation. */
  forOperation(operation: string): readonly RequestLogEntry[] {
    return this.entries.filter((e) => e.operation === operation);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
