/** A field that can take a one-time code, as found by findCodeField. */
export type CodeField =
  | { readonly kind: 'single'; readonly input: HTMLInputElement }
  /** 4 to 8 one-character boxes in document order, one digit each. */
  | { readonly kind: 'segmented'; readonly inputs: readonly HTMLInputElement[] };
