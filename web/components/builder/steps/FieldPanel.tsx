'use client';
import Form from '@rjsf/react-bootstrap';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf } from '@/lib/builder/definition-edit';
import { propsSchema, readProps, widgetLabel, writeProps, type FieldProps } from '@/lib/builder/field-props';
import { fieldProblems } from '@/lib/builder/problems';
import { useBuilder, useDefinition } from '../store';
import { SimpleCondition } from './SimpleCondition';

const uiSchema: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  help: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
  text: { 'ui:widget': 'textarea', 'ui:options': { rows: 4 } },
  options: { 'ui:options': { orderable: true } },
};

/** The selected field's properties, rendered by @rjsf/core from their JSON Schema. */
export function FieldPanel({ path, onClose }: { path: string; onClose: () => void; onSelect: (p: string) => void }) {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const ui = definition.ui.fields?.[path];
  const schema = useMemo(() => propsSchema(definition, path, t) as RJSFSchema, [definition, path, t]);
  const formData = useMemo(() => readProps(definition, path), [definition, path]);
  if (!ui) return null;
  const ruleId = `mostra_${path.replace(/\[\]/g, '').replace(/\./g, '_')}`;
  const showRule = (definition.rules ?? []).find((r) => r.id === ruleId);
  const problems = fieldProblems(definition, state.problems, path);
  const setShowIf = (when: unknown | null) => {
    const rules = (definition.rules ?? []).filter((r) => r.id !== ruleId);
    if (when !== null) rules.push({ id: ruleId, type: 'show', field: path, when: when as never });
    onChange({ ...definition, rules });
  };
  return (
    <section aria-labelledby="field-panel-title" className="card card-bg p-3 field-panel" data-testid="field-panel">
      <div className="d-flex justify-content-between align-items-start">
        <h3 id="field-panel-title" className="h5">{textOf(definition, ui.label ?? ui.text) || path} <span className="small text-muted">({widgetLabel(t, ui.widget)})</span></h3>
        <button type="button" className="btn btn-link btn-sm" onClick={onClose}>{t('builder.props.close')}</button>
      </div>
      <p className="small text-muted mb-2">{t('builder.props.name')}: <code>{path}</code></p>
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
