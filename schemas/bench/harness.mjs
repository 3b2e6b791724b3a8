/**
 * The four contestants behind one interface, and the agreement check. Used by run-bench.mjs
 * (with the built engine) and by bench.test.ts (with the TypeScript engine).
 *
 * Each tool has:
 * - setup(): what it does once per form before answers arrive (timed as "compile");
 * - prepare(data): the submission as that tool receives it (untimed: a copy in its data
 *   shape, as its own client would send it);
 * - check(state, input): true when the tool accepts the submission.
 */
import { performance } from 'node:perf_hooks';
import { Model } from 'survey-core';
import { buildModel } from './model.mjs';
import { compileRaw, createRawAjv } from './ajv-floor.mjs';
import { formioDataAdapter, registerFormioOperations, toFormio, validateWithFormio } from './to-formio.mjs';
import { createSurveyValidator, registerSurveyFunctions, surveyDataAdapter, toSurveyJs } from './to-surveyjs.mjs';

/** Form.io logs rule exceptions with console.warn/error; silenced while it runs. */
export function quietly(fn) {
  const { warn, error } = console;
  console.warn = () => {};
  console.error = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

export function createTools(definition, engine, { today }) {
  registerFormioOperations(engine.italianFormats);
  registerSurveyFunctions(engine.italianFormats);
  const formioForm = toFormio(definition, { today });
  const surveyJson = toSurveyJs(definition, { today });
  const toFormioData = formioDataAdapter(definition);
  const toSurveyData = surveyDataAdapter(definition);
  const sportello = {
    key: 'sportello',
    name: 'Sportello evaluate (rules + validation + fee + score)',
    mutates: false,
    setup: () => {
      const r = engine.compile(definition);
      if (!r.ok) throw new Error('Definition does not compile');
      return r.service;
    },
    prepare: (data) => data,
    check: (service, data) => engine.evaluate(service, data, { today }).valid,
  };
  let ajvInstance;
  const ajv = {
    key: 'ajv',
    name: 'Ajv on data schema (floor)',
    mutates: false,
    beforeSetup: () => { ajvInstance = createRawAjv(engine.italianFormats); },
    setup: () => compileRaw(definition.data, engine.italianFormats, ajvInstance),
    prepare: (data) => data,
    check: (validate, data) => validate(data),
  };
  const formio = {
    key: 'formio',
    name: '@formio/core server processing',
    mutates: true,
    // Form.io interprets the form JSON on every submission: nothing to prepare.
    setup: null,
    state: formioForm,
    prepare: toFormioData,
    check: (form, data) => quietly(() => validateWithFormio(form, data)).length === 0,
  };
  const survey = {
    key: 'survey',
    name: 'survey-core validation',
    mutates: true,
    setup: () => new Model(surveyJson),
    prepare: toSurveyData,
    json: surveyJson,
    // One model for all submissions (data replaced each time), unless that gives another verdict
    // than a fresh model on the benchmark's submissions (checkAgreement decides).
    mode: 'reuse',
    check(model, data) {
      return this.mode === 'reuse' ? createSurveyValidator.reuse(model, data) : createSurveyValidator.fresh(surveyJson, data);
    },
  };
  return { sportello, ajv, formio, survey, formioForm, surveyJson };
}

export const TOOL_ORDER = ['sportello', 'ajv', 'formio', 'survey'];

/**
 * SurveyJS does not update the panels of a dynamic panel while it is invisible, so one Model
 * reused across submissions can keep the previous submission's rows in a group that a rule
 * hides and shows. Reuse is safe when no repeating group can be hidden (no show/hide rule on
 * the group, on a section around it, or on its step).
 */
export function surveyReuseSafe(definition) {
  const model = buildModel(definition);
  const stepOf = new Map();
  for (const step of model.steps) for (const p of step.fields) stepOf.set(p, step.id);
  const hidable = (path) => (model.rulesByField.get(path) ?? []).some((r) => r.type === 'show' || r.type === 'hide');
  for (const f of model.fields.values()) {
    if (f.kind !== 'group') continue;
    let p = f;
    let root = f;
    while (p) {
      if (hidable(p.path)) return false;
      root = p;
      p = p.parent ? model.fields.get(p.parent) : undefined;
    }
    const step = stepOf.get(root.path);
    if (step && (model.rulesByStep.get(step) ?? []).some((r) => r.type === 'show' || r.type === 'hide')) return false;
  }
  return true;
}

/**
 * Runs all four on every submission (each tool's first pass over them: it doubles as the
 * warm-up); expected: valid ones accepted and invalid ones rejected by all four; rule-broken
 * ones rejected by the three that know the rules and accepted by plain Ajv. Also decides how SurveyJS is
 * run (see surveyReuseSafe), checking a sample against fresh Models when reuse is used.
 * @returns {{ total: number, agreed: number, perTool: Record<string, {validAccepted: number, invalidRejected: number}>, disagreements: any[], surveyMode: string, passMs: Record<string, number> }}
 */
export function checkAgreement(tools, suite, definition, { freshSample = 12 } = {}) {
  const all = (value) => Object.fromEntries(TOOL_ORDER.map((k) => [k, value]));
  const describe = (item) => item.broken.map((b) => `${b.kind} ${b.pointer}`).join(', ');
  const list = [
    ...suite.valid.map((data, i) => ({ data, kind: 'valid', expected: all(true), label: `valid #${i}` })),
    ...suite.invalid.map((item, i) => ({ data: item.data, kind: 'invalid', expected: all(false), label: `invalid #${i} (${describe(item)})` })),
    // Broken rules only: plain Ajv on the data schema accepts them by design.
    ...(suite.ruleBroken ?? []).map((item, i) => ({ data: item.data, kind: 'ruleBroken', expected: { ...all(false), ajv: true }, label: `rule-broken #${i} (${describe(item)})` })),
  ];
  const data = list.map((x) => x.data);
  const timedCount = suite.valid.length + suite.invalid.length;
  tools.survey.mode = surveyReuseSafe(definition) ? 'reuse' : 'fresh';
  const states = {};
  const v = {};
  const passMs = {};
  for (const key of TOOL_ORDER) {
    const t = tools[key];
    t.beforeSetup?.();
    states[key] = t.setup ? t.setup() : t.state;
    // Timed over the valid and invalid ones only: the set the benchmark measures.
    const inputs = data.map((d) => t.prepare(d));
    const t0 = performance.now();
    v[key] = inputs.map((input, i) => {
      if (i === timedCount) passMs[key] = performance.now() - t0;
      return t.check(states[key], input);
    });
    if (passMs[key] === undefined) passMs[key] = performance.now() - t0;
  }
  if (tools.survey.mode === 'reuse') {
    // Reuse must not change a verdict: compare a spread sample with fresh Models.
    const step = Math.max(1, Math.floor(data.length / freshSample));
    for (let i = 0; i < data.length; i += step) {
      if (createSurveyValidator.fresh(tools.survey.json, tools.survey.prepare(data[i])) !== v.survey[i]) {
        throw new Error(`survey-core: a reused Model and a fresh one disagree on ${list[i].label}`);
      }
    }
  }
  const perTool = {};
  for (const key of TOOL_ORDER) {
    const count = (kind, verdict) => list.filter((x, i) => x.kind === kind && v[key][i] === verdict).length;
    perTool[key] = { validAccepted: count('valid', true), invalidRejected: count('invalid', false), ruleBrokenRejected: count('ruleBroken', false) };
  }
  const disagreements = [];
  let agreed = 0;
  list.forEach((x, i) => {
    const got = Object.fromEntries(TOOL_ORDER.map((k) => [k, v[k][i]]));
    if (TOOL_ORDER.every((k) => got[k] === x.expected[k])) agreed++;
    else disagreements.push({ submission: x.label, expected: x.expected, verdicts: got });
  });
  return { total: list.length, agreed, perTool, disagreements, surveyMode: tools.survey.mode, passMs };
}
