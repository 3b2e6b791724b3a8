import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Logic, ServiceDefinition } from '@sportello/schemas';
import { conditionToLogic, logicToCondition } from './condition';
import { exprContext } from './context';
import { exprToLogic, logicToExpr } from './expression';
import { sameLogic } from './logic-utils';

const dir = new URL('../../../../schemas/templates/', import.meta.url);
const templates = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as ServiceDefinition] as const);
const t = (key: string) => key;

/**
 * Every condition and value expression of the catalogue's templates either opens in the visual
 * editor and writes back the same JSON Logic, or is left to the Advanced view untouched. The
 * share that opens visually is printed (and must not fall: the floor is today's count).
 */
describe('templates in the visual editor', () => {
  test('every expression of every template opens visually without loss or falls back to Advanced', () => {
    let visual = 0, total = 0;
    const advanced: string[] = [];
    const check = (name: string, logic: Logic | undefined, target: string | undefined, kind: 'condition' | 'value', extras: Array<'$excluded' | '$submittedAt'> = [], def?: ServiceDefinition) => {
      if (logic === undefined) return;
      total++;
      const ctx = exprContext(def!, target, t, extras);
      if (kind === 'condition') {
        const form = logicToCondition(logic, ctx.fields);
        if (!form) { advanced.push(name); return; }
        const back = conditionToLogic(form, ctx.fields) ?? false;
        expect(sameLogic(back, logic) || sameLogic({ and: [back] }, logic), name).toBe(true);
      } else {
        const form = logicToExpr(logic, ctx.fields);
        if (!form) { advanced.push(name); return; }
        expect(sameLogic(exprToLogic(form, ctx.fields), logic), name).toBe(true);
      }
      visual++;
    };
    for (const [file, def] of templates) {
      for (const rule of def.rules ?? []) {
        check(`${file} rule ${rule.id}`, rule.when, rule.field, 'condition', [], def);
        check(`${file} rule ${rule.id} value`, rule.value, rule.field, 'value', [], def);
      }
      if (def.fees) check(`${file} fee`, def.fees.amount, undefined, 'value', def.ranking ? ['$excluded'] : [], def);
      if (def.ranking) {
        check(`${file} score`, def.ranking.score, undefined, 'value', ['$excluded'], def);
        for (const ex of def.ranking.exclusions ?? []) check(`${file} exclusion ${ex.id}`, ex.when, undefined, 'condition', [], def);
        for (const key of def.ranking.keys ?? []) check(`${file} key ${key.id}`, key.value, undefined, 'value', ['$excluded', '$submittedAt'], def);
      }
      for (const tr of def.workflow?.transitions ?? []) check(`${file} guard ${tr.id}`, tr.guard, undefined, 'condition', [], def);
    }
    console.log(`templates: ${visual} of ${total} expressions open in the visual editor; Advanced: ${advanced.join(', ')}`);
    // 143 of 195 on 2026-12-04; 163 with the days/years between a date and today as condition operands
    // (derived.ts). The rest: missing, ??, substr, dates compared with each other, conditions as values.
    // 148 of 175 once the templates' 20 unconditional date limits became dateBounds (15 of them opened
    // visually, 5 compared two dates): fewer expressions, none lost.
    expect(visual).toBeGreaterThanOrEqual(148);
  });
});
