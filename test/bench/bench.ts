// `npm run bench`: builds dist/, then measures the popup and the options page's enrollment in headless Chromium and prints tables.
// It reports rather than tests: it is not part of `npm test`, but it exits 1 when a budget
// fails, so a person running it (or CI that opts in) notices.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { CHROMIUM, DIST, launchExtension } from '../support/launch-extension.ts';
import type { TableRow } from './bench-tables.ts';
import { aegisImport } from './aegis-import.ts';
import { fillCommand } from './fill-command.ts';
import { createFloorExtension } from './floor-extension.ts';
import type { BenchEnv, BudgetCheck, Measurement } from './measurement.ts';
import { optionsEnroll } from './options-enroll.ts';
import { popupBytes } from './popup-bytes.ts';
import { popupStartup } from './popup-startup.ts';
import { popupUnlock } from './popup-unlock.ts';
import { qrScan } from './qr-scan.ts';
import { referenceAuthenticator } from './reference-authenticator.ts';
import { renderReport } from './render-report.ts';

/**
 * Everything the bench measures, in order. A new measurement is one more entry. popupUnlock sets a master password
 * and leaves it set, so it comes after every measurement that stores a plain vault.
 */
const MEASUREMENTS: readonly Measurement[] = [popupStartup, popupBytes, qrScan, aegisImport, fillCommand, optionsEnroll, popupUnlock, referenceAuthenticator];
/** Counted runs per data point; 11 keeps the whole bench near a minute on 2 cores. */
const RUNS = 11;
const RESULTS = resolve(import.meta.dirname, '../../test-results/bench.json');

const chromiumVersion = (): string => {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

/** `npm run bench -- options-enroll` runs only the named measurements (all when none is named). */
function selected(names: readonly string[]): readonly Measurement[] {
  const unknown = names.filter((name) => !MEASUREMENTS.some((m) => m.name === name));
  if (unknown.length > 0) throw new Error(`Unknown measurement ${unknown.join(', ')}; known: ${MEASUREMENTS.map((m) => m.name).join(', ')}`);
  return names.length === 0 ? MEASUREMENTS : MEASUREMENTS.filter((m) => names.includes(m.name));
}

async function main(): Promise<number> {
  const measurements = selected(process.argv.slice(2));
  const started = Date.now();
  // Other work on the machine moves every number; the load average shows how much there was.
  const loadAtStart = loadavg()[0] ?? 0;
  const floor = await createFloorExtension();
  const ext = await launchExtension({ extraExtensions: [floor.dir] });
  const env: BenchEnv = { ext, floorUrl: floor.pageUrl, runs: RUNS, dist: DIST };
  const rows: TableRow[] = [];
  const notes: string[] = [];
  const budgets: BudgetCheck[] = [];
  const data: Record<string, unknown> = {};
  try {
    for (const measurement of measurements) {
      console.log(`bench: ${measurement.name}`);
      const result = await measurement.run(env);
      rows.push(...result.rows);
      notes.push(...result.notes);
      budgets.push(...result.budgets);
      data[measurement.name] = result.data;
    }
  } finally {
    await ext.close();
    await floor.remove();
  }
  const seconds = (Date.now() - started) / 1000;
  const load = `load average ${loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`;
  const machine = `${chromiumVersion()}, Node ${process.version}, ${cpus().length} CPUs`;
  console.log(`\n${renderReport(rows, [...notes, `${machine}; ${load}; bench took ${seconds.toFixed(0)} s.`], budgets)}\n`);

  await mkdir(dirname(RESULTS), { recursive: true });
  const record = { date: new Date(started).toISOString(), machine, load, seconds, budgets, measurements: data };
  await writeFile(RESULTS, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`Results written to ${RESULTS}`);

  const failed = budgets.filter((b) => !b.pass);
  if (failed.length > 0) console.error(`bench: ${failed.length} budget(s) failed: ${failed.map((b) => b.name).join('; ')}`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
