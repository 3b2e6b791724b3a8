/**
 * A Sportello service definition as an equivalent Form.io form, and its validation with
 * @formio/core the way a Form.io server does it (formio's src/resources/Validator.js): the
 * `submission` processors, then the `evaluator` processors, errors collected in scope.errors.
 *
 * Mapping:
 * - wizard steps -> panels (display "wizard"); a step's show/hide rules -> the panel's
 *   conditional.json;
 * - sections -> container; repeating groups -> datagrid (rows addressed as `row`);
 * - strings -> textfield/textarea/email with validate.minLength/maxLength/pattern; numbers ->
 *   number with validate.min/max; enums -> select/radio with onlyAvailableItems; booleans ->
 *   radio (yes/no: false is an answer, as in Sportello) or checkbox when the value must be true;
 *   lists of choices -> select with multiple;
 * - formats, integer, exclusive bounds, enum/const, group row counts, `require` and `error`
 *   rules -> validate.json (JSON Logic: {"if": [broken1, message1, ..., true]});
 * - show/hide rules -> conditional.json; compute rules -> calculateValue (calculateServer);
 * - JSON Logic vars: "x.y" -> "data.x.y", "$row.x" -> "row.x", "$index" -> "paths.dataIndex",
 *   "$today" -> the benchmark's fixed date; sum/count -> reduce/filter; Sportello's extra
 *   operators and the formats -> json-logic-js operations (registerFormioOperations);
 * - an expression json-logic-js cannot read (a var climbing out of a filter with "../../") ->
 *   validate.custom / customConditional / calculateValue JavaScript, Form.io's own escape hatch.
 * clearOnHide stays at Form.io's default (true): as in Sportello, an answer the citizen can no
 * longer see takes no part in the rules.
 */
import formioCore from '@formio/core';
import { buildModel, enumOf, typesOf } from './model.mjs';
import { customOps, formatChecks, jsHelpers } from './ops.mjs';
import { installJsHelpers, logicToJs } from './logic-js.mjs';

const { processSync, ProcessTargets, jsonLogic } = formioCore;

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// JSON Logic (Sportello) -> json-logic-js (Form.io).

const ITERATING = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some']);

export function toFormioLogic(logic, env, depth = 0) {
  const t = (n, d = depth) => toFormioLogic(n, env, d);
  if (logic === null || typeof logic !== 'object') return logic;
  if (Array.isArray(logic)) return logic.map((n) => t(n));
  const [op, raw] = Object.entries(logic)[0];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    const name = String(Array.isArray(raw) ? raw[0] : raw ?? '');
    const rest = Array.isArray(raw) ? raw.slice(1).map((n) => t(n)) : [];
    if (name.startsWith('../')) throw new Unsupported('var climbing out of an iteration');
    let mapped;
    if (depth > 0) mapped = name;
    else if (name === '$today') return env.today;
    else if (name === '$index') mapped = 'paths.dataIndex';
    else if (name === '$row') mapped = 'row';
    else if (name.startsWith('$row.')) mapped = 'row.' + name.slice(5);
    else if (name.startsWith('$office')) return null;
    else mapped = name === '' ? 'data' : 'data.' + name;
    return { var: rest.length ? [mapped, ...rest] : mapped };
  }
  if (op === 'today') return env.today;
  if (op === 'missing' || op === 'missing_some') {
    if (depth > 0) return logic;
    const prefix = (n) => (typeof n === 'string' ? 'data.' + n : n);
    return op === 'missing' ? { missing: args.map(prefix) } : { missing_some: [args[0], (args[1] ?? []).map(prefix)] };
  }
  if (op === 'sum' || op === 'count') {
    const list = t(args[0]);
    if (op === 'sum') {
      const mapped = args[1] === undefined ? list : { map: [list, t(args[1], depth + 1)] };
      return { reduce: [mapped, { '+': [{ var: 'accumulator' }, { var: 'current' }] }, 0] };
    }
    const filtered = { filter: [list, args[1] === undefined ? true : t(args[1], depth + 1)] };
    return { reduce: [filtered, { '+': [{ var: 'accumulator' }, 1] }, 0] };
  }
  if (ITERATING.has(op)) {
    return { [op]: args.map((a, i) => t(a, i === 1 ? depth + 1 : depth)) };
  }
  return { [op]: Array.isArray(raw) ? args.map((n) => t(n)) : t(raw) };
}

