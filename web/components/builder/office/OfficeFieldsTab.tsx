'use client';
import Form from '@rjsf/react-bootstrap';
import type { IChangeEvent } from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OFFICE_KINDS, OFFICE_NAME, addOfficeField, moveOfficeField, officeFields, officeKindOf, officePropsSchema, readOfficeProps, removeOfficeField, renameOfficeField, writeOfficeProps,
  type OfficeKind, type OfficeProps,
} from '@/lib/builder/office-fields';
import { useEditor } from '../editor-context';
import { problemsUnder, useBuilder, useDefinition } from '../store';

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Fields only operators fill (officeData), edited like the citizen's: list, add, reorder, properties. */
export function OfficeFieldsTab() {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const id = useId();
  const [kind, setKind] = useState<OfficeKind>('text');
  const [selected, setSelected] = useState<string | null>(null);
  const { focus } = useEditor();
  const fields = officeFields(definition);
  // A problem link to an office field selects it.
  useEffect(() => {
    const m = focus ? /^\/officeData\/properties\/([^/]+)/.exec(focus) : null;
    const name = m ? m[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : null;
    if (name && fields.some(([k]) => k === name)) setSelected(name);
  }, [focus]); // eslint-disable-line react-hooks/exhaustive-deps -- selects on a new problem link only: editing the fields must not move the selection
  const current = fields.find(([k]) => k === selected);
  const kindLabel = (k: OfficeKind) => t(`builder.office.kind.${k}`);
  return (
    <div className="row g-4" data-pointer="/officeData">
      <div className="col-lg-6">
        <p>{t('builder.office.intro')}</p>
        {problemsUnder(state.problems, '/officeData').map((p, i) => <p key={i} className="small text-danger mb-1">{p.message} <code>{p.pointer}</code></p>)}
        {fields.length === 0 ? <p className="text-muted">{t('builder.office.none')}</p> : (
          <ul className="list-unstyled" aria-label={t('builder.tabs.office')}>
            {fields.map(([name, s], i) => (
              <li key={name} data-pointer={`/officeData/properties/${esc(name)}`} className={`border rounded p-2 mb-2 d-flex gap-2 align-items-center ${selected === name ? 'border-primary border-2' : ''}`}>
                <button type="button" className="btn btn-outline-secondary btn-sm py-0" disabled={i === 0} onClick={() => onChange(moveOfficeField(definition, i, i - 1))} aria-label={t('builder.steps.moveUp', { label: (s.title as string) || name })}>↑</button>
                <button type="button" className="btn btn-outline-secondary btn-sm py-0" disabled={i === fields.length - 1} onClick={() => onChange(moveOfficeField(definition, i, i + 1))} aria-label={t('builder.steps.moveDown', { label: (s.title as string) || name })}>↓</button>
                <button type="button" className="btn btn-link p-0 text-start flex-grow-1" aria-pressed={selected === name} onClick={() => setSelected(name)}>
                  <span className="fw-semibold">{(s.title as string) || name}</span> <span className="badge bg-light text-dark border">{kindLabel(officeKindOf(s))}</span>
                  <span className="small text-muted ms-1"><code>$office.{name}</code></span>
                </button>
                <button type="button" className="btn btn-outline-danger btn-sm py-0" onClick={() => { onChange(removeOfficeField(definition, name)); if (selected === name) setSelected(null); }}
                  aria-label={t('builder.steps.removeField', { label: (s.title as string) || name })}>✕</button>
              </li>
            ))}
          </ul>
        )}
        <div className="d-flex gap-2 align-items-end">
          <div>
            <label htmlFor={`${id}-kind`} className="form-label small mb-0">{t('builder.office.kindLabel')}</label>
            <select id={`${id}-kind`} className="form-select form-select-sm" value={kind} onChange={(e) => setKind(e.target.value as OfficeKind)}>
              {OFFICE_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
            </select>
          </div>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => {
            const r = addOfficeField(definition, kind, t('builder.office.newField', { kind: kindLabel(kind) }));
            onChange(r.definition); setSelected(r.name);
          }}>{t('builder.office.add')}</button>
        </div>
      </div>
      <div className="col-lg-6">
        {current ? (
          <section aria-labelledby={`${id}-props`} className="card card-bg p-3 field-panel" data-pointer={`/officeData/properties/${esc(current[0])}`}>
            <h3 id={`${id}-props`} className="h5">{(current[1].title as string) || current[0]}</h3>
            <OfficeName key={current[0]} name={current[0]} taken={fields.map(([k]) => k)}
              onRename={(to) => { onChange(renameOfficeField(definition, current[0], to)); setSelected(to); }} />
            <p className="small text-muted">{t('builder.office.labelsNotTranslated')}</p>
            <Form schema={officePropsSchema(officeKindOf(current[1]), t) as RJSFSchema} formData={readOfficeProps(definition, current[0])}
              validator={validator} noHtml5Validate uiSchema={{ 'ui:submitButtonOptions': { norender: true }, description: { 'ui:widget': 'textarea' } }}
              idPrefix={`office-${current[0]}`}
              onChange={(e: IChangeEvent<OfficeProps>) => { if (e.formData) onChange(writeOfficeProps(definition, current[0], e.formData)); }} />
          </section>
        ) : <p className="text-muted">{t('builder.props.none')}</p>}
      </div>
    </div>
  );
}

/** The field's name ($office.<name>), renamed on demand: typing must not rename at every key. */
function OfficeName({ name, taken, onRename }: { name: string; taken: string[]; onRename: (to: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(name);
  const valid = value === name || (OFFICE_NAME.test(value) && !taken.includes(value));
  return (
    <form className="mb-2" onSubmit={(e) => { e.preventDefault(); if (valid && value !== name) onRename(value); }}>
      <label htmlFor={`${id}-name`} className="form-label small mb-0">{t('builder.office.name')}</label>
      <div className="d-flex gap-2">
        <input id={`${id}-name`} className={`form-control form-control-sm ${valid ? '' : 'is-invalid'}`} value={value} onChange={(e) => setValue(e.target.value.trim())}
          aria-invalid={!valid} aria-describedby={valid ? undefined : `${id}-name-error`} spellCheck={false} />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={!valid || value === name}>{t('builder.office.rename')}</button>
      </div>
      {valid ? null : <p id={`${id}-name-error`} className="small text-danger mb-0">{t('builder.office.nameInvalid')}</p>}
    </form>
  );
}
