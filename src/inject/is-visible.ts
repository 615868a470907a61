/**
 * False for an element the user cannot see: not in the document, under `display: none` or a `hidden`
 * attribute anywhere up the tree (shadow hosts included), or `visibility: hidden/collapse`. Chromium's
 * Element.checkVisibility() answers the first part (it also covers `content-visibility: hidden`,
 * https://drafts.csswg.org/cssom-view/#dom-element-checkvisibility); elsewhere (jsdom) the tree is walked.
 * Opacity is not checked: one-time-code widgets often lay a transparent input over their drawn boxes.
 */
export function isVisible(element: Element): boolean {
  if (!element.isConnected) return false;
  const view = element.ownerDocument.defaultView;
  if (view === null) return false;
  if (typeof element.checkVisibility === 'function') {
    if (!element.checkVisibility()) return false;
  } else if (!displayedUpTheTree(element, view)) {
    return false;
  }
  // visibility is inherited, so the element's own computed value answers for its ancestors too.
  return view.getComputedStyle(element).visibility === 'visible';
}

function displayedUpTheTree(element: Element, view: Window): boolean {
  for (let node: Element | null = element; node !== null; node = parentAcrossShadow(node)) {
    if (node.hasAttribute('hidden') || view.getComputedStyle(node).display === 'none') return false;
  }
  return true;
}

/** The parent element, or the host when the element is the top of a shadow tree. */
export function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement !== null) return element.parentElement;
  const root = element.getRootNode();
  return isShadowRoot(root) ? root.host : null;
}

/** Duck-typed, so it works for nodes of another window (a test's second document) too. */
function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}
