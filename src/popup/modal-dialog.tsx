import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ComponentChildren;
  /** Fills the popup and scrolls (a long list inside), instead of sizing to its content. */
  readonly wide?: boolean;
}

/**
 * A modal dialog per https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/: focus moves in
 * on open, Tab stays inside, Escape closes. The caller gives focus back on close: the control
 * that opened the dialog (a menu item) is gone by then, so only the caller knows where it goes.
 */
export function ModalDialog({ title, onClose, children, wide = false }: Props) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input, button:not([disabled])')?.focus();
  }, []);

  const focusables = (): HTMLElement[] => [...(panel.current?.querySelectorAll<HTMLElement>('input, button:not([disabled]), select, textarea') ?? [])];

  const onKeyDown = (event: KeyboardEvent): void => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = focusables();
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  // A focused control that goes away or is disabled (the shown QR code replaces its button, a removed site's
  // button) leaves the focus on the body: Escape there still closes the dialog, and Tab goes back into it.
  useEffect(() => {
    const onLostFocusKey = (event: KeyboardEvent): void => {
      if (event.target !== document.body) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'Tab') {
        event.preventDefault();
        const focusable = focusables();
        (event.shiftKey ? focusable[focusable.length - 1] : focusable[0])?.focus();
      }
    };
    document.addEventListener('keydown', onLostFocusKey);
    return () => document.removeEventListener('keydown', onLostFocusKey);
  });

  return (
    <div class="backdrop" onKeyDown={onKeyDown}>
      <div ref={panel} class={wide ? 'dialog wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
