import browser from 'webextension-polyfill';
import { t, type MessageKey } from './i18n.ts';

/**
 * What Keystep tells about a fill on the toolbar button of the tab, with no permission: a badge and the button's
 * tooltip, for that tab only (https://developer.chrome.com/docs/extensions/reference/api/action#badge). Keystep
 * has no "notifications" permission (it would add an install warning); the badge says the same in less room.
 */
export type ActionStatus =
  /** The code is in the page's field. */
  | { readonly kind: 'filled' }
  /**
   * No field took the code (none found, the page held the injection, or Chrome refused it): the code was copied, and
   * is cleared from the clipboard in `clearedInSeconds` (undefined: the setting is off).
   */
  | { readonly kind: 'copied'; readonly clearedInSeconds: number | undefined }
  /** A TOTP code with under 3 s left: Keystep waits this many seconds for the next one, then fills it. */
  | { readonly kind: 'waiting'; readonly seconds: number }
  /** The chooser window is open: the page is not one account's site, so the user picks. */
  | { readonly kind: 'choose' }
  /** Not a web page Keystep can fill (chrome://, the Web Store, a PDF, a file), or the grant is gone. */
  | { readonly kind: 'unavailable' }
  /** The tab went to another origin before the user picked an account: nothing was filled. */
  | { readonly kind: 'origin-changed' }
  /** Something failed (the vault could not be read or written, the clipboard refused): nothing was filled. */
  | { readonly kind: 'failed' };

interface Look {
  readonly text: string;
  readonly color: string;
  readonly title: MessageKey;
  /** How long it stays, ms; undefined: until the next status. */
  readonly ms: number | undefined;
}

const LOOKS: Readonly<Record<ActionStatus['kind'], Look>> = {
  filled: { text: '✓', color: '#1a7f37', title: 'fillStatusFilled', ms: 2000 },
  copied: { text: '⧉', color: '#0969da', title: 'fillStatusCopied', ms: 6000 },
  waiting: { text: '…', color: '#6e7781', title: 'fillStatusWaiting', ms: undefined },
  choose: { text: '?', color: '#9a6700', title: 'fillStatusChoose', ms: 60_000 },
  unavailable: { text: '✕', color: '#6e7781', title: 'fillStatusUnavailable', ms: 4000 },
  'origin-changed': { text: '✕', color: '#cf222e', title: 'fillStatusOriginChanged', ms: 6000 },
  failed: { text: '!', color: '#cf222e', title: 'fillStatusFailed', ms: 6000 },
};

/** The button's tooltip for `status`. */
function titleOf(status: ActionStatus, look: Look): string {
  if (status.kind === 'waiting') return t(look.title, status.seconds);
  if (status.kind === 'copied' && status.clearedInSeconds !== undefined) return t('fillStatusCopiedCleared', status.clearedInSeconds);
  return t(look.title);
}

const timers = new Map<number, ReturnType<typeof setTimeout>>();

/**
 * Shows `status` on the tab's toolbar button, replacing the one before; statuses with a duration clear themselves
 * (back to the extension's own title and no badge). Never throws: a closed tab just has no button to mark.
 */
export async function showActionStatus(tabId: number, status: ActionStatus): Promise<void> {
  const look = LOOKS[status.kind];
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  const text = status.kind === 'waiting' ? `${status.seconds}s` : look.text;
  const title = titleOf(status, look);
  try {
    await Promise.all([
      browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    return;
  }
  if (look.ms !== undefined) {
    timers.set(
      tabId,
      setTimeout(() => {
        timers.delete(tabId);
        void clearActionStatus(tabId);
      }, look.ms),
    );
  }
}

/** The tab's toolbar button as it was: no badge, the extension's title. */
export async function clearActionStatus(tabId: number): Promise<void> {
  try {
    await Promise.all([browser.action.setBadgeText({ tabId, text: '' }), browser.action.setTitle({ tabId, title: t('actionTitle') })]);
  } catch {
    // The tab is gone.
  }
}
