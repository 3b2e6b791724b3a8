import { escapePointerToken } from '../paths.js';
import type { Problem } from '../types.js';
import { LIMITS } from '../limits.js';
import type { PatternEngine } from '../formats/linear-regexp.js';
import { re2Patterns } from '../formats/re2.js';

export type PatternVerdict = { ok: true } | { ok: false; code: 'schema.invalidPattern' | 'schema.unsupportedPattern'; detail: string };

/**
 * Whether a designer's pattern can be used: valid as JSON Schema (ECMA-262, unicode) and
 * expressible by the linear-time engine. A pattern RE2 refuses is one that needs backtracking.
 */
export function judgePattern(pattern: string, engine: PatternEngine): PatternVerdict {
  try {
    new RegExp(pattern, 'u'); // compiling only (no matching): linear in the pattern's length
  } catch (e) {
    return { ok: false, code: 'schema.invalidPattern', detail: e instanceof Error ? e.message : String(e) };
  }
  try {
    engine(pattern);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: 'schema.unsupportedPattern', detail: e instanceof Error ? e.message : String(e) };
  }
}

const HOW_TO_FIX: Record<string, string> = {
  'schema.invalidPattern': 'fix the regular expression (JavaScript syntax, as JSON Schema uses)',
  'schema.unsupportedPattern': 'rewrite it without backreferences (\\1) and without lookahead or lookbehind ((?=...), (?!...), (?<=...), (?<!...)): '
    + 'patterns are matched in linear time, which these constructs do not allow',
};

function checkPattern(pattern: unknown, pointer: string, problems: Problem[]): void {
  if (typeof pattern !== 'string') return;
  if (pattern.length > LIMITS.patternLength) {
    problems.push({ pointer, code: 'limit.patternLength', message: `Pattern longer than ${LIMITS.patternLength} characters`, params: { limit: LIMITS.patternLength } });
    return;
  }
  const verdict = judgePattern(pattern, re2Patterns); // what the server will run
  if (verdict.ok) return;
  const what = verdict.code === 'schema.invalidPattern' ? 'Invalid regular expression' : 'Regular expression not supported';
  problems.push({ pointer, code: verdict.code, message: `${what} "${pattern}" (${verdict.detail}): ${HOW_TO_FIX[verdict.code]}`, params: { pattern, detail: verdict.detail } });
}

/**
 * Finds every `pattern`, `patternProperties` key and `format` in a JSON Schema, iteratively.
 * Formats are checked here because Ajv, lenient on designers' extra keywords, would only log
 * an unknown one and then accept anything.
 */
export function checkPatterns(schema: unknown, basePointer: string, problems: Problem[], formats: ReadonlySet<string>): void {
  const stack: Array<[unknown, string]> = [[schema, basePointer]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, `${pointer}/${i}`]));
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointerToken(key)}`;
      if (key === 'pattern') checkPattern(value, at, problems);
      else if (key === 'format' && typeof value === 'string' && !formats.has(value)) {
        problems.push({ pointer: at, code: 'schema.unknownFormat', message: `Unknown format "${value}"`, params: { format: value, known: [...formats] } });
      }
      else if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
      else {
        if (key === 'patternProperties' && value && typeof value === 'object') {
          for (const p of Object.keys(value)) checkPattern(p, `${at}/${escapePointerToken(p)}`, problems);
        }
        stack.push([value, at]);
      }
    }
  }
}
