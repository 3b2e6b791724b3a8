/**
 * A Sportello service definition as an equivalent SurveyJS form, and its validation with
 * survey-core in Node (no DOM): `new Model(json)` once, then per submission `model.data = ...`
 * and `model.validate(false)` (every visible page, no UI update).
 *
 * Mapping:
 * - steps -> pages (visibleIf); sections -> panels whose questions are named
 *   "section__field" (SurveyJS keeps answers flat; the data adapter flattens likewise);
 *   repeating groups -> paneldynamic (rows addressed as {panel.x}, the row index as
 *   {panelIndex}); a rule that a row value must be unique in its group -> the paneldynamic's
 *   keyName (SurveyJS's own duplicate check);
 * - strings -> text/comment with a text validator (minLength/maxLength) and a regex validator;
 *   numbers -> text inputType number with a numeric validator (minValue/maxValue); enums ->
 *   dropdown/radiogroup; booleans -> boolean; lists -> checkbox (choices) or tagbox (free items);
 *   computed fields -> expression questions;
 * - what SurveyJS has no native property for (formats, integer, exclusive bounds, enum
 *   membership, row and item counts, `error` rules) -> expression validators;
 * - show/hide -> visibleIf, require -> requiredIf; JSON Logic -> SurveyJS expressions, with
 *   Sportello's extra operators and the format checks registered as SurveyJS functions
 *   (registerSurveyFunctions), and iteration over a group's rows (count/sum/some/all/none) as
 *   functions that run a SurveyJS condition per row.
 * String comparison is made case-sensitive (settings.comparator.caseSensitive) and variables are
 * read as they are ({#name}: no "0123" -> 123 conversion), as in JSON Logic.
 */
import { ConditionRunner, ExpressionRunner, FunctionFactory, Model, settings } from 'survey-core';
import { buildModel, enumOf, listVarOf, typesOf } from './model.mjs';
import { customOps, formatChecks, truthy } from './ops.mjs';

const SEP = '__';

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// Functions registered on SurveyJS.

/** Registers the operators, format checks and per-row helpers; call once per process. */
export function registerSurveyFunctions(italianFormats) {
  settings.comparator.caseSensitive = true;
  const checks = formatChecks(italianFormats);
  const safe = (f) => (params) => {
    try {
      const v = f(...params);
      return typeof v === 'number' && !Number.isFinite(v) ? null : v;
    } catch {
      return null;
    }
  };
  const reg = (name, fn) => FunctionFactory.Instance.register(name, fn);
  reg('jlRound', safe(customOps.round));
  reg('jlFloor', safe(customOps.floor));
  reg('jlCeil', safe(customOps.ceil));
  reg('jlAbs', safe(customOps.abs));
  reg('jlDaysBetween', safe(customOps.days_between));
  reg('jlYearsBetween', safe(customOps.years_between));
  reg('jlTruthy', (p) => truthy(p[0]));
  reg('jlNull', () => null);
  reg('jlSubstr', (p) => {
    const s = p[0] === null || p[0] === undefined ? '' : String(p[0]);
    const start = Number(p[1] ?? 0);
    const from = start < 0 ? Math.max(0, s.length + start) : start;
    if (p[2] === undefined) return s.slice(from);
    const len = Number(p[2]);
    return len < 0 ? s.slice(from, s.length + len) : s.slice(from, from + len);
  });
  reg('jlCat', (p) => p.map((x) => (x === null || x === undefined ? '' : String(x))).join(''));
  reg('jlFormat', (p) => {
    const [value, name] = p;
    if (value === null || value === undefined || typeof value !== 'string') return true;
    const check = checks[name];
    return check ? !!check(value) : true;
  });
  reg('jlIsInteger', (p) => p[0] === null || p[0] === undefined || p[0] === '' || Number.isInteger(Number(p[0])));
  reg('jlIsNumber', (p) => p[0] === null || p[0] === undefined || p[0] === '' || (typeof p[0] === 'number' && Number.isFinite(p[0])));
  reg('jlLength', (p) => (Array.isArray(p[0]) || typeof p[0] === 'string' ? p[0].length : 0));
  reg('jlItemsOk', (p) => {
    // Every item of a list: a string within [min, max] length matching the pattern (if any).
    const [list, min, max, pattern] = p;
    if (!Array.isArray(list)) return true;
    const re = pattern ? new RegExp(pattern, 'u') : null;
    return list.every((s) => typeof s === 'string' && s.length >= min && s.length <= max && (!re || re.test(s)));
  });
  reg('jlItemsIn', (p) => !Array.isArray(p[0]) || p[0].every((x) => p[1].includes(x)));
  reg('jlUnique', (p) => !Array.isArray(p[0]) || new Set(p[0]).size === p[0].length);
  // Per-row iteration: a SurveyJS condition or expression run on each row, with the values of
  // the enclosing scope passed as {__o0}, {__o1}, ...
  const runners = new Map();
  const runner = (kind, text) => {
    let r = runners.get(text);
    if (!r) runners.set(text, (r = kind === 'cond' ? new ConditionRunner(text) : new ExpressionRunner(text)));
    return r;
  };
  const rows = (list) => (Array.isArray(list) ? list : []);
  const withOuter = (row, outer) => {
    const values = { ...(row && typeof row === 'object' ? row : {}) };
    outer.forEach((v, i) => { values[`__o${i}`] = v; });
    return values;
  };
  reg('jlCountWhere', (p) => {
    const [list, pred, ...outer] = p;
    const r = runner('cond', pred);
    return rows(list).filter((row) => r.runValues(withOuter(row, outer))).length;
  });
  reg('jlAllWhere', (p) => {
    const [list, pred, ...outer] = p;
    const r = runner('cond', pred);
    const items = rows(list);
    return items.length > 0 && items.every((row) => r.runValues(withOuter(row, outer)));
  });
  reg('jlSumOf', (p) => {
    const [list, expr, ...outer] = p;
    const r = expr ? runner('expr', expr) : null;
    let total = 0;
    for (const row of rows(list)) total += Number(r ? r.runValues(withOuter(row, outer)) : row);
    return Number.isFinite(total) ? total : null;
  });
}

