/**
 * Deterministic randomness for the benchmark: a seeded PRNG (sfc32, seeded through splitmix32),
 * strings matching a regular expression, and valid Italian identifiers with real check
 * characters (codice fiscale, partita IVA, IBAN), computed here and checked against the engine's
 * own format functions by the generator.
 */

function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed) {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    next,
    /** Integer in [lo, hi], both included. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    bool: (p = 0.5) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A new independent generator derived from this one. */
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
  return rng;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

// --- Codice fiscale (DM 23/12/1976): check character from the odd/even tables mod 26.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
export function mod26Check(chars) {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    const ordinal = code <= 57 ? code - 48 : code - 65;
    sum += i % 2 === 0 ? ODD[ordinal] : ordinal;
  }
  return String.fromCharCode(65 + (sum % 26));
}

const MONTHS = 'ABCDEHLMPRST';
const OMOCODIA = 'LMNPQRSTUV';

export function codiceFiscale(rng, { omocodia = false } = {}) {
  let s = '';
  for (let i = 0; i < 6; i++) s += rng.pick(UPPER);
  s += String(rng.int(0, 99)).padStart(2, '0');
  s += rng.pick(MONTHS);
  const day = rng.int(1, 28) + (rng.bool() ? 40 : 0);
  s += String(day).padStart(2, '0');
  s += rng.pick('ABCDEFGHILM') + String(rng.int(1, 999)).padStart(3, '0');
  if (omocodia) {
    const chars = s.split('');
    chars[14] = OMOCODIA[Number(chars[14])];
    s = chars.join('');
  }
  return s + mod26Check(s);
}

