#!/usr/bin/env node
/**
 * Where evaluate() spends its time on the benchmark's submissions: runs it in a loop under the
 * V8 CPU profiler (node:inspector) and prints the functions with the most self time and the
 * engine functions with the most total time.
 *
 *   npm run build -w schemas && node schemas/bench/profile-evaluate.mjs [--template NAME] [--n 50] [--seconds 5] [--save file.cpuprofile]
 *
 * The saved profile opens in Chrome DevTools (Performance) or speedscope.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector';
import * as engine from '../dist/src/index.js';
import { generateSuite, DEFAULT_TODAY } from './generate.mjs';
import { compileRaw } from './ajv-floor.mjs';

const opts = { template: 'contributo-affitto', n: 50, seconds: 5, save: undefined };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const k = argv[i].replace(/^--/, '');
  opts[k] = k === 'template' || k === 'save' ? argv[i + 1] : Number(argv[i + 1]);
}
const here = fileURLToPath(new URL('.', import.meta.url));
const definition = JSON.parse(readFileSync(`${here}../templates/${opts.template}.json`, 'utf8'));
const suite = generateSuite(definition, { engine, n: opts.n, today: DEFAULT_TODAY });
const data = [...suite.valid, ...suite.invalid.map((x) => x.data)];
const service = engine.compile(definition).service;
const raw = compileRaw(definition.data, engine.italianFormats);

const rate = (fn) => {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 1000) for (const d of data) { fn(d); n++; }
  return n / ((performance.now() - t0) / 1000);
};
rate((d) => engine.evaluate(service, d, { today: DEFAULT_TODAY })); // warm-up
const ev = rate((d) => engine.evaluate(service, d, { today: DEFAULT_TODAY }));
const aj = rate((d) => raw(d));
const relaxed = rate((d) => service.validate(d));
console.log(`${definition.id}: evaluate ${Math.round(ev)}/s (${(1e6 / ev).toFixed(1)} µs), plain Ajv ${Math.round(aj)}/s (${(1e6 / aj).toFixed(1)} µs), the engine's relaxed Ajv alone ${Math.round(relaxed)}/s (${(1e6 / relaxed).toFixed(1)} µs)`);

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 100 });
await post('Profiler.start');
const t0 = performance.now();
let count = 0;
while (performance.now() - t0 < opts.seconds * 1000) for (const d of data) { engine.evaluate(service, d, { today: DEFAULT_TODAY }); count++; }
const { profile } = await post('Profiler.stop');
if (opts.save) writeFileSync(opts.save, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const ticks = new Map();
for (let i = 0; i < profile.samples.length; i++) ticks.set(profile.samples[i], (ticks.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const label = (n) => {
  const cf = n.callFrame;
  const file = cf.url ? cf.url.replace(/^.*\/(schemas\/dist\/|node_modules\/)/, '') : '(native)';
  return `${cf.functionName || '(anonymous)'}  ${file}:${cf.lineNumber + 1}`;
};
let total = 0;
const self = new Map();
const incl = new Map();
for (const n of profile.nodes) {
  const t = ticks.get(n.id) ?? 0;
  if (!t) continue;
  total += t;
  self.set(label(n), (self.get(label(n)) ?? 0) + t);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id));
    if (!seen.has(l)) { seen.add(l); incl.set(l, (incl.get(l) ?? 0) + t); }
  }
}
const show = (map, filter, k) => [...map.entries()].filter(([l]) => filter(l)).sort((a, b) => b[1] - a[1]).slice(0, k)
  .map(([l, t]) => `  ${((t / total) * 100).toFixed(1).padStart(5)}%  ${l}`).join('\n');
console.log(`\n${count} evaluations in ${opts.seconds} s under the profiler.\n\nSelf time (top 25):\n${show(self, () => true, 25)}`);
console.log(`\nTotal time of the engine's functions (top 25):\n${show(incl, (l) => l.includes('src/') && !l.includes('profile-evaluate'), 25)}`);
