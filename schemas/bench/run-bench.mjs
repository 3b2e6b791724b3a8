#!/usr/bin/env node
/**
 * Sportello's engine against raw Ajv, @formio/core and survey-core on one service definition
 * (default: the rent-subsidy template). See bench/README.md.
 *
 *   npm run bench -w schemas                       # build, then the full run
 *   node bench/run-bench.mjs [--template contributo-affitto | --file path.json]
 *                            [--n 50] [--rounds 5] [--seed 20261125] [--target-ms 400]
 *                            [--warmup-ms 1500] [--in-process] [--agreement-only]
 *
 * 1. generates N valid and N invalid submissions (deterministic, seeded);
 * 2. checks that all four accept exactly the valid ones (and that the three that know the rules
 *    reject N/2 more submissions that break only rules, which plain Ajv accepts); prints the
 *    agreement and exits 1 on any disagreement (listing a few);
 * 3. measures each contestant in its own worker thread (contestant.mjs; --in-process: all in
 *    this thread, as before), each warmed up for --warmup-ms, then interleaved (A B C D, A B C D,
 *    ..., one running at a time), per round: setup ("compile") time and submissions/s over all
 *    2N submissions; prints medians over the rounds, a table, and as the last line `RESULT {json}`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as engine from '../dist/src/index.js';
import { generateSuite, DEFAULT_TODAY } from './generate.mjs';
import { Worker } from 'node:worker_threads';
import { checkAgreement, createTools, TOOL_ORDER } from './harness.mjs';
import { createRunner } from './contestant.mjs';

/** A contestant timed in this thread. */
function inProcessRunner(runner) {
  return { call: async (what) => runner[what](), close: async () => {} };
}

