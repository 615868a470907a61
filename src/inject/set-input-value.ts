/**
 * Sets an input's value the way typing does, as far as page frameworks can tell: through the value setter of
 * HTMLInputElement.prototype (React tracks values with a setter on the element itself, and would take a plain
 * `input.value = ...` for its own write and ignore the change), then a bubbling, composed `input` event and a
 * `change` event (React's onChange and Vue's v-model listen to `input`; `.lazy` models and plain forms to `change`).
 */
export function setInputValue(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView;
  // Reflect.set with the input as receiver runs the prototype's setter on it, skipping any setter on the element.
  if (!Reflect.set(view?.HTMLInputElement.prototype ?? HTMLInputElement.prototype, 'value', value, input)) {
    throw new Error('HTMLInputElement.prototype refused the value');
  }
  const InputEventOfPage = view?.InputEvent ?? InputEvent;
  const EventOfPage = view?.Event ?? Event;
  input.dispatchEvent(new InputEventOfPage('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new EventOfPage('change', { bubbles: true }));
}
