/** The current time, injectable so date-dependent rules (today's date, the year) are testable. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in Italy (YYYY-MM-DD): the Enti's "today" for deadlines, ISEE validity and
 * the year of a pratica's code, whatever the server's own time zone.
 */
export function romeDate(at: Date): string {
  return romeDay.format(at);
}

export function romeYear(at: Date): number {
  return Number(romeDate(at).slice(0, 4));
}
