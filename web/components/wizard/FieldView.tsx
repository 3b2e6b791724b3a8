'use client';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldInfo } from './context';
import type { JsonSchema } from '@sportello/schemas';
import { choiceValues, formNameOf } from '@/lib/wizard/model';
import { idOf, useFieldLive, useWizardStatic } from './context';
import { FileField } from './FileField';
import { GroupField } from './GroupField';

/** The pointer of a field in a row (rows: the group's pointer, the row, the suffix). */
export function pointerIn(field: FieldInfo, row: number | undefined): string {
  return field.group ? `${field.pointer}/${row ?? 0}${field.rowSuffix}` : field.pointer;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/**
 * One field of the definition, by kind and widget; hidden fields render nothing (their values stay).
 * Memoized: it re-renders when its own slice of the verdict changes (useFieldLive), not on every
 * keystroke elsewhere in the form.
 */
export const FieldView = memo(function FieldView({ path, row }: { path: string; row?: number }) {
  const w = useWizardStatic();
  const field = w.service.fields.get(path);
  if (!field) {
    const ui = w.service.definition.ui.fields?.[path];
    return ui?.widget === 'static' ? <div className="callout-like mb-3"><p>{w.text(ui.text)}</p></div> : null;
  }
  return <KnownField field={field} path={path} row={row} />;
});

function KnownField({ field, path, row }: { field: FieldInfo; path: string; row?: number }) {
  const w = useWizardStatic();
  const { t } = useTranslation();
  const pointer = pointerIn(field, row);
  const live = useFieldLive(pointer);
  if (live.hidden) return null;
  const label = w.text(field.ui.label, lastSegment(path));
  const help = field.ui.help ? w.text(field.ui.help) : null;
  if (field.kind === 'object') {
    const order = field.ui.order ?? field.children;
    return (
      <fieldset className="wizard-fieldset">
        <legend>{label}</legend>
        {help ? <p className="field-help">{help}</p> : null}
        <FieldErrors pointer={pointer} />
        {order.map((child) => <FieldView key={child} path={child} row={row} />)}
      </fieldset>
    );
  }
  if (field.kind === 'group') return <GroupField field={field} label={label} help={help} />;
  if (field.ui.widget === 'file') return <FileField field={field} pointer={pointer} label={label} help={help} />;

  const id = idOf(pointer);
  const name = formNameOf(pointer);
  const errors = live.errors;
  const required = live.required;
  const locked = w.locked.has(pointer);
  const source = w.prefilled.get(pointer);
  const describedBy = [help ? `${id}-help` : '', errors.length ? `${id}-error` : '', source ? `${id}-source` : ''].filter(Boolean).join(' ') || undefined;
  const computed = live.computed;
  const schema = field.schema;
  const widget = field.ui.widget ?? defaultWidget(schema);

  const labelEl = (
    <>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
      {required ? <span className="visually-hidden"> ({t('wizard.required')})</span> : null}
    </>
  );
  const extras = (
    <>
      {source ? (
        <p id={`${id}-source`} className="prefill-badge mb-1">
          <span className="badge bg-primary me-1">{t('wizard.prefilled', { source: t(`wizard.source.${source}`) })}</span>
          <span className="small">{locked ? t('wizard.locked') : t('wizard.editable')}</span>
        </p>
      ) : null}
      {help ? <p id={`${id}-help`} className="field-help mb-1">{help}</p> : null}
      <FieldErrors pointer={pointer} id={`${id}-error`} />
    </>
  );

  if (computed || field.ui.readOnly) {
    const value = live.value;
    return (
      <div className="wizard-field">
        <span className="form-label d-block fw-semibold" id={`${id}-label`}>{label} <span className="badge bg-secondary">{t('wizard.computed')}</span></span>
        <output id={id} aria-labelledby={`${id}-label`} aria-live="polite" className="computed-value d-block">{formatValue(value, widget, t)}</output>
      </div>
    );
  }

  const common = {
    id, 'aria-describedby': describedBy, 'aria-invalid': errors.length ? true : undefined,
    'aria-required': required || undefined, readOnly: locked || undefined,
  };
  const enumValues = (schema.enum as string[] | undefined) ?? Object.keys(field.ui.options ?? {});
  const optionLabel = (v: string) => w.text(field.ui.options?.[v], v);

  // Radio buttons, yes/no and a multiple choice: one input per option, all under the field's name.
  const choices = (type: 'radio' | 'checkbox', values: string[], label: (v: string) => string) => (
    <fieldset className="wizard-field wizard-fieldset" aria-describedby={describedBy} aria-invalid={errors.length ? true : undefined}>
      <legend className="form-label fs-6">{labelEl}</legend>
      {extras}
      {values.map((v) => (
        <div className="form-check" key={v}>
          <input className="form-check-input" type={type} id={`${id}-${v}`} value={v} disabled={locked} {...w.register(name)} />
          <label className="form-check-label" htmlFor={`${id}-${v}`}>{label(v)}</label>
        </div>
      ))}
    </fieldset>
  );
  if (widget === 'yesno') return choices('radio', ['true', 'false'], (v) => t(v === 'true' ? 'wizard.yes' : 'wizard.no'));
  if (widget === 'radio') return choices('radio', enumValues, optionLabel);
  // A multiple choice: react-hook-form gives the ticked values; toAnswers puts them in the options' order.
  if (widget === 'checkbox' && field.kind === 'list') {
    return choices('checkbox', choiceValues(schema.items as JsonSchema | undefined) ?? Object.keys(field.ui.options ?? {}), optionLabel);
  }
  if (widget === 'checkbox') {
    return (
      <div className="wizard-field">
        {extras}
        <div className="form-check">
          <input className="form-check-input" type="checkbox" {...common} disabled={locked} {...w.register(name)} />
          <label className="form-check-label" htmlFor={id}>{labelEl}</label>
        </div>
      </div>
    );
  }
  let control;
  if (widget === 'select') {
    control = (
      <select className={`form-select${errors.length ? ' is-invalid' : ''}`} {...common} disabled={locked} {...w.register(name)}>
        <option value="">{t('wizard.choose')}</option>
        {enumValues.map((v) => <option key={v} value={v}>{optionLabel(v)}</option>)}
      </select>
    );
  } else if (widget === 'textarea') {
    control = <textarea className={`form-control${errors.length ? ' is-invalid' : ''}`} rows={4} {...common} {...w.register(name)} />;
  } else {
    const type = widget === 'date' ? 'date' : widget === 'email' ? 'email' : 'text';
    const numeric = widget === 'number' || widget === 'currency' || schema.type === 'number' || schema.type === 'integer';
    control = (
      <input className={`form-control${errors.length ? ' is-invalid' : ''}`} type={type}
        inputMode={numeric ? 'decimal' : undefined} autoComplete={autoCompleteOf(path)} {...common} {...w.register(name)} />
    );
  }
  return (
    <div className="wizard-field">
      <label className="form-label" htmlFor={id}>{labelEl}{widget === 'currency' ? ' (€)' : ''}</label>
      {extras}
      {control}
    </div>
  );
}

export function FieldErrors({ pointer, id }: { pointer: string; id?: string }) {
  const { errors } = useFieldLive(pointer);
  if (!errors.length) return null;
  return (
    <div id={id} className="field-error mb-1">
      {errors.map((m, i) => <p key={i} className="mb-0"><span className="visually-hidden">Errore: </span>{m}</p>)}
    </div>
  );
}

function defaultWidget(schema: Record<string, unknown>): string {
  if (schema.enum) return 'select';
  if (schema.type === 'boolean') return 'yesno';
  if (schema.format === 'date') return 'date';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  return 'text';
}

function autoCompleteOf(path: string): string | undefined {
  if (/email/i.test(path)) return 'email';
  if (/telefono/i.test(path)) return 'tel';
  return undefined;
}

export function formatValue(value: unknown, widget: string | undefined, t: (k: string) => string): string {
  if (value === undefined || value === null || value === '') return t('wizard.empty');
  if (typeof value === 'boolean') return t(value ? 'wizard.yes' : 'wizard.no');
  if (typeof value === 'number') return numberFormat(undefined, widget === 'currency').format(value);
  return String(value);
}

const formats = new Map<string, Intl.NumberFormat>();
/**
 * The same output as toLocaleString(locale, options), from a formatter made once per locale and
 * style: toLocaleString builds a new Intl.NumberFormat on each call (a tenth of a millisecond or
 * more, on every computed value and the fee at each keystroke).
 */
export function numberFormat(locale: string | undefined, currency: boolean): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let f = formats.get(key);
  if (!f) formats.set(key, f = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency: 'EUR' } : undefined));
  return f;
}
