import { describe, expect, it } from 'vitest';
import { SubmissionRuns } from './submission-runs.js';

/** A writer that records each call's items and answers after the test lets it. */
function gatedWriter(fail: (items: number[]) => boolean = () => false) {
  const calls: number[][] = [];
  const gates: Array<() => void> = [];
  const write = async (_key: string, items: number[]) => {
    calls.push(items);
    await new Promise<void>((r) => gates.push(r));
    if (fail(items)) throw new Error(`failed ${items.join(',')}`);
    return items.map((i) => i * 10);
  };
  const open = async () => {
    while (gates.length) gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, write, open };
}

describe('SubmissionRuns', () => {
  it('writes the first item at once and what queued meanwhile as one run, in arrival order', async () => {
    const w = gatedWriter();
    const runs = new SubmissionRuns(w.write);
    const results = [1, 2, 3, 4].map((i) => runs.add('ente', i));
    expect(w.calls).toEqual([[1]]);
    await w.open();
    expect(w.calls).toEqual([[1], [2, 3, 4]]);
    await w.open();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
  });

  it('keeps keys apart: another Ente does not wait', async () => {
    const w = gatedWriter();
    const runs = new SubmissionRuns(w.write);
    const a = runs.add('a', 1);
    const b = runs.add('b', 2);
    expect(w.calls).toEqual([[1], [2]]);
    await w.open();
    expect([await a, await b]).toEqual([10, 20]);
  });

  it('caps a run', async () => {
    const w = gatedWriter();
    const runs = new SubmissionRuns(w.write, 2);
    const all = [1, 2, 3, 4, 5].map((i) => runs.add('ente', i));
    await w.open();
    await w.open();
    await w.open();
    expect(w.calls).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('when a run fails, writes each item alone: only the bad one fails', async () => {
    const w = gatedWriter((items) => items.includes(3));
    const runs = new SubmissionRuns(w.write);
    const results = [1, 2, 3, 4].map((i) => runs.add('ente', i).then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    for (let i = 0; i < 6; i++) await w.open();
    expect(await Promise.all(results)).toEqual([{ v: 10 }, { v: 20 }, { e: 'failed 3' }, { v: 40 }]);
    expect(w.calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('starts afresh after the queue empties', async () => {
    const w = gatedWriter();
    const runs = new SubmissionRuns(w.write);
    const first = runs.add('ente', 1);
    await w.open();
    expect(await first).toBe(10);
    const second = runs.add('ente', 2);
    expect(w.calls).toEqual([[1], [2]]);
    await w.open();
    expect(await second).toBe(20);
  });
});
