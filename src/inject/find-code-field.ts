import { assessSegmented, assessSingle, type Assessment } from './assess-code-field.ts';
import type { CodeField } from './code-field.ts';
import { collectInputs } from './collect-inputs.ts';
import { isFillableInput } from './is-fillable-input.ts';
import { segmentedGroups } from './segmented-groups.ts';

export interface FindCodeFieldOptions {
  /** Length of the code to fill (6 to 8): a field must be able to take it, a segmented row must have as many boxes. */
  readonly digits: number;
  /** The focused element (document.activeElement, through open shadow roots), if any: a hint. */
  readonly focused?: Element | null;
  /**
   * The user pointed at the focused element (context menu on an editable field): take it when it is usable
   * (fillable, not excluded, long enough), even without any one-time-code hint. Default false.
   */
  readonly focusedIsTarget?: boolean;
}

/**
 * The one-time-code field of a document, or undefined. Candidates are the visible, enabled, editable text, tel
 * and number inputs (open shadow roots included); rows of 4-8 one-character boxes count as one candidate. The
 * best accepted candidate wins (see assess-code-field.ts); on a tie, the first in the page. Backup and recovery
 * codes, postal codes, coupons, phone numbers, passwords and card fields are never returned, not even when the
 * user points at one.
 */
export function findCodeField(doc: Document, options: FindCodeFieldOptions): CodeField | undefined {
  const inputs = collectInputs(doc).filter(isFillableInput);
  const groups = segmentedGroups(inputs.filter((input) => input.maxLength === 1));
  const inGroup = new Set(groups.flat());
  const singles = inputs.filter((input) => !inGroup.has(input));

  if (options.focusedIsTarget === true) {
    const targeted = targetedField(options, groups, singles);
    if (targeted !== undefined) return targeted;
  }

  const candidates: { field: CodeField; assessment: Assessment; order: number }[] = [
    ...singles.map((input) => ({ field: { kind: 'single', input } as const, assessment: assessSingle(input, options), order: inputs.indexOf(input) })),
    ...groups.map((group) => ({
      field: { kind: 'segmented', inputs: group } as const,
      assessment: assessSegmented(group, options),
      order: Math.min(...group.map((box) => inputs.indexOf(box))),
    })),
  ];
  // Highest score first; on a tie, the first in the page.
  const accepted = candidates.filter((candidate) => candidate.assessment.accepted);
  accepted.sort((a, b) => b.assessment.score - a.assessment.score || a.order - b.order);
  return accepted[0]?.field;
}

function targetedField(
  options: FindCodeFieldOptions,
  groups: readonly HTMLInputElement[][],
  singles: readonly HTMLInputElement[],
): CodeField | undefined {
  const { focused } = options;
  const group = groups.find((candidate) => candidate.some((box) => box === focused));
  if (group !== undefined) return assessSegmented(group, options).usable ? { kind: 'segmented', inputs: group } : undefined;
  const input = singles.find((candidate) => candidate === focused);
  return input !== undefined && assessSingle(input, options).usable ? { kind: 'single', input } : undefined;
}
