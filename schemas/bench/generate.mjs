/**
 * Deterministic valid and invalid submissions of any service definition, from its data schema
 * and its rules.
 *
 * Valid: every field drawn from its schema (formats with real check characters, strings
 * matching patterns, numbers in range and biased toward the constants the rules compare them
 * with), then repaired against Sportello's evaluate until it reports no error (required-by-rule
 * fields filled, fields named by failing error rules redrawn), computed values written in, hidden
 * fields dropped as clean() does (except those the data schema itself requires), and checked
 * once more by evaluate and by plain Ajv on the data schema.
 *
 * Invalid: a valid submission with one or two data-schema constraints broken on fields that are
 * visible and not computed: type, range, pattern, format, enum, maxLength/minLength, a missing
 * statically required field, too many rows. Each is checked to be invalid for evaluate and Ajv.
 *
 * Rule-broken (optional): a valid submission with a few answers redrawn, still valid for the data
 * schema, that only Sportello's rules reject (see ruleBrokenOne).
 *
 * Usage: generateSuite(definition, { engine, n, seed, today, ruleBroken }) where engine is the
 * Sportello module ({ compile, evaluate, clean, italianFormats }), from dist or from src.
 * BENCH_DEBUG=1 in the environment prints why a draw had to restart.
 */
import { buildModel, clone, enumOf, fieldPathOfPointer, getAt, isHidden, listVarOf, pointerOf, setAt, typesOf, varsOf } from './model.mjs';
import { compileRaw } from './ajv-floor.mjs';
import * as R from './random.mjs';

export const DEFAULT_TODAY = '2026-11-25';

// ---------------------------------------------------------------------------------------------
// Hints: constants the rules compare each field with, so numbers and dates land on both sides.

const COMPARE = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in']);

function collectHints(model) {
  const hints = new Map();
  const add = (path, value) => {
    if (!hints.has(path)) hints.set(path, []);
    hints.get(path).push(value);
  };
  const visit = (node, group) => {
    if (Array.isArray(node)) { node.forEach((n) => visit(n, group)); return; }
    if (!node || typeof node !== 'object') return;
    const [op, arg] = Object.entries(node)[0] ?? [];
    if (op === undefined) return;
    const args = Array.isArray(arg) ? arg : [arg];
    if (COMPARE.has(op)) {
      const vars = args.flatMap((a) => (a && typeof a === 'object' && !Array.isArray(a) ? varsOf(a, model, group) : []));
      const consts = args.flatMap((a) => (typeof a === 'number' || typeof a === 'string' ? [a] : Array.isArray(a) ? a.filter((x) => typeof x !== 'object') : []));
      for (const v of vars) for (const c of consts) add(v, c);
    }
    args.forEach((a) => visit(a, group));
  };
  for (const rule of model.rules) {
    const field = rule.field ? model.fields.get(rule.field) : undefined;
    visit(rule.type === 'compute' ? rule.value : rule.when, field?.group);
  }
  const def = model.definition;
  if (def.fees) visit(def.fees.amount);
  if (def.ranking) {
    visit(def.ranking.score);
    for (const e of def.ranking.exclusions ?? []) visit(e.when);
  }
  return hints;
}

// ---------------------------------------------------------------------------------------------
// Values from schemas.

function numberBounds(schema, hintNums) {
  let lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : undefined);
  let hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : undefined);
  const top = hintNums.length ? Math.max(...hintNums.map(Math.abs)) : 0;
  if (lo === undefined) lo = 0;
  if (hi === undefined) hi = Math.max(lo + 100, top * 2 + 10, lo * 2);
  return [lo, hi];
}

function fitNumber(schema, x, integer) {
  const step = schema.multipleOf ?? (integer ? 1 : 0.01);
  let v = Math.round(x / step) * step;
  v = Number(v.toFixed(6));
  const [lo, hi] = [schema.minimum, schema.maximum];
  const exLo = schema.exclusiveMinimum, exHi = schema.exclusiveMaximum;
  for (let k = 0; k < 4; k++) {
    if (lo !== undefined && v < lo) v = Number((Math.ceil(lo / step) * step).toFixed(6));
    if (hi !== undefined && v > hi) v = Number((Math.floor(hi / step) * step).toFixed(6));
    if (exLo !== undefined && v <= exLo) v = Number((Math.floor(exLo / step) * step + step).toFixed(6));
    if (exHi !== undefined && v >= exHi) v = Number((Math.ceil(exHi / step) * step - step).toFixed(6));
  }
  return v;
}