/** Registers Sportello's operators and the format checks on Form.io's json-logic-js. */
export function registerFormioOperations(italianFormats) {
  for (const [name, fn] of Object.entries(customOps)) jsonLogic.add_operation(name, fn);
  const checks = formatChecks(italianFormats);
  jsonLogic.add_operation('format_ok', (value, name) => {
    if (value === null || value === undefined) return true;
    if (typeof value !== 'string') return true;
    const check = checks[name];
    return check ? !!check(value) : true;
  });
  installJsHelpers(jsHelpers());
}

// ---------------------------------------------------------------------------------------------

function label(def, key, fallback) {
  return (key && def.translations?.[def.defaultLanguage]?.[key]) || fallback;
}

const INPUT = { var: 'input' };
// The row index in Form.io's custom JavaScript: validate.custom gets rowIndex, conditions only paths.
const ROW_INDEX = "(typeof rowIndex === 'number' ? rowIndex : paths && paths.dataIndex)";
const PRESENT = { '!=': [INPUT, null] };

/** Turns a Sportello expression into what Form.io takes: JSON Logic, or JavaScript as fallback. */
function expr(logic, env, jsEnv) {
  try {
    return { json: toFormioLogic(logic, env) };
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    return { js: logicToJs(logic, { today: env.today, ...jsEnv }) };
  }
}

function visibility(rules, env, inRow) {
  const show = rules.filter((r) => r.type === 'show');
  const hide = rules.filter((r) => r.type === 'hide');
  if (show.length + hide.length === 0) return undefined;
  const jsEnv = { rowVar: inRow ? 'row' : undefined, indexVar: inRow ? ROW_INDEX : undefined };
  const parts = [...show, ...hide].map((r) => expr(r.when, env, jsEnv));
  if (parts.every((p) => p.json !== undefined)) {
    const s = parts.slice(0, show.length).map((p) => p.json);
    const h = parts.slice(show.length).map((p) => p.json);
    const conds = [];
    if (h.length) conds.push({ '!': { or: h } });
    if (s.length) conds.push({ or: s });
    return { conditional: { json: conds.length === 1 ? conds[0] : { and: conds } } };
  }
  // One of them needs JavaScript: the whole condition becomes a customConditional.
  const H = 'globalThis.__sportelloBench';
  const js = [...show, ...hide].map((r) => `${H}.truthy(${logicToJs(r.when, { today: env.today, ...jsEnv })})`);
  const s = js.slice(0, show.length);
  const h = js.slice(show.length);
  return { customConditional: `show = ${h.length ? `!(${h.join(' || ')})` : 'true'} && ${s.length ? `(${s.join(' || ')})` : 'true'};` };
}

