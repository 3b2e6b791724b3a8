const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

let lastHour = Number.NaN;
let lastDate = '';

/**
 * The calendar date in Italy (YYYY-MM-DD): the Enti's "today" for date rules, deadlines, ISEE
 * validity and the year of a pratica's code, whatever the time zone of the server or of the
 * citizen's device (a citizen abroad, or a phone set to UTC, must see the rules the server applies).
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
