import type { CDPSession, Page } from 'playwright-core';
import type { LoadedExtension } from './launch-extension.ts';

// Keystep's real toolbar popup, opened over a tab. Only a popup opened by the action (a click on the toolbar
// button) gets the activeTab grant for the tab under it; a tab showing chrome-extension://<id>/src/popup/index.html
// does not. In headless Chromium the click is CDP's Extensions.triggerAction on the tab's target, which opens the
// real popup with the grant (docs/fill-design.md, section 9). Playwright does not attach to that popup, so it is
// driven here over CDP: elements are found by role and accessible name in the accessibility tree
// (Accessibility.queryAXTree), never by CSS.

export interface ActionPopup {
  /** Waits for an element with `role` whose accessible name is `name` (or matches it) and clicks it. */
  click(role: string, name: string | RegExp): Promise<void>;
  /** Waits until an element with `role` (and `name`, when given) is there. */
  waitFor(role: string, name?: string | RegExp): Promise<void>;
  /** The text content of every element with `role` (e.g. 'alert', 'status'), in document order. */
  texts(role: string): Promise<string[]>;
  /** The text of each item of the list named `name`. */
  listItems(name: string): Promise<string[]>;
  /** The popup document's whole text. */
  text(): Promise<string>;
  /** Runs an expression in the popup page (awaits a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Closes the popup and waits until its target is gone. */
  close(): Promise<void>;
}

interface AxNode {
  readonly ignored: boolean;
  readonly role?: { readonly value?: string };
  readonly name?: { readonly value?: string };
  readonly backendDOMNodeId?: number;
}

const POLL_MS = 50;

/** Opens Keystep's action popup over `tab` (a page of the extension's context), as a click on its button would. */
export async function openActionPopup(ext: LoadedExtension, tab: Page, timeoutMs = 15_000): Promise<ActionPopup> {
  const browser = ext.context.browser();
  if (browser === null) throw new Error('The extension context has no browser to open a CDP session on');
  const cdp = await browser.newBrowserCDPSession();
  const tabUrl = tab.url();
  // A tab target, not the page target: triggerAction refuses page targets (docs/fill-design.md, section 9).
  const tabs: { targetInfos: { targetId: string; url: string }[] } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const target = tabs.targetInfos.find((info) => info.url === tabUrl);
  if (target === undefined) throw new Error(`No tab target shows ${tabUrl}`);
  const popupUrl = ext.url('src/popup/index.html');
  // A popup closed just before may still be listed for a moment: only a target that was not there is the new one.
  const before = new Set((await cdp.send('Target.getTargets')).targetInfos.filter((info) => info.url.startsWith(popupUrl)).map((info) => info.targetId));
  await tab.bringToFront();
  await cdp.send('Extensions.triggerAction' as never, { id: ext.id, targetId: target.targetId } as never);

  const deadline = Date.now() + timeoutMs;
  let popupId: string | undefined;
  while (popupId === undefined) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    popupId = targetInfos.find((info) => info.type === 'page' && info.url.startsWith(popupUrl) && !before.has(info.targetId))?.targetId;
    if (popupId === undefined) {
      if (Date.now() > deadline) throw new Error('The action popup did not open');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: popupId, flatten: false });
  return popupDriver(cdp, sessionId, popupId, timeoutMs);
}

function popupDriver(cdp: CDPSession, sessionId: string, targetId: string, timeoutMs: number): ActionPopup {
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (waiting === undefined || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  };

  const find = async (role: string, name?: string | RegExp, within?: AxNode): Promise<AxNode[]> => {
    const { root } = await send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
    const exact = typeof name === 'string' ? { accessibleName: name } : {};
    const scope = within?.backendDOMNodeId === undefined ? { nodeId: root.nodeId } : { backendNodeId: within.backendDOMNodeId };
    const { nodes } = await send<{ nodes: AxNode[] }>('Accessibility.queryAXTree', { ...scope, role, ...exact });
    return nodes.filter((node) => !node.ignored && (!(name instanceof RegExp) || name.test(node.name?.value ?? '')));
  };

  const waitFor = async (role: string, name?: string | RegExp): Promise<AxNode[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // While the popup's document is still replacing the initial empty one, the node DOM.getDocument named may be
      // gone by the time the tree is queried ("Could not find node with given id"): look again.
      const nodes = await find(role, name).catch((error: unknown) => {
        if (error instanceof Error && error.message.includes('Could not find node')) return [];
        throw error;
      });
      if (nodes.length > 0) return nodes;
      if (Date.now() > deadline) throw new Error(`No ${role} named ${String(name ?? '(any)')} in the popup within ${timeoutMs} ms. It shows: ${await evaluate<string>('document.body.innerText')}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const call = async <T>(node: AxNode, functionDeclaration: string): Promise<T> => {
    const { object } = await send<{ object: { objectId: string } }>('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
    const { result } = await send<{ result: { value?: T } }>('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration, returnByValue: true });
    return result.value as T;
  };

  // A node found in the accessibility tree can be gone by the time it is resolved (Preact re-rendered it): find it
  // again, until the deadline.
  const retrying = async <T>(task: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await task();
      } catch (error) {
        if (!(error instanceof Error && /Could not find node|No node with given id/.test(error.message)) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  };

  return {
    async click(role, name) {
      await retrying(async () => {
        const [node] = await waitFor(role, name);
        if (node) await call(node, 'function () { this.click(); }');
      });
    },
    async waitFor(role, name) {
      await waitFor(role, name);
    },
    texts: (role) => retrying(async () => Promise.all((await find(role)).map((node) => call<string>(node, 'function () { return this.textContent; }')))),
    listItems: (name) =>
      retrying(async () => {
        const [list] = await waitFor('list', name);
        const items = list === undefined ? [] : await find('listitem', undefined, list);
        return Promise.all(items.map((node) => call<string>(node, 'function () { return this.textContent; }')));
      }),
    text: () => evaluate<string>('document.body.innerText'),
    evaluate,
    async close() {
      await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
      // Until the target is gone: the next openActionPopup over the same tab must not find this closing popup.
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const { targetInfos } = await cdp.send('Target.getTargets').catch(() => ({ targetInfos: [] }));
        if (!targetInfos.some((info) => info.targetId === targetId)) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      await cdp.detach().catch(() => undefined);
    },
  };
}
