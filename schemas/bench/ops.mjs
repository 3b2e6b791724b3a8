/**
 * The operators Sportello adds to JSON Logic (days_between, years_between, round, floor, ceil,
 * abs, ??, length), with the engine's semantics (schemas/src/logic/operators.ts), plus the data
 * formats, for the other tools: registered as json-logic-js operations for Form.io and as
 * functions for SurveyJS, which is how each documents extending its rule language.
 */
import formatsModule from 'ajv-formats/dist/formats.js';

const { fullFormats } = formatsModule;
const DAY_MS = 86_400_000;

function toNumber(value) {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error('not a number');
  return n;
}

export function parseIsoDate(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('not a date');
  const t = Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8, 10));
  if (Number.isNaN(t)) throw new Error('not a date');
  return t;
}

export const customOps = {
  round: (value, digits) => {
    const factor = 10 ** (digits === undefined ? 0 : toNumber(digits));
    const x = toNumber(value) * factor;
    return (Math.sign(x) * Math.round(Math.abs(x) + 1e-9)) / factor;
  },
  floor: (v) => Math.floor(toNumber(v)),
  ceil: (v) => Math.ceil(toNumber(v)),
  abs: (v) => Math.abs(toNumber(v)),
  days_between: (a, b) => Math.round((parseIsoDate(b) - parseIsoDate(a)) / DAY_MS),
  years_between: (a, b) => {
    const from = new Date(parseIsoDate(a));
    const to = new Date(parseIsoDate(b));
    let years = to.getUTCFullYear() - from.getUTCFullYear();
    if (to.getUTCMonth() < from.getUTCMonth() || (to.getUTCMonth() === from.getUTCMonth() && to.getUTCDate() < from.getUTCDate())) years -= 1;
    return years;
  },
  '??': (a, b) => (a === null || a === undefined ? b : a),
  length: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0),
};

/** Format checks: Ajv's own (ajv-formats, full mode) and the engine's Italian ones. */
export function formatChecks(italianFormats) {
  const out = {};
  for (const [name, f] of Object.entries(fullFormats)) {
    const check = typeof f === 'function' ? f : f instanceof RegExp ? (s) => f.test(s) : f && typeof f.validate === 'function' ? f.validate : f && f.validate instanceof RegExp ? (s) => f.validate.test(s) : null;
    if (check) out[name] = check;
  }
  Object.assign(out, italianFormats);
  return out;
}

/** JSON Logic truthiness (jsonlogic.com): empty arrays are false. */
export function truthy(v) {
  return Array.isArray(v) ? v.length > 0 : !!v;
}

/** Helpers for logic-js.mjs: JSON Logic operators with json-logic-engine's semantics. */
export function jsHelpers() {
  const num = (v) => (typeof v === 'number' ? v : Number(v));
  const ops = {
    '==': (a, b) => a == b,
    '===': (a, b) => a === b,
    '!=': (a, b) => a != b,
    '!==': (a, b) => a !== b,
    '!': (a) => !truthy(a),
    '!!': (a) => truthy(a),
    '<': (a, b, c) => (c === undefined ? a < b : a < b && b < c),
    '<=': (a, b, c) => (c === undefined ? a <= b : a <= b && b <= c),
    '>': (a, b) => a > b,
    '>=': (a, b) => a >= b,
    '+': (...xs) => xs.reduce((s, x) => s + num(x), 0),
    '*': (...xs) => xs.reduce((s, x) => s * num(x), 1),
    '-': (a, b) => (b === undefined ? -num(a) : num(a) - num(b)),
    '/': (a, b) => num(a) / num(b),
    '%': (a, b) => num(a) % num(b),
    max: (...xs) => Math.max(...xs.map(num)),
    min: (...xs) => Math.min(...xs.map(num)),
    in: (a, b) => (Array.isArray(b) || typeof b === 'string' ? b.includes(a) : false),
    cat: (...xs) => xs.map((x) => (x === null || x === undefined ? '' : String(x))).join(''),
    merge: (...xs) => xs.flat(),
    ...customOps,
  };
  return {
    op: (name, args) => {
      const f = ops[name];
      if (!f) throw new Error(`Unknown operator ${name}`);
      return f(...args);
    },
    truthy,
    and: (thunks) => { let v = true; for (const t of thunks) { v = t(); if (!truthy(v)) return v; } return v; },
    or: (thunks) => { let v = false; for (const t of thunks) { v = t(); if (truthy(v)) return v; } return v; },
    add: ([a, b]) => num(a) + num(b),
    list: (v) => (Array.isArray(v) ? v : []),
    dflt: (v, d) => (v === undefined || v === null ? d : v),
    get: (base, dotted) => {
      let cur = base;
      for (const part of dotted.split('.')) {
        if (cur === null || cur === undefined || typeof cur !== 'object') return null;
        cur = cur[part];
      }
      return cur === undefined ? null : cur;
    },
  };
}