function numberValue(rng, schema, hints, integer) {
  const nums = hints.filter((h) => typeof h === 'number');
  const [lo, hi] = numberBounds(schema, nums);
  let x;
  if (nums.length && rng.bool(0.45)) {
    const c = rng.pick(nums);
    const spread = Math.max(integer ? 1 : 0.5, Math.abs(c) * 0.15);
    x = c + (rng.next() * 2 - 1) * spread;
  } else if (rng.bool(0.1)) {
    x = rng.bool() ? lo : hi;
  } else if (lo >= 0 && hi - lo > 10_000) {
    // Wide ranges (incomes, amounts): log-uniform, so most values are plausible, not near the cap.
    x = lo + Math.expm1(rng.next() * Math.log1p(hi - lo));
  } else {
    x = lo + rng.next() * (hi - lo);
  }
  return fitNumber(schema, x, integer);
}

function dateValue(rng, hints, today) {
  const dates = hints.filter((h) => typeof h === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(h));
  const r = rng.next();
  if (dates.length && r < 0.3) return R.addDays(rng.pick(dates), rng.int(-60, 60));
  if (r < 0.5) return R.addDays(today, rng.int(-90, 90));
  return R.addDays(today, -rng.int(0, 85 * 365));
}

function stringForFormat(rng, format, schema, hints, today) {
  switch (format) {
    case 'date': return dateValue(rng, hints, today);
    case 'date-time': return `${dateValue(rng, hints, today)}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
    case 'time': return `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
    case 'email': return `${R.text(rng, 3, 10).toLowerCase().replace(/[^a-z]/g, '') || 'utente'}${rng.int(1, 999)}@esempio.it`;
    case 'uri': case 'url': return `https://www.comune.esempio.it/${rng.int(1, 9999)}`;
    case 'codice-fiscale': return rng.bool(0.95) ? R.codiceFiscale(rng, { omocodia: rng.bool(0.1) }) : R.partitaIva(rng);
    case 'partita-iva': return R.partitaIva(rng);
    case 'iban': return R.ibanItaliano(rng);
    case 'cap': return R.cap(rng);
    case 'telefono': return R.telefono(rng);
    default: return undefined;
  }
}

export class GenerationError extends Error {}

function scalarValue(rng, field, ctx) {
  const { schema } = field;
  const hints = ctx.hints.get(field.path) ?? [];
  const values = enumOf(schema);
  if (values) return clone(rng.pick(values));
  const types = typesOf(schema);
  const type = types.length ? rng.pick(types) : 'string';
  switch (type) {
    case 'boolean': return rng.bool();
    case 'integer': return numberValue(rng, schema, hints, true);
    case 'number': return numberValue(rng, schema, hints, false);
    case 'null': return null;
    case 'string': {
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? Infinity;
      if (schema.format) {
        const re = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
        for (let k = 0; k < 50; k++) {
          const v = stringForFormat(rng, schema.format, schema, hints, ctx.today);
          if (v === undefined) throw new GenerationError(`No generator for format "${schema.format}" (${field.path})`);
          if ((!re || re.test(v)) && v.length >= min && v.length <= max) return v;
        }
        throw new GenerationError(`Cannot generate format "${schema.format}" within the pattern and lengths of ${field.path}`);
      }
      if (schema.pattern) {
        const v = R.matching(rng, schema.pattern, min, max);
        if (v === undefined) throw new GenerationError(`Cannot generate a string matching ${schema.pattern} (${field.path})`);
        return v;
      }
      const strings = hints.filter((h) => typeof h === 'string');
      if (strings.length && rng.bool(0.3)) {
        const s = rng.pick(strings);
        if (s.length >= min && s.length <= max) return s;
      }
      return R.text(rng, Math.max(min, 1), Math.min(max, 60));
    }
    default: return undefined;
  }
}

