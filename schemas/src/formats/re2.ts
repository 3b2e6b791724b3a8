import { RE2JS } from 're2js';
import type { PatternEngine } from './linear-regexp.js';

/** Every pattern on re2js (linear time); throws (RE2JSSyntaxException) when RE2 cannot express it. */
export const re2Patterns: PatternEngine = (pattern) => {
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  return { test: (input: string) => re.test(input), toString: () => `/${pattern}/u` };
};
