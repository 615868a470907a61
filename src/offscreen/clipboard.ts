// The offscreen document the service worker copies through (src/platform/worker-clipboard.ts). An offscreen document
// never has focus, so navigator.clipboard.writeText is refused; execCommand('copy') is what Chrome's offscreen
// CLIPBOARD reason is for (https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons).
// The text goes in through the copy event's clipboardData, not through a selection: with an empty selection
// execCommand('copy') reports success and leaves the clipboard as it was, so selecting an empty text could never clear
// it (https://w3c.github.io/clipboard-apis/#fire-a-clipboard-event: a handler that cancels the event writes its data).
import { serveClipboardWrites } from '../platform/serve-clipboard-writes.ts';

serveClipboardWrites((text) => {
  let written = false;
  const put = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    written = true;
  };
  document.addEventListener('copy', put);
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated, and the one clipboard write an unfocused document may make.
    return document.execCommand('copy') && written;
  } finally {
    document.removeEventListener('copy', put);
  }
});
