import { aegisEntry, aegisPlainVault } from '../support/aegis-vault-writer.ts';
import type { TableRow } from './bench-tables.ts';
import { fakeAccounts } from './fake-accounts.ts';
import { formatKb, formatMs } from './format-values.ts';
import type { BenchEnv, Measurement, MeasurementResult } from './measurement.ts';
import { seedVault } from './seed-vault.ts';
import { summarize } from './summarize.ts';
import { listNamedSource, timeToFrameSource } from './time-to-frame.ts';

const OPTIONS_PAGE = '#backup';
/** Accounts in the Aegis file. */
const FILE_ACCOUNTS = 1000;
/** Accounts already in Keystep (the preview checks each entry against them). */
const VAULT_ACCOUNTS = 500;
/** Where the file waits in the page until the timed part chooses it. */
const FILE_GLOBAL = '__keystepBenchFile';

/** Chooses the file as the browser does after its file dialog: sets the input's files and fires "change". */
const CHOOSE_FILE = `(() => {
  const input = [...document.querySelectorAll('label')].find((label) => label.textContent.trim() === 'File to import')?.control;
  const transfer = new DataTransfer();
  transfer.items.add(globalThis[${JSON.stringify(FILE_GLOBAL)}]);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
})()`;
const PREVIEW_SHOWN = `${listNamedSource('Preview')}?.querySelectorAll('li').length === ${FILE_ACCOUNTS}`;

/**
 * Importing an Aegis vault export (plain JSON, as Aegis writes it, by test/support/aegis-vault-writer.ts) of
 * 1,000 TOTP accounts in the options page: ms from choosing the file to the first frame that shows the preview
 * with all 1,000 rows (file read, format recognised, each entry parsed and checked, verdicts against the vault,
 * rendered). A freshly loaded options page per run; 1 warm-up run, not counted. Issue 10 names no target.
 */
export const aegisImport: Measurement = {
  name: 'aegis-import',
  async run(env: BenchEnv): Promise<MeasurementResult> {
    await seedVault(env.ext, fakeAccounts(VAULT_ACCOUNTS));
    const text = aegisPlainVault(fakeAccounts(FILE_ACCOUNTS).map((account) => aegisEntry(account, { uuid: account.id })));
    const page = await env.ext.openOptions(OPTIONS_PAGE);
    try {
      console.log(`  Aegis import of ${FILE_ACCOUNTS} accounts: 1 warm-up + ${env.runs} runs`);
      const times: number[] = [];
      for (let run = 0; run <= env.runs; run++) {
        await page.reload();
        await page.getByRole('form', { name: 'Import' }).getByLabel('File to import').waitFor({ state: 'attached' });
        await page.evaluate(({ name, content }) => {
          (globalThis as Record<string, unknown>)[name] = new File([content], 'aegis-export.json', { type: 'application/json' });
        }, { name: FILE_GLOBAL, content: text });
        const ms = await page.evaluate<number>(timeToFrameSource(CHOOSE_FILE, PREVIEW_SHOWN));
        if (run > 0) times.push(ms);
      }
      const preview = summarize(times);
      const row: TableRow = {
        table: 'actions',
        cells: {
          action: `Aegis import: choose file -> preview (${FILE_ACCOUNTS.toLocaleString('en-US')} accounts, ${formatKb(Buffer.byteLength(text))} kB plain JSON; ${VAULT_ACCOUNTS} in Keystep)`,
          median: formatMs(preview.median),
          min: formatMs(preview.min),
          max: formatMs(preview.max),
          runs: String(times.length),
          target: 'none set',
        },
      };
      return {
        rows: [row],
        budgets: [],
        notes: [`Aegis import: options page, Backups, a freshly loaded page per run; timed in the page from the file input's change event to the first frame whose preview list has all ${FILE_ACCOUNTS} rows. Issue 10 asks for the figure without a target.`],
        data: { preview, fileAccounts: FILE_ACCOUNTS, vaultAccounts: VAULT_ACCOUNTS, fileBytes: Buffer.byteLength(text) },
      };
    } finally {
      await page.close();
    }
  },
};
