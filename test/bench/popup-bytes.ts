import { assetBytes, type KindBytes } from './asset-bytes.ts';
import type { TableRow } from './bench-tables.ts';
import { firstCodeFrame, watchFirstCodeFrame } from './first-code-frame.ts';
import { fakeAccounts } from './fake-accounts.ts';
import { formatKb } from './format-values.ts';
import type { BenchEnv, Measurement, MeasurementResult } from './measurement.ts';
import { openFreshTab } from './open-fresh-tab.ts';
import { seedVault } from './seed-vault.ts';
import { watchAssets } from './watch-assets.ts';

const POPUP_PAGE = 'src/popup/index.html';
/** The popup's budget; `npm test` checks the same on the built files (test/dist/popup-bundle.test.ts). */
const MAX_GZIP_BYTES = 35_000;

const row = (kind: string, bytes: KindBytes): TableRow => ({
  table: 'bytes',
  cells: { page: 'popup', kind, files: String(bytes.files.length), 'raw kB': formatKb(bytes.raw), 'gzip kB': formatKb(bytes.gzip) },
});

/**
 * The JS and CSS the popup actually loads (every chrome-extension:// .js/.css response up to
 * its first code, so lazily imported chunks needed for start-up count too), sized from dist/.
 * Stores one account first, so that a first code appears even when this measurement runs alone.
 */
export const popupBytes: Measurement = {
  name: 'popup-bytes',
  async run(env: BenchEnv): Promise<MeasurementResult> {
    await seedVault(env.ext, fakeAccounts(1));
    let urls: ReadonlySet<string> = new Set();
    const page = await openFreshTab(env.ext.context, env.ext.url(POPUP_PAGE), async (p) => {
      urls = watchAssets(p);
      await watchFirstCodeFrame(p);
    });
    try {
      await firstCodeFrame(page);
    } finally {
      await page.close();
    }
    if (urls.size === 0) throw new Error(`No JS or CSS responses seen while loading ${POPUP_PAGE}`);
    const bytes = await assetBytes(urls, env.dist);
    return {
      rows: [row('JS', bytes.js), row('CSS', bytes.css), row('JS + CSS', bytes.total)],
      budgets: [{ name: 'popup JS + CSS, gzip', limit: `<= ${formatKb(MAX_GZIP_BYTES)} kB`, measured: `${formatKb(bytes.total.gzip)} kB`, pass: bytes.total.gzip <= MAX_GZIP_BYTES }],
      notes: [`Popup files: ${bytes.total.files.map((f) => `${f.path} (${formatKb(f.gzip)} kB gzip)`).join(', ')}.`],
      data: bytes,
    };
  },
};
