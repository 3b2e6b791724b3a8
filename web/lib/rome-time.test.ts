import { describe, expect, it } from 'vitest';
import { romeDateTime, romeDay } from './rome-time';

// 23:30 UTC on 3 December is 00:30 on 4 December in Rome (CET, UTC+1); in July (CEST, UTC+2)
// 22:30 UTC is already the next day. The process's own time zone must not matter.
describe('Rome time', () => {
  it('names the day in Rome, not the UTC day, across midnight in winter and summer', () => {
    expect(romeDay('2026-12-03T23:30:00Z', 'it', 'short')).toBe('04/12/26');
    expect(romeDay('2026-12-03T22:30:00Z', 'it')).toBe('3 dicembre 2026');
    expect(romeDay('2026-07-03T22:30:00Z', 'it', 'long')).toBe('4 luglio 2026');
    expect(romeDay('2026-07-03T22:30:00Z', 'en', 'long')).toBe('July 4, 2026');
  });

  it('gives the time on Rome\'s clock', () => {
    expect(romeDateTime('2026-12-03T23:30:00Z', 'it')).toMatch(/^4 dicembre 2026.*00:30$/);
    expect(romeDateTime('2026-07-03T22:30:00Z', 'en', 'medium')).toMatch(/^Jul 4, 2026.*12:30\sAM$/);
  });
});
