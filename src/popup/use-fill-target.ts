import { useEffect, useState } from 'preact/hooks';
import { pageOrigin } from '../core/page-origin.ts';
import { activeTab } from '../platform/tab-url.ts';

/** The page the popup's Fill buttons fill: the tab the popup was opened over, and its origin. */
export interface FillTarget {
  readonly tabId: number;
  readonly origin: string;
}

/** The active tab, when it is a web page Keystep may see (opening the popup granted activeTab on it). */
export async function readFillTarget(): Promise<FillTarget | undefined> {
  const tab = await activeTab();
  const origin = pageOrigin(tab?.url);
  return tab && origin !== undefined ? { tabId: tab.id, origin } : undefined;
}

/**
 * The fill target, read once after the first render (the codes come first); undefined when there is none: the
 * popup opened in a tab of its own, over a chrome:// page, or as the chooser.
 */
export function useFillTarget(read: (() => Promise<FillTarget | undefined>) | undefined): FillTarget | undefined {
  const [target, setTarget] = useState<FillTarget>();
  useEffect(() => {
    if (!read) return;
    let live = true;
    read().then(
      (found) => {
        if (live) setTarget(found);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [read]);
  return target;
}
