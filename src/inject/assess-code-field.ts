import { autocompletePurpose } from './autocomplete-purpose.ts';
import { classifyFieldText, speaksOfOneTimeCode, speaksOfPayment, type FieldWords } from './code-field-words.ts';
import { fieldText, labelledByText } from './field-text.ts';

/** Score a field needs to be filled without the user pointing at it. */
export const ACCEPT_SCORE = 30;

// Weights. Only the order matters much: the autocomplete attribute beats words, which beat shape.
const AUTOCOMPLETE_OTC = 100;
const STRONG_WORDS = 60;
const SEGMENTED_SHAPE = 40;
const WEAK_WORDS = 20;
const CONTEXT_WORDS = 15;
const FOCUSED = 15;
const NUMERIC = 10;
const EXACT_LENGTH = 10;
const DIGITS_PATTERN = 5;
const SENT_ELSEWHERE = -10;

/** How well a field fits a code of `digits` digits. */
export interface Assessment {
  /** Not excluded (no backup, postal, coupon, phone, password, card... words or autocomplete purpose) and fits the code. */
  readonly usable: boolean;
  readonly score: number;
  /**
   * Usable, scored at least ACCEPT_SCORE, with a one-time-code signal beyond focus and input type, and (in a
   * card payment form, where "Security code" means the CVV) with autocomplete="one-time-code".
   */
  readonly accepted: boolean;
}

export interface AssessOptions {
  /** Length of the code to fill. */
  readonly digits: number;
  /** The page's focused element (document.activeElement, through shadow roots), if any. */
  readonly focused?: Element | null;
}

const UNUSABLE: Assessment = { usable: false, score: 0, accepted: false };

/**
 * Scores one input for a code of `options.digits` digits. Signals, strongest first: autocomplete="one-time-code";
 * its own words (name, id, labels, placeholder, aria-label, title) naming a one-time code, or only "code"; the
 * words around it (its form or dialog); a numeric keyboard, a length or pattern made for exactly this code;
 * having focus. A field whose words or autocomplete purpose say it is something else, whose maxlength is
 * shorter than the code or whose pattern refuses it is not usable; in a card payment form only
 * autocomplete="one-time-code" is accepted.
 */
export function assessSingle(input: HTMLInputElement, options: AssessOptions): Assessment {
  const { digits } = options;
  const purpose = autocompletePurpose(input);
  const words = classifyFieldText(fieldText(input));
  if (purpose === 'other' || words.words === 'excluded') return UNUSABLE;
  if (input.maxLength > 0 && input.maxLength < digits) return UNUSABLE;
  const accepts = patternTest(input.getAttribute('pattern'));
  const code = '1'.repeat(digits);
  if (!accepts(code)) return UNUSABLE;

  const otc = purpose === 'one-time-code';
  const context = contextText(input);
  const numeric = input.getAttribute('inputmode') === 'numeric' || input.type === 'number' || input.type === 'tel';
  const hasPattern = input.hasAttribute('pattern');
  const exactPattern = hasPattern && !accepts(`${code}1`) && !accepts(code.slice(1));
  const exactLength = input.maxLength === digits || exactPattern;
  const digitsPattern = hasPattern && !accepts('a'.repeat(digits));
  const score =
    (otc ? AUTOCOMPLETE_OTC : 0) +
    wordsScore(words) +
    (words.words !== 'strong' && speaksOfOneTimeCode(context) ? CONTEXT_WORDS : 0) +
    (numeric ? NUMERIC : 0) +
    (exactLength ? EXACT_LENGTH : 0) +
    (digitsPattern && !exactPattern ? DIGITS_PATTERN : 0) +
    (options.focused === input ? FOCUSED : 0);
  const signal = otc || words.words === 'strong' || words.words === 'weak' || (numeric && exactLength);
  const accepted = signal && score >= ACCEPT_SCORE && (otc || !speaksOfPayment(context));
  return { usable: true, score, accepted };
}

/**
 * Scores a row of one-character boxes (see segmentedGroups) for a code of `options.digits` digits: usable when
 * there is one box per digit and neither the boxes nor the row's label (aria-label, aria-labelledby, fieldset
 * legend) exclude it. The shape alone is accepted; words and autocomplete="one-time-code" on a box add to it.
 */
export function assessSegmented(boxes: readonly HTMLInputElement[], options: AssessOptions): Assessment {
  if (boxes.length !== options.digits) return UNUSABLE;
  const purposes = boxes.map(autocompletePurpose);
  if (purposes.includes('other')) return UNUSABLE;
  const first = boxes[0];
  if (first === undefined) return UNUSABLE;
  const words = classifyFieldText([...boxes.map(fieldText), rowLabel(first, boxes)].join('\n'));
  if (words.words === 'excluded') return UNUSABLE;
  const score =
    SEGMENTED_SHAPE +
    (purposes.includes('one-time-code') ? AUTOCOMPLETE_OTC : 0) +
    wordsScore(words) +
    (words.words !== 'strong' && speaksOfOneTimeCode(contextText(first)) ? CONTEXT_WORDS : 0) +
    (boxes.some((box) => box === options.focused) ? FOCUSED : 0);
  return { usable: true, score, accepted: score >= ACCEPT_SCORE };
}

function wordsScore(words: FieldWords): number {
  const base = words.words === 'strong' ? STRONG_WORDS : words.words === 'weak' ? WEAK_WORDS : 0;
  return base + (words.sentElsewhere ? SENT_ELSEWHERE : 0);
}

/**
 * The pattern attribute as a test, with the implicit anchors and the `v` flag of
 * https://html.spec.whatwg.org/multipage/input.html#the-pattern-attribute; an invalid pattern constrains nothing.
 */
function patternTest(pattern: string | null): (value: string) => boolean {
  if (pattern === null) return () => true;
  for (const flags of ['v', 'u']) {
    try {
      const regex = new RegExp(`^(?:${pattern})$`, flags);
      return (value) => regex.test(value);
    } catch {
      // Try the next flag set; a pattern valid under neither is ignored, as browsers do.
    }
  }
  return () => true;
}

/** The words around a field: its form, else its dialog, fieldset or section, else the page; plus the title. */
function contextText(input: HTMLInputElement): string {
  const scope = input.form ?? input.closest('dialog, [role="dialog"], fieldset, section, main') ?? input.ownerDocument.querySelector('body');
  return `${input.ownerDocument.title}\n${(scope?.textContent ?? '').slice(0, 3000)}`;
}

/** A row's own label: the aria-label or aria-labelledby of the nearest group around the first box, or its legend. */
function rowLabel(first: HTMLInputElement, boxes: readonly HTMLInputElement[]): string {
  const group = first.parentElement?.closest('[role="group"], fieldset, [aria-label], [aria-labelledby]') ?? null;
  if (group === null || !boxes.every((box) => group.contains(box))) return '';
  const legend = group.localName === 'fieldset' ? (group.querySelector(':scope > legend')?.textContent ?? '') : '';
  return [group.getAttribute('aria-label') ?? '', labelledByText(group), legend].join('\n');
}
