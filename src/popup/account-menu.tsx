import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../platform/i18n.ts';
import type { MenuAction } from './row-action.ts';

const LABELS: Record<MenuAction, MessageKey> = {
  rename: 'rename',
  sites: 'sitesMenuItem',
  pin: 'pin',
  unpin: 'unpin',
  'move-up': 'moveUp',
  'move-down': 'moveDown',
  delete: 'delete',
  'show-qr': 'showQrCode',
};

interface Props {
  readonly label: string;
  /** The "more actions" button that opened the menu; focus returns to it. */
  readonly anchor: HTMLElement;
  readonly actions: readonly MenuAction[];
  readonly onAction: (action: MenuAction) => void;
  readonly onClose: () => void;
}

/**
 * The one menu of account actions, rendered outside the windowed list (whose rows clip and
 * transform their content), per the WAI-ARIA menu button pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): arrows move, Escape closes and
 * returns focus to the button.
 */
export function AccountMenu({ label, anchor, actions, onAction, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ top: 0, right: 0 });

  const close = (refocus: boolean): void => {
    onClose();
    if (refocus) anchor.focus();
  };

  useLayoutEffect(() => {
    const rect = anchor.getBoundingClientRect();
    const height = menu.current?.offsetHeight ?? 0;
    const below = rect.bottom + 2;
    const top = below + height > window.innerHeight ? Math.max(4, rect.top - height - 2) : below;
    setPosition({ top, right: Math.max(4, window.innerWidth - rect.right) });
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [anchor]);

  useEffect(() => {
    const onPointer = (event: Event): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !anchor.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  });

  const onKeyDown = (event: KeyboardEvent): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number): void => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    event.stopPropagation();
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    }
  };

  return (
    <div ref={menu} role="menu" aria-label={t('moreActions', label)} class="menu" style={{ top: `${position.top}px`, right: `${position.right}px` }} onKeyDown={onKeyDown}>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          role="menuitem"
          tabIndex={-1}
          class={action === 'delete' ? 'danger' : ''}
          onClick={() => {
            close(action !== 'delete' && action !== 'rename' && action !== 'sites' && action !== 'show-qr');
            onAction(action);
          }}
        >
          {t(LABELS[action])}
        </button>
      ))}
    </div>
  );
}
