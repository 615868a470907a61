/**
 * The words a page gives a field: name, id, its labels, aria-label, the elements of aria-labelledby,
 * placeholder and title, one per line. The autocomplete attribute is read separately (autocomplete-purpose.ts).
 */
export function fieldText(input: HTMLInputElement): string {
  const parts = [input.name, input.id, input.getAttribute('aria-label'), input.placeholder, input.title];
  for (const label of Array.from(input.labels ?? [])) parts.push(label.textContent);
  parts.push(labelledByText(input));
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n');
}

/** The text of the elements an element's aria-labelledby names, looked up in the element's own tree (document or shadow root). */
export function labelledByText(element: Element): string {
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const root = element.getRootNode();
  if (!('getElementById' in root) || typeof root.getElementById !== 'function') return '';
  const lookup = root as Document | DocumentFragment;
  return ids.map((id) => lookup.getElementById(id)?.textContent ?? '').join('\n');
}
