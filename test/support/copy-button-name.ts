// The popup's copy buttons are named by what their row shows (src/popup/account-row.tsx, WCAG 2.5.3): the
// account's label, then its code (", 123 456", or ", Copied" just after a copy, and ", Next 654 321" in the last
// seconds of a period), then ". Copy". Before its code is computed, "<label>. Copy".

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any copy button's accessible name, with or without its code. */
export const ANY_COPY_BUTTON = /\. Copy$/;

/** The accessible name of the copy button of the account labelled `label` ("GitHub (alice)"), with or without its code. */
export function copyButtonName(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}(?:, (?:[\\d ]+(?:, Next [\\d ]+)?|Copied))?\\. Copy$`);
}

/** The account label in a copy button's accessible name. */
export function labelOfCopyButton(name: string): string {
  return name.replace(/(?:, (?:[\d ]+(?:, Next [\d ]+)?|Copied))?\. Copy$/, '');
}
