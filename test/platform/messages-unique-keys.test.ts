import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// JSON.parse keeps the last of two equal keys without a word, so a key added twice (two changes adding the same
// message) would silently drop one wording. Chrome reads messages.json the same way. Each catalogue is written one
// message per top-level key, two spaces in, so the keys are the lines that open an entry.
const LOCALES = ['en', 'ja'] as const;

function topLevelKeys(text: string): string[] {
  return [...text.matchAll(/^ {2}"([^"]+)": \{/gm)].map((match) => match[1] ?? '');
}

describe('message catalogues', () => {
  it.each(LOCALES)('%s names each message once', (locale) => {
    const text = readFileSync(join(import.meta.dirname, `../../src/static/_locales/${locale}/messages.json`), 'utf8');
    const keys = topLevelKeys(text);
    // The lines found are every message the parser sees (so the check below looks at all of them).
    expect(new Set(keys).size).toBe(Object.keys(JSON.parse(text) as object).length);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});
