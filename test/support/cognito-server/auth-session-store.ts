import type { MfaType } from './server-model.ts';

/** What a session lets its holder answer next. */
export type AuthStep =
  | {
      readonly challenge: 'PASSWORD_VERIFIER';
      /** false for the decoy challenge handed out for unknown users (PreventUserExistenceErrors ENABLED). */
      readonly userExists: boolean;
      readonly A: bigint;
      readonly b: bigint;
      readonly B: bigint;
    }
  | { readonly challenge: 'NEW_PASSWORD_REQUIRED' }
  | { readonly challenge: 'SOFTWARE_TOKEN_MFA' }
  | { readonly challenge: 'SMS_MFA' | 'EMAIL_OTP'; readonly code: string }
  | { readonly challenge: 'SELECT_MFA_TYPE'; readonly choices: readonly MfaType[] }
  | { readonly challenge: 'MFA_SETUP'; readonly phase: 'awaiting-association' | 'associated' | 'verified' };

export interface AuthSession {
  readonly poolId: string;
  readonly clientId: string;
  /** Internal username (or, for a decoy SRP challenge, the name the caller sent). */
  readonly username: string;
  /** Epoch ms after which the session is invalid. */
  readonly expiresAt: number;
  readonly step: AuthStep;
}

/**
 * Opaque, single-use auth sessions (also SRP SECRET_BLOCKs). Consuming a session removes it whatever the outcome
 * of the call, as Cognito does ("Invalid session for the user, session can only be used once").
 */
export class AuthSessionStore {
  private readonly sessions = new Map<string, AuthSession>();

  constructor(private readonly now: () => number) {}

  /** Stores `session` under the opaque `key`. */
  put(key: string, session: AuthSession): void {
    const now = this.now();
    for (const [k, s] of this.sessions) if (s.expiresAt < now) this.sessions.delete(k);
    this.sessions.set(key, session);
  }

  /** Removes and returns the session, or undefined when unknown, already used or expired. */
  consume(key: string): AuthSession | undefined {
    const session = this.sessions.get(key);
    this.sessions.delete(key);
    if (session === undefined || session.expiresAt < this.now()) return undefined;
    return session;
  }
}
