// The offscreen document the service worker copies through (src/platform/worker-clipboard.ts). An offscreen document
// never has focus, so navigator.clipboard.writeText is refused; execCommand('copy') on a selected textarea is what
// Chrome's offscreen CLIPBOARD reason is for (https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons).
import { serveClipboardWrites } from '../platform/serve-clipboard-writes.ts';

serveClipboardWrites((text) => {
  const area = document.getElementById('text');
  if (!(area instanceof HTMLTextAreaElement)) return false;
  area.value = text;
  area.select();
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated, and the one clipboard write an unfocused document may make.
    return document.execCommand('copy');
  } finally {
    area.value = '';
  }
});
