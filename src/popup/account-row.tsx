import { useState } from 'preact/hooks';
import { accountLabel } from '../core/account-label.ts';
import { codeSchedule } from '../core/code-schedule.ts';
import { formatCode } from '../core/otp.ts';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { ROW_HEIGHT } from './row-height.ts';
import type { RowAction } from './row-action.ts';
import { codeKey, NEXT_CODE_WINDOW, type CodeMap } from './use-codes.ts';

interface Props {
  readonly account: Account;
  readonly index: number;
  readonly setSize: number;
  readonly now: number;
  readonly codes: CodeMap;
  readonly copied: boolean;
  /** The one row reachable with Tab (roving tabindex); arrows move between rows. */
  readonly tabbable: boolean;
  readonly onFocusRow: (index: number) => void;
  readonly onAction: (action: RowAction, account: Account) => void;
  readonly onMenu: (account: Account, anchor: HTMLElement) => void;
  readonly menuOpen: boolean;
}

const PLACEHOLDER = '••• •••';

/** One account: label, code (click or Enter copies), countdown bar, and its menu. */
export function AccountRow({ account, index, setSize, now, codes, copied, tabbable, onFocusRow, onAction, onMenu, menuOpen }: Props) {
  const label = accountLabel(account) || t('noLabel');
  const { step, secondsLeft } = codeSchedule(account, now);
  const code = codes.get(codeKey({ account, step }));
  const ending = secondsLeft !== undefined && secondsLeft <= NEXT_CODE_WINDOW;
  const next = ending ? codes.get(codeKey({ account, step: step + 1 })) : undefined;
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
        aria-label={code && next ? t('copyCodeNextLabel', label, formatCode(code), formatCode(next)) : t('copyCodeLabel', label, code ? formatCode(code) : '')}
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
      {secondsLeft !== undefined ? (
        <span class={`countdown${ending ? ' ending' : ''}`} aria-hidden="true">
          <span class="seconds">{secondsLeft}</span>
          <span class="bar" style={{ animationDuration: `${account.period}s`, animationDelay: delay }} />
        </span>
      ) : (
        <button type="button" class="icon-button hotp-next" tabIndex={-1} aria-label={t('hotpNextLabel', label)} title={t('hotpNext')} onClick={() => onAction('next-code', account)}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2.5v3.5H10" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </button>
      )}
      <button
        type="button"
        class="icon-button more"
        data-role="more"
        tabIndex={-1}
        aria-label={t('moreActions', label)}
        title={t('moreActions', label)}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={(event) => onMenu(account, event.currentTarget)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="3" r="1.5" />
          <circle cx="8" cy="8" r="1.5" />
          <circle cx="8" cy="13" r="1.5" />
        </svg>
      </button>
    </li>
  );
}
