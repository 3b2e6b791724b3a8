'use client';
import Form from '@rjsf/react-bootstrap';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { kindOfField, textOf } from '@/lib/builder/definition-edit';
import { showIfRuleId } from '@/lib/builder/field-name';
import { propsSchema, readProps, widgetLabel, writeProps, type FieldProps } from '@/lib/builder/field-props';
import { fieldPointers, fieldProblems } from '@/lib/builder/problems';
import { pointerAttr } from '../reveal';
import { sameItems, useBuilderSelector, useDefinition } from '../store';
import { FieldName } from './FieldName';
import { SimpleCondition } from './SimpleCondition';

const uiSchema: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  help: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
  text: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
  options: { 'ui:options': { orderable: true } },
};

/** The selected field's properties, rendered by @rjsf/core from their JSON Schema. */
export function FieldPanel({ path, onClose, onSelect }: { path: string; onClose: () => void; onSelect: (p: string) => void }) {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const ui = definition.ui.fields?.[path];
  // The same schema object while its content is the same: rjsf then does not redo its work on
  // every keystroke (propsSchema builds a new object from the copy each time).
  const schemaRef = useRef<{ json: string; schema: RJSFSchema } | null>(null);
  const schema = useMemo(() => {
    const next = propsSchema(definition, path, t) as RJSFSchema;
    const json = JSON.stringify(next);
    if (schemaRef.current?.json !== json) schemaRef.current = { json, schema: next };
    return schemaRef.current.schema;
  }, [definition, path, t]);
  const formData = useMemo(() => readProps(definition, path), [definition, path]);
  const problems = useBuilderSelector((s) => (s.problems.length ? fieldProblems(s.definition, s.problems, path) : s.problems), sameItems);
  if (!ui) return null;
  const ruleId = showIfRuleId(path);
  const showRule = (definition.rules ?? []).find((r) => r.id === ruleId);
  const setShowIf = (when: unknown | null) => {
    const rules = (definition.rules ?? []).filter((r) => r.id !== ruleId);
    if (when !== null) rules.push({ id: ruleId, type: 'show', field: path, when: when as never });
    onChange({ ...definition, rules });
  };
  return (
    <section aria-labelledby="field-panel-title" className="card card-bg p-3 field-panel" data-testid="field-panel" data-pointer={pointerAttr(...fieldPointers(definition, path))}>
      <div className="d-flex justify-content-between align-items-start">
        <h3 id="field-panel-title" className="h5">{textOf(definition, ui.label ?? ui.text) || path} <span className="small text-muted">({widgetLabel(t, kindOfField(definition, path))})</span></h3>
        <button type="button" className="btn btn-link btn-sm" onClick={onClose}>{t('builder.props.close')}</button>
      </div>
      {ui.widget === 'static'
        ? <p className="small text-muted mb-2">{t('builder.props.name')}: <code>{path}</code></p>
        : <FieldName key={path} definition={definition} path={path} onRename={(next, to) => { onChange(next); onSelect(to); }} />}
      {problems.length ? (
        <ul className="small text-danger ps-3">{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
      ) : null}
      <Form
        schema={schema} uiSchema={uiSchema} formData={formData} validator={validator} noHtml5Validate
        idPrefix={`props-${path.replace(/[^A-Za-z0-9]/g, '-')}`}
        onChange={(e: IChangeEvent<FieldProps>) => { if (e.formData) onChange(writeProps(definition, path, e.formData, t)); }}
      />
      {ui.widget !== 'static' ? (
        <SimpleCondition definition={definition} label={t('builder.props.showIf')} exclude={path} when={showRule?.when ?? null} onChange={setShowIf} />
      ) : null}
    </section>
  );
}