function componentFor(field, model, env) {
  const def = model.definition;
  const { schema, ui } = field;
  const rules = model.rulesByField.get(field.path) ?? [];
  const inRow = !!field.group;
  const jsEnv = { rowVar: inRow ? 'row' : undefined, indexVar: inRow ? ROW_INDEX : undefined };
  const c = {
    key: field.name,
    label: label(def, ui.label, field.name),
    input: true,
    tableView: false,
    validate: {},
  };
  const checks = []; // [brokenWhen (JSON Logic), message]
  const jsChecks = []; // [brokenWhen (JS), message]
  if (field.requiredStatic) c.validate.required = true;

  if (field.kind === 'object') {
    Object.assign(c, { type: 'container', components: field.children.map((p) => componentFor(model.fields.get(p), model, env)) });
    delete c.validate.required;
  } else if (field.kind === 'group') {
    Object.assign(c, { type: 'datagrid', initEmpty: true, components: field.children.map((p) => componentFor(model.fields.get(p), model, env)) });
    const count = { reduce: [INPUT, { '+': [{ var: 'accumulator' }, 1] }, 0] };
    if (schema.minItems !== undefined) checks.push([{ and: [{ '!!': [INPUT] }, { '<': [count, schema.minItems] }] }, 'minItems']);
    if (schema.maxItems !== undefined) checks.push([{ '>': [count, schema.maxItems] }, 'maxItems']);
  } else {
    const types = typesOf(schema.type === 'array' ? schema.items ?? {} : schema);
    const values = enumOf(field.kind === 'list' ? schema.items ?? {} : schema);
    const widget = ui.widget;
    if (field.kind === 'list') {
      // Form.io validates a multiple-value component item by item (minLength, pattern, ... and
      // validate.json all see one item); the whole list is read through `row`, its parent.
      const items = schema.items ?? {};
      if (values) {
        Object.assign(c, { type: 'select', multiple: true, dataSrc: 'values', dataType: typeof values[0] === 'string' ? 'string' : 'auto', data: { values: values.map((v) => ({ label: String(v), value: v })) } });
        c.validate.onlyAvailableItems = true;
        checks.push([{ and: [PRESENT, { '!': { in: [INPUT, values] } }] }, 'enum']);
      } else {
        Object.assign(c, { type: 'textfield', multiple: true });
        if (items.minLength !== undefined) c.validate.minLength = items.minLength;
        if (items.maxLength !== undefined) c.validate.maxLength = items.maxLength;
        if (items.pattern !== undefined) c.validate.pattern = items.pattern;
        if (items.format) checks.push([{ '!': { format_ok: [INPUT, items.format] } }, `format:${items.format}`]);
      }
      const whole = { var: `row.${field.name}` };
      const count = { reduce: [whole, { '+': [{ var: 'accumulator' }, 1] }, 0] };
      if (schema.maxItems !== undefined) checks.push([{ '>': [count, schema.maxItems] }, 'maxItems']);
      if (schema.minItems !== undefined) checks.push([{ and: [{ '!!': [whole] }, { '<': [count, schema.minItems] }] }, 'minItems']);
      if (schema.uniqueItems) {
        // Each item must occur once: json-logic-js cannot compare list items with the outer input.
        jsChecks.push([`Array.isArray(row[${JSON.stringify(field.name)}]) && row[${JSON.stringify(field.name)}].filter((v) => v === input).length > 1`, 'uniqueItems']);
      }
    } else if (types.includes('boolean') && !(values && values.length === 1 && values[0] === true)) {
      Object.assign(c, { type: 'radio', values: [{ label: 'Sì', value: true }, { label: 'No', value: false }] });
    } else if (types.includes('boolean')) {
      Object.assign(c, { type: 'checkbox' });
    } else if (values) {
      const options = values.map((v) => ({ label: label(def, ui.options?.[String(v)], String(v)), value: v }));
      // Form.io normalizes option values by dataType: "auto" turns "3" into 3, and a radio with
      // dataType "string" turns a missing value into "undefined"; a select with dataType
      // "string" keeps strings as they are and leaves missing values alone.
      const strings = values.every((v) => typeof v === 'string');
      const ambiguous = strings && values.some((v) => v === 'true' || v === 'false' || (v.trim() !== '' && !Number.isNaN(Number(v))));
      if (widget === 'radio' && !ambiguous) Object.assign(c, { type: 'radio', values: options });
      else Object.assign(c, { type: 'select', dataSrc: 'values', data: { values: options }, ...(strings ? { dataType: 'string' } : {}) });
      c.validate.onlyAvailableItems = true;
      checks.push([{ and: [PRESENT, { '!': { in: [INPUT, values] } }] }, 'enum']);
    } else if (types.includes('number') || types.includes('integer')) {
      Object.assign(c, { type: 'number' });
      // Form.io's normalize turns a non-numeric string into NaN, which its own rules then skip;
      // NaN is the only value not equal to itself.
      checks.push([{ '!==': [INPUT, INPUT] }, 'type']);
      if (schema.minimum !== undefined) c.validate.min = schema.minimum;
      if (schema.maximum !== undefined) c.validate.max = schema.maximum;
      if (schema.exclusiveMinimum !== undefined) checks.push([{ and: [PRESENT, { '<=': [INPUT, schema.exclusiveMinimum] }] }, 'exclusiveMinimum']);
      if (schema.exclusiveMaximum !== undefined) checks.push([{ and: [PRESENT, { '>=': [INPUT, schema.exclusiveMaximum] }] }, 'exclusiveMaximum']);
      if (types.includes('integer') && !types.includes('number')) checks.push([{ and: [PRESENT, { '!=': [{ '%': [INPUT, 1] }, 0] }] }, 'integer']);
      if (schema.multipleOf !== undefined) checks.push([{ and: [PRESENT, { '!=': [{ '%': [INPUT, schema.multipleOf] }, 0] }] }, 'multipleOf']);
    } else {
      Object.assign(c, { type: widget === 'textarea' ? 'textarea' : widget === 'email' ? 'email' : 'textfield' });
      if (schema.minLength !== undefined) c.validate.minLength = schema.minLength;
      if (schema.maxLength !== undefined) c.validate.maxLength = schema.maxLength;
      if (schema.pattern !== undefined) c.validate.pattern = schema.pattern;
      if (schema.format) checks.push([{ '!': { format_ok: [INPUT, schema.format] } }, `format:${schema.format}`]);
    }
  }

  for (const rule of rules) {
    if (rule.type === 'require') {
      const e = expr(rule.when, env, jsEnv);
      const empty = field.kind === 'group' || field.kind === 'list'
        ? { '!': [INPUT] }
        : { or: [{ '==': [INPUT, null] }, { '===': [INPUT, ''] }] };
      if (e.json !== undefined) checks.push([{ and: [e.json, empty] }, 'required']);
      else jsChecks.push([`globalThis.__sportelloBench.truthy(${e.js}) && (input === null || input === undefined || input === '' || (Array.isArray(input) && input.length === 0))`, 'required']);
    } else if (rule.type === 'error') {
      const e = expr(rule.when, env, jsEnv);
      if (e.json !== undefined) checks.push([e.json, rule.message]);
      else jsChecks.push([`globalThis.__sportelloBench.truthy(${e.js})`, rule.message]);
    } else if (rule.type === 'compute') {
      const e = expr(rule.value, env, jsEnv);
      c.calculateServer = true;
      c.allowCalculateOverride = false;
      c.disabled = true;
      if (e.json !== undefined) c.calculateValue = e.json;
      else c.calculateValue = `value = ${e.js};`;
    }
  }
  Object.assign(c, visibility(rules, env, inRow));
  if (checks.length) c.validate.json = { if: [...checks.flatMap(([when, message]) => [when, message]), true] };
  if (jsChecks.length) {
    c.validate.custom = `valid = ${jsChecks.map(([when, message]) => `(${when}) ? ${JSON.stringify(message)} : `).join('')}true;`;
  }
  if (Object.keys(c.validate).length === 0) delete c.validate;
  return c;
}

