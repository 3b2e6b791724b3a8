import { RE2JS } from 're2js';

/**
 * Designers' regular expressions (`pattern`, `patternProperties`) run on anonymous input, in the
 * browser on every keystroke and on the server at submission: they are matched by re2js, a
 * linear-time engine (no backtracking), so no pattern can take exponential time, whatever a
 * designer writes: `(a|a)*$`, `\d*\d*\d*x` and `^([a-z]|[a-z0-9])*!$` stay linear in the input.
 * JavaScript syntax (`\u00e0`, named groups, `[^]`, ...) is translated to RE2's first.
 * What RE2 cannot express in linear time (backreferences, lookahead and lookbehind) is refused
 * at compile time (`schema.unsupportedPattern`), never run by a backtracking engine.
 */
export interface LinearRegExp {
  test(input: string): boolean;
  /** Ajv keys its compiled patterns by this text. */
  toString(): string;
}

/** The pattern as re2js runs it; throws (RE2JSSyntaxException) when RE2 cannot express it. */
export function linearRegExp(pattern: string): LinearRegExp {
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  return { test: (input: string) => re.test(input), toString: () => `/${pattern}/u` };
}

export type PatternVerdict = { ok: true } | { ok: false; code: 'schema.invalidPattern' | 'schema.unsupportedPattern'; detail: string };

/**
 * Whether a designer's pattern can be used: valid as JSON Schema (ECMA-262, unicode) and
 * expressible by the linear-time engine. A pattern RE2 refuses is one that needs backtracking.
 */
export function judgePattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, 'u'); // compiling only (no matching): linear in the pattern's length
  } catch (e) {
    return { ok: false, code: 'schema.invalidPattern', detail: e instanceof Error ? e.message : String(e) };
  }
  try {
    linearRegExp(pattern);
    return { ok: true };
  } catch (e) {
    return { ok: false, code: 'schema.unsupportedPattern', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** Ajv's `code.regExp` option: Ajv compiles every `pattern` and `patternProperties` key with it. */
export const ajvRegExp = Object.assign((pattern: string, _flags: string) => linearRegExp(pattern), { code: 'linearRegExp' });
