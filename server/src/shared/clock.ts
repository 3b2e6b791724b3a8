import { romeDate } from '@sportello/schemas';

/** The current time, injectable so date-dependent rules (today's date, the year) are testable. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

// Rome's date comes from the engine's package, so the wizard in the browser and the server agree
// on "today" (the engine's date rules) whatever the time zone of either.
export { romeDate };

export function romeYear(at: Date): number {
  return Number(romeDate(at).slice(0, 4));
}