/**
 * @param {any} definition
 * @param {{ today: string }} options
 * @returns {{ display: string, components: any[] }} the Form.io form
 */
export function toFormio(definition, { today }) {
  const model = buildModel(definition);
  const env = { today };
  const placed = new Set();
  const panels = model.steps.map((step) => {
    step.fields.forEach((p) => placed.add(p));
    const panel = {
      type: 'panel', key: `step_${step.id}`, title: label(definition, step.title, step.id), input: false, tableView: false,
      components: step.fields.map((p) => componentFor(model.fields.get(p), model, env)),
    };
    Object.assign(panel, visibility(model.rulesByStep.get(step.id) ?? [], env, false));
    return panel;
  });
  const unplaced = model.roots.filter((p) => !placed.has(p));
  if (unplaced.length) {
    panels.push({ type: 'panel', key: 'step__other', title: 'Other', input: false, tableView: false, components: unplaced.map((p) => componentFor(model.fields.get(p), model, env)) });
  }
  return { display: 'wizard', components: panels };
}

/**
 * The submission a Form.io client would send for these answers: a fresh copy, with every absent
 * repeating group as [] (Form.io's renderer always sends a datagrid's rows; given no value at
 * all, @formio/core validates the grid's columns as if there were one empty row).
 */
export function formioDataAdapter(definition) {
  const model = buildModel(definition);
  const groups = [...model.fields.values()].filter((f) => f.kind === 'group');
  return (data) => {
    const copy = structuredClone(data);
    for (const g of groups) {
      let cur = copy;
      const segs = g.segments;
      for (let i = 0; i < segs.length - 1 && cur; i++) cur = cur[segs[i].name] && typeof cur[segs[i].name] === 'object' ? cur[segs[i].name] : undefined;
      if (cur && cur[g.name] === undefined) cur[g.name] = [];
    }
    return copy;
  };
}

/**
 * Validates one submission as a Form.io server does. `data` is consumed (Form.io processors
 * write into it): pass a copy. Returns the errors (FieldError objects).
 */
export function validateWithFormio(form, data) {
  const submission = { data };
  const scope = { errors: [] };
  const first = { form, submission, data: submission.data, components: form.components, processors: ProcessTargets.submission, scope, config: { server: true } };
  processSync(first);
  submission.data = first.data;
  const second = {
    form, submission, data: submission.data, components: form.components, processors: ProcessTargets.evaluator,
    scope, config: { server: true }, options: { server: true },
  };
  processSync(second);
  return second.scope.errors;
}
