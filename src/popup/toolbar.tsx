import type { RefObject } from 'preact';
import { t } from '../platform/i18n.ts';
import { LockIcon, PlusIcon, ScanIcon, SettingsIcon } from './icons.tsx';

interface Props {
  readonly searchBox: RefObject<HTMLInputElement | null>;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  /** Whether any account matches: Enter then copies the first match. */
  readonly hasMatches: boolean;
  readonly onCopyFirst: () => void;
  /** ArrowDown: focus moves into the list. */
  readonly onEnterList: () => void;
  /** Shows the lock button (a master password is set). */
  readonly encrypted: boolean;
  readonly onAdd: () => void;
  /** Looks for QR codes in the current tab. */
  readonly onScan: () => void;
  readonly onLock: () => void;
  readonly onSettings: () => void;
}

/** The popup's heading row: the search box and the add, scan, lock and settings buttons. */
export function Toolbar({ searchBox, query, onQuery, hasMatches, onCopyFirst, onEnterList, encrypted, onAdd, onScan, onLock, onSettings }: Props) {
  return (
    <header class="toolbar">
      <h1 class="visually-hidden">{t('popupHeading')}</h1>
      <input
        ref={searchBox}
        type="search"
        class="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        autoComplete="off"
        spellcheck={false}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || (event.key === 'Enter' && hasMatches)) {
            event.preventDefault();
            if (event.key === 'Enter') onCopyFirst();
            else onEnterList();
          } else if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
      <button type="button" class="icon-button" aria-label={t('addAccount')} title={t('addAccount')} onClick={onAdd}>
        <PlusIcon />
      </button>
      <button type="button" class="icon-button" aria-label={t('scanQrCode')} title={t('scanQrCode')} onClick={onScan}>
        <ScanIcon />
      </button>
      {encrypted && (
        <button type="button" class="icon-button" aria-label={t('lockNow')} title={t('lockNow')} onClick={onLock}>
          <LockIcon />
        </button>
      )}
      <button type="button" class="icon-button" aria-label={t('openSettings')} title={t('openSettings')} onClick={onSettings}>
        <SettingsIcon />
      </button>
    </header>
  );
}
