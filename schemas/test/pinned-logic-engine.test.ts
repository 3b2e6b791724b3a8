/**
 * The JSON Logic compiler (src/logic/fast.ts) reproduces json-logic-engine's behaviour, workarounds
 * included (see src/logic/engine.ts and test/fast-logic.test.ts): the dependency is pinned to the
 * exact version those were written against, and the installed one must be it.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';

describe('json-logic-engine', () => {
  it('is pinned to an exact version, and that version is the one installed', () => {
    const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const pinned: string = own.dependencies['json-logic-engine'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/); // no ^ or ~: an update is a decision, with the differential tests rerun
    const require = createRequire(import.meta.url);
    const entry = require.resolve('json-logic-engine'); // the package's own package.json is not exported
    const marker = `${sep}node_modules${sep}json-logic-engine${sep}`;
    const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
    const installed = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version;
    expect(installed).toBe(pinned);
    expect(pinned).toBe('5.0.7');
  });
});
