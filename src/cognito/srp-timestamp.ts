const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer: Java's "EEE MMM d HH:mm:ss z yyyy" in English and UTC, e.g.
 * "Tue Nov 3 07:05:09 UTC 2026". The day of the month is NOT zero-padded (a padded day makes Cognito reject
 * the signature), hours/minutes/seconds are. Same as amazon-cognito-identity-js DateHelper.getNowString().
 * @param epochMs milliseconds since the Unix epoch (fractions of a second are dropped).
 * @throws {RangeError} when `epochMs` is not a valid time.
 */
export function formatSrpTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) throw new RangeError('SRP timestamp needs a valid time in ms');
  const weekday = WEEKDAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${weekday} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}
