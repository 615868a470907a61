/** How long the object URL outlives the click, ms: the browser reads the Blob asynchronously after it. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves `text` as a file through the browser's download flow: a Blob, an object URL and a temporary
 * `<a download>` that is clicked and removed. The URL is revoked shortly after, so the page does not keep a
 * reference to the (possibly secret) contents; revoking synchronously can cancel the download in some browsers.
 * @param mimeType e.g. `application/json` or `text/plain`.
 */
export function downloadTextFile(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