// ---------------------------------------------------------------------------------------------
// JSON Logic -> SurveyJS expressions.

function quote(s) {
  if (s.includes("'")) {
    if (s.includes('"')) throw new Unsupported('string with both quote kinds');
    return `"${s}"`;
  }
  return `'${s}'`;
}

function literal(v, inArray = false) {
  // SurveyJS's parser has no null operand inside function arguments: a function returns it.
  if (v === null || v === undefined) return inArray ? 'null' : 'jlNull()';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.some((x) => x === null)) throw new Unsupported('null in an array literal');
    return `[${v.map((x) => literal(x, true)).join(', ')}]`;
  }
  throw new Unsupported('object literal');
}

const BOOLEAN_OPS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', '!', '!!', 'in', 'some', 'all', 'none', 'missing']);

/**
 * @param {any} model from buildModel
 * @param {{ today: string, group?: string }} env where the expression runs
 * @returns {(logic: any) => string}
 */
function translator(model, env) {
  const flatName = (path) => path.replace(/\./g, SEP);
  /** A var at the root scope. */
  const rootVar = (name) => {
    if (name === '$today') return literal(env.today);
    if (name === '$index') {
      if (!env.group) throw new Unsupported('$index outside a group');
      return '{#panelIndex}';
    }
    if (name.startsWith('$office')) return 'jlNull()';
    if (name === '$row' || name === '') throw new Unsupported(`var "${name}"`);
    if (name.startsWith('$row.')) return `{#panel.${flatName(name.slice(5))}}`;
    // "g.0.x" -> {g[0].x}; "a.b" -> {a__b}
    const parts = name.split('.');
    let out = '';
    let path = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (/^\d+$/.test(p)) { out += `[${p}]`; path += '[]'; continue; }
      const next = path ? (path.endsWith('[]') ? `${path}.${p}` : `${path}.${p}`) : p;
      if (path.endsWith('[]')) out += `.${p}`;
      else if (out === '') out = p;
      else out += SEP + p;
      path = next;
    }
    return `{#${out}}`;
  };

  /**
   * Translates with a stack of iteration scopes; in a body, item names are read from the row
   * and outer values are collected as parameters.
   */
  const t = (node, scopes) => {
    if (node === null || typeof node !== 'object') return literal(node);
    if (Array.isArray(node)) return `[${node.map((n) => t(n, scopes)).join(', ')}]`;
    const [op, raw] = Object.entries(node)[0];
    const args = Array.isArray(raw) ? raw : [raw];
    const tt = (n) => t(n, scopes);
    const bool = (n) => (isBool(n) ? tt(n) : `jlTruthy(${tt(n)})`);
    switch (op) {
      case 'var': {
        const name = String(Array.isArray(raw) ? raw[0] : raw ?? '');
        let n = name;
        let depth = scopes.length;
        while (n.startsWith('../../') && depth > 0) { n = n.slice(6); depth -= 1; }
        let expr;
        if (scopes.length === 0) {
          expr = rootVar(n);
        } else if (depth === scopes.length) {
          if (n.startsWith('current.')) n = n.slice(8);
          if (n === '' || n === 'current' || n.startsWith('accumulator')) throw new Unsupported(`var "${name}" in a body`);
          expr = `{#${flatName(n)}}`;
        } else {
          // A value from an enclosing scope: translate it there, pass it to the row as {__oN}.
          if (depth !== scopes.length - 1) throw new Unsupported('var two levels out');
          const scope = scopes[scopes.length - 1];
          const outerExpr = depth === 0 ? rootVar(n) : `{#${flatName(n)}}`;
          const i = scope.outer.length;
          scope.outer.push(outerExpr);
          expr = `{#__o${i}}`;
        }
        if (Array.isArray(raw) && raw.length > 1) return `iif(${expr} notempty, ${expr}, ${tt(raw[1])})`;
        return expr;
      }
      case '==': case '===': return `(${tt(args[0])} = ${tt(args[1])})`;
      case '!=': case '!==': return `(${tt(args[0])} != ${tt(args[1])})`;

      case '<': case '<=': case '>': case '>=':
        if (args.length === 3) return `((${tt(args[0])} ${op} ${tt(args[1])}) and (${tt(args[1])} ${op} ${tt(args[2])}))`;
        return `(${tt(args[0])} ${op} ${tt(args[1])})`;
      case '!': return `!(${bool(args[0])})`;
      case '!!': return bool(args[0]);
      case 'and': return `(${args.map(bool).join(' and ')})`;
      case 'or': return `(${args.map(bool).join(' or ')})`;
      case '+': return args.length === 1 ? `(0 + ${tt(args[0])})` : `(${args.map(tt).join(' + ')})`;
      case '*': return `(${args.map(tt).join(' * ')})`;
      case '-': return args.length === 1 ? `(0 - ${tt(args[0])})` : `(${tt(args[0])} - ${tt(args[1])})`;
      case '/': return `(${tt(args[0])} / ${tt(args[1])})`;
      case '%': return `(${tt(args[0])} % ${tt(args[1])})`;
      case 'max': return `max(${args.map(tt).join(', ')})`;
      case 'min': return `min(${args.map(tt).join(', ')})`;
      case 'if': case '?:': {
        let out = args.length % 2 === 1 ? tt(args[args.length - 1]) : 'null';
        for (let i = args.length - (args.length % 2 === 1 ? 3 : 2); i >= 0; i -= 2) out = `iif(${bool(args[i])}, ${tt(args[i + 1])}, ${out})`;
        return out;
      }
      case 'in': {
        if (Array.isArray(args[1])) return `(${tt(args[0])} anyof ${literal(args[1])})`;
        return `(${tt(args[1])} contains ${tt(args[0])})`;
      }
      case 'missing': {
        const names = Array.isArray(raw) ? raw : [raw];
        return `(${names.map((n) => `${rootVar(String(n))} empty`).join(' or ')})`;
      }
      case '??': return `iif(${tt(args[0])} notempty, ${tt(args[0])}, ${tt(args[1])})`;
      case 'round': return `jlRound(${args.map(tt).join(', ')})`;
      case 'floor': return `jlFloor(${tt(args[0])})`;
      case 'ceil': return `jlCeil(${tt(args[0])})`;
      case 'abs': return `jlAbs(${tt(args[0])})`;
      case 'days_between': return `jlDaysBetween(${tt(args[0])}, ${tt(args[1])})`;
      case 'years_between': return `jlYearsBetween(${tt(args[0])}, ${tt(args[1])})`;
      case 'today': return literal(env.today);
      case 'substr': return `jlSubstr(${args.map(tt).join(', ')})`;
      case 'cat': return `jlCat(${args.map(tt).join(', ')})`;
      case 'length': return `jlLength(${tt(args[0])})`;
      case 'count': case 'some': case 'all': case 'none': case 'sum': {
        const list = tt(args[0]);
        const scope = { outer: [] };
        const lv = listVarOf(args[0]);
        if (!lv) throw new Unsupported(`${op} over a computed list`);
        let body = 'true';
        if (args[1] !== undefined) body = op === 'sum' ? t(args[1], [...scopes, scope]) : (isBool(args[1]) ? t(args[1], [...scopes, scope]) : `jlTruthy(${t(args[1], [...scopes, scope])})`);
        if (body.includes('"')) throw new Unsupported('double quote in a row condition');
        const outer = scope.outer.length ? `, ${scope.outer.join(', ')}` : '';
        if (op === 'sum') return `jlSumOf(${list}, ${args[1] === undefined ? "''" : `"${body}"`}${outer})`;
        if (op === 'all') return `jlAllWhere(${list}, "${body}"${outer})`;
        const count = `jlCountWhere(${list}, "${body}"${outer})`;
        return op === 'count' ? count : op === 'some' ? `(${count} > 0)` : `(${count} = 0)`;
      }
      default:
        throw new Unsupported(`operator ${op}`);
    }
  };
  const isBool = (n) => {
    if (!n || typeof n !== 'object' || Array.isArray(n)) return typeof n === 'boolean';
    const op = Object.keys(n)[0];
    if (BOOLEAN_OPS.has(op)) return true;
    if (op === 'and' || op === 'or') return (Array.isArray(n[op]) ? n[op] : [n[op]]).every(isBool);
    return false;
  };
  return { expr: (logic) => t(logic, []), cond: (logic) => (isBool(logic) ? t(logic, []) : `jlTruthy(${t(logic, [])})`) };
}

