/**
 * An in-memory stand-in for `webextension-polyfill`, aliased in the vitest config so unit and
 * component tests run the real platform code against Map-backed storage areas.
 */
import messages from '../../src/static/_locales/en/messages.json' with { type: 'json' };

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

const listeners = new Set<Listener>();

/** A storage area backed by a Map, with the same copy-on-write semantics as chrome.storage (values are JSON-cloned). */
export class FakeStorageArea {
  readonly data = new Map<string, unknown>();
  /** Makes the next `set` calls fail, e.g. to simulate a quota error. */
  failNextSets = 0;

  constructor(readonly areaName: string) {}

  get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const key of wanted) {
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
      else if (keys !== null && typeof keys === 'object' && !Array.isArray(keys)) out[key] = keys[key];
    }
    return Promise.resolve(out);
  }

  set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextSets > 0) {
      this.failNextSets -= 1;
      return Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    }
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      const cloned: unknown = JSON.parse(JSON.stringify(value));
      changes[key] = { oldValue: this.data.get(key), newValue: cloned };
      this.data.set(key, cloned);
    }
    emit(changes, this.areaName);
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (this.data.has(key)) changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    emit(changes, this.areaName);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    return this.remove([...this.data.keys()]);
  }
}

function emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string): void {
  if (Object.keys(changes).length === 0) return;
  // chrome.storage.onChanged fires asynchronously, after the write resolves.
  queueMicrotask(() => {
    for (const listener of listeners) listener(changes, areaName);
  });
}

const local = new FakeStorageArea('local');
const session = new FakeStorageArea('session');
const sync = new FakeStorageArea('sync');

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** chrome.i18n.getMessage semantics: named $PLACEHOLDERS$ map to $1..$9 substitutions. */
function getMessage(name: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, CatalogueEntry | undefined>)[name];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const withPositional = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, key: string) => placeholders[key.toLowerCase()] ?? '');
  return withPositional.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

const tabsCreated: string[] = [];

/** chrome.commands.getAll's answer: the manifest's commands with the shortcuts Chrome assigned (see setCommandShortcut). */
const commandShortcuts = new Map<string, string>([['fill-code', 'Alt+Shift+K']]);

/** Sets the shortcut Chrome reports for a command ('' when it left it unassigned). */
export function setCommandShortcut(name: string, shortcut: string): void {
  commandShortcuts.set(name, shortcut);
}

interface FakeAlarm {
  readonly name: string;
  /** ms since the epoch. */
  readonly scheduledTime: number;
}

const alarmsByName = new Map<string, FakeAlarm>();
const alarmListeners = new Set<(alarm: FakeAlarm) => void>();

/** chrome.alarms over a Map: alarms are recorded with their time; fireAlarm() plays one. */
const alarms = {
  create: (name: string, info: { delayInMinutes?: number; when?: number }) => {
    alarmsByName.set(name, { name, scheduledTime: info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000 });
    return Promise.resolve();
  },
  get: (name: string) => Promise.resolve(alarmsByName.get(name)),
  clear: (name: string) => Promise.resolve(alarmsByName.delete(name)),
  onAlarm: {
    addListener: (l: (alarm: FakeAlarm) => void) => alarmListeners.add(l),
    removeListener: (l: (alarm: FakeAlarm) => void) => alarmListeners.delete(l),
  },
};

/** Fires the named alarm now, as Chrome would at its time; throws when it is not set. */
export function fireAlarm(name: string): void {
  const alarm = alarmsByName.get(name);
  if (!alarm) throw new Error(`No alarm ${name} is set`);
  alarmsByName.delete(name);
  for (const listener of alarmListeners) listener(alarm);
}

const startupListeners = new Set<() => void>();

/** Plays runtime.onStartup (the browser started with this profile). */
export function fireStartup(): void {
  for (const listener of startupListeners) listener();
}

export const fakeBrowser = {
  storage: {
    local,
    session,
    sync,
    onChanged: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
      hasListener: (l: Listener) => listeners.has(l),
    },
  },
  i18n: { getMessage, getUILanguage: () => 'en' },
  alarms,
  commands: {
    getAll: () => Promise.resolve([...commandShortcuts].map(([name, shortcut]) => ({ name, shortcut, description: '' }))),
  },
  runtime: {
    id: 'fake-extension-id',
    getURL: (path: string) => `chrome-extension://fake-extension-id/${path.replace(/^\//, '')}`,
    openOptionsPage: () => Promise.resolve(),
    onStartup: { addListener: (l: () => void) => startupListeners.add(l) },
  },
  tabs: {
    create: (props: { url: string }) => {
      tabsCreated.push(props.url);
      return Promise.resolve({ id: tabsCreated.length });
    },
  },
};

/** URLs the code under test opened with tabs.create. */
export const openedTabs = tabsCreated;

/** Forgets everything, between tests. */
export async function resetFakeBrowser(): Promise<void> {
  await Promise.all([local.clear(), session.clear(), sync.clear()]);
  local.failNextSets = 0;
  session.failNextSets = 0;
  tabsCreated.length = 0;
  alarmsByName.clear();
  commandShortcuts.clear();
  commandShortcuts.set('fill-code', 'Alt+Shift+K');
}

export default fakeBrowser;
