/**
 * The tables `npm run bench` prints, in order. A measurement adds rows to any of them; a new
 * kind of result gets a new entry here.
 */
export const BENCH_TABLES = {
  startup: {
    title: 'Start-up and running cost (times in ms from navigation start; heap in MB = 10^6 bytes)',
    columns: ['page', 'first code median', 'min', 'max', 'floor median', 'floor min', 'floor max', 'ratio', 'heap after GC', 'idle ms/s'],
  },
  enroll: {
    title: 'Cognito enrollment and unlocking (ms)',
    columns: ['path', 'median', 'min', 'max', 'runs', 'requests per enrollment'],
  },
  actions: {
    title: 'Imports and filling (ms, median of the counted runs; target from the issue, checked under Budgets)',
    columns: ['action', 'median', 'min', 'max', 'runs', 'target'],
  },
  bytes: {
    title: 'Bytes a page loads (kB = 1000 bytes; gzip -9 per file)',
    columns: ['page', 'kind', 'files', 'raw kB', 'gzip kB'],
  },
} as const;

export type TableName = keyof typeof BENCH_TABLES;
export type ColumnOf<T extends TableName> = (typeof BENCH_TABLES)[T]['columns'][number];

/** One row: a cell per column, by column name ('' or absent cells print as a dash). */
export type TableRow = { [T in TableName]: { readonly table: T; readonly cells: Partial<Record<ColumnOf<T>, string>> } }[TableName];
