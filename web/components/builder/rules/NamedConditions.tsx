'use client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logic, ServiceDefinition } from '@sportello/schemas';
import { ProblemsAt, type PointedProblem } from '../shared/ProblemsAt';
import { exprContext } from './context';
import { ConditionView } from './LogicFields';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every {"condition": from} in a piece of logic, renamed. */
function renameIn(logic: unknown, from: string, to: string): unknown {
  if (Array.isArray(logic)) return logic.map((x) => renameIn(x, from, to));
  if (!isObject(logic)) return logic;
  if (Object.keys(logic).length === 1 && logic.condition === from) return { condition: to };
  return Object.fromEntries(Object.entries(logic).map(([k, v]) => [k, renameIn(v, from, to)]));
}

/** A named condition renamed, and every rule that uses it with it (their order kept). */
export function renameCondition(def: ServiceDefinition, from: string, to: string): ServiceDefinition {
  const conditions = def.conditions ?? {};
  if (from === to || !Object.hasOwn(conditions, from) || Object.hasOwn(conditions, to)) return def;
  const next = Object.fromEntries(Object.entries(conditions).map(([k, v]) => [k === from ? to : k, v]));
  const rules = (def.rules ?? []).map((r) => ({ ...r, ...(r.when !== undefined ? { when: renameIn(r.when, from, to) as Logic } : {}), ...(r.value !== undefined ? { value: renameIn(r.value, from, to) as Logic } : {}) }));
  return { ...def, conditions: next, ...(def.rules ? { rules } : {}) };
}

/**
 * Named conditions (`conditions`): a condition written once over the root fields and used by any
 * rule as "«name» holds" ({"condition": name}). A named condition may not use another one.
 */
export function NamedConditions({ definition, onChange, problems = [] }: { definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const conditions = definition.conditions ?? {};
  const names = Object.keys(conditions);
  // A name being typed that another condition already has stays in its box (with a note) until it is free.
  const [typing, setTyping] = useState<Record<string, string>>({});
  const fields = exprContext(definition, undefined, t).fields;
  const set = (name: string, logic: Logic) => onChange({ ...definition, conditions: { ...conditions, [name]: logic } });
  const remove = (name: string) => {
    const rest = Object.fromEntries(Object.entries(conditions).filter(([k]) => k !== name));
    const { conditions: _c, ...others } = definition;
    onChange(Object.keys(rest).length ? { ...definition, conditions: rest } : others as ServiceDefinition);
  };
  const add = () => {
    let n = names.length + 1;
    while (Object.hasOwn(conditions, `condizione${n}`)) n++;
    onChange({ ...definition, conditions: { ...conditions, [`condizione${n}`]: false } });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="mt-4" data-pointer="/conditions">
      <h3 id={`${id}-title`} className="h5">{t('ruleEditor.named.title')}</h3>
      <p className="small text-muted">{t('ruleEditor.named.intro')}</p>
      <ProblemsAt problems={problems} pointer="/conditions" exact />
      {names.map((name) => {
        const shown = typing[name] ?? name;
        const taken = shown !== name && Object.hasOwn(conditions, shown);
        return (
          <fieldset key={name} className="border rounded p-2 mb-2" data-pointer={`/conditions/${escape(name)}`}>
            <legend className="h6 small">{t('ruleEditor.named.one', { name })}</legend>
            <ProblemsAt problems={problems} pointer={`/conditions/${escape(name)}`} />
            <div className="d-flex flex-wrap gap-2 align-items-end mb-2">
              <div>
                <label className="form-label" htmlFor={`${id}-${name}`}>{t('ruleEditor.named.name')}</label>
                <input id={`${id}-${name}`} className="form-control form-control-sm" value={shown} aria-invalid={taken || undefined} aria-describedby={taken ? `${id}-${name}-taken` : undefined}
                  onChange={(e) => {
                    const to = e.target.value;
                    if (to && !Object.hasOwn(conditions, to)) { setTyping(({ [name]: _x, ...rest }) => rest); onChange(renameCondition(definition, name, to)); }
                    else setTyping((s) => ({ ...s, [name]: to }));
                  }} />
                {taken && <p id={`${id}-${name}-taken`} className="small text-danger mb-0">{t('ruleEditor.named.taken', { name: shown })}</p>}
              </div>
              <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => remove(name)}>{t('ruleEditor.named.remove', { name })}</button>
            </div>
            <ConditionView label={t('ruleEditor.named.condition', { name })} fields={fields} value={conditions[name]} onChange={(logic) => set(name, logic)} />
          </fieldset>
        );
      })}
      <button type="button" className="btn btn-sm btn-outline-primary" onClick={add}>{t('ruleEditor.named.add')}</button>
    </section>
  );
}
