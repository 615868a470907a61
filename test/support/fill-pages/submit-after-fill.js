// Handles the form's submission in the page, as single-page sign-in apps do, and shows what was submitted.
(function () {
  'use strict';
  const form = document.querySelector('form');
  const result = document.getElementById('result');
  let count = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    count += 1;
    const code = form.elements.namedItem('otp').value;
    result.textContent = 'Submitted: ' + code + (count > 1 ? ' (' + count + ' times)' : '');
  });
})();
