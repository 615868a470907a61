/**
 * Copies text for the user. Extension pages with the clipboardWrite permission may write
 * without a user gesture (https://developer.chrome.com/docs/extensions/reference/permissions-list).
 */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
