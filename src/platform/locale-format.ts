/** Numbers, dates and times as one language writes them, through Intl. */
export interface LocaleFormat {
  /** The BCP 47 tag the text is formatted for. */
  readonly language: string;
  /** A count or other number in a sentence: 3000000 is "3,000,000" in en and ja, "30,00,000" in en-IN. */
  number(value: number): string;
  /**
   * A moment (ms since the epoch) as a date and a time of day, in the local time zone unless the format was made
   * for another: "November 20, 2026 at 10:00 AM" (en), "2026年11月20日 10:00" (ja).
   */
  dateTime(ms: number): string;
}

/**
 * The formats of `language` (a BCP 47 tag; the pages pass `pageLanguage`, see src/platform/i18n.ts). `timeZone`
 * (an IANA name) defaults to the system's; tests fix it. The Intl formatters are made on first use: the popup
 * formats no date.
 */
export function localeFormat(language: string, timeZone?: string): LocaleFormat {
  let numbers: Intl.NumberFormat | undefined;
  let dateTimes: Intl.DateTimeFormat | undefined;
  return {
    language,
    number: (value) => (numbers ??= new Intl.NumberFormat(language)).format(value),
    dateTime: (ms) => (dateTimes ??= new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', ...(timeZone === undefined ? {} : { timeZone }) })).format(ms),
  };
}
