import { BENCH_TABLES, type TableName, type TableRow } from './bench-tables.ts';
import type { BudgetCheck } from './measurement.ts';

const DASH = '-';

/** A Markdown table whose columns are padded to line up in a terminal too. */
function markdownTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${widths.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The tables (in BENCH_TABLES order, empty ones left out), the notes, then the budgets with PASS/FAIL. */
export function renderReport(rows: readonly TableRow[], notes: readonly string[], budgets: readonly BudgetCheck[]): string {
  const parts: string[] = [];
  for (const name of Object.keys(BENCH_TABLES) as TableName[]) {
    const { title, columns } = BENCH_TABLES[name];
    const mine = rows.filter((row) => row.table === name);
    if (mine.length === 0) continue;
    const cells = mine.map((row) => columns.map((column) => (row.cells as Partial<Record<string, string>>)[column] || DASH));
    parts.push(`### ${title}\n\n${markdownTable(columns, cells)}`);
  }
  if (notes.length > 0) parts.push(notes.map((note) => `- ${note}`).join('\n'));
  const verdicts = budgets.map((b) => [b.pass ? 'PASS' : 'FAIL', b.name, b.limit, b.measured]);
  parts.push(`### Budgets\n\n${markdownTable(['result', 'budget', 'limit', 'measured'], verdicts)}`);
  return parts.join('\n\n');
}
