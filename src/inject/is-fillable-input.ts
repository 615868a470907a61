import { isVisible } from './is-visible.ts';

/** Input types a code can go into. Passwords, e-mail, search, hidden and the rest never take one. */
const CODE_TYPES = new Set(['text', 'tel', 'number']);

/** True for a visible, enabled, editable text, tel or number input. */
export function isFillableInput(input: HTMLInputElement): boolean {
  // :disabled also covers inputs inside a disabled fieldset.
  return CODE_TYPES.has(input.type) && !input.matches(':disabled') && !input.readOnly && isVisible(input);
}
