// Wizard benchmarks in Debian's Chromium against a running app (`npm start`, or BENCH_URL):
//  1. per-keystroke re-evaluation on the rent subsidy (contributo-affitto, ~140 fields, household rows):
//     the engine's part (toAnswers + evaluate, timed inside the page), the update (input event to the
//     DOM committed) and the frame (input to the next animation frame + task, i.e. painted; this one
//     includes waiting for the display's next vsync);
//  2. first-load JavaScript of the wizard page, gzipped: every script the page loads (framework,
//     page, the wizard's own chunk with the engine), each gzipped at level 9 and summed.
// With BENCH_SOURCES=1 and a build with source maps (chunk-sources.mjs), also what the scripts hold, by package.
// Prints the numbers and a last line `RESULT {json}`.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { floorOfSyntheticLoop, thresholdStats, toHouseholdStep, typedKeystrokes } from './keystrokes.mjs';
import path from 'node:path';
import { chunksDir, sourcesOf } from './chunk-sources.mjs';

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const ENTE = process.env.BENCH_ENTE ?? 'comune-di-esempio';
const KEYS = Number(process.env.BENCH_KEYS ?? 300);
const WIZARD = `/${ENTE}/servizi/contributo-affitto/domanda`;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: +q(0.5).toFixed(3), p95: +q(0.95).toFixed(3), max: +s[s.length - 1].toFixed(3) };
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/${ENTE}/accedi?back=${encodeURIComponent(WIZARD)}`);
  await page.getByRole('button', { name: /Anna Conti/ }).click();
  await page.waitForURL((u) => u.pathname === WIZARD);
  await page.locator('h1').waitFor();

  // First-load JS: a fresh, cold load of the wizard page (service worker bypassed).
  const cold = await browser.newContext({ locale: 'it-IT', storageState: await context.storageState(), serviceWorkers: 'block' });
  const coldPage = await cold.newPage();
  const scripts = new Map();
  coldPage.on('response', async (res) => {
    if (res.request().resourceType() === 'script' && res.url().startsWith(BASE)) scripts.set(res.url(), res);
  });
  const nav = await coldPage.goto(`${BASE}${WIZARD}`, { waitUntil: 'networkidle' });
  await coldPage.locator('#wizard-progress').waitFor();
  // Scripts the HTML names (Next's "First Load JS") vs those loaded after it (the wizard's lazily
  // loaded chunk with the engine): both count in the total, the split says where the weight is.
  const html = await nav.text();
  let raw = 0, gz = 0, initialGz = 0;
  const sizes = [];
  const initialFiles = [], laterFiles = [];
  for (const [url, res] of scripts) {
    const body = await res.body();
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gz += z;
    const initial = html.includes(new URL(url).pathname);
    if (initial) initialGz += z;
    sizes.push({ script: new URL(url).pathname.split('/').pop(), gzKb: +(z / 1024).toFixed(1), initial });
    (initial ? initialFiles : laterFiles).push(path.join(chunksDir, new URL(url).pathname.split('/').pop()));
  }
  await cold.close();

  // Keystrokes on the household step (rows with per-row rules and totals).
  await toHouseholdStep(page);
  const timings = await page.evaluate(async (n) => {
    const el = document.querySelector('#f-nucleo-0-reddito');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = { engine: [], update: [], frame: [] };
    const total = document.querySelector('#f-riepilogo-redditoComplessivo');
    for (let i = 0; i < n; i++) {
      const before = window.__wizardTimings.length;
      const t0 = performance.now();
      setValue.call(el, String(1000 + i));
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      out.update.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.frame.push(performance.now() - t0);
      if (window.__wizardTimings.length > before) out.engine.push(window.__wizardTimings[window.__wizardTimings.length - 1]);
    }
    return { ...out, total: total?.textContent ?? null };
  }, KEYS);
  const floor = stats((await floorOfSyntheticLoop(page, 100)).slice(20));
  const typed = await typedKeystrokes(page, '#f-nucleo-0-reddito', KEYS);
  const eventTiming = thresholdStats(typed.n, typed.slow);
  const inPage = stats(typed.inPage.slice(20));
  const processing = stats(typed.processing.slice(20));
  const engine = stats(timings.engine.slice(20));
  const update = stats(timings.update.slice(20));
  const frame = stats(timings.frame.slice(20));
  const firstLoadKb = +(gz / 1024).toFixed(1);
  console.log(`keystrokes: ${KEYS} (first 20 dropped as warm-up); household total now shows ${timings.total}`);
  console.log(`engine (toAnswers + evaluate) ms: median ${engine.median}, p95 ${engine.p95}, max ${engine.max}  (target < 1)`);
  console.log(`input -> DOM updated ms:         median ${update.median}, p95 ${update.p95}`);
  console.log(`input -> next frame ms:          median ${frame.median}, p95 ${frame.p95}  (synthetic loop: each input right after a frame, so a whole vsync wait)`);
  console.log(`  the same loop with no input:   median ${floor.median}, p95 ${floor.p95}  (the loop's floor: the frame clock, not the work)`);
  console.log(`typed keystrokes (${typed.n} real key presses at random moments, see keystrokes.mjs):`);
  console.log(`  keydown -> DOM updated ms:           median ${processing.median}, p95 ${processing.p95}`);
  console.log(`  keydown -> next frame + task ms:     median ${inPage.median}, p95 ${inPage.p95}, max ${inPage.max}  (target < 16)`);
  console.log(`  Event Timing input -> next paint ms: median ${eventTiming.median}, p95 ${eventTiming.p95}, max ${eventTiming.max}; ${eventTiming.atLeast16} of ${typed.n} >= 16 ms  (unreliable on this page headless: see keystrokes.mjs)`);
  console.log(`wizard page first-load JS: ${scripts.size} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${firstLoadKb} KB gzipped (target < 250)`);
  console.log(`  of which named by the HTML: ${(initialGz / 1024).toFixed(1)} KB gzipped; loaded after it: ${((gz - initialGz) / 1024).toFixed(1)} KB`);
  for (const x of sizes.sort((a, b) => b.gzKb - a.gzKb)) console.log(`  ${x.gzKb.toFixed(1).padStart(6)} KB  ${x.initial ? 'html ' : 'later'}  ${x.script}`);
  if (process.env.BENCH_SOURCES === '1') {
    for (const [what, files] of [['named by the HTML', initialFiles], ['loaded after it', laterFiles]]) {
      const groups = sourcesOf(files);
      if (!groups) { console.log(`  (no source maps: build with SPORTELLO_SOURCE_MAPS=1 to see what the scripts hold)`); break; }
      console.log(`  ${what}, by package (each group gzipped alone):`);
      for (const g of groups.filter((x) => x.gzKb >= 0.3)) console.log(`    ${g.gzKb.toFixed(1).padStart(6)} KB gz ${g.rawKb.toFixed(1).padStart(7)} KB raw  ${g.group}`);
    }
  }
  console.log(`RESULT ${JSON.stringify({ keystrokes: KEYS, engineMs: engine, updateMs: update, frameMs: frame, loopFloorMs: floor, eventTimingMs: eventTiming, typedUpdateMs: processing, typedFrameMs: inPage, firstLoadJsGzipKb: firstLoadKb, htmlScriptsGzipKb: +(initialGz / 1024).toFixed(1), firstLoadJsRawKb: +(raw / 1024).toFixed(1), scripts: scripts.size })}`);
} finally {
  await browser.close();
}
