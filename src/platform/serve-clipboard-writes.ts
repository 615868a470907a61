import browser, { type Runtime } from 'webextension-polyfill';
import type { ClipboardWrite } from './worker-clipboard.ts';

/**
 * The offscreen document's side of copyFromWorker: answers each ClipboardWrite from this extension with whether
 * `write` succeeded. Other messages are not its to answer.
 */
export function serveClipboardWrites(write: (text: string) => boolean): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return undefined;
    const { target, text } = message as Partial<ClipboardWrite>;
    if (target !== 'keystep-offscreen-clipboard' || typeof text !== 'string') return undefined;
    return Promise.resolve(write(text));
  });
}
