import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePublished, evaluate, type ServiceDefinition } from '@sportello/schemas/runtime';
import { startTestApp, type TestApp } from '../../server/src/test-support/test-app.js';
import { seed } from '../../server/src/seed/seed.js';
import { TEMPLATE_TODAY, loadExample } from '../../server/src/test-support/template-answers.js';
import { templatesDir } from '../../server/src/test-support/published-services.js';
import { toAnswers, toFormValues } from '../lib/wizard/model';

/**
 * Client and server agree (issue 15): for every template, a few hundred generated answer sets,
 * valid and invalid. The web's side is what the wizard runs: the definition as the web app receives
 * it (publishedService.definition), compiled and evaluated by @sportello/schemas/runtime in this process
 * (the wizard's compilePublished: no designer checks, the simplest patterns on the native RegExp),
 * after the form's own round trip (toFormValues -> toAnswers). The server's side is the GraphQL
 * evaluateAnswers of the published version. Both on 2026-11-25 (the server's clock is set).
 */
const TODAY = '2026-11-25';
const SETS_PER_TEMPLATE = Number(process.env.AGREEMENT_SETS ?? 300);
let t: TestApp;

// Starting the server on a fresh embedded database and seeding it takes minutes on a loaded machine.
beforeAll(async () => {
  t = await startTestApp({}, { now: TEMPLATE_TODAY });
  await seed(t.db.prisma);
}, 600_000);
afterAll(async () => { await t?.close(); });

/** A seeded generator, so a failure names the set that shows it. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const ODD_VALUES: unknown[] = ['', 'x', 'ABC', '2026-02-30', '1999-01-01', -1, 0, 3.5, 1e9, true, false, null, [], {}, 'extra_ue', 'pec', 'lungo_periodo', 'IT60X0542811101000000123456'];

function leaves(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.push(path);
    for (const [k, v] of entries) leaves(v, [...path, k], out);
  } else out.push(path);
  return out;
}

function setAt(obj: any, path: string[], value: unknown): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) cur = cur?.[k];
  if (cur && typeof cur === 'object' && path.length) {
    if (value === undefined && Array.isArray(cur)) cur.splice(Number(path[path.length - 1]), 1);
    else if (value === undefined) delete cur[path[path.length - 1]!];
    else cur[path[path.length - 1]!] = value;
  }
}

/** The example with 0-6 random changes: values removed, replaced by odd ones, rows dropped or duplicated. */
function mutate(example: Record<string, unknown>, random: () => number): Record<string, unknown> {
  const answers = structuredClone(example);
  const changes = Math.floor(random() * 7);
  for (let i = 0; i < changes; i++) {
    const all = leaves(answers);
    const path = all[Math.floor(random() * all.length)]!;
    const r = random();
    if (r < 0.3) setAt(answers, path, undefined);
    else if (r < 0.85) setAt(answers, path, structuredClone(ODD_VALUES[Math.floor(random() * ODD_VALUES.length)]));
    else {
      const rowPath = path.slice(0, path.findIndex((p) => /^\d+$/.test(p)) + 1);
      if (rowPath.length) {
        let list: any = answers;
        for (const k of rowPath.slice(0, -1)) list = list[k];
        if (Array.isArray(list)) {
          if (r < 0.92) list.splice(Number(rowPath.at(-1)), 1);
          else list.push(structuredClone(list[0] ?? {}));
        }
      }
    }
  }
  return answers;
}

const verdictOf = (ev: any) => ({
  valid: ev.valid,
  hidden: [...ev.hidden].sort(),
  required: [...ev.required].sort(),
  errors: ev.errors.map((e: any) => `${e.pointer} ${e.key}`).sort(),
  computed: ev.computed,
  steps: ev.steps.map((s: any) => ({ id: s.id, visible: s.visible, complete: s.complete, errorCount: s.errorCount })),
  fee: ev.fee ? ev.fee.amountCents : null,
  score: ev.ranking ? { score: ev.ranking.score, excluded: ev.ranking.excluded } : null,
});

const EVALUATE = `query ($answers: JSON!, $versionId: ID!) { evaluateAnswers(answers: $answers, versionId: $versionId, language: "it") {
  valid hidden required computed errors { pointer key } steps { id visible complete errorCount } fee { amountCents } ranking { score excluded } } }`;
const SERVICE = `query ($slug: String!) { publishedService(enteSlug: "comune-di-esempio", slug: $slug, language: "it") { versionId definition(language: "it") } }`;

// Every template of the catalogue (the seed publishes each in the demo Ente under its file name).
const TEMPLATES = readdirSync(templatesDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();

describe('the wizard and the server give the same verdict', () => {
  for (const slug of TEMPLATES) {
    it(`${slug}: ${SETS_PER_TEMPLATE} generated answer sets, valid and invalid`, async () => {
      const published = (await t.gql(SERVICE, { slug })).data.publishedService;
      const definition = published.definition as ServiceDefinition;
      const compiled = await compilePublished(definition); // as the wizard compiles it (runtime: native patterns where linear)
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      // The template's worked valid submission (schemas/templates/examples/<slug>[-variant].json): every template has one.
      const exampleName = readdirSync(`${templatesDir}examples`).map((f) => f.slice(0, -'.json'.length)).sort().find((n) => n === slug || n.startsWith(`${slug}-`));
      expect(exampleName, `a worked example for ${slug}`).toBeDefined();
      const example = loadExample(exampleName!);
      const random = rng(slug.length * 7919);
      let invalid = 0;
      const started = performance.now();
      for (let i = 0; i < SETS_PER_TEMPLATE; i++) {
        const generated = i === 0 ? example : mutate(example, random);
        // What the wizard sends is what its form holds, converted back.
        const answers = (toAnswers(toFormValues(generated, definition.data), definition.data) ?? {}) as Record<string, unknown>;
        const web = verdictOf(evaluate(compiled.service, answers, { locale: 'it', today: TODAY }));
        const res = await t.gql(EVALUATE, { answers, versionId: published.versionId });
        expect(res.errors, `set ${i}`).toBeUndefined();
        const server = verdictOf(res.data.evaluateAnswers);
        expect(web, `${slug} set ${i}: ${JSON.stringify(answers).slice(0, 300)}`).toEqual(server);
        if (i === 0) expect(web.valid, `${slug}: the worked example is valid`).toBe(true);
        if (!web.valid) invalid++;
      }
      // Both kinds were exercised.
      expect(invalid).toBeGreaterThan(0);
      expect(invalid).toBeLessThan(SETS_PER_TEMPLATE);
      console.log(`${slug}: ${SETS_PER_TEMPLATE} sets (${SETS_PER_TEMPLATE - invalid} valid, ${invalid} invalid) in ${Math.round(performance.now() - started)} ms`);
    }, 600_000);
  }
});
