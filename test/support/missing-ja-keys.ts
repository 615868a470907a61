// What the Japanese catalogue lacks, to translate new keys quickly:
//   npx tsx test/support/missing-ja-keys.ts           prints the missing entries (English text) as JSON to translate
//   npx tsx test/support/missing-ja-keys.ts --write   also adds them to _locales/ja/messages.json, in en's key order,
//                                                     still in English: test/platform/messages-ja.test.ts fails until
//                                                     each one is translated
// It also names the keys whose placeholders differ from English, the keys en no longer has, and the messages still
// in English. Terms: docs/ja-glossary.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueDiff, type Catalogue, type CatalogueEntry } from './catalogue-diff.ts';
import { JA_SAME_AS_ENGLISH } from './ja-same-as-english.ts';

const locales = new URL('../../src/static/_locales/', import.meta.url);
const enFile = new URL('en/messages.json', locales);
const jaFile = new URL('ja/messages.json', locales);

/** The ja catalogue with every key it lacks added from en (English text), ordered as en; keys only ja has go last. */
export function withMissingKeys(en: Catalogue, ja: Catalogue): Catalogue {
  const merged: Record<string, CatalogueEntry> = {};
  for (const [key, entry] of Object.entries(en)) merged[key] = ja[key] ?? entry;
  for (const [key, entry] of Object.entries(ja)) merged[key] ??= entry;
  return merged;
}

function main(args: readonly string[]): void {
  const en = JSON.parse(readFileSync(enFile, 'utf8')) as Catalogue;
  const ja = JSON.parse(readFileSync(jaFile, 'utf8')) as Catalogue;
  const diff = catalogueDiff(en, ja, new Set(JA_SAME_AS_ENGLISH.keys()));
  const missing = Object.fromEntries(diff.missing.map((key) => [key, en[key]]));
  process.stdout.write(`${JSON.stringify(missing, null, 2)}\n`);
  const note = (label: string, keys: readonly string[]): void => {
    if (keys.length > 0) process.stderr.write(`${label} (${String(keys.length)}): ${keys.join(', ')}\n`);
  };
  note('missing in ja', diff.missing);
  note('placeholders differ from en', diff.placeholderMismatch);
  note('not in en any more (remove from ja)', diff.extra);
  note('still in English', diff.untranslated);
  note('allow-listed but no longer equal to English (update test/support/ja-same-as-english.ts)', diff.staleAllowed);
  if (args.includes('--write') && diff.missing.length > 0) {
    writeFileSync(jaFile, `${JSON.stringify(withMissingKeys(en, ja), null, 2)}\n`);
    process.stderr.write(`added ${String(diff.missing.length)} English entries to ${fileURLToPath(jaFile)}: translate their "message"\n`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
