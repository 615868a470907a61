/**
 * Every <input> of a document in tree order, including those inside open shadow roots (web-component login
 * forms). Closed shadow roots and iframes are out of reach here: frames get their own injection
 * (see docs/fill-design.md).
 */
export function collectInputs(root: Document | ShadowRoot): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.localName === 'input') found.push(element as HTMLInputElement);
    if (element.shadowRoot !== null) found.push(...collectInputs(element.shadowRoot));
  }
  return found;
}
