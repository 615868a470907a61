// The PASSWORD_VERIFIER TIMESTAMP, "EEE MMM d HH:mm:ss z yyyy" in English and UTC, day not zero-padded
// (docs/cognito-facts.md, "SRP"). Cognito parses it leniently (Java SimpleDateFormat) and signs the value
// it formats back, so a padded day or a weekday that does not match the date parses but then fails the signature
// check (NotAuthorizedException), while text that does not parse at all is an InvalidParameterException.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const PATTERN = /^([A-Za-z]{3}) ([A-Za-z]{3}) (\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2}) UTC (\d{4})$/;

const two = (n: number): string => String(n).padStart(2, '0');

/** Formats an epoch time (ms) the way Cognito expects it, e.g. "Tue Nov 3 07:05:09 UTC 2026". */
export function formatSrpTimestamp(epochMs: number): string {
  const d = new Date(epochMs);
  const weekday = WEEKDAYS[d.getUTCDay()] ?? '';
  const month = MONTHS[d.getUTCMonth()] ?? '';
  return `${weekday} ${month} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * Parses a TIMESTAMP leniently and returns the canonical string the signature is checked against,
 * or undefined when it does not have the format at all.
 */
export function canonicalSrpTimestamp(text: string): string | undefined {
  const match = PATTERN.exec(text);
  if (match === null) return undefined;
  const [, weekday = '', month = '', day, hours, minutes, seconds, year] = match;
  const monthIndex = MONTHS.findIndex((m) => m.toLowerCase() === month.toLowerCase());
  const weekdayKnown = WEEKDAYS.some((w) => w.toLowerCase() === weekday.toLowerCase());
  if (monthIndex < 0 || !weekdayKnown) return undefined;
  const epochMs = Date.UTC(Number(year), monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds));
  return formatSrpTimestamp(epochMs);
}
