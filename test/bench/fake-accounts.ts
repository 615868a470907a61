import { randomBytes, randomUUID } from 'node:crypto';
import { encodeBase32 } from '../../src/core/base32.ts';
import type { Account } from '../../src/core/vault.ts';

const ISSUERS = ['GitHub', 'Google', 'Amazon Web Services', 'Microsoft', 'Dropbox', 'Slack', 'GitLab', 'Cloudflare', 'Stripe', 'Atlassian', 'DigitalOcean', 'npm', 'Discord', 'Twitch', 'Reddit', 'Proton', 'Fastmail', 'Heroku', 'Okta', 'Bitwarden'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar', 'peggy', 'trent', 'victor', 'walter'];

export interface FakeAccountSource {
  /** Secret bytes (20 per account: 32 base32 characters, the RFC 4226 recommended 160 bits). */
  readonly bytes?: (size: number) => Uint8Array;
  readonly newId?: () => string;
  /** ms since the epoch. */
  readonly now?: number;
}

/** `count` TOTP accounts as the options page would store them, with distinct random secrets and realistic labels. */
export function fakeAccounts(count: number, { bytes = randomBytes, newId = randomUUID, now = Date.now() }: FakeAccountSource = {}): Account[] {
  const seen = new Set<string>();
  const accounts: Account[] = [];
  for (let index = 0; accounts.length < count; index++) {
    const secret = encodeBase32(bytes(20));
    if (seen.has(secret)) continue;
    seen.add(secret);
    const issuer = ISSUERS[index % ISSUERS.length] ?? '';
    const person = PEOPLE[Math.floor(index / ISSUERS.length) % PEOPLE.length] ?? 'user';
    const round = Math.floor(index / (ISSUERS.length * PEOPLE.length));
    accounts.push({
      id: newId(),
      createdAt: now - (count - index) * 60_000,
      pinned: false,
      status: 'active',
      type: 'totp',
      secret,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      issuer,
      name: `${person}${round > 0 ? String(round + 1) : ''}@example.com`,
    });
  }
  return accounts;
}