// --- Partita IVA: Luhn variant of the Agenzia delle Entrate.
export function partitaIvaCheck(first10) {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = first10.charCodeAt(i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function partitaIva(rng) {
  let s = '';
  for (let i = 0; i < 7; i++) s += rng.pick(DIGITS);
  s = (s === '0000000' ? '1234567' : s) + String(rng.int(1, 100)).padStart(3, '0');
  return s + partitaIvaCheck(s);
}

// --- IBAN (ISO 13616, MOD 97-10), Italian layout: CIN + ABI + CAB + 12-character account.
function mod97(s) {
  let rest = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    rest = code <= 57 ? (rest * 10 + code - 48) % 97 : (rest * 100 + code - 55) % 97;
  }
  return rest;
}

export function ibanItaliano(rng) {
  let body = '';
  for (let i = 0; i < 10; i++) body += rng.pick(DIGITS);
  for (let i = 0; i < 12; i++) body += rng.pick(DIGITS);
  const bban = mod26Check(body) + body;
  let check = 98 - mod97(bban + 'IT00');
  return 'IT' + String(check).padStart(2, '0') + bban;
}

export function cap(rng) {
  return String(rng.int(10, 98168)).padStart(5, '0');
}

export function telefono(rng) {
  if (rng.bool(0.7)) {
    let s = '3';
    for (let i = 0; i < 9; i++) s += rng.pick(DIGITS);
    return s;
  }
  let s = '0' + rng.pick('123456789');
  for (let i = 0; i < rng.int(5, 8); i++) s += rng.pick(DIGITS);
  return s;
}

const DAY_MS = 86_400_000;
export function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
export function dateMs(iso) {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
}
export function addDays(iso, days) {
  return isoDate(dateMs(iso) + days * DAY_MS);
}

const WORDS = ['Roma', 'Milano', 'Napoli', 'Torino', 'Bari', 'Via Garibaldi', 'Piazza Duomo', 'Mario', 'Giulia', 'Rossi',
  'Bianchi', 'Esposito', 'Russo', 'Ferrari', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti',
  'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Anna', 'Luca', 'Sara', 'Paolo', 'Chiara'];

/** A readable string of length in [min, max]. */
export function text(rng, min = 1, max = 40) {
  const target = rng.int(Math.max(min, 1), Math.max(Math.min(max, Math.max(min, 1) + 30), Math.max(min, 1)));
  let s = rng.pick(WORDS);
  while (s.length < target) s += ' ' + rng.pick(WORDS).toLowerCase();
  s = s.slice(0, target).trimEnd();
  while (s.length < target) s += 'a';
  return s;
}

// --- Strings matching a regular expression: a small generator for the syntax data schemas use
// (literals, escapes, classes, groups with alternatives, quantifiers). Anything else (lookaround,
// back-references) throws, and the caller falls back to other candidates.

const PRINTABLE = [];
for (let c = 32; c < 127; c++) PRINTABLE.push(String.fromCharCode(c));
const ACCENTED = ['à', 'è', 'é', 'ì', 'ò', 'ù'];

function classChars(name) {
  switch (name) {
    case 'd': return DIGITS.split('');
    case 'w': return (UPPER + UPPER.toLowerCase() + DIGITS + '_').split('');
    case 's': return [' '];
    case 'D': return PRINTABLE.filter((c) => !/\d/.test(c));
    case 'W': return PRINTABLE.filter((c) => !/\w/.test(c));
    case 'S': return PRINTABLE.filter((c) => c !== ' ');
    default: return null;
  }
}

function parseRegex(src) {
  let i = 0;
  const peek = () => src[i];
  const parseAlt = () => {
    const alts = [parseSeq()];
    while (peek() === '|') { i++; alts.push(parseSeq()); }
    return { t: 'alt', alts };
  };
  const parseSeq = () => {
    const items = [];
    while (i < src.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      if (atom === null) continue;
      items.push(parseQuant(atom));
    }
    return { t: 'seq', items };
  };
  const parseQuant = (atom) => {
    let min = 1, max = 1;
    const c = peek();
    if (c === '?') { min = 0; max = 1; i++; }
    else if (c === '*') { min = 0; max = 4; i++; }
    else if (c === '+') { min = 1; max = 5; i++; }
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return atom;
      min = +m[1];
      max = m[2] === undefined ? min : m[3] === '' ? min + 4 : +m[3];
      i += m[0].length;
    } else return atom;
    if (peek() === '?') i++;
    return { t: 'rep', atom, min, max };
  };
  const parseEscape = () => {
    const c = src[i++];
    const cls = classChars(c);
    if (cls) return { t: 'set', chars: cls };
    if (c === 'b' || c === 'B') return null;
    if (/\d/.test(c)) throw new Error('back-reference');
    if (c === 'n') return { t: 'set', chars: ['\n'] };
    if (c === 't') return { t: 'set', chars: ['\t'] };
    if (c === 'u') {
      const hex = src.slice(i, i + 4); i += 4;
      return { t: 'set', chars: [String.fromCharCode(parseInt(hex, 16))] };
    }
    if (c === 'p' || c === 'P') {
      const m = /^\{[^}]*\}/.exec(src.slice(i)); i += m ? m[0].length : 0;
      return { t: 'set', chars: (UPPER + UPPER.toLowerCase()).split('') };
    }
    return { t: 'set', chars: [c] };
  };
  const parseClass = () => {
    let negate = false;
    if (peek() === '^') { negate = true; i++; }
    const chars = [];
    let first = true;
    while (i < src.length && (peek() !== ']' || first)) {
      first = false;
      let c = src[i++];
      let set;
      if (c === '\\') {
        const e = src[i++];
        const cls = classChars(e);
        if (cls) { chars.push(...cls); continue; }
        c = e === 'n' ? '\n' : e === 't' ? '\t' : e;
      }
      if (peek() === '-' && src[i + 1] !== ']' && src[i + 1] !== undefined) {
        i++;
        let hi = src[i++];
        if (hi === '\\') hi = src[i++];
        for (let k = c.charCodeAt(0); k <= hi.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
        continue;
      }
      set = [c];
      chars.push(...set);
    }
    i++; // ]
    if (!negate) return { t: 'set', chars };
    const excluded = new Set(chars);
    return { t: 'set', chars: [...PRINTABLE, ...ACCENTED].filter((c) => !excluded.has(c)) };
  };
  const parseAtom = () => {
    const c = src[i++];
    if (c === '^' || c === '$') return null;
    if (c === '\\') return parseEscape();
    if (c === '[') return parseClass();
    if (c === '.') return { t: 'set', chars: PRINTABLE.filter((x) => x !== '\n') };
    if (c === '(') {
      if (src[i] === '?') {
        if (src[i + 1] === ':') i += 2;
        else if (src[i + 1] === '<' && src[i + 2] !== '=' && src[i + 2] !== '!') { i = src.indexOf('>', i) + 1; }
        else throw new Error('lookaround');
      }
      const node = parseAlt();
      i++; // )
      return node;
    }
    return { t: 'set', chars: [c] };
  };
  const ast = parseAlt();
  if (i < src.length) throw new Error('unparsed regex');
  return ast;
}

function emit(node, rng, out) {
  switch (node.t) {
    case 'alt': emit(rng.pick(node.alts), rng, out); break;
    case 'seq': for (const item of node.items) emit(item, rng, out); break;
    case 'rep': {
      const n = rng.int(node.min, node.max);
      for (let k = 0; k < n; k++) emit(node.atom, rng, out);
      break;
    }
    case 'set': out.push(rng.pick(node.chars)); break;
  }
}

const astCache = new Map();
/** A string matching `pattern` (as JSON Schema reads it: unanchored, unicode) within length bounds, or undefined. */
export function matching(rng, pattern, minLength = 0, maxLength = Infinity, tries = 200) {
  let ast = astCache.get(pattern);
  if (ast === undefined) {
    try { ast = parseRegex(pattern); } catch { ast = null; }
    astCache.set(pattern, ast);
  }
  const re = new RegExp(pattern, 'u');
  for (let k = 0; k < tries; k++) {
    let s;
    if (ast) { const out = []; emit(ast, rng, out); s = out.join(''); } else s = text(rng, minLength, Math.min(maxLength, 40));
    if (s.length >= minLength && s.length <= maxLength && re.test(s)) return s;
  }
  return undefined;
}
