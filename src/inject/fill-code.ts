import type { CodeField } from './code-field.ts';
import type { FillOutcome } from './fill-outcome.ts';
import { formSubmission } from './form-submission.ts';
import { setInputValue } from './set-input-value.ts';

export interface FillCodeOptions {
  /**
   * Submit the form after filling, when it has one obvious way to be submitted (formSubmission) and the value read
   * back matches the code: the account's choice, off by default.
   */
  readonly submit: boolean;
  /**
   * Resolves once the page has reacted to the fill (frameworks re-render in a microtask or a task, and may
   * enable the submit button only then). Default: the next task (setTimeout 0).
   */
  readonly settle?: () => Promise<void>;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Puts `code` into `field`: the whole code into a single input, or one digit per box of a segmented row (each
 * box focused, with keydown, input, change and keyup, as a typing user's events would go). Then waits for the
 * page to settle, reads the value back, and leaves focus on the form's one obvious submit button if there is
 * one (so Enter submits), else on the field (the last box). With `submit`, and only when the value matches,
 * submits the form the way pressing Enter in the field would: a click on that button (implicit submission clicks
 * the form's default button, https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#implicit-submission,
 * so a page that listens for the button's click sees one), or requestSubmit() on a form that has no submit button
 * and no other text-like field; otherwise nothing is submitted (see formSubmission). Page listeners that throw do not stop it (dispatchEvent reports their errors to the
 * page); an exception here (e.g. a page that replaced an element's focus method) propagates, and fillPage
 * turns it into an outcome.
 */
export async function fillCode(field: CodeField, code: string, options: FillCodeOptions): Promise<FillOutcome> {
  const inputs = field.kind === 'single' ? [field.input] : field.inputs;
  const last = inputs[inputs.length - 1];
  if (last === undefined) return { kind: 'no-field' };
  if (field.kind === 'single') {
    field.input.focus();
    setInputValue(field.input, code);
  } else {
    field.inputs.forEach((box, index) => typeDigit(box, code.charAt(index)));
  }
  await (options.settle ?? nextTask)();

  const valueMatches = inputs.map((input) => input.value.replace(/\D/g, '')).join('') === code;
  const submission = formSubmission(last);
  const focus = submission?.kind === 'button' ? 'submit' : 'field';
  if (submission?.kind === 'button') submission.button.focus();
  else last.focus();
  const submitted = options.submit && valueMatches && submission !== undefined;
  if (submitted) {
    if (submission.kind === 'button') submission.button.click();
    else submission.form.requestSubmit();
  }
  return { kind: 'filled', field: field.kind, focus, submitted, valueMatches };
}

/**
 * One digit into one box. A widget that handles keydown itself (and cancels it) may already have taken the
 * digit; otherwise, or if it did not, the value is set as typing would.
 */
function typeDigit(box: HTMLInputElement, digit: string): void {
  const KeyboardEventOfPage = box.ownerDocument.defaultView?.KeyboardEvent ?? KeyboardEvent;
  const key = { key: digit, code: `Digit${digit}`, bubbles: true, cancelable: true, composed: true };
  box.focus();
  const proceed = box.dispatchEvent(new KeyboardEventOfPage('keydown', key));
  if (proceed || box.value !== digit) setInputValue(box, digit);
  box.dispatchEvent(new KeyboardEventOfPage('keyup', key));
}
