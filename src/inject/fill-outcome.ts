/**
 * What filling did, as a plain object (it travels back to the extension as an executeScript result, so it
 * holds strings and booleans only, and never the code).
 */
export type FillOutcome =
  | {
      readonly kind: 'filled';
      /** One input, or one digit per box of a segmented group. */
      readonly field: 'single' | 'segmented';
      /** Where focus ended: the field, or the form's one obvious submit button. */
      readonly focus: 'field' | 'submit';
      /**
       * The form was submitted as Enter would submit it: its one obvious submit button clicked, or requestSubmit() on
       * a form with no button and no other text-like field (the page may still cancel the submission).
       */
      readonly submitted: boolean;
      /** The field's digits read back after the page reacted equal the code (false: the page changed or refused them). */
      readonly valueMatches: boolean;
    }
  /** No field on this page (or frame) looks like a one-time-code field. */
  | { readonly kind: 'no-field' }
  /** The injection ran after the request's notAfter time (e.g. held while the page showed a dialog); nothing was touched. */
  | { readonly kind: 'expired' }
  /** The request was malformed (e.g. a code that is not 6 to 8 digits); nothing was touched. */
  | { readonly kind: 'invalid-request' }
  /** Something in the page threw while filling; the error stays in here and is not reported to the page. */
  | { readonly kind: 'failed' };
