// The autofill field names of https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field
// other than one-time-code: a field that declares one of them is something else. Unknown tokens ("off", "nope",
// random strings sites use against autofill) say nothing.
const OTHER_PURPOSES = new Set([
  'name', 'honorific-prefix', 'given-name', 'additional-name', 'family-name', 'honorific-suffix', 'nickname',
  'username', 'new-password', 'current-password', 'organization-title', 'organization', 'street-address',
  'address-line1', 'address-line2', 'address-line3', 'address-level4', 'address-level3', 'address-level2',
  'address-level1', 'country', 'country-name', 'postal-code', 'cc-name', 'cc-given-name', 'cc-additional-name',
  'cc-family-name', 'cc-number', 'cc-exp', 'cc-exp-month', 'cc-exp-year', 'cc-csc', 'cc-type',
  'transaction-currency', 'transaction-amount', 'language', 'bday', 'bday-day', 'bday-month', 'bday-year', 'sex',
  'url', 'photo', 'tel', 'tel-country-code', 'tel-national', 'tel-area-code', 'tel-local', 'tel-local-prefix',
  'tel-local-suffix', 'tel-extension', 'email', 'impp',
]);

/** What a field's autocomplete attribute declares it to be. */
export type AutocompletePurpose = 'one-time-code' | 'other' | 'unknown';

export function autocompletePurpose(input: HTMLInputElement): AutocompletePurpose {
  const tokens = (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  if (tokens.includes('one-time-code')) return 'one-time-code';
  return tokens.some((token) => OTHER_PURPOSES.has(token) || token.startsWith('cc-')) ? 'other' : 'unknown';
}
