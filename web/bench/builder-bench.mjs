// Builder benchmark in Debian's Chromium against a running app (`npm start`, or BENCH_URL), on the
// largest template (contributo-affitto, the rent subsidy: ~140 fields, 84 rules):
//  1. opening the editor: navigation to the editor's URL until its steps and the live preview of
//     the first step are on screen (server render, hydration, compile of the working copy);
//  2. a property change to the preview: the label of a field typed in the properties panel (rjsf)
//     until the live preview beside it shows the new label (store update, recompile, re-render);
//  3. the page's memory over many edits that change the compiled code (a number field's maximum,
//     which Ajv writes into its generated validator): JS heap after GC before and after, and how
//     many scripts V8 compiled meanwhile (Node's compilation cache kept every such source; the
//     server turns it off, shared/code-cache.ts, but a browser page cannot, so it is measured).
// The bench works on its own copy, created from the template through the designer's home.
// Prints the numbers and a last line `RESULT {json}`.
import { chromium } from '@playwright/test';

const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const OPENS = Number(process.env.BENCH_OPENS ?? 10);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 30);
const EDITS = Number(process.env.BENCH_EDITS ?? 300);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s[s.length - 1].toFixed(1) };
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/builder/accedi`);
  await page.getByRole('button', { name: /Marco Esposito/ }).first().click();
  await page.waitForURL((u) => u.pathname === '/builder');
  await page.getByRole('button', { name: /Crea un servizio dal modello Contributo per il sostegno/ }).click();
  await page.waitForURL((u) => /^\/builder\/[^/]+$/.test(u.pathname));
  const editorUrl = page.url().split('?')[0];
  await page.getByTestId('step-0').waitFor();

  // 1. Opening the editor (each time a fresh navigation; the first one warms the server's caches).
  const opens = [];
  for (let i = 0; i <= OPENS; i++) {
    const t0 = Date.now();
    await page.goto(editorUrl);
    await page.getByTestId('step-0').waitFor();
    await page.getByTestId('live-preview').getByTestId('preview').waitFor();
    if (i > 0) opens.push(Date.now() - t0);
  }

  // 2. Property change -> live preview re-rendered with it (timed inside the page).
  await page.getByTestId('field-richiedente').getByRole('button', { name: /^Dati del richiedente/ }).first().click();
  const input = page.locator('#props-richiedente_label');
  await input.waitFor();
  const changes = await page.evaluate(async (n) => {
    const el = document.querySelector('#props-richiedente_label');
    const preview = document.querySelector('[data-testid="live-preview"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = [];
    for (let i = 0; i < n; i++) {
      const marker = `Richiedente ${i} ${Math.random().toString(36).slice(2, 7)}`;
      const shown = new Promise((resolve) => {
        const check = () => { if (preview.textContent.includes(marker)) { obs.disconnect(); resolve(performance.now()); return true; } return false; };
        const obs = new MutationObserver(check);
        obs.observe(preview, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      setter.call(el, marker);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = await shown;
      out.push(t1 - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    return out;
  }, CHANGES);

  // 3. Memory over edits that change the generated code.
  await page.getByTestId('field-nucleo[].reddito').getByRole('button', { name: /^Reddito/ }).first().click();
  const maximum = page.locator('[id$="reddito_maximum"]');
  await maximum.waitFor();
  const maxId = await maximum.getAttribute('id');
  const cdp = await context.newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return +((await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576).toFixed(1);
  };
  let compiled = 0;
  cdp.on('Debugger.scriptParsed', () => { compiled++; });
  await cdp.send('Debugger.enable');
  const heapBefore = await heapMb();
  for (let i = 1; i <= EDITS; i++) {
    await page.evaluate(([id, v]) => {
      const el = document.getElementById(id);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, [maxId, 100000 + i * 7]);
    await page.waitForTimeout(60);
  }
  const heapAfter = await heapMb();
  await cdp.send('Debugger.disable');
  const memory = { edits: EDITS, scriptsCompiled: compiled, heapBeforeMb: heapBefore, heapAfterMb: heapAfter, perEditKb: +(((heapAfter - heapBefore) * 1024) / EDITS).toFixed(1) };

  const open = stats(opens);
  const change = stats(changes);
  console.log(`Editor open on contributo-affitto (navigation to steps + live preview shown), ${open.n} runs: median ${open.median} ms, p95 ${open.p95} ms, max ${open.max} ms`);
  console.log(`Property change to preview re-rendered (label typed in rjsf panel -> live preview shows it), ${change.n} runs: median ${change.median} ms, p95 ${change.p95} ms, max ${change.max} ms`);
  console.log(`Memory over ${EDITS} edits of a maximum (${compiled} scripts compiled): JS heap after GC ${heapBefore} -> ${heapAfter} MB (${memory.perEditKb} KB per edit)`);
  console.log(`RESULT ${JSON.stringify({ template: 'contributo-affitto', openMs: open, changeToPreviewMs: change, memory, base: BASE })}`);
} finally {
  await browser.close();
}
