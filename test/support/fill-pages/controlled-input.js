// Imitates a React controlled <input> (React 18), for the pages that load it.
//
// React keeps the value it last saw in a tracker installed as a `value` setter on the element itself; on an
// `input` event it compares the element's real value with the tracker, and only a difference reaches onChange
// (react-dom's inputValueTracking.js). So `input.value = code` updates the tracker too, React sees no change,
// and the component state stays empty; only the setter of HTMLInputElement.prototype gets past it. The state
// is rendered back into the input (controlled), into <output id=...>, and enables the submit button once it
// holds data-min-digits digits; React renders after the event, so this one does in a microtask.
(function () {
  'use strict';
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

  for (const input of document.querySelectorAll('input[data-controlled]')) {
    const output = document.getElementById(input.dataset.controlled);
    const minDigits = Number(input.dataset.minDigits || '6');
    const form = input.form;
    const submit = form ? form.querySelector('button[type="submit"]') : null;
    let tracked = native.get.call(input);
    let state = tracked;

    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return native.get.call(this);
      },
      set(next) {
        tracked = String(next);
        native.set.call(this, next);
      },
    });

    const render = () => {
      input.value = state;
      output.textContent = state;
      if (submit) submit.disabled = state.length < minDigits;
    };

    input.addEventListener('input', () => {
      const actual = native.get.call(input);
      if (actual === tracked) return;
      tracked = actual;
      state = actual.replace(/\D/g, '').slice(0, 8);
      queueMicrotask(render);
    });

    if (form) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        document.getElementById('result').textContent = 'Submitted ' + state;
      });
    }
    render();
  }
})();
