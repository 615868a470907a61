import { defineStorageItem } from './storage-item.ts';

/**
 * A fill the keyboard command or the context menu could not do without asking (the page's origin is not exactly
 * one account's site, or the vault is locked), waiting for the user to pick an account in the chooser. Kept in
 * session storage (memory only; pages and the service worker, not content scripts, can read it), so it survives
 * the service worker stopping while the chooser is open, and never a browser restart.
 */
export interface PendingFill {
  /** Random; names the fill in the chooser's URL. */
  readonly id: string;
  readonly tabId: number;
  /** The frame the user pointed at (context menu); undefined: the top frame first, then a probe of the others. */
  readonly frameId?: number;
  /** The page's origin when the trigger came: the fill is refused if the tab is elsewhere by the time of the pick. */
  readonly origin: string;
  /** The user pointed at a field (context menu). */
  readonly useFocusedField: boolean;
  /** ms since the epoch. */
  readonly createdAt: number;
}

function isPendingFill(raw: unknown): raw is PendingFill {
  if (typeof raw !== 'object' || raw === null) return false;
  const p = raw as Record<string, unknown>;
  return (
    typeof p['id'] === 'string' &&
    typeof p['tabId'] === 'number' &&
    (p['frameId'] === undefined || typeof p['frameId'] === 'number') &&
    typeof p['origin'] === 'string' &&
    typeof p['useFocusedField'] === 'boolean' &&
    typeof p['createdAt'] === 'number'
  );
}

/** The one pending fill (a new trigger replaces it). Anything else stored reads as none. */
export const pendingFillItem = defineStorageItem<PendingFill | undefined>('pendingFill', 'session', undefined, (raw) => (isPendingFill(raw) ? raw : undefined));
