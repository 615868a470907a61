import type { BrowserContext } from 'playwright-core';
import type { TableRow } from './bench-tables.ts';
import { fakeAccounts } from './fake-accounts.ts';
import { firstCodeFrame, watchFirstCodeFrame } from './first-code-frame.ts';
import { formatMb, formatMs, formatRatio } from './format-values.ts';
import { heapAfterGc } from './heap-after-gc.ts';
import { idleCost } from './idle-cost.ts';
import type { BenchEnv, BudgetCheck, Measurement, MeasurementResult } from './measurement.ts';
import { openFreshTab } from './open-fresh-tab.ts';
import { seedVault } from './seed-vault.ts';
import { summarize, type Summary } from './summarize.ts';

const POPUP_PAGE = 'src/popup/index.html';
/** The account counts measured; the ratio budgets apply to the last two, heap and idle to 500. */
export const ACCOUNT_COUNTS = [1, 50, 500, 5000] as const;
/** First code against the floor (median/median), by account count. */
const MAX_RATIO: Readonly<Record<number, number>> = { 500: 1.6, 5000: 2 };
const BUDGET_COUNT = 500;
const MAX_HEAP_BYTES = 5e6;
const MAX_IDLE_MS_PER_S = 50;
/** Time for late work (a second code batch, the first countdown tick) to finish before heap and idle are read. */
const SETTLE_MS = 1500;
const IDLE_WINDOW_MS = 5000;

interface SizeResult {
  readonly accounts: number;
  readonly firstCode: Summary;
  readonly floor: Summary;
  readonly ratio: number;
  readonly heapBytes: number;
  readonly idleMsPerS: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** ms from navigation start to the first frame that shows a code, in a new tab that is closed afterwards. */
async function timeToCode(context: BrowserContext, url: string): Promise<number> {
  const page = await openFreshTab(context, url, watchFirstCodeFrame);
  try {
    return await firstCodeFrame(page);
  } finally {
    await page.close();
  }
}

/** Heap after GC and idle cost of a page left open after its first code. */
async function steadyCost(context: BrowserContext, url: string): Promise<{ heapBytes: number; idleMsPerS: number }> {
  const page = await openFreshTab(context, url, watchFirstCodeFrame);
  try {
    await firstCodeFrame(page);
    await sleep(SETTLE_MS);
    // GC first, so a collection forced by the probe does not land in the idle window.
    const heapBytes = await heapAfterGc(context, page);
    const idleMsPerS = await idleCost(context, page, IDLE_WINDOW_MS);
    return { heapBytes, idleMsPerS };
  } finally {
    await page.close();
  }
}

async function measureSize(env: BenchEnv, accounts: number): Promise<SizeResult> {
  const { context } = env.ext;
  const popupUrl = env.ext.url(POPUP_PAGE);
  await seedVault(env.ext, fakeAccounts(accounts));
  // Warm-up, not counted: the first load after a storage write pays for caches the next ones reuse.
  await timeToCode(context, popupUrl);
  await timeToCode(context, env.floorUrl);
  const popupTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let run = 0; run < env.runs; run++) {
    // Alternate the pair's order too (ABBA), so neither page always follows the other.
    const popupFirst = run % 2 === 0;
    if (popupFirst) popupTimes.push(await timeToCode(context, popupUrl));
    floorTimes.push(await timeToCode(context, env.floorUrl));
    if (!popupFirst) popupTimes.push(await timeToCode(context, popupUrl));
  }
  const firstCode = summarize(popupTimes);
  const floor = summarize(floorTimes);
  const { heapBytes, idleMsPerS } = await steadyCost(context, popupUrl);
  return { accounts, firstCode, floor, ratio: firstCode.median / floor.median, heapBytes, idleMsPerS };
}

