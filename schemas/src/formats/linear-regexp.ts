import { nativeLinear } from './native-linear.js';

/**
 * Designers' regular expressions (`pattern`, `patternProperties`) run on anonymous input, in the
 * browser on every keystroke and on the server at submission: they are matched in linear time,
 * so no pattern can take exponential time, whatever a designer writes: `(a|a)*$`, `\d*\d*\d*x`
 * and `^([a-z]|[a-z0-9])*!$` stay linear in the input. Server, builder and wizard alike run the
 * patterns of native-linear.ts's grammar on the native RegExp (linear there too, same meaning) and
 * every other one on re2js, a linear-time engine (re2.ts); the wizard's runtime loads re2js only
 * for a definition with such a pattern (runtime.ts).
 * JavaScript syntax (`\u00e0`, named groups, `[^]`, ...) is translated to RE2's first.
 * What RE2 cannot express in linear time (backreferences, lookahead and lookbehind) is refused
 * at compile time (`schema.unsupportedPattern`), never run by a backtracking engine.
 */
export interface LinearRegExp {
  test(input: string): boolean;
  /** Ajv keys its compiled patterns by this text. */
  toString(): string;
}

/** How a compile turns a pattern into a LinearRegExp; throws when it cannot run it in linear time. */
export type PatternEngine = (pattern: string) => LinearRegExp;

/** Patterns of native-linear.ts's grammar on the native RegExp, the others on `fallback` (or refused). */
export function nativeWhenLinear(fallback?: PatternEngine): PatternEngine {
  return (pattern) => {
    const re = nativeLinear(pattern);
    if (re) return { test: (input: string) => re.test(input), toString: () => `/${pattern}/u` };
    if (fallback) return fallback(pattern);
    throw new Error(`pattern ${JSON.stringify(pattern)} needs the linear-time engine (re2js), which is not loaded`);
  };
}

/** Ajv's `code.regExp` option: Ajv compiles every `pattern` and `patternProperties` key with it. */
export const ajvRegExp = (engine: PatternEngine) => Object.assign((pattern: string, _flags: string) => engine(pattern), { code: 'linearRegExp' });
