/**
 * Runs `task` while holding the named exclusive lock. Across the extension's pages and its
 * service worker, the Web Locks API serialises read-modify-write cycles on storage so that
 * two windows editing at once never lose a write (https://w3c.github.io/web-locks/).
 * Where Web Locks is missing (unit tests), an in-process queue gives the same guarantee
 * inside one realm.
 */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(name, { mode: 'exclusive' }, task);
  return localQueue(name, task);
}

const tails = new Map<string, Promise<unknown>>();

function localQueue<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(name, tail);
  void tail.then(() => {
    if (tails.get(name) === tail) tails.delete(name);
  });
  return run;
}