const sizeRow = (r: SizeResult): TableRow => ({
  table: 'startup',
  cells: {
    page: `popup, ${r.accounts} account${r.accounts === 1 ? '' : 's'}`,
    'first code median': formatMs(r.firstCode.median),
    min: formatMs(r.firstCode.min),
    max: formatMs(r.firstCode.max),
    'floor median': formatMs(r.floor.median),
    'floor min': formatMs(r.floor.min),
    'floor max': formatMs(r.floor.max),
    ratio: formatRatio(r.ratio),
    'heap after GC': `${formatMb(r.heapBytes)} MB`,
    'idle ms/s': r.idleMsPerS.toFixed(1),
  },
});

function budgets(sizes: readonly SizeResult[]): BudgetCheck[] {
  const at = sizes.find((s) => s.accounts === BUDGET_COUNT);
  if (!at) throw new Error(`No popup result at ${BUDGET_COUNT} accounts`);
  const ratios = sizes.flatMap((size) => {
    const max = MAX_RATIO[size.accounts];
    return max === undefined
      ? []
      : [{ name: `first code at ${size.accounts} accounts vs floor (median/median)`, limit: `<= ${max}x`, measured: formatRatio(size.ratio), pass: size.ratio <= max }];
  });
  return [
    ...ratios,
    { name: `JS heap after GC at ${BUDGET_COUNT} accounts`, limit: `<= ${formatMb(MAX_HEAP_BYTES)} MB`, measured: `${formatMb(at.heapBytes)} MB`, pass: at.heapBytes <= MAX_HEAP_BYTES },
    { name: `idle main-thread time at ${BUDGET_COUNT} accounts`, limit: `<= ${MAX_IDLE_MS_PER_S} ms/s`, measured: `${at.idleMsPerS.toFixed(1)} ms/s`, pass: at.idleMsPerS <= MAX_IDLE_MS_PER_S },
  ];
}

/**
 * The popup opened fresh with 1, 50, 500 and 5,000 accounts stored: time to the first code against
 * the floor page (alternated in the same browser), then heap after GC and idle cost of
 * one more popup left open. The floor page's own heap and idle cost are the last row.
 */
export const popupStartup: Measurement = {
  name: 'popup-startup',
  async run(env: BenchEnv): Promise<MeasurementResult> {
    const sizes: SizeResult[] = [];
    for (const accounts of ACCOUNT_COUNTS) {
      console.log(`  popup with ${accounts} accounts: 1 warm-up + ${env.runs} runs, popup and floor alternated`);
      sizes.push(await measureSize(env, accounts));
    }
    const floorCost = await steadyCost(env.ext.context, env.floorUrl);
    const allFloor = summarize(sizes.flatMap((s) => s.floor.samples));
    const floorRow: TableRow = {
      table: 'startup',
      cells: {
        page: 'floor: extension page of static text "123 456", all runs',
        'floor median': formatMs(allFloor.median),
        'floor min': formatMs(allFloor.min),
        'floor max': formatMs(allFloor.max),
        'heap after GC': `${formatMb(floorCost.heapBytes)} MB`,
        'idle ms/s': floorCost.idleMsPerS.toFixed(1),
      },
    };
    return {
      rows: [...sizes.map(sizeRow), floorRow],
      budgets: budgets(sizes),
      notes: [
        `First code: ms from navigation start to the first frame whose text shows a code ("123 456"; the same check for the popup and the floor): a requestAnimationFrame watcher added before the page's own code (Page.addScriptToEvaluateOnNewDocument) checks document.body.textContent at every frame and keeps performance.now() of the first frame whose text shows a code. The floor is an extension page of static text that runs no script of its own.`,
        `${env.runs} counted runs per size, each in a new 360x600 tab, after 1 warm-up run per page that is not counted; popup and floor runs alternate.`,
        `Heap and idle: one more popup per size left open ${SETTLE_MS / 1000} s, heap read after a forced GC, then main-thread TaskDuration over ${IDLE_WINDOW_MS / 1000} s.`,
      ],
      data: { runs: env.runs, settleMs: SETTLE_MS, idleWindowMs: IDLE_WINDOW_MS, sizes, floorCost },
    };
  },
};
