// Where a keystroke's time goes on the rent subsidy's household step: Chromium's trace (devtools
// timeline categories) and a CPU profile (CDP Profiler) over typed keystrokes, summed per kind of
// work on the page's main thread and per JavaScript function (self time). Needs the app running
// (BENCH_URL). Prints the tables and a last line `RESULT {json}`.
import { chromium } from '@playwright/test';
import { toHouseholdStep, typedKeystrokes } from './keystrokes.mjs';

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const ENTE = process.env.BENCH_ENTE ?? 'comune-di-esempio';
const KEYS = Number(process.env.BENCH_KEYS ?? 100);
const WIZARD = `/${ENTE}/servizi/contributo-affitto/domanda`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  const page = await (await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } })).newPage();
  // React commits counted through the hook React DevTools uses (production builds call it too).
  await page.addInitScript(() => {
    window.__reactCommits = 0;
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true, renderers: new Map(), inject: () => 1, checkDCE: () => undefined,
      onCommitFiberRoot: () => { window.__reactCommits++; }, onCommitFiberUnmount: () => undefined, onPostCommitFiberRoot: () => undefined,
    };
  });
  await page.goto(`${BASE}/${ENTE}/accedi?back=${encodeURIComponent(WIZARD)}`);
  await page.getByRole('button', { name: /Anna Conti/ }).click();
  await page.waitForURL((u) => u.pathname === WIZARD);
  await page.locator('h1').waitFor();
  await toHouseholdStep(page);
  await typedKeystrokes(page, '#f-nucleo-0-reddito', 20); // warm-up

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, { categories: (process.env.TRACE_CATEGORIES ?? 'devtools.timeline,blink.user_timing').split(',') });
  await cdp.send('Profiler.start');
  const commitsBefore = await page.evaluate(() => window.__reactCommits);
  await typedKeystrokes(page, '#f-nucleo-0-reddito', KEYS);
  const commitsPerKey = +((await page.evaluate(() => window.__reactCommits) - commitsBefore) / KEYS).toFixed(2);
  const { profile } = await cdp.send('Profiler.stop');
  const buffer = await browser.stopTracing();
  if (process.env.TRACE_OUT) { // for Perfetto / DevTools
    const fs = await import('node:fs');
    fs.writeFileSync(process.env.TRACE_OUT, buffer);
    fs.writeFileSync(`${process.env.TRACE_OUT}.cpuprofile`, JSON.stringify(profile));
  }
  const trace = JSON.parse(buffer.toString());

  // Main thread of the page's renderer: the thread of the first RunTask carrying frame data.
  const events = trace.traceEvents ?? trace;
  // The renderer main thread that ran the keystrokes: the one with the most EventDispatch events.
  const dispatches = new Map();
  for (const e of events) if (e.name === 'EventDispatch') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const [busiest] = [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0].split(':').map(Number) ? [[...dispatches].sort((a, b) => b[1] - a[1])[0][0].split(':').map(Number)] : [[]];
  const [main, mainTid] = busiest;
  const kinds = new Map();
  const threadKinds = new Map(); // thread (CPU) time: what the page's work cost, without preemption by other processes
  const add = (k, ms, threadMs) => {
    kinds.set(k, (kinds.get(k) ?? 0) + ms);
    threadKinds.set(k, (threadKinds.get(k) ?? 0) + threadMs);
  };
  for (const e of events) {
    if (e.pid !== main || e.tid !== mainTid || e.ph !== 'X' || !e.dur) continue;
    const threadMs = (e.tdur ?? e.dur) / 1000;
    if (e.name === 'EventDispatch') add(`EventDispatch ${e.args?.data?.type}`, e.dur / 1000, threadMs);
    if (['EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FireAnimationFrame',
      'TimerFire', 'FunctionCall', 'RunMicrotasks', 'HitTest', 'ParseHTML', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase',
      'IntersectionObserverController::computeIntersections', 'UpdateLayer', 'RunTask'].includes(e.name)) add(e.name, e.dur / 1000, threadMs);
  }
  console.log(`${KEYS} typed keystrokes; main thread, ms per keystroke, wall and thread time (nested: RunTask contains the rest, EventDispatch contains handlers):`);
  const perKey = Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, +(ms / KEYS).toFixed(3)]));
  const threadPerKey = Object.fromEntries([...threadKinds].map(([k, ms]) => [k, +(ms / KEYS).toFixed(3)]));
  for (const [k, v] of Object.entries(perKey)) console.log(`  ${k.padEnd(44)} ${v.toFixed(3)}  ${threadPerKey[k].toFixed(3)}`);

  // Self time per function from the CPU profile.
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  const top = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`CPU profile, self time per keystroke (ms), top functions (minified names):`);
  for (const [k, ms] of top) console.log(`  ${(ms / KEYS).toFixed(3)}  ${k}`);
  const totals = Object.fromEntries(['(idle)', '(program)', '(garbage collector)'].map((k) => [k, +(([...self].filter(([n]) => n.startsWith(k)).reduce((s, [, v]) => s + v, 0)) / KEYS).toFixed(3)]));
  console.log(`React commits per keystroke: ${commitsPerKey}`);
  console.log(`RESULT ${JSON.stringify({ keystrokes: KEYS, commitsPerKey, mainThreadMsPerKey: perKey, threadMsPerKey: threadPerKey, profileMsPerKey: totals })}`);
} finally {
  await browser.close();
}