// ---------------------------------------------------------------------------------------------

function label(def, key, fallback) {
  return (key && def.translations?.[def.defaultLanguage]?.[key]) || fallback;
}

/**
 * Rules of the form "this row's value occurs more than once in its group":
 * {"and": [{"var": "$row.f"}, {">": [{"count": [{"var": G}, {"==": [{"var": "f"}, {"var": "../../$row.f"}]}]}, 1]}]}
 * SurveyJS checks exactly this with the paneldynamic's keyName.
 */
function duplicateKey(rule, field) {
  if (rule.type !== 'error' || !field.group) return false;
  const f = field.name;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const terms = rule.when && rule.when.and;
  if (!Array.isArray(terms)) return false;
  const countTerm = { '>': [{ count: [{ var: field.group }, { '==': [{ var: f }, { var: `../../$row.${f}` }] }] }, 1] };
  return terms.some((t) => same(t, countTerm)) && terms.every((t) => same(t, countTerm) || same(t, { var: `$row.${f}` }));
}

function questionFor(field, model, env, ctx) {
  const def = model.definition;
  const { schema, ui } = field;
  const rules = model.rulesByField.get(field.path) ?? [];
  const tr = translator(model, { today: env.today, group: field.group });
  const name = field.group ? field.path.slice(field.group.length + 3).replace(/\./g, SEP) : field.path.replace(/\./g, SEP);
  // "#": read the value as it is (SurveyJS otherwise turns "0123" into 123 in expressions).
  const self = field.group ? `{#panel.${name}}` : `{#${name}}`;
  const q = { name, title: label(def, ui.label, field.name) };
  const validators = [];
  const check = (okExpr, text) => validators.push({ type: 'expression', expression: okExpr, text });

  if (field.kind === 'object') {
    Object.assign(q, { type: 'panel', name: `${name}${SEP}panel`, elements: field.children.map((p) => questionFor(model.fields.get(p), model, env, ctx)) });
    delete q.title;
  } else if (field.kind === 'group') {
    Object.assign(q, {
      type: 'paneldynamic', templateElements: field.children.map((p) => questionFor(model.fields.get(p), model, env, ctx)),
    });
    if (schema.minItems !== undefined) check(`${self} empty or ({#${name}.length} >= ${schema.minItems})`, 'minItems');
    if (schema.maxItems !== undefined) check(`{#${name}.length} <= ${schema.maxItems}`, 'maxItems');
    const dup = ctx.keyNames.get(field.path);
    if (dup) q.keyName = dup;
  } else {
    const listItems = field.kind === 'list' ? schema.items ?? {} : null;
    const values = enumOf(listItems ?? schema);
    const types = typesOf(listItems ?? schema);
    if (listItems) {
      if (values) {
        Object.assign(q, { type: 'checkbox', choices: values.map((v) => ({ value: v, text: label(def, ui.options?.[String(v)], String(v)) })) });
        check(`jlItemsIn(${self}, ${literal(values)})`, 'enum');
      } else {
        Object.assign(q, { type: 'tagbox', allowCustomChoices: true, choices: [] });
        check(`jlItemsOk(${self}, ${listItems.minLength ?? 0}, ${listItems.maxLength ?? 1e9}, ${listItems.pattern ? literal(listItems.pattern) : "''"})`, 'items');
        if (listItems.format) throw new Unsupported('formatted list items');
      }
      if (schema.minItems !== undefined) check(`${self} empty or (jlLength(${self}) >= ${schema.minItems})`, 'minItems');
      if (schema.maxItems !== undefined) check(`jlLength(${self}) <= ${schema.maxItems}`, 'maxItems');
      if (schema.uniqueItems) check(`jlUnique(${self})`, 'uniqueItems');
    } else if (ctx.computed.has(field.path)) {
      Object.assign(q, { type: 'expression' });
    } else if (types.includes('boolean')) {
      Object.assign(q, { type: 'boolean' });
    } else if (values) {
      Object.assign(q, { type: ui.widget === 'radio' ? 'radiogroup' : 'dropdown', choices: values.map((v) => ({ value: v, text: label(def, ui.options?.[String(v)], String(v)) })) });
    } else if (types.includes('number') || types.includes('integer')) {
      Object.assign(q, { type: 'text', inputType: 'number' });
    } else {
      Object.assign(q, { type: ui.widget === 'textarea' ? 'comment' : 'text' });
      if (ui.widget === 'email') q.inputType = 'email';
    }
    if (!listItems) {
      if (values) check(`${self} empty or (${self} anyof ${literal(values)})`, 'enum');
      if (types.includes('number') || types.includes('integer')) {
        if (schema.minimum !== undefined || schema.maximum !== undefined) {
          validators.push({ type: 'numeric', ...(schema.minimum !== undefined ? { minValue: schema.minimum } : {}), ...(schema.maximum !== undefined ? { maxValue: schema.maximum } : {}) });
        } else validators.push({ type: 'numeric' });
        if (schema.exclusiveMinimum !== undefined) check(`${self} empty or (${self} > ${schema.exclusiveMinimum})`, 'exclusiveMinimum');
        if (schema.exclusiveMaximum !== undefined) check(`${self} empty or (${self} < ${schema.exclusiveMaximum})`, 'exclusiveMaximum');
        if (types.includes('integer') && !types.includes('number')) check(`jlIsInteger(${self})`, 'integer');
        if (ctx.computed.has(field.path)) check(`jlIsNumber(${self})`, 'type');
      }
      if (types.includes('string') && !values) {
        if (schema.minLength !== undefined || schema.maxLength !== undefined) {
          validators.push({ type: 'text', ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}), ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}), allowDigits: true });
        }
        if (schema.pattern !== undefined) validators.push({ type: 'regex', regex: schema.pattern });
        if (schema.format) check(`jlFormat(${self}, ${literal(schema.format)})`, `format:${schema.format}`);
      }
    }
  }

  if (field.requiredStatic) q.isRequired = true;
  const show = rules.filter((r) => r.type === 'show').map((r) => tr.cond(r.when));
  const hide = rules.filter((r) => r.type === 'hide').map((r) => tr.cond(r.when));
  if (show.length + hide.length) {
    const parts = [];
    if (hide.length) parts.push(`!(${hide.join(' or ')})`);
    if (show.length) parts.push(`(${show.join(' or ')})`);
    q.visibleIf = parts.join(' and ');
  }
  const req = rules.filter((r) => r.type === 'require').map((r) => tr.cond(r.when));
  if (req.length && !q.isRequired) q.requiredIf = req.join(' or ');
  for (const r of rules) {
    if (r.type === 'error') {
      if (ctx.skipped.has(r.id)) continue;
      validators.push({ type: 'expression', expression: `!(${tr.cond(r.when)})`, text: r.message });
    }
    if (r.type === 'compute') q.expression = tr.expr(r.value);
  }
  if (validators.length) q.validators = validators;
  return q;
}

