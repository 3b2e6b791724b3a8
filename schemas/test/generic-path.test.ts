/**
 * The switch to the generic path (compile(definition, { generic: true }), `sportello evaluate
 * --generic`): the generic steps, Ajv and json-logic-engine instead of the code generated per
 * service. It must give the same verdict as the generated path, on every template; and the
 * compiled service says which path each part takes, and why (executionPaths, `sportello check`).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as engine from '../src/index.js';
import { compile, evaluate, executionPaths, validationPath } from '../src/index.js';
// @ts-expect-error plain ESM JavaScript, no type declarations
import { generateSuite } from '../bench/generate.mjs';
import { compileOrThrow, loadTemplate, TODAY } from './helpers.js';

const TEMPLATES = ['contributo-affitto', 'accesso-agli-atti', 'bonus-nuovi-nati', 'iscrizione-mensa-scolastica', 'occupazione-suolo-pubblico', 'segnalazione-assenza'];

describe('the generic path', () => {
  for (const id of TEMPLATES) {
    it(`gives the same evaluation as the generated code on ${id}`, () => {
      const definition = loadTemplate(id);
      const fast = compileOrThrow(definition);
      const result = compile(definition, { generic: true });
      if (!result.ok) throw new Error('does not compile');
      const generic = result.service;
      expect(executionPaths(fast)).toEqual({ rules: { path: 'generated' }, validation: { path: 'generated' }, logic: { path: 'generated', generated: expect.any(Number), engine: [] } });
      // segnalazione-assenza has no expression left: its one rule (not in the past) is a date bound now.
      if (((definition as { rules?: unknown[] }).rules ?? []).length > 0) expect(executionPaths(fast).logic.generated).toBeGreaterThan(0);
      const reason = 'the service was compiled with { generic: true }';
      expect(executionPaths(generic)).toEqual({ rules: { path: 'generic', reason }, validation: { path: 'ajv', reason }, logic: { path: 'generic', generated: 0, engine: [], reason } });
      const suite = generateSuite(definition, { engine, n: 6, seed: 11, today: TODAY, ruleBroken: 3 });
      const all = [...suite.valid, ...suite.invalid.map((x: { data: unknown }) => x.data), ...suite.ruleBroken.map((x: { data: unknown }) => x.data), {}];
      let invalid = 0;
      for (const answers of all) {
        for (const locale of ['it', 'en']) {
          const a = evaluate(fast, answers, { today: TODAY, locale, submittedAt: '2026-11-20T10:00:00Z' });
          const b = evaluate(generic, answers, { today: TODAY, locale, submittedAt: '2026-11-20T10:00:00Z' });
          expect(b).toEqual(a);
          if (!a.valid) invalid++;
        }
      }
      expect(invalid).toBeGreaterThan(0); // the comparison saw verdicts both ways
    }, 120_000);
  }

  it('names an expression left to json-logic-engine, with its pointer and why', () => {
    const def: any = loadTemplate('segnalazione-assenza');
    const paths = executionPaths(compileOrThrow(def));
    expect(paths.logic.engine).toEqual([]);
    // `merge` is a JSON Logic operator the direct compiler does not cover.
    def.rules = [...(def.rules ?? []), { id: 'unione', type: 'error', field: Object.keys(def.data.properties)[0], message: def.title, when: { '>': [{ length: { merge: [{ var: Object.keys(def.data.properties)[0] }, [2]] } }, 5] } }];
    const service = compileOrThrow(def);
    const logic = executionPaths(service).logic;
    expect(logic.path).toBe('mixed');
    expect(logic.engine).toEqual([{ pointer: `/rules/${def.rules.length - 1}/when`, code: 'uncoveredShape', reason: expect.stringContaining('json-logic-engine') }]);
    expect(validationPath(service).path).toBe('generated');
    // `sportello check` (the built engine) says it without being asked; --paths says every part.
    const cli = fileURLToPath(new URL('../../bin/sportello.mjs', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'sportello-paths-'));
    try {
      const file = join(dir, 'def.json');
      writeFileSync(file, JSON.stringify(def));
      const out = execFileSync(process.execPath, [cli, 'check', file, '--locale', 'en'], { encoding: 'utf8' });
      expect(out).toContain(`${file}: expressions: generated code ${logic.generated} of ${logic.generated + 1}\n  /rules/${def.rules.length - 1}/when: json-logic-engine (slower, same results): the expression uses a shape`);
      const template = fileURLToPath(new URL('../templates/segnalazione-assenza.json', import.meta.url));
      const all = execFileSync(process.execPath, [cli, 'check', template, '--paths'], { encoding: 'utf8' }).trim().split('\n');
      expect(all).toEqual([
        `${template}: regole: codice generato`, `${template}: validazione: codice generato`,
        `${template}: espressioni: codice generato ${paths.logic.generated} su ${paths.logic.generated}`, `${template}: ok`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