/** A contestant timed in its own worker thread: messages 'warmUp' and 'round', one at a time. */
async function workerRunner(workerData) {
  const worker = new Worker(new URL('./contestant.mjs', import.meta.url), { workerData });
  const next = () => new Promise((resolve, reject) => {
    const onMessage = (msg) => { worker.off('error', onError); if (msg.ok) resolve(msg.value); else reject(new Error(msg.error)); };
    const onError = (e) => { worker.off('message', onMessage); reject(e); };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
  await next(); // 'ready'
  return {
    call: (what) => { const p = next(); worker.postMessage(what); return p; },
    close: () => worker.terminate(),
  };
}

function args() {
  const out = { template: 'contributo-affitto', file: undefined, n: 50, rounds: 5, seed: 20261125, targetMs: 400, warmupMs: 1500, today: DEFAULT_TODAY, inProcess: false };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--template') { out.template = v; i++; }
    else if (k === '--file') { out.file = v; i++; }
    else if (k === '--n') { out.n = Number(v); i++; }
    else if (k === '--rounds') { out.rounds = Number(v); i++; }
    else if (k === '--seed') { out.seed = Number(v); i++; }
    else if (k === '--target-ms') { out.targetMs = Number(v); i++; }
    else if (k === '--today') { out.today = v; i++; }
    else if (k === '--warmup-ms') { out.warmupMs = Number(v); i++; }
    else if (k === '--in-process') { out.inProcess = true; }
    else if (k === '--agreement-only') { out.agreementOnly = true; }
    else throw new Error(`Unknown option ${k}`);
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, digits = 0) => (x === null || x === undefined ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n));

async function main() {
  const opts = args();
  const here = fileURLToPath(new URL('.', import.meta.url));
  let path = opts.file ?? `${here}../templates/${opts.template}.json`;
  if (!opts.file && !existsSync(path)) {
    console.log(`(templates/${opts.template}.json not found: using examples/esempio-minimo.json)`);
    path = `${here}../examples/esempio-minimo.json`;
  }
  const definition = JSON.parse(readFileSync(path, 'utf8'));
  const fieldCount = (() => {
    let n = 0;
    const walk = (s) => { for (const c of Object.values(s.properties ?? {})) { n++; if (c.properties) walk(c); if (c.items?.properties) walk(c.items); } };
    walk(definition.data);
    return n;
  })();
  console.log(`Sportello benchmark: ${definition.id} ${definition.version} (${fieldCount} fields, ${(definition.rules ?? []).length} rules), node ${process.version}`);

  // 1. Submissions.
  let t = performance.now();
  const suite = generateSuite(definition, { engine, n: opts.n, seed: opts.seed, today: opts.today, ruleBroken: Math.ceil(opts.n / 2) });
  const kinds = Object.entries(suite.stats.kinds).map(([k, v]) => `${k} ${v}`).join(', ');
  const rulesBroken = Object.keys(suite.stats.rulesBroken).filter((r) => r !== 'require');
  console.log(`Generated ${suite.valid.length} valid + ${suite.invalid.length} invalid submissions (+ ${suite.ruleBroken.length} that break only rules, for the agreement check) in ${fmt((performance.now() - t) / 1000, 1)} s (seed ${opts.seed}, today ${opts.today})`);
  console.log(`  data-schema constraints broken: ${kinds}`);
  console.log(`  rules broken: ${suite.stats.rulesBroken.require ?? 0} fields required by a rule left empty; error rules ${rulesBroken.join(', ') || 'none'}`);

  // 2. Agreement.
  const tools = createTools(definition, engine, { today: opts.today });
  t = performance.now();
  const agreement = checkAgreement(tools, suite, definition);
  console.log(`\nAgreement (${fmt((performance.now() - t) / 1000, 1)} s): verdicts as expected on ${agreement.agreed}/${agreement.total} submissions`);
  for (const key of TOOL_ORDER) {
    const p = agreement.perTool[key];
    const rb = key === 'ajv' ? `accepts ${suite.ruleBroken.length - p.ruleBrokenRejected}/${suite.ruleBroken.length} rule-broken (by design)` : `rejects ${p.ruleBrokenRejected}/${suite.ruleBroken.length} rule-broken`;
    console.log(`  ${pad(tools[key].name, 56)} accepts ${p.validAccepted}/${suite.valid.length} valid, rejects ${p.invalidRejected}/${suite.invalid.length} invalid, ${rb}`);
  }
  console.log(agreement.surveyMode === 'reuse'
    ? '  survey-core: one Model reused for all submissions (no repeating group can be hidden; a sample checked against fresh Models)'
    : '  survey-core: a fresh Model per submission (a repeating group can be hidden, and a reused Model would keep its old rows)');
  if (agreement.disagreements.length > 0) {
    console.log(`\nDISAGREEMENT on ${agreement.disagreements.length} submissions; first ones:`);
    const show = (o) => TOOL_ORDER.map((k) => `${k} ${o[k] ? 'valid' : 'invalid'}`).join(', ');
    for (const d of agreement.disagreements.slice(0, 8)) console.log(`  ${d.submission}:\n    expected ${show(d.expected)}\n    got      ${show(d.verdicts)}`);
    process.exitCode = 1;
    return;
  }

  if (opts.agreementOnly) return;

  // 3. Measurement: each contestant in its own worker thread (isolate) unless --in-process,
  // warmed up the same way, then interleaved round by round, one running at a time.
  const data = [...suite.valid, ...suite.invalid.map((x) => x.data)];
  const compileMs = Object.fromEntries(TOOL_ORDER.map((k) => [k, []]));
  const perSec = Object.fromEntries(TOOL_ORDER.map((k) => [k, []]));
  const cpuPerSec = Object.fromEntries(TOOL_ORDER.map((k) => [k, []]));
  const runners = {};
  for (const key of TOOL_ORDER) {
    runners[key] = opts.inProcess
      ? inProcessRunner(createRunner(tools[key], data, opts))
      : await workerRunner({ contestant: true, key, definition, data, today: opts.today, surveyMode: agreement.surveyMode, targetMs: opts.targetMs, warmupMs: opts.warmupMs });
  }
  const warm = {};
  // One after another, so that no warm-up shares the CPU with another.
  for (const key of TOOL_ORDER) warm[key] = await runners[key].call('warmUp');
  console.log(`\nTiming ${opts.inProcess ? 'in this process (--in-process)' : 'each contestant in its own worker thread'}; warm-up of at least ${opts.warmupMs} ms each (passes: ${TOOL_ORDER.map((k) => `${k} ${warm[k].passes}`).join(', ')})`);
  console.log(`Passes over the ${data.length} submissions per timed batch: ${TOOL_ORDER.map((k) => `${k} ${warm[k].reps}`).join(', ')}`);
  for (let round = 0; round < opts.rounds; round++) {
    const line = [];
    for (const key of TOOL_ORDER) {
      const r = await runners[key].call('round');
      if (r.compileMs !== null) compileMs[key].push(r.compileMs);
      perSec[key].push(r.perSec);
      if (r.cpuPerSec !== null) cpuPerSec[key].push(r.cpuPerSec);
      line.push(`${key} ${fmt(r.perSec)}/s${r.cpuPerSec === null ? '' : ` (cpu ${fmt(r.cpuPerSec)}/s)`}`);
    }
    console.log(`  round ${round + 1}: ${line.join(', ')}`);
  }
  for (const key of TOOL_ORDER) await runners[key].close();

  const med = Object.fromEntries(TOOL_ORDER.map((k) => [k, median(perSec[k])]));
  const hasCpu = TOOL_ORDER.every((k) => cpuPerSec[k].length === opts.rounds);
  const medCpu = Object.fromEntries(TOOL_ORDER.map((k) => [k, hasCpu ? median(cpuPerSec[k]) : null]));
  const medCompile = Object.fromEntries(TOOL_ORDER.map((k) => [k, compileMs[k].length ? median(compileMs[k]) : null]));
  const setupLabel = {
    sportello: 'compile()',
    ajv: 'ajv.compile(data)',
    formio: 'none (JSON read per submission)',
    survey: 'new Model(json)',
  };
  console.log(`\nMedians of ${opts.rounds} rounds, ${data.length} submissions each (${suite.valid.length} valid + ${suite.invalid.length} invalid), ${definition.id}:\n`);
  const header = `| ${pad('', 56)} | ${pad('submissions/s', 14, true)} | ${pad('µs/submission', 14, true)} | ${pad('vs Sportello', 12, true)} | ${pad('setup', 32)} | ${pad('setup ms', 9, true)} |`;
  console.log(header);
  console.log(`|${'-'.repeat(58)}|${'-'.repeat(15)}:|${'-'.repeat(15)}:|${'-'.repeat(13)}:|${'-'.repeat(34)}|${'-'.repeat(10)}:|`);
  for (const key of TOOL_ORDER) {
    const ratio = key === 'sportello' ? '1.00x' : `${fmt(med.sportello / med[key], 2)}x`;
    console.log(`| ${pad(tools[key].name, 56)} | ${pad(fmt(med[key]), 14, true)} | ${pad(fmt(1e6 / med[key], 1), 14, true)} | ${pad(ratio, 12, true)} | ${pad(setupLabel[key], 32)} | ${pad(fmt(medCompile[key], 2), 9, true)} |`);
  }
  const ratioVsAjv = med.sportello / med.ajv;
  const ratioVsFormio = med.sportello / med.formio;
  const ratioVsSurvey = med.sportello / med.survey;
  console.log(`\nTargets: full evaluate >= 50% of raw Ajv: ${fmt(ratioVsAjv * 100, 1)}% ${ratioVsAjv >= 0.5 ? 'MET' : 'MISSED'}; >= 10x @formio/core: ${fmt(ratioVsFormio, 1)}x ${ratioVsFormio >= 10 ? 'MET' : 'MISSED'}; >= 10x survey-core: ${fmt(ratioVsSurvey, 1)}x ${ratioVsSurvey >= 10 ? 'MET' : 'MISSED'}`);
  if (hasCpu) {
    console.log(`Per thread CPU time (medians; the wall clock also counts waiting for a CPU on a busy machine): ${TOOL_ORDER.map((k) => `${k} ${fmt(medCpu[k])}/s (${fmt(1e6 / medCpu[k], 1)} µs)`).join(', ')}; evaluate / Ajv ${fmt((medCpu.sportello / medCpu.ajv) * 100, 1)}%`);
  }
  const round2 = (x) => (x === null ? null : Math.round(x * 100) / 100);
  const result = {
    template: definition.id,
    fields: fieldCount,
    rules: (definition.rules ?? []).length,
    submissions: data.length,
    valid: suite.valid.length,
    invalid: suite.invalid.length,
    rounds: opts.rounds,
    agreement: `${agreement.agreed}/${agreement.total}`,
    ruleBroken: suite.ruleBroken.length,
    evaluatePerSec: Math.round(med.sportello),
    ajvPerSec: Math.round(med.ajv),
    formioPerSec: Math.round(med.formio),
    surveyPerSec: Math.round(med.survey),
    surveyMode: agreement.surveyMode,
    ratioVsAjv: round2(ratioVsAjv),
    ratioVsFormio: round2(ratioVsFormio),
    ratioVsSurvey: round2(ratioVsSurvey),
    compileMs: { sportello: round2(medCompile.sportello), ajv: round2(medCompile.ajv), formio: null, survey: round2(medCompile.survey) },
    targetsMet: ratioVsAjv >= 0.5 && ratioVsFormio >= 10 && ratioVsSurvey >= 10,
    cpu: hasCpu
      ? { evaluatePerSec: Math.round(medCpu.sportello), ajvPerSec: Math.round(medCpu.ajv), formioPerSec: Math.round(medCpu.formio), surveyPerSec: Math.round(medCpu.survey), ratioVsAjv: round2(medCpu.sportello / medCpu.ajv) }
      : null,
    timing: opts.inProcess ? 'in-process' : 'worker-per-contestant',
    node: process.version,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

await main();
