'use client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule, ServiceDefinition } from '@sportello/schemas';
import { exprContext } from './context';
import { fieldsOf } from './fields';
import { ConditionView, ExpressionView } from './LogicFields';
import { allFieldPaths, schemaAt, textOf } from '@/lib/builder/definition-edit';
import { ruleTargets, withTargets, withType } from './rule-summary';

const TYPES: Rule['type'][] = ['show', 'hide', 'require', 'compute', 'error'];

/**
 * One rule as a sentence: "when <condition> then <show / hide / require / set ... to / error> <target>".
 * The key of an error's message and its text in the default language are edited here too, so
 * the change goes up as a whole definition.
 */
export function RuleEditor({ definition, index, onChange }: { definition: ServiceDefinition; index: number; onChange: (def: ServiceDefinition) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const rule = definition.rules![index]!;
  const set = (next: Rule) => onChange({ ...definition, rules: definition.rules!.map((r, i) => (i === index ? next : r)) });
  const targets = ruleTargets(rule);
  const target = targets[0];
  const ctx = exprContext(definition, target, t, target?.includes('[]') ? ['$index'] : [], true);
  const fields = fieldsOf(definition).filter((f) => !f.office);
  const canStep = rule.type === 'show' || rule.type === 'hide';
  const lang = definition.defaultLanguage;
  const messageText = rule.message ? definition.translations?.[lang]?.[rule.message] ?? '' : '';
  const targetValue = rule.step ? `step:${rule.step}` : target ? `field:${target}` : '';
  // Show and hide may act on a whole section (an object field: everything under it).
  const sections = canStep ? allFieldPaths(definition).filter((p) => schemaAt(definition.data, p)?.type === 'object') : [];
  const labelOf = (p: string) => { const l = textOf(definition, definition.ui.fields?.[p]?.label); return l ? `${l} (${p})` : p; };
  const canMany = (rule.type === 'show' || rule.type === 'hide' || rule.type === 'require') && !rule.step && targets.length > 0;
  const choices = [...sections, ...fields.filter((f) => canStep || !f.isGroup).map((f) => f.path)];
  return (
    <fieldset className="border rounded p-3 mb-3" data-pointer={`/rules/${index}`}>
      <legend className="h6">{t('ruleEditor.editing', { id: rule.id })}</legend>
      <div className="row g-2 mb-2">
        <div className="col-md-4">
          <label className="form-label" htmlFor={`${id}-id`}>{t('ruleEditor.id')}</label>
          <input id={`${id}-id`} className="form-control" value={rule.id} onChange={(e) => set({ ...rule, id: e.target.value })} />
        </div>
        <div className="col-md-8">
          <label className="form-label" htmlFor={`${id}-desc`}>{t('ruleEditor.description')}</label>
          <input id={`${id}-desc`} className="form-control" value={rule.description ?? ''} onChange={(e) => set({ ...rule, description: e.target.value || undefined })} />
        </div>
      </div>
      {rule.type !== 'compute' && (
        <section aria-labelledby={`${id}-when`} className="mb-2">
          <h3 id={`${id}-when`} className="h6">{t('ruleEditor.when')}</h3>
          <ConditionView label={t('ruleEditor.condition', { id: rule.id })} fields={ctx.fields} value={rule.when} onChange={(when) => set({ ...rule, when })} />
        </section>
      )}
      <section aria-labelledby={`${id}-then`}>
        <h3 id={`${id}-then`} className="h6">{t('ruleEditor.then')}</h3>
        <div className="d-flex flex-wrap gap-2 align-items-center mb-2">
          <label className="visually-hidden" htmlFor={`${id}-type`}>{t('ruleEditor.action')}</label>
          <select id={`${id}-type`} className="form-select w-auto" value={rule.type} onChange={(e) => set(withType(rule, e.target.value as Rule['type']))}>
            {TYPES.map((ty) => <option key={ty} value={ty}>{t(`ruleEditor.type.${ty}`)}</option>)}
          </select>
          <label className="visually-hidden" htmlFor={`${id}-target`}>{t('ruleEditor.target')}</label>
          <select id={`${id}-target`} className="form-select w-auto" value={targetValue} onChange={(e) => {
            const [kind, ...rest] = e.target.value.split(':');
            const name = rest.join(':');
            const { field: _f, fields: _fs, step: _s, ...others } = rule;
            set(kind === 'step' ? { ...others, step: name } : withTargets(rule, [name, ...targets.slice(1)]));
          }}>
            {!targetValue && <option value="">{t('ruleEditor.chooseTarget')}</option>}
            {canStep && <optgroup label={t('ruleEditor.steps')}>{definition.ui.steps.map((s) => <option key={s.id} value={`step:${s.id}`}>{definition.translations?.[lang]?.[s.title] ?? s.id}</option>)}</optgroup>}
            {sections.length > 0 && <optgroup label={t('ruleEditor.sections')}>{sections.map((p) => <option key={p} value={`field:${p}`}>{labelOf(p)}</option>)}</optgroup>}
            <optgroup label={t('ruleEditor.fields')}>
              {fields.filter((f) => canStep || !f.isGroup).map((f) => <option key={f.path} value={`field:${f.path}`}>{f.label === f.path ? f.path : `${f.label} (${f.path})`}</option>)}
            </optgroup>
          </select>
          {rule.type === 'compute' && <span>{t('ruleEditor.to')}</span>}
        </div>
        {canMany && (
          <div className="mb-2">
            {targets.length > 1 && (
              <ul className="list-unstyled d-flex flex-wrap gap-2 mb-1" aria-label={t('ruleEditor.alsoTargets', { id: rule.id })}>
                {targets.slice(1).map((f) => (
                  <li key={f} className="border rounded px-2 py-1 small">
                    {labelOf(f)}{' '}
                    <button type="button" className="btn btn-link btn-sm p-0" onClick={() => set(withTargets(rule, targets.filter((x) => x !== f)))}>{t('ruleEditor.removeTarget', { name: f })}</button>
                  </li>
                ))}
              </ul>
            )}
            <label className="visually-hidden" htmlFor={`${id}-more`}>{t('ruleEditor.addTarget')}</label>
            <select id={`${id}-more`} className="form-select form-select-sm w-auto" value="" onChange={(e) => { if (e.target.value) set(withTargets(rule, [...targets, e.target.value])); }}>
              <option value="">{t('ruleEditor.addTarget')}</option>
              {choices.filter((p) => !targets.includes(p)).map((p) => <option key={p} value={p}>{labelOf(p)}</option>)}
            </select>
          </div>
        )}
        {rule.type === 'compute' && <ExpressionView label={t('ruleEditor.value', { id: rule.id })} ctx={ctx} value={rule.value} onChange={(value) => set({ ...rule, value })} />}
        {rule.type === 'error' && (
          <div className="row g-2">
            <div className="col-md-4">
              <label className="form-label" htmlFor={`${id}-msgkey`}>{t('ruleEditor.messageKey')}</label>
              <input id={`${id}-msgkey`} className="form-control" value={rule.message ?? ''} onChange={(e) => set({ ...rule, message: e.target.value })} />
            </div>
            <div className="col-md-8">
              <label className="form-label" htmlFor={`${id}-msg`}>{t('ruleEditor.messageText', { language: lang })}</label>
              <input id={`${id}-msg`} className="form-control" value={messageText} disabled={!rule.message}
                onChange={(e) => onChange({
                  ...definition,
                  translations: { ...definition.translations, [lang]: { ...definition.translations?.[lang], [rule.message!]: e.target.value } },
                })} />
            </div>
          </div>
        )}
      </section>
    </fieldset>
  );
}
