import { escapePointerToken } from '../paths.js';
import type { Problem } from '../types.js';
import { LIMITS } from '../limits.js';

// A quantified group whose body is itself quantified, e.g. (a+)+ or (\d*)*: the classic shape
// of catastrophic backtracking. A heuristic, not a proof; it keeps the obvious traps out of a
// validator that runs on anonymous input.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

function checkPattern(pattern: unknown, pointer: string, problems: Problem[]): void {
  if (typeof pattern !== 'string') return;
  if (pattern.length > LIMITS.patternLength) {
    problems.push({ pointer, code: 'limit.patternLength', message: `Pattern longer than ${LIMITS.patternLength} characters`, params: { limit: LIMITS.patternLength } });
    return;
  }
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    problems.push({ pointer, code: 'schema.invalidPattern', message: `Invalid regular expression: ${e instanceof Error ? e.message : String(e)}`, params: { pattern } });
    return;
  }
  if (NESTED_QUANTIFIER.test(pattern)) {
    problems.push({ pointer, code: 'schema.unsafePattern', message: 'The regular expression repeats a repeated group and could take exponential time', params: { pattern } });
  }
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
          for (const p of Object.keys(value)) checkPattern(p, `${at}/${p}`, problems);
        }
        stack.push([value, at]);
      }
    }
  }
}
