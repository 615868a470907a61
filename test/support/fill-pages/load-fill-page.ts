import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads one of the fill test pages into the current (jsdom) document and runs its scripts, as Chromium would
 * on load: the unit tests and the real-browser tests use the very same pages. Each script file runs as an
 * inline <script> (vitest's jsdom environment runs scripts), in the page's window.
 */
export function loadFillPage(page: string): void {
  const html = readFileSync(join(import.meta.dirname, page), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.title = parsed.title;
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  for (const script of Array.from(parsed.querySelectorAll('script[src]'))) {
    const source = readFileSync(join(import.meta.dirname, script.getAttribute('src') ?? ''), 'utf8');
    const element = document.createElement('script');
    element.textContent = source;
    document.body.append(element);
  }
}
