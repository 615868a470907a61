import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../core/vault.ts';
import { t } from '../platform/i18n.ts';
import { AccountRow } from './account-row.tsx';
import type { RowAction } from './row-action.ts';
import { ROW_HEIGHT } from './row-height.ts';
import type { RowCode } from './use-codes.ts';

/** The list's height before it is measured: the popup's scroll box (see popup.css). */
export const INITIAL_VIEWPORT_PX = 520;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
const OVERSCAN = 3;

export interface VisibleRange {
  readonly start: number;
  readonly end: number;
}

/** The slice of rows that intersects the viewport, plus overscan. */
export function visibleRange(scrollTop: number, viewportHeight: number, count: number): VisibleRange {
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  const shown = Math.ceil(viewportHeight / ROW_HEIGHT) + 1;
  return { start: Math.max(0, first - OVERSCAN), end: Math.min(count, first + shown + OVERSCAN) };
}

interface Props {
  readonly accounts: readonly Account[];
  readonly now: number;
  /** The codes of the rendered rows, by account id. */
  readonly codes: ReadonlyMap<string, RowCode>;
  readonly copiedId: string | undefined;
  readonly onRange: (range: VisibleRange) => void;
  readonly onAction: (action: RowAction, account: Account) => void;
  readonly onMenu: (account: Account, anchor: HTMLElement) => void;
  readonly menuFor: string | undefined;
  /** Called when arrow-up leaves the first row, to give focus back to the search box. */
  readonly onExitTop: () => void;
  /**
   * Set by the parent to move keyboard focus into the list: to the first row (arrow-down from
   * search), or back to an account's control after an edit moved its row. `seq` makes each request new.
   */
  readonly focusRequest: FocusRequest | undefined;
  /** The host of the page the rows' Fill buttons fill; undefined: no Fill buttons. */
  readonly fillHost?: string | undefined;
}

export interface FocusRequest {
  readonly seq: number;
  /** The account to focus; the first row when absent. */
  readonly accountId?: string;
  readonly control: 'copy' | 'more';
}

/**
 * The accounts, windowed: only the rows in view exist in the DOM, positioned absolutely in a
 * spacer of the full height, so 500 accounts cost what 10 do. aria-setsize/aria-posinset tell
 * assistive technology the full size of the list.
 */
export function AccountList({ accounts, now, codes, copiedId, onRange, onAction, onMenu, menuFor, onExitTop, focusRequest, fillHost }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<VisibleRange>(() => visibleRange(0, INITIAL_VIEWPORT_PX, accounts.length));
  const [focused, setFocused] = useState(0);
  // What to focus once the row is rendered (windowed rows may not exist yet); a new object per request.
  const [pendingFocus, setPendingFocus] = useState<{ readonly index: number; readonly control: 'copy' | 'more' }>();

  const measure = (): void => {
    const element = scroller.current;
    if (!element) return;
    const next = visibleRange(element.scrollTop, element.clientHeight || INITIAL_VIEWPORT_PX, accounts.length);
    setRange((previous) => (previous.start === next.start && previous.end === next.end ? previous : next));
  };

  useLayoutEffect(measure, [accounts.length]);
  // Reported before paint, so the codes of the rows in view are requested in the same frame.
  useLayoutEffect(() => onRange(range), [range, onRange]);

  const focusRow = (index: number, control: 'copy' | 'more' = 'copy'): void => {
    const clamped = Math.max(0, Math.min(accounts.length - 1, index));
    setFocused(clamped);
    setPendingFocus({ index: clamped, control });
    const element = scroller.current;
    if (element) {
      const top = clamped * ROW_HEIGHT;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
      measure();
    }
  };

  useEffect(() => {
    if (!focusRequest) return;
    const index = focusRequest.accountId === undefined ? 0 : accounts.findIndex((a) => a.id === focusRequest.accountId);
    if (index >= 0) focusRow(index, focusRequest.control);
  }, [focusRequest]);

  useEffect(() => {
    if (focused >= accounts.length && accounts.length > 0) setFocused(accounts.length - 1);
  }, [accounts.length, focused]);

  useLayoutEffect(() => {
    if (!pendingFocus) return;
    const button = scroller.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.index}"] [data-role="${pendingFocus.control}"]`);
    if (button) {
      setPendingFocus(undefined);
      button.focus();
    }
  });

  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (target.closest('[role="menu"]')) return;
    const row = target.closest<HTMLElement>('[data-index]');
    const index = row ? Number(row.dataset['index']) : focused;
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT)),
      PageUp: index - Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT)),
      Home: 0,
      End: accounts.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    if (next < 0) onExitTop();
    else focusRow(next);
  };

  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const account = accounts[index];
    if (!account) continue;
    rows.push(
      <AccountRow
        key={account.id}
        account={account}
        index={index}
        setSize={accounts.length}
        now={now}
        rowCode={codes.get(account.id)}
        copied={copiedId === account.id}
        tabbable={index === Math.min(focused, accounts.length - 1)}
        onFocusRow={setFocused}
        onAction={onAction}
        onMenu={onMenu}
        menuOpen={menuFor === account.id}
        fillHost={fillHost}
      />,
    );
  }

  return (
    <div class="scroller" ref={scroller} onScroll={measure} onKeyDown={onKeyDown}>
      <ul class="accounts" aria-label={t('accountListLabel')} style={{ height: `${accounts.length * ROW_HEIGHT}px` }}>
        {rows}
      </ul>
    </div>
  );
}
