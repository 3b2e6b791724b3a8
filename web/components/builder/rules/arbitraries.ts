import fc from 'fast-check';
import type { Condition, ConditionField } from './condition';
import { exprContext } from './context';
import { fieldsOf } from './fields';
import { fixture } from './fixture';

// Generators of what a designer builds in the visual rule editor, over the editor's own offer
// (the fields a rule can read, the operators each field offers, values of its type). Shared by
// the JSON Logic round trip (roundtrip.test.ts) and the rendered editor's (generated-rules.test.tsx).

export const t = (key: string) => key;
export const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 1712);
export const targets = fieldsOf(fixture).filter((f) => !f.office && !f.isGroup).map((f) => f.path);

export const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
export const number = fc.oneof(fc.integer({ min: -100_000, max: 1_000_000 }), fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 100));

// react-querybuilder trims the items of a list as it writes them: the editor's lists hold trimmed texts.
const listItemOf = (f: ConditionField) => (f.info.type === 'string' && !f.info.enum && !f.info.format ? fc.string({ maxLength: 12 }).map((s) => s.trim()) : scalarOf(f));

function scalarOf(f: ConditionField): fc.Arbitrary<unknown> {
  const info = f.info;
  if (info.type === 'boolean') return fc.boolean();
  if (info.type === 'number') return number;
  if (info.type === 'integer') return fc.integer({ min: -1000, max: 100_000 });
  if (info.enum) return fc.constantFrom(...info.enum);
  if (info.format === 'date' || info.format === 'date-time') return date;
  return fc.string({ maxLength: 12 });
}

/** One comparison as a designer builds it in the visual editor: a field, an operator it offers, a value of its type. */
function comparison(fields: ConditionField[], depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const usable = depth > 0 ? fields.filter((f) => !f.info.isGroup) : fields;
  return fc.constantFrom(...usable).chain((f) => fc.constantFrom(...(f.operators as Array<{ name: string }>).map((o) => o.name)).chain((operator) => {
    const base = { field: f.name, operator };
    if (f.info.isGroup) {
      // "some / every / no row where ...": a condition over the group's columns.
      const columns = f.subproperties as ConditionField[];
      return fc.tuple(fc.constantFrom('some', 'all', 'none'), condition(columns, depth + 1)).map(([mode, value]) => ({ ...base, match: { mode }, value }));
    }
    if (operator === 'null' || operator === 'notNull' || operator === 'truthy') return fc.constant({ ...base, value: null });
    if (operator === 'in' || operator === 'notIn') return fc.uniqueArray(listItemOf(f), { minLength: 1, maxLength: 3 }).map((value) => ({ ...base, value }));
    if (operator === 'between' || operator === 'notBetween') return fc.tuple(scalarOf(f), scalarOf(f)).map((value) => ({ ...base, value }));
    const peers = fields.filter((g) => g.name !== f.name && (f.comparator as (x: unknown) => boolean)(g));
    const scalar = f.info.type === 'array' ? fc.constantFrom(...(f.info.enum ?? ['x'])) : scalarOf(f);
    const byValue = scalar.map((value) => ({ ...base, value }));
    const fieldSourced = peers.length && !f.info.enum && f.info.type !== 'boolean' && f.info.type !== 'array' && !operator.includes('ontain')
      ? fc.constantFrom(...peers).map((g) => ({ ...base, value: g.name, valueSource: 'field' })) : null;
    return fieldSourced ? fc.oneof(byValue, fieldSourced) : byValue;
  }));
}

export function condition(fields: ConditionField[], depth = 0): fc.Arbitrary<Condition> {
  const { group } = fc.letrec<{ group: Record<string, unknown>; node: unknown }>((tie) => ({
    group: fc.record({ combinator: fc.constantFrom('and', 'or'), not: fc.boolean(), rules: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) })
      .map(({ not, ...g }) => (not ? { ...g, not } : g)),
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, comparison(fields, depth), tie('group')),
  }));
  return group as unknown as fc.Arbitrary<Condition>;
}

/** The fixture with a named condition: rules may use it ("«residenteCentro» holds"). */
export const withNamed = { ...fixture, conditions: { residenteCentro: { '==': [{ var: 'zona' }, 'centro'] } } };

export const withTarget = <T>(make: (target: string, ctx: ReturnType<typeof exprContext>) => fc.Arbitrary<T>, from = targets, def = fixture, named = false) =>
  fc.constantFrom(...from).chain((target) => make(target, exprContext(def, target, t, [], named)).map((value) => ({ target, value })));