/**
 * @param {any} definition
 * @param {{ today: string }} options
 * @returns {any} SurveyJS JSON
 */
export function toSurveyJs(definition, { today }) {
  const model = buildModel(definition);
  const ctx = { computed: model.computed, keyNames: new Map(), skipped: new Set() };
  for (const rule of model.rules) {
    const field = rule.field ? model.fields.get(rule.field) : undefined;
    if (field && duplicateKey(rule, field)) {
      ctx.keyNames.set(field.group, field.name);
      ctx.skipped.add(rule.id);
    }
  }
  const env = { today };
  const placed = new Set();
  const pages = model.steps.map((step) => {
    step.fields.forEach((p) => placed.add(p));
    const page = { name: step.id, title: label(definition, step.title, step.id), elements: step.fields.map((p) => questionFor(model.fields.get(p), model, env, ctx)) };
    const rules = model.rulesByStep.get(step.id) ?? [];
    const tr = translator(model, env);
    const show = rules.filter((r) => r.type === 'show').map((r) => tr.cond(r.when));
    const hide = rules.filter((r) => r.type === 'hide').map((r) => tr.cond(r.when));
    const parts = [];
    if (hide.length) parts.push(`!(${hide.join(' or ')})`);
    if (show.length) parts.push(`(${show.join(' or ')})`);
    if (parts.length) page.visibleIf = parts.join(' and ');
    return page;
  });
  const unplaced = model.roots.filter((p) => !placed.has(p));
  if (unplaced.length) pages.push({ name: 'other', elements: unplaced.map((p) => questionFor(model.fields.get(p), model, env, ctx)) });
  // onHidden: an answer that becomes invisible is cleared, so it takes no part in the rules (as
  // in Sportello, where hidden answers are invisible to rules).
  return { checkErrorsMode: 'onComplete', clearInvisibleValues: 'onHidden', pages };
}

