import { normalizeFieldText } from './code-field-words.ts';
import { isVisible } from './is-visible.ts';

/** Buttons that submit the form but are not "go": resend, cancel, back, another method. */
const SECONDARY =
  /\b(resend|send (again|a new|another)|new code|cancel|back|another|different|other|backup|recovery|help|trouble|sign ?out|log ?out|abbrechen|zuruck|erneut|annuler|retour|renvoyer|cancelar|volver|reenviar|voltar|annulla|indietro)\b/;

/**
 * The one button that submits the field's form, or undefined when there is none or more than one: the form's
 * visible, enabled submit buttons (<button> of type submit, <input type=submit|image>, also those outside the
 * form that name it with form=), leaving out resend/cancel/back-like ones by their text.
 */
export function obviousSubmit(field: HTMLInputElement): HTMLButtonElement | HTMLInputElement | undefined {
  const form = field.form;
  if (form === null) return undefined;
  const submits = Array.from(form.elements).filter(
    (element): element is HTMLButtonElement | HTMLInputElement =>
      (element.localName === 'button' || element.localName === 'input') &&
      ['submit', 'image'].includes((element as HTMLButtonElement | HTMLInputElement).type) &&
      !element.matches(':disabled') &&
      isVisible(element),
  );
  const primary = submits.filter((button) => !SECONDARY.test(normalizeFieldText(buttonText(button))));
  return primary.length === 1 ? primary[0] : undefined;
}

function buttonText(button: HTMLButtonElement | HTMLInputElement): string {
  const own = button.localName === 'input' ? (button as HTMLInputElement).value : button.textContent;
  return [own, button.getAttribute('aria-label') ?? '', button.title, button.name, button.id].join(' ');
}
