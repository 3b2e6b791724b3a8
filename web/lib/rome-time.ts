/**
 * Dates and times as the Ente reads them: on Rome's clock, whatever the time zone of the server
 * that renders the page or of the citizen's browser. A service published or a pratica submitted
 * at 00:30 in Rome belongs to that day, not to the UTC day before (issue 13: one clock, Rome's).
 */
const ROME = 'Europe/Rome';

type Style = 'short' | 'medium' | 'long';

/** The day and the time, e.g. "4 dicembre 2026 alle ore 00:30". */
export function romeDateTime(when: string | Date, language: string, style: Style = 'long'): string {
  return new Date(when).toLocaleString(language, { timeZone: ROME, dateStyle: style, timeStyle: 'short' });
}

/** The day alone, e.g. "04/12/2026" (short) or "4 dicembre 2026" (long). */
export function romeDay(when: string | Date, language: string, style: Style = 'long'): string {
  return new Date(when).toLocaleDateString(language, { timeZone: ROME, dateStyle: style });
}