/** Sportello answers -> SurveyJS data: sections flattened into "section__field" names. */
export function surveyDataAdapter(definition) {
  const model = buildModel(definition);
  const flattenInto = (out, paths, source, prefix) => {
    for (const path of paths) {
      const f = model.fields.get(path);
      const v = source?.[f.name];
      if (v === undefined) continue;
      const key = prefix + f.name;
      if (f.kind === 'object') {
        if (v && typeof v === 'object' && !Array.isArray(v)) flattenInto(out, f.children, v, key + SEP);
        else out[key] = v;
      } else if (f.kind === 'group') {
        out[key] = Array.isArray(v) ? v.map((row) => {
          const r = {};
          flattenInto(r, f.children, row, '');
          return r;
        }) : v;
      } else out[key] = structuredClone(v);
    }
    return out;
  };
  const groups = [...model.fields.values()].filter((f) => f.kind === 'group' && !f.group);
  return (data) => {
    const out = flattenInto({}, model.roots, data, '');
    // An empty dynamic panel is [] in SurveyJS data, as its client sends it.
    for (const g of groups) {
      const key = g.path.replace(/\./g, SEP);
      if (out[key] === undefined) out[key] = [];
    }
    return out;
  };
}

/**
 * Validation of one submission. `fresh`: a new Model per submission, the reference behaviour.
 * `reuse`: one Model, its data replaced per submission (much cheaper, but a dynamic panel that
 * is invisible keeps its previous panel count, so it can differ: the harness checks it does
 * not on the benchmark's submissions before timing it).
 */
export const createSurveyValidator = {
  fresh(json, flatData) {
    const model = new Model(json);
    model.data = flatData;
    return model.validate(false);
  },
  reuse(model, flatData) {
    model.data = flatData;
    return model.validate(false);
  },
};

export { Unsupported as SurveyUnsupported };
