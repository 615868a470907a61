import { useLayoutEffect, useRef } from 'preact/hooks';

/** Sets the User Timing mark `npm run bench` reads in the frame after the first code is rendered. */
export function useFirstCodeMark(hasCode: boolean): void {
  const marked = useRef(false);
  useLayoutEffect(() => {
    if (marked.current || !hasCode) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('keystep:first-code'));
  }, [hasCode]);
}
