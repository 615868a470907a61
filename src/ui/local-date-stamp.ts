/**
 * The calendar date of `ms` (ms since the epoch) in the local time zone, as ISO 8601 `YYYY-MM-DD`: the date
 * people expect in a file name they save today, and one that sorts.
 */
export function localDateStamp(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}
