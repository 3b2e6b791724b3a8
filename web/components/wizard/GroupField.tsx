'use client';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formNameOf } from '@/lib/wizard/model';
import { idOf, useWizardStatic, type FieldInfo } from './context';
import { FieldErrors, FieldView } from './FieldView';

/** A repeating group: one fieldset per row, add and remove (within the schema's item limits). */
export function GroupField({ field, label, help }: { field: FieldInfo; label: string; help: string | null }) {
  const w = useWizardStatic();
  const { t } = useTranslation();
  const { fields: rows, append, remove } = useFieldArray({ control: w.control, name: formNameOf(field.pointer) as never });
  const max = (field.schema.maxItems as number | undefined) ?? Infinity;
  const order = field.ui.order ?? field.children;
  const source = w.prefilled.get(field.pointer);
  const id = idOf(field.pointer);
  return (
    <fieldset className="wizard-fieldset" id={id} aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{label}</legend>
      {source ? <p className="prefill-badge"><span className="badge bg-primary me-1">{t('wizard.prefilled', { source: t(`wizard.source.${source}`) })}</span><span className="small">{t('wizard.editable')}</span></p> : null}
      {help ? <p id={`${id}-help`} className="field-help">{help}</p> : null}
      <FieldErrors pointer={field.pointer} />
      {rows.length === 0 ? <p>{t('wizard.noRows')}</p> : null}
      {rows.map((row, i) => (
        <fieldset key={row.id} className="group-row" aria-labelledby={`${id}-row-${i}`}>
          <legend id={`${id}-row-${i}`} className="h6">{t('wizard.row', { n: i + 1 })}</legend>
          <FieldErrors pointer={`${field.pointer}/${i}`} />
          {order.map((child) => <FieldView key={child} path={child} row={i} />)}
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(i)}>{t('wizard.removeRow', { n: i + 1 })}</button>
        </fieldset>
      ))}
      <button type="button" className="btn btn-outline-primary" disabled={rows.length >= max}
        onClick={() => append({}, { shouldFocus: false })}>
        {field.ui.addLabel ? w.text(field.ui.addLabel) : t('wizard.addRow')}
      </button>
    </fieldset>
  );
}
