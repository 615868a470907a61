import { parentAcrossShadow } from './is-visible.ts';

/** Box counts a code-entry widget has: the shortest and longest codes anyone uses. */
export const MIN_BOXES = 4;
export const MAX_BOXES = 8;

/** How far up from a box its row may be (box > wrapper > half-row > row). */
const MAX_LEVELS = 4;

/**
 * One-character boxes grouped into rows: each box joins the nearest ancestor (up to four levels up) that
 * holds at least MIN_BOXES of the given boxes, so boxes wrapped in their own <div>, or split 3 + 3 around a
 * dash, still make one row. Rows of MIN_BOXES..MAX_BOXES boxes are returned, boxes in document order.
 *
 * @param boxes fillable inputs with maxlength 1, in document order.
 */
export function segmentedGroups(boxes: readonly HTMLInputElement[]): HTMLInputElement[][] {
  const rows = new Map<Element, HTMLInputElement[]>();
  for (const box of boxes) {
    const row = rowOf(box, boxes);
    if (row === undefined) continue;
    const members = rows.get(row) ?? [];
    members.push(box);
    rows.set(row, members);
  }
  return [...rows.values()].filter((row) => row.length >= MIN_BOXES && row.length <= MAX_BOXES);
}

function rowOf(box: HTMLInputElement, boxes: readonly HTMLInputElement[]): Element | undefined {
  let node = parentAcrossShadow(box);
  for (let level = 0; node !== null && level < MAX_LEVELS; level += 1, node = parentAcrossShadow(node)) {
    const ancestor = node;
    if (boxes.filter((other) => ancestor.contains(other)).length >= MIN_BOXES) return ancestor;
  }
  return undefined;
}