function listValue(rng, field, ctx) {
  const { schema } = field;
  const items = schema.items ?? {};
  const min = schema.minItems ?? 0;
  const max = Math.min(schema.maxItems ?? 4, Math.max(min, 4));
  const values = enumOf(items);
  const n = rng.int(Math.max(min, values ? 1 : 0), Math.max(min, values ? Math.min(max, values.length) : max));
  if (values) {
    const pool = [...values];
    const out = [];
    while (out.length < n && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
    return out;
  }
  const out = [];
  for (let k = 0; k < n; k++) out.push(scalarValue(rng, { ...field, schema: items }, ctx));
  return out;
}

/** A value for any field; `full` fills optional children too (used when repairing). */
function valueFor(rng, field, ctx, full = false) {
  if (field.kind === 'object') return objectFor(rng, field.children, ctx, full);
  if (field.kind === 'group') {
    const min = field.schema.minItems ?? 0;
    const max = Math.min(field.schema.maxItems ?? 5, 5);
    const n = rng.int(Math.max(min, 1), Math.max(min, 1, max));
    const rows = [];
    for (let k = 0; k < n; k++) rows.push(objectFor(rng, field.children, ctx, full));
    return rows;
  }
  if (field.kind === 'list') return listValue(rng, field, ctx);
  return scalarValue(rng, field, ctx);
}

function objectFor(rng, paths, ctx, full) {
  const out = {};
  for (const path of paths) {
    const f = ctx.model.fields.get(path);
    if (ctx.model.computed.has(path)) continue;
    if (!f.requiredStatic && !full && !rng.bool(f.kind === 'group' ? 0.85 : 0.8)) continue;
    const v = valueFor(rng, f, ctx, full);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Repair against evaluate.

/** Concrete pointer of `path` near `pointer` (same row when both are in the same group). */
function pointerNear(model, path, pointer, data, rng) {
  const f = model.fields.get(path);
  if (!f) return undefined;
  if (!f.group) return pointerOf(path);
  const m = new RegExp(`^${pointerOf(f.group)}/(\\d+)`).exec(pointer);
  if (m) return pointerOf(path, +m[1]);
  const rows = getAt(data, pointerOf(f.group));
  if (!Array.isArray(rows) || rows.length === 0) return pointerOf(f.group);
  return pointerOf(path, rng.int(0, rows.length - 1));
}

/** Fields a rule reads, with computed fields replaced by what they are computed from. */
function inputsOf(model, logic, group, depth = 0) {
  const out = new Set();
  for (const p of varsOf(logic, model, group)) {
    if (model.computed.has(p) && depth < 6) {
      const rule = model.rulesByField.get(p).find((r) => r.type === 'compute');
      const g = model.fields.get(p)?.group;
      for (const q of inputsOf(model, rule.value, g, depth + 1)) out.add(q);
    } else out.add(p);
  }
  return [...out];
}

function redraw(rng, model, ctx, data, pointer) {
  const path = fieldPathOfPointer(pointer);
  const field = model.fields.get(path);
  if (!field) return;
  if (model.computed.has(path)) {
    const rule = model.rulesByField.get(path).find((r) => r.type === 'compute');
    const inputs = inputsOf(model, rule.value, field.group);
    if (inputs.length) redraw(rng, model, ctx, data, pointerNear(model, rng.pick(inputs), pointer, data, rng));
    return;
  }
  if (field.group && !Array.isArray(getAt(data, pointerOf(field.group)))) {
    setAt(data, pointerOf(field.group), valueFor(rng, model.fields.get(field.group), ctx, true));
    return;
  }
  const parentPtr = pointer.slice(0, pointer.lastIndexOf('/'));
  if (parentPtr && /\/\d+$/.test(parentPtr) && getAt(data, parentPtr) === undefined) return;
  setAt(data, pointer, valueFor(rng, field, ctx, true));
}

/**
 * Pairs of fields an expression compares for equality ({"==": [var, var]}), resolved to field
 * paths as the engine reads them: names inside map/filter/some/... bodies are relative to the
 * iterated group's rows, and each "../../" climbs one iteration level.
 */
function equalityPairs(logic, model, group) {
  const pairs = [];
  const ITER = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some', 'sum', 'count']);
  const resolve = (name, lists) => {
    let n = name;
    let depth = lists.length;
    while (n.startsWith('../../') && depth > 0) { n = n.slice(6); depth -= 1; }
    if (depth === 0) return varsOf({ var: n }, model, group)[0];
    const list = lists[depth - 1];
    return list ? `${list}[].${n.replace(/^current\./, '')}` : undefined;
  };
  const visit = (node, lists) => {
    if (Array.isArray(node)) { node.forEach((n) => visit(n, lists)); return; }
    if (!node || typeof node !== 'object') return;
    const [op, arg] = Object.entries(node)[0] ?? [];
    if (op === undefined) return;
    const args = Array.isArray(arg) ? arg : [arg];
    if ((op === '==' || op === '===') && args.length === 2 && args.every((a) => a && typeof a === 'object' && 'var' in a)) {
      const [a, b] = args.map((x) => resolve(String(Array.isArray(x.var) ? x.var[0] : x.var), lists));
      if (a && b && model.fields.has(a) && model.fields.has(b)) pairs.push([a, b]);
      return;
    }
    if (ITER.has(op)) {
      visit(args[0], lists);
      const lv = listVarOf(args[0]);
      const lp = lv ? resolve(lv, lists) : undefined;
      for (let i = 1; i < args.length; i++) visit(args[i], i === 1 ? [...lists, lp && model.fields.get(lp)?.kind === 'group' ? lp : undefined] : lists);
      return;
    }
    args.forEach((a) => visit(a, lists));
  };
  visit(logic, []);
  return pairs;
}

/** Copies the value of one field of an equality pair into the other (rows picked at random). */
function unify(rng, model, data, pair, nearPointer) {
  const [a, b] = rng.bool() ? pair : [pair[1], pair[0]];
  const pa = pointerNear(model, a, nearPointer, data, rng);
  const pb = pointerNear(model, b, '', data, rng);
  if (pa === undefined || pb === undefined || pa === pb) return false;
  const value = getAt(data, pb);
  if (value === undefined || model.fields.get(a)?.kind !== 'scalar') return false;
  const parent = pa.slice(0, pa.lastIndexOf('/'));
  if (parent && getAt(data, parent) === undefined && /\/\d+$/.test(parent)) return false;
  setAt(data, pa, clone(value));
  return true;
}

function repair(rng, model, ctx, data, errors) {
  const rulesById = ctx.rulesById;
  const list = errors.length > 6 ? errors.filter(() => rng.bool(0.5)) : errors;
  for (const e of list.length ? list : errors) {
    if (e.rule) {
      const rule = rulesById.get(e.rule);
      const group = rule.field ? model.fields.get(rule.field)?.group : undefined;
      const inputs = inputsOf(model, rule.when, group);
      const pairs = ctx.pairs.get(rule.id);
      const targetIsGroup = model.fields.get(fieldPathOfPointer(e.pointer))?.kind === 'group';
      const r = rng.next();
      if (pairs.length && r < 0.6 && unify(rng, model, data, rng.pick(pairs), e.pointer)) continue;
      const target = (r > 0.85 && !targetIsGroup) || inputs.length === 0 ? e.pointer : pointerNear(model, rng.pick(inputs), e.pointer, data, rng);
      if (target !== undefined) redraw(rng, model, ctx, data, target);
      continue;
    }
    if (e.key === 'error.additionalProperties') { setAt(data, e.pointer, undefined); continue; }
    if (e.pointer === '') continue;
    redraw(rng, model, ctx, data, e.pointer);
  }
}

/** clean() drops hidden fields; put back those the data schema requires, so plain Ajv accepts it. */
function restoreRequired(model, cleaned, full) {
  const fix = (schema, c, f) => {
    if (!c || !f || typeof c !== 'object' || typeof f !== 'object') return;
    if (Array.isArray(c)) {
      c.forEach((row, i) => fix(schema.items ?? {}, row, f[i]));
      return;
    }
    for (const name of Array.isArray(schema.required) ? schema.required : []) {
      if (c[name] === undefined && f[name] !== undefined) c[name] = clone(f[name]);
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      if (child && (child.type === 'object' || child.type === 'array')) fix(child, c[name], f[name]);
    }
  };
  fix(model.definition.data, cleaned, full);
  return cleaned;
}

// ---------------------------------------------------------------------------------------------

function createContext(definition, engine, today) {
  const model = buildModel(definition);
  const compiled = engine.compile(definition);
  if (!compiled.ok) throw new GenerationError('Definition does not compile: ' + compiled.problems.map((p) => `${p.pointer} ${p.message}`).join('; '));
  const raw = compileRaw(definition.data, engine.italianFormats);
  return {
    model, engine, today, raw,
    service: compiled.service,
    hints: collectHints(model),
    rulesById: new Map(model.rules.map((r) => [r.id, r])),
    pairs: new Map(model.rules.map((r) => [r.id, equalityPairs(r.when ?? r.value, model, r.field ? model.fields.get(r.field)?.group : undefined)])),
    evaluate: (data) => engine.evaluate(compiled.service, data, { today }),
  };
}

/** One valid submission, or throws after many attempts. */
function validOne(rng, ctx, stats) {
  for (let attempt = 0; attempt < 25; attempt++) {
    const data = objectFor(rng, ctx.model.roots, ctx, false);
    let ev = ctx.evaluate(data);
    for (let iter = 0; iter < 80 && !ev.valid; iter++) {
      repair(rng, ctx.model, ctx, data, ev.errors);
      ev = ctx.evaluate(data);
      stats.repairs++;
    }
    if (!ev.valid) {
      stats.restarts++;
      if (process.env.BENCH_DEBUG) console.error('restart', ev.errors.map((e) => `${e.pointer} ${e.key}`).join(', '));
      continue;
    }
    for (const [ptr, value] of Object.entries(ev.computed)) setAt(data, ptr, clone(value));
    const candidates = [restoreRequired(ctx.model, ctx.engine.clean(ctx.service, data, { today: ctx.today }), data), data];
    for (const c of candidates) {
      if (ctx.evaluate(c).valid && ctx.raw(c)) return c;
    }
    stats.restarts++;
  }
  throw new GenerationError('Could not generate a valid submission in 25 attempts');
}

// ---------------------------------------------------------------------------------------------
// Mutations: each names the constraint it breaks.

function badPattern(pattern, schema) {
  const re = new RegExp(pattern, 'u');
  for (const s of ['#!?', 'x', '0', 'ZZZZZZZZZZZZZZZZZZZZ', 'a b', '-']) {
    if (!re.test(s) && (schema.maxLength === undefined || s.length <= schema.maxLength) && s.length >= (schema.minLength ?? 0)) return s;
  }
  return undefined;
}

function badFormat(rng, format, value) {
  switch (format) {
    case 'date': return rng.pick(['2025-13-01', '2025-02-30', '31/12/2025', '2025-1-5']);
    case 'date-time': return '2025-13-01T25:00:00Z';
    case 'time': return '25:61:00';
    case 'email': return 'utente.esempio.it';
    case 'uri': case 'url': return 'non un indirizzo';
    case 'codice-fiscale': {
      if (typeof value === 'string' && value.length === 16) {
        const last = value[15];
        return value.slice(0, 15) + (last === 'A' ? 'B' : 'A');
      }
      return 'RSSMRA80A01H501X';
    }
    case 'partita-iva': return typeof value === 'string' && value.length === 11 ? value.slice(0, 10) + String((+value[10] + 1) % 10) : '12345678901';
    case 'iban': return typeof value === 'string' && value.length > 6 ? value.slice(0, 2) + (value.slice(2, 4) === '50' ? '51' : '50') + value.slice(4) : 'IT00X0000000000000000000000';
    case 'cap': return rng.pick(['0012', '00000', '1234A']);
    case 'telefono': return rng.pick(['800123456', '12345', '+44 20 7946 0958']);
    default: return undefined;
  }
}

function mutationsOf(rng, ctx, data, ev) {
  const { model } = ctx;
  const hidden = new Set(ev.hidden);
  const required = new Set(ev.required);
  const out = [];
  const add = (kind, pointer, apply) => out.push({ kind, pointer, apply });
  const visitField = (field, pointer, container) => {
    if (isHidden(hidden, pointer) || model.computed.has(field.path)) return;
    const value = getAt(data, pointer);
    const { schema } = field;
    if (field.requiredStatic && value !== undefined && container !== undefined) {
      add('required', pointer, (d) => setAt(d, pointer, undefined));
    }
    if (field.kind === 'group') {
      if (Array.isArray(value) && value.length > 0 && schema.maxItems !== undefined && schema.maxItems < 200) {
        add('maxItems', pointer, (d) => {
          const rows = getAt(d, pointer);
          while (rows.length <= schema.maxItems) rows.push(clone(rows[rows.length % rows.length]));
        });
      }
      if (Array.isArray(value)) value.forEach((row, i) => field.children.forEach((c) => visitField(model.fields.get(c), `${pointer}/${i}/${model.fields.get(c).name}`, row)));
      return;
    }
    if (field.kind === 'object') {
      if (value && typeof value === 'object') field.children.forEach((c) => visitField(model.fields.get(c), `${pointer}/${model.fields.get(c).name}`, value));
      return;
    }
    if (field.kind === 'list' || container === undefined) return;
    const types = typesOf(schema);
    const values = enumOf(schema);
    if (values && values.every((v) => typeof v === 'string')) add('enum', pointer, (d) => setAt(d, pointer, 'valore-non-previsto'));
    if (types.includes('number') || types.includes('integer')) {
      // Form.io's server drops a non-numeric value of a number field instead of rejecting it, so
      // a type error is detectable by all four only where the field is required now.
      if (!types.includes('string') && required.has(pointer)) add('type', pointer, (d) => setAt(d, pointer, 'non un numero'));
      if (!values) {
        const step = types.includes('integer') ? 1 : (schema.multipleOf ?? 1);
        if (schema.maximum !== undefined) add('range', pointer, (d) => setAt(d, pointer, schema.maximum + step * rng.int(1, 5)));
        if (schema.exclusiveMaximum !== undefined) add('range', pointer, (d) => setAt(d, pointer, schema.exclusiveMaximum + step * rng.int(0, 3)));
        if (schema.minimum !== undefined) add('range', pointer, (d) => setAt(d, pointer, schema.minimum - step * rng.int(1, 5)));
        if (schema.exclusiveMinimum !== undefined) add('range', pointer, (d) => setAt(d, pointer, schema.exclusiveMinimum - step * rng.int(0, 3)));
      }
    }
    if (types.includes('string') && !values) {
      if (schema.maxLength !== undefined && schema.maxLength < 5000) {
        add('maxLength', pointer, (d) => setAt(d, pointer, 'x'.repeat(schema.maxLength + rng.int(1, 10))));
      }
      if (schema.minLength !== undefined && schema.minLength > 1 && !schema.format) {
        add('minLength', pointer, (d) => setAt(d, pointer, 'x'.repeat(rng.int(1, schema.minLength - 1))));
      }
      if (schema.pattern) {
        const bad = badPattern(schema.pattern, schema);
        if (bad !== undefined) add('pattern', pointer, (d) => setAt(d, pointer, bad));
      }
      if (schema.format) {
        const bad = badFormat(rng, schema.format, value);
        if (bad !== undefined) add('format', pointer, (d) => setAt(d, pointer, bad));
      }
    }
  };
  for (const root of model.roots) {
    const f = model.fields.get(root);
    visitField(f, pointerOf(root), data);
  }
  return out;
}

function invalidOne(rng, ctx, base, stats) {
  const ev = ctx.evaluate(base);
  const all = mutationsOf(rng, ctx, base, ev);
  if (all.length === 0) throw new GenerationError('No field can be made invalid');
  const byKind = new Map();
  for (const m of all) {
    if (!byKind.has(m.kind)) byKind.set(m.kind, []);
    byKind.get(m.kind).push(m);
  }
  const kinds = [...byKind.keys()];
  for (let attempt = 0; attempt < 30; attempt++) {
    const count = rng.bool(0.7) ? 1 : 2;
    const chosen = [];
    for (let k = 0; k < count; k++) {
      const m = rng.pick(byKind.get(rng.pick(kinds)));
      if (!chosen.some((c) => c.pointer === m.pointer || m.pointer.startsWith(c.pointer + '/') || c.pointer.startsWith(m.pointer + '/'))) chosen.push(m);
    }
    const data = clone(base);
    for (const m of chosen) m.apply(data);
    if (!ctx.evaluate(data).valid && !ctx.raw(data)) {
      for (const m of chosen) stats.kinds[m.kind] = (stats.kinds[m.kind] ?? 0) + 1;
      return { data, broken: chosen.map((m) => ({ kind: m.kind, pointer: m.pointer })) };
    }
    stats.rejectedMutations++;
  }
  throw new GenerationError('Could not break a valid submission in 30 attempts');
}

/**
 * A valid submission with one to three visible answers redrawn (each still valid for the data
 * schema) until Sportello reports errors that only its rules explain: an `error` rule that now
 * holds, or a field a `require` rule now requires left empty. Plain Ajv accepts these by
 * design (it knows no rules); the rule-aware tools must reject them. They keep the converters'
 * rules honest, beside the schema-level invalid submissions.
 */
function ruleBrokenOne(rng, ctx, base, stats) {
  const { model } = ctx;
  const ev = ctx.evaluate(base);
  const hidden = new Set(ev.hidden);
  const candidates = [];
  const visit = (path, pointer, value) => {
    const f = model.fields.get(path);
    if (isHidden(hidden, pointer) || model.computed.has(path)) return;
    if (f.kind === 'object') { f.children.forEach((c) => visit(c, `${pointer}/${model.fields.get(c).name}`, value?.[model.fields.get(c).name])); return; }
    if (f.kind === 'group') {
      if (Array.isArray(value)) value.forEach((row, i) => f.children.forEach((c) => visit(c, `${pointer}/${i}/${model.fields.get(c).name}`, row?.[model.fields.get(c).name])));
      return;
    }
    candidates.push({ path, pointer });
    if (value !== undefined && !f.requiredStatic) candidates.push({ path, pointer, remove: true });
  };
  for (const root of model.roots) visit(root, pointerOf(root), base[model.fields.get(root).name]);
  for (let attempt = 0; attempt < 60 && candidates.length; attempt++) {
    const data = clone(base);
    const count = rng.int(1, 3);
    for (let k = 0; k < count; k++) {
      const c = rng.pick(candidates);
      if (c.remove) setAt(data, c.pointer, undefined);
      else setAt(data, c.pointer, valueFor(rng, model.fields.get(c.path), ctx, true));
    }
    const after = ctx.evaluate(data);
    for (const [ptr, value] of Object.entries(after.computed)) setAt(data, ptr, clone(value));
    const check = ctx.evaluate(data);
    if (check.valid || !ctx.raw(data)) continue;
    const rules = [...new Set(check.errors.map((e) => e.rule ?? (e.key === 'error.required' ? 'require' : null)))];
    if (rules.includes(null)) continue;
    for (const r of rules) stats.rulesBroken[r] = (stats.rulesBroken[r] ?? 0) + 1;
    return { data, broken: check.errors.map((e) => ({ kind: e.rule ? `rule ${e.rule}` : 'required by rule', pointer: e.pointer })) };
  }
  return null;
}

/**
 * @param {any} definition a service definition
 * @param {{ engine: any, n?: number, seed?: number, today?: string, ruleBroken?: number }} options
 * @returns {{ valid: any[], invalid: Array<{ data: any, broken: Array<{kind: string, pointer: string}> }>, ruleBroken: Array<{ data: any, broken: any[] }>, stats: any }}
 */
export function generateSuite(definition, { engine, n = 100, seed = 20261125, today = DEFAULT_TODAY, ruleBroken = 0 } = {}) {
  const ctx = createContext(definition, engine, today);
  const rng = R.createRng(seed);
  const stats = { repairs: 0, restarts: 0, rejectedMutations: 0, kinds: {}, rulesBroken: {} };
  const valid = [];
  for (let i = 0; i < n; i++) valid.push(validOne(rng.fork(), ctx, stats));
  const invalid = [];
  for (let i = 0; i < n; i++) invalid.push(invalidOne(rng.fork(), ctx, valid[i % valid.length], stats));
  const broken = [];
  for (let i = 0; i < ruleBroken * 3 && broken.length < ruleBroken; i++) {
    const item = ruleBrokenOne(rng.fork(), ctx, valid[i % valid.length], stats);
    if (item) broken.push(item);
  }
  return { valid, invalid, ruleBroken: broken, stats };
}
