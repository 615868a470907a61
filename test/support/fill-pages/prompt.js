// Asks for the code with window.prompt, the way some sign-in pages (and the Cognito walkthrough's test page) do.
(function () {
  'use strict';
  document.getElementById('ask').addEventListener('click', () => {
    const code = window.prompt('Enter the code from your authenticator app');
    document.getElementById('answer').textContent = code === null ? 'Cancelled' : 'Entered ' + code;
  });
})();
