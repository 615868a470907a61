import { useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { formatCode } from '../core/otp.ts';
import type { Account } from '../core/vault.ts';
import { t, uiFormat } from '../platform/i18n.ts';
import { FillIcon, MoreIcon, NextCodeIcon } from './icons.tsx';
import { ROW_HEIGHT } from './row-height.ts';
import type { RowAction } from './row-action.ts';
import type { RowCode } from './use-codes.ts';

interface Props {
  readonly account: Account;
  readonly index: number;
  readonly setSize: number;
  /** ms since the epoch, for the countdown bar's phase. */
  readonly now: number;
  /** The row's code, next code and seconds left; undefined until computed. */
  readonly rowCode: RowCode | undefined;
  readonly copied: boolean;
  /**
   * The one row reachable with Tab (roving tabindex): Tab goes through its buttons (copy, next code, fill, menu), so
   * each action is reachable by keyboard; arrows move between rows.
   */
  readonly tabbable: boolean;
  readonly onFocusRow: (index: number) => void;
  readonly onAction: (action: RowAction, account: Account) => void;
  readonly onMenu: (account: Account, anchor: HTMLElement) => void;
  readonly menuOpen: boolean;
  /** The host of the page the popup was opened over, when its Fill button may fill it; undefined: no Fill button. */
  readonly fillHost: string | undefined;
}

const PLACEHOLDER = '••• •••';

/**
 * The copy button's accessible name: the row's visible text in the order shown (label, the pending badge, the code
 * or "Copied", the next code), then the action, so that what a speech input user reads on screen names the button
 * (WCAG 2.5.3 Label in Name, https://www.w3.org/WAI/WCAG21/Understanding/label-in-name).
 */
function copyName(account: Account, label: string, shown: string | undefined, next: string | undefined): string {
  const visibleLabel = account.status === 'pending' ? `${label} ${t('pendingBadge')}` : label;
  if (!shown) return t('copyNoCodeLabel', visibleLabel);
  return next ? t('copyCodeNextLabel', visibleLabel, shown, t('nextCode', formatCode(next))) : t('copyCodeLabel', visibleLabel, shown);
}

/** One account: label, code (click or Enter copies), countdown bar, and its menu. */
export function AccountRow({ account, index, setSize, now, rowCode, copied, tabbable, onFocusRow, onAction, onMenu, menuOpen, fillHost }: Props) {
  const label = accountLabel(account) || t('noLabel');
  const code = rowCode?.code;
  const next = rowCode?.next;
  const secondsLeft = rowCode?.secondsLeft;
  // The next code is asked for exactly in the last seconds of a period (see useCodes).
  const ending = next !== undefined;
  const shown = code ? formatCode(code) : PLACEHOLDER;
  // The bar's animation is aligned to the wall clock once, when the row appears; from then on
  // the compositor animates it with no work on the main thread.
  const [delay] = useState(() => `-${(now % (account.period * 1000)) / 1000}s`);

  return (
    <li
      class={`row${account.pinned ? ' pinned' : ''}${account.status === 'pending' ? ' pending' : ''}`}
      data-index={index}
      data-account-id={account.id}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      <button
        type="button"
        class="copy"
        data-role="copy"
        tabIndex={tabbable ? 0 : -1}
        aria-label={copyName(account, label, copied ? t('copied') : code ? formatCode(code) : undefined, next ?? undefined)}
        aria-disabled={!code}
        onFocus={() => onFocusRow(index)}
        onClick={() => {
          if (code) onAction('copy', account);
        }}
      >
        <span class="label">
          <span class="issuer">{account.issuer || account.name || t('noLabel')}</span>
          {account.issuer && account.name && <span class="name">{account.name}</span>}
          {account.status === 'pending' && <span class="badge">{t('pendingBadge')}</span>}
        </span>
        <span class={`code${copied ? ' copied' : ''}`} aria-hidden="true">
          {copied ? t('copied') : shown}
        </span>
        {next && (
          <span class="next" aria-hidden="true">
            {t('nextCode', formatCode(next))}
          </span>
        )}
      </button>
      {account.type === 'totp' ? (
        <span class={`countdown${ending ? ' ending' : ''}`} aria-hidden="true">
          <span class="seconds">{secondsLeft === undefined ? undefined : uiFormat().number(secondsLeft)}</span>
          <span class="bar" style={{ animationDuration: `${account.period}s`, animationDelay: delay }} />
        </span>
      ) : (
        <button
          type="button"
          class="icon-button hotp-next"
          tabIndex={tabbable ? 0 : -1}
          aria-label={t('hotpNextLabel', label)}
          title={t('hotpNext')}
          onFocus={() => onFocusRow(index)}
          onClick={() => onAction('next-code', account)}
        >
          <NextCodeIcon />
        </button>
      )}
      {fillHost !== undefined && (
        <button
          type="button"
          class="icon-button fill"
          data-role="fill"
          tabIndex={tabbable ? 0 : -1}
          aria-label={t('fillLabel', label, fillHost)}
          title={t('fillLabel', label, fillHost)}
          onFocus={() => onFocusRow(index)}
          onClick={() => onAction('fill', account)}
        >
          <FillIcon />
        </button>
      )}
      <button
        type="button"
        class="icon-button more"
        data-role="more"
        tabIndex={tabbable ? 0 : -1}
        aria-label={t('moreActions', label)}
        title={t('moreActions', label)}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onFocus={() => onFocusRow(index)}
        onClick={(event) => onMenu(account, event.currentTarget)}
      >
        <MoreIcon />
      </button>
    </li>
  );
}
