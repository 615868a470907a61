/**
 * Puts a lazily loaded view's CSS into the page once. The popup's own stylesheet is part of its start-up bytes;
 * the styles of views most opens never show (the tab scan, the QR code of an account) come with their code, as
 * text (Vite's `?inline`, https://vite.dev/guide/features#disabling-css-injection-into-the-page).
 */
export function adoptStyles(id: string, css: string): void {
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}
