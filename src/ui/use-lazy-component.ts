import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component loaded with a dynamic import the first time it is wanted, so the code of views the
 * user never opens (and of the unlock form, when the vault is not locked) is not downloaded and
 * parsed with the page: the popup and the options page keep their JS budgets. `load` must be
 * stable (a module-level function).
 */
export function useLazyComponent<P>(load: () => Promise<ComponentType<P>>, wanted: boolean): { component: ComponentType<P> | undefined; error: unknown } {
  const [state, setState] = useState<{ component: ComponentType<P> | undefined; error: unknown }>({ component: undefined, error: undefined });
  useEffect(() => {
    if (!wanted || state.component) return;
    let live = true;
    load().then(
      (component) => {
        if (live) setState({ component, error: undefined });
      },
      (error: unknown) => {
        if (live) setState({ component: undefined, error });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, load, state.component]);
  return state;
}
