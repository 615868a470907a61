import type { DemoProfile } from './demo-profiles.ts';

const HEADER = ['Profile', 'Username', 'Password', 'What it shows'] as const;

/**
 * The demo's profiles and logins as a plain-text table for the terminal, one login per row,
 * columns padded to their widest cell (the last one is not padded).
 */
export function formatDemoTable(profiles: readonly DemoProfile[]): string {
  const rows = profiles.flatMap(({ profile, logins }) => logins.map((login) => [profile.name, login.username, login.password, login.shows] as const));
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}
