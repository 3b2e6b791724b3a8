/**
 * The designers' patterns that JavaScript's own RegExp may run: a small grammar on which a
 * backtracking engine is provably linear, and whose meaning is the same in JavaScript (`u` flag)
 * and in RE2 (re2js, which runs every other pattern). The wizard then needs re2js (~45 KB
 * gzipped) only for a definition with a pattern outside it (linear-regexp.ts, runtime.ts); the
 * server runs the same choice, which also spares it re2js's cost on the common patterns.
 *
 * The grammar: optional `^`, a sequence of single-character atoms each with an optional greedy
 * quantifier (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, m <= 1000), optional `$` at the very end.
 * Atoms: a printable ASCII character that is not a syntax character, `\d`, `\w`, an escaped
 * syntax character, or a class `[...]`/`[^...]` of such characters and ranges between them.
 * Left out on purpose, because the two engines read them differently: `.`, `\s`, `\b`, POSIX
 * classes, non-ASCII characters; and groups, alternation and lazy quantifiers, so that no
 * alternative can be tried twice.
 *
 * Why linear: without groups or alternation, backtracking only chooses how many characters each
 * quantified atom takes. Anchored (`^`), there is one start position and the choices are at most
 * (n + 1) for one unbounded quantifier times the product of (max - min + 1) over the bounded
 * ones; unanchored, each of the n start positions tries at most that product. So: at most one
 * unbounded quantifier, and only when anchored, and a product of at most 1000.
 */
const SYNTAX = '^$\\.*+?()[]{}|';
/** What `\` may precede (besides d and w): with the `u` flag, only these (and `-` in a class). */
const ESCAPABLE = `${SYNTAX}/`;
const MAX_CHOICES = 1000;
const MAX_REPEAT = 1000;

const printable = (c: string | undefined) => c !== undefined && c >= ' ' && c <= '~';
const literal = (c: string | undefined) => printable(c) && !SYNTAX.includes(c!);

/** End index of the atom at i (a class included), or -1 when it is not in the grammar. */
function atomEnd(p: string, i: number): number {
  const c = p[i];
  if (c === '\\') return p[i + 1] === 'd' || p[i + 1] === 'w' || ESCAPABLE.includes(p[i + 1] ?? 'x') ? i + 2 : -1;
  if (c === '[') return classEnd(p, i);
  return literal(c) ? i + 1 : -1;
}

/** One character of a class at i: [end, the character] ('' for \d and \w, which cannot bound a range), or undefined. */
function classChar(p: string, i: number): [number, string] | undefined {
  const c = p[i];
  if (c === '\\') {
    const e = p[i + 1];
    if (e === 'd' || e === 'w') return [i + 2, ''];
    return e !== undefined && (ESCAPABLE.includes(e) || e === '-') ? [i + 2, e] : undefined;
  }
  return printable(c) && c !== ']' && c !== '[' && c !== '^' && c !== '-' ? [i + 1, c!] : undefined;
}

function classEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === '-') i++; // a leading dash is a dash
  let items = i > start + 1 && p[i - 1] === '-' ? 1 : 0;
  while (p[i] !== ']') {
    const first = classChar(p, i);
    if (!first) return p[i] === '-' && p[i + 1] === ']' && items > 0 ? i + 2 : -1; // a trailing dash is a dash
    i = first[0];
    if (p[i] === '-' && p[i + 1] !== ']') {
      const last = classChar(p, i + 1);
      if (!last || first[1] === '' || last[1] === '' || first[1] > last[1]) return -1;
      i = last[0];
      if (p[i] === '-' && p[i + 1] !== ']') return -1; // a-b-c: read differently by the two engines
    }
    items++;
  }
  return items > 0 ? i + 1 : -1;
}

/** The quantifier at i: [end, min, max], max Infinity when unbounded; none is [i, 1, 1]; undefined when malformed. */
function quantifier(p: string, i: number): [number, number, number] | undefined {
  const c = p[i];
  let q: [number, number, number] | undefined;
  if (c === '?') q = [i + 1, 0, 1];
  else if (c === '*') q = [i + 1, 0, Infinity];
  else if (c === '+') q = [i + 1, 1, Infinity];
  else if (c === '{') {
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(p.slice(i));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (min > MAX_REPEAT || (max !== Infinity && (max > MAX_REPEAT || max < min))) return undefined;
    q = [i + m[0].length, min, max];
  } else return [i, 1, 1];
  return p[q[0]] === '?' || p[q[0]] === '+' || p[q[0]] === '*' || p[q[0]] === '{' ? undefined : q;
}

/** The pattern as a native RegExp (`u`), when it is in the grammar above; otherwise undefined. */
export function nativeLinear(pattern: string): RegExp | undefined {
  const anchored = pattern.startsWith('^');
  let i = anchored ? 1 : 0;
  let unbounded = 0;
  let choices = 1;
  while (i < pattern.length) {
    if (pattern[i] === '$' && i === pattern.length - 1) break;
    const end = atomEnd(pattern, i);
    if (end < 0) return undefined;
    const q = quantifier(pattern, end);
    if (!q) return undefined;
    if (q[2] === Infinity) unbounded++;
    else choices *= q[2] - q[1] + 1;
    if (unbounded > (anchored ? 1 : 0) || choices > MAX_CHOICES) return undefined;
    i = q[0];
  }
  return new RegExp(pattern, 'u');
}
