/** The current time, injectable so date-dependent rules (today's date, the year) are testable. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in Italy (YYYY-MM-DD): the Enti's "today" for deadlines, ISEE validity and
 * the year of a pratica's code, whatever the server's own time zone.
 */
export function romeDate(at: Date): string {
  // Rome is a whole number of hours from UTC (DST changes at 01:00 UTC), so its date is the
  // same for a whole UTC hour: formatting (Intl, tens of microseconds) once an hour is enough.
  const hour = Math.floor(at.getTime() / 3_600_000);
  if (hour !== lastHour) {
    lastDate = romeDay.format(at);
    lastHour = hour;
  }
  return lastDate;
}

let lastHour = Number.NaN;
let lastDate = '';

export function romeYear(at: Date): number {
  return Number(romeDate(at).slice(0, 4));
}
