/**
 * One contestant's timing, the same code in a worker thread (the default: each contestant in its
 * own V8 isolate, with its own heap, garbage collector and JIT feedback) and in the main thread
 * (run-bench.mjs --in-process). See bench/README.md, "Timing".
 *
 * createRunner(tool, data, opts):
 * - warmUp(): passes over the submissions until at least opts.warmupMs have passed (in the
 *   thread's CPU time where available; at least one pass), then sets how many passes make a timed batch of at least opts.targetMs, from the last
 *   (warm) pass;
 * - round(): one round: the setup timed (mean of three from scratch, on instances thrown away),
 *   then one timed batch on the instance warmed up before, in wall-clock time and in the
 *   thread's CPU time (threadCpuMs).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * CPU time used so far by the calling thread, in ms (Linux: /proc/thread-self/stat, 10 ms
 * ticks), or null elsewhere. Unlike the wall clock it does not count the time the thread waits
 * for a CPU that other processes hold, so it stays meaningful on a busy shared machine. It does
 * not count V8's helper threads either (concurrent GC marking, background compilation), the same
 * for every contestant.
 */
export function threadCpuMs() {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 1/100 s
  } catch {
    return null;
  }
}

export function createRunner(tool, data, { targetMs, warmupMs }) {
  const state = tool.setup ? (tool.beforeSetup?.(), tool.setup()) : tool.state;
  let reps = 1;
  const run = (inputs) => {
    for (const input of inputs) if (tool.check(state, input) === undefined) throw new Error('no verdict');
  };
  const pass = () => {
    const inputs = data.map((d) => tool.prepare(d)); // untimed: the submission as this tool receives it
    const t0 = performance.now();
    run(inputs);
    return performance.now() - t0;
  };
  return {
    warmUp() {
      // In the thread's CPU time where available, so that a busy machine does not shorten it.
      const clock = threadCpuMs() === null ? () => performance.now() : threadCpuMs;
      const t0 = performance.now();
      const c0 = clock();
      let passes = 0;
      let last;
      do { last = pass(); passes++; } while (clock() - c0 < warmupMs);
      reps = Math.max(1, Math.ceil(targetMs / Math.max(last, 1e-3)));
      return { passes, reps, warmupMs: performance.now() - t0 };
    },
    round() {
      let compileMs = null;
      if (tool.setup) {
        // A few setups per round (each from scratch), averaged: one is too short to time alone.
        let total = 0;
        // Timed on fresh instances; the batch below keeps running on the one built and warmed up
        // before the rounds (compile once, evaluate many), the same for every contestant.
        for (let i = 0; i < 3; i++) {
          tool.beforeSetup?.();
          const t0 = performance.now();
          tool.setup();
          total += performance.now() - t0;
        }
        compileMs = total / 3;
      }
      // Every pass's inputs made before the batch (untimed), so that one CPU-time reading covers it.
      const batch = Array.from({ length: reps }, () => data.map((d) => tool.prepare(d)));
      const c0 = threadCpuMs();
      const t0 = performance.now();
      for (const inputs of batch) run(inputs);
      const elapsed = performance.now() - t0;
      const cpuMs = c0 === null ? null : threadCpuMs() - c0;
      const count = reps * data.length;
      return { compileMs, perSec: count / (elapsed / 1000), cpuPerSec: cpuMs ? count / (cpuMs / 1000) : null, elapsed };
    },
  };
}

// As a worker: build the one tool named in workerData, warm it up, then time a round per message.
if (!isMainThread && workerData?.contestant) {
  const { key, definition, data, today, surveyMode, targetMs, warmupMs } = workerData;
  const engine = await import('../dist/src/index.js');
  const { createTools } = await import('./harness.mjs');
  const tools = createTools(definition, engine, { today });
  tools.survey.mode = surveyMode;
  const runner = createRunner(tools[key], data, { targetMs, warmupMs });
  parentPort.on('message', (msg) => {
    try {
      if (msg === 'warmUp') parentPort.postMessage({ ok: true, value: runner.warmUp() });
      else if (msg === 'round') parentPort.postMessage({ ok: true, value: runner.round() });
    } catch (e) {
      parentPort.postMessage({ ok: false, error: String(e?.stack ?? e) });
    }
  });
  parentPort.postMessage({ ok: true, value: 'ready' });
}
