import { obviousSubmit } from './obvious-submit.ts';

/** The one obvious way to submit a filled field's form, as formSubmission finds it. */
export type FormSubmission =
  /** The form's one obvious submit button (obviousSubmit): clicked, as pressing Enter in the field would. */
  | { readonly kind: 'button'; readonly button: HTMLButtonElement | HTMLInputElement }
  /** A form without any submit button whose only text-like field is this one: submitted as pressing Enter would. */
  | { readonly kind: 'implicit'; readonly form: HTMLFormElement };

/**
 * The input types whose fields "block implicit submission"
 * (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#field-that-blocks-implicit-submission):
 * a form without a submit button is submitted by Enter only when it has at most one of them.
 */
const BLOCKING_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local', 'number']);

/**
 * How to submit `field`'s form after filling it, or undefined when there is no one obvious way, and then nothing is
 * submitted: no form; several primary submit buttons; or no primary one but some other (a "Resend code" button, a
 * hidden or disabled one: Enter would press that one, or nothing). With one obvious submit button (see
 * obviousSubmit), that button. With no submit button at all, the form is submitted only when `field` is its one
 * field that blocks implicit submission, i.e. when Enter in the field would submit it (HTML's implicit submission,
 * https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#implicit-submission); a row of boxes is
 * several such fields, so it needs a button.
 */
export function formSubmission(field: HTMLInputElement): FormSubmission | undefined {
  const form = field.form;
  if (form === null) return undefined;
  const button = obviousSubmit(field);
  if (button !== undefined) return { kind: 'button', button };
  const elements = Array.from(form.elements);
  const anySubmit = elements.some((element) => isSubmitButton(element));
  if (anySubmit) return undefined;
  const blocking = elements.filter((element) => element.localName === 'input' && BLOCKING_TYPES.has((element as HTMLInputElement).type));
  return blocking.length === 1 && blocking[0] === field ? { kind: 'implicit', form } : undefined;
}

/** A submit button of any state (https://html.spec.whatwg.org/multipage/forms.html#concept-submit-button). */
function isSubmitButton(element: Element): boolean {
  if (element.localName === 'button') return (element as HTMLButtonElement).type === 'submit';
  return element.localName === 'input' && ['submit', 'image'].includes((element as HTMLInputElement).type);
}
