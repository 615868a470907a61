// The popup's copy buttons are named by what their row shows (src/popup/account-row.tsx, WCAG 2.5.3): the
// account's issuer and name as the row shows them ("GitHub alice", where menus and dialogs say "GitHub (alice)"),
// then its code (", 123 456", or ", Copied" just after a copy, and ", Next 654 321" in the last seconds of a period),
// then ". Copy". Before its code is computed, "GitHub alice. Copy".

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CODE_PART = /(?:, (?:[\d ]+(?:, Next [\d ]+)?|Copied))?\. Copy$/;

/** Any copy button's accessible name, with or without its code. */
export const ANY_COPY_BUTTON = /\. Copy$/;

/** How a row shows an account labelled "Issuer (name)" elsewhere: "Issuer name". A label without a name stays. */
export function shownLabel(label: string): string {
  return label.replace(/^(.+) \((.+)\)$/, '$1 $2');
}

/** The accessible name of the copy button of the account labelled `label` ("GitHub (alice)"), with or without its code. */
export function copyButtonName(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(shownLabel(label))}${CODE_PART.source}`);
}

/** The label part of a copy button's accessible name, as the row shows it ("GitHub alice"). */
export function labelOfCopyButton(name: string): string {
  return name.replace(CODE_PART, '');
}
