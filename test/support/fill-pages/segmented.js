// One digit per box: keeps the last digit typed, moves focus to the next box, Backspace goes back, and shows
// the joined code in <output id="joined">.
(function () {
  'use strict';
  const boxes = Array.from(document.querySelectorAll('.boxes input'));
  const joined = document.getElementById('joined');
  const show = () => {
    joined.textContent = boxes.map((box) => box.value).join('');
  };
  boxes.forEach((box, index) => {
    box.addEventListener('input', () => {
      box.value = box.value.replace(/\D/g, '').slice(-1);
      if (box.value !== '' && index + 1 < boxes.length) boxes[index + 1].focus();
      show();
    });
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Backspace' && box.value === '' && index > 0) boxes[index - 1].focus();
    });
  });
  show();
})();
