import type { TableRow } from './bench-tables.ts';
import { formatMs } from './format-values.ts';
import type { Measurement, MeasurementResult } from './measurement.ts';

/**
 * For scale: the best-known open-source authenticator extension, measured once on this
 * machine with the same method (not re-measured by this run).
 */
const REFERENCE = {
  popupGzipBytes: 225_000,
  firstCodeMs: { 1: 272, 50: 367, 500: 1010 },
  floorMs: { min: 100, max: 160 },
  at500: { heapMb: 15, idleMsPerS: 760 },
} as const;

const LABEL = 'reference authenticator';

/** Reference rows, marked as such; measures nothing. */
export const referenceAuthenticator: Measurement = {
  name: 'reference-authenticator',
  run(): Promise<MeasurementResult> {
    const { floorMs } = REFERENCE;
    const rows: TableRow[] = Object.entries(REFERENCE.firstCodeMs).map(([accounts, ms]) => ({
      table: 'startup',
      cells: {
        page: `${LABEL}, ${accounts} account${accounts === '1' ? '' : 's'} (ref.)`,
        'first code median': formatMs(ms),
        'floor median': `~${floorMs.min}-${floorMs.max}`,
        ratio: `~${(ms / floorMs.max).toFixed(1)}-${(ms / floorMs.min).toFixed(1)}x`,
        ...(accounts === '500' ? { 'heap after GC': `${REFERENCE.at500.heapMb} MB`, 'idle ms/s': String(REFERENCE.at500.idleMsPerS) } : {}),
      },
    }));
    rows.push({ table: 'bytes', cells: { page: `${LABEL} popup (ref.)`, kind: 'JS + CSS', 'gzip kB': String(REFERENCE.popupGzipBytes / 1000) } });
    return Promise.resolve({
      rows,
      budgets: [],
      notes: [`(ref.) rows: the best-known open-source authenticator extension, measured earlier on this machine, not by this run.`],
      data: REFERENCE,
    });
  },
};
