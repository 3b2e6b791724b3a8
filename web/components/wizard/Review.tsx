'use client';
import { useTranslation } from 'react-i18next';
import { formatValue } from './FieldView';
import { useWizard, type FieldInfo } from './context';

/** "Check your answers": every visible step's answered fields, each step with a way back to change it. */
export function Review({ answers, visibleSteps, onEdit }: { answers: Record<string, unknown>; visibleSteps: number[]; onEdit: (step: number) => void }) {
  const w = useWizard();
  const { t } = useTranslation();
  const steps = w.service.definition.ui.steps;
  return (
    <div>
      {visibleSteps.map((i) => {
        const rows: Array<{ key: string; label: string; value: string }> = [];
        for (const name of steps[i]!.fields) collect(w, name, answers, rows, t);
        return (
          <section key={steps[i]!.id} className="mb-4" aria-labelledby={`review-${steps[i]!.id}`}>
            <div className="d-flex justify-content-between align-items-baseline border-bottom mb-2">
              <h2 id={`review-${steps[i]!.id}`} className="h4">{w.text(steps[i]!.title)}</h2>
              <button type="button" className="btn btn-link" onClick={() => onEdit(i)}>
                {t('wizard.edit')}<span className="visually-hidden"> {w.text(steps[i]!.title)}</span>
              </button>
            </div>
            <dl className="row mb-0">
              {rows.map((r) => (
                <div key={r.key} className="col-12 d-md-flex">
                  <dt className="col-md-5 fw-semibold">{r.label}</dt>
                  <dd className="col-md-7 mb-2">{r.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

function collect(w: ReturnType<typeof useWizard>, path: string, answers: Record<string, unknown>, out: Array<{ key: string; label: string; value: string }>, t: (k: string) => string, row?: number, prefix = ''): void {
  const field = w.service.fields.get(path);
  if (!field) return;
  const pointer = field.group ? `${field.pointer}/${row ?? 0}${field.rowSuffix}` : field.pointer;
  if ([...w.hidden].some((h) => pointer === h || pointer.startsWith(`${h}/`))) return;
  const label = `${prefix}${w.text(field.ui.label, path.slice(path.lastIndexOf('.') + 1))}`;
  if (field.kind === 'object') {
    for (const c of field.ui.order ?? field.children) collect(w, c, answers, out, t, row, prefix);
    return;
  }
  if (field.kind === 'group') {
    const rows = (valueAt(answers, pointer) as unknown[] | undefined) ?? [];
    rows.forEach((_, r) => { for (const c of field.ui.order ?? field.children) collect(w, c, answers, out, t, r, `${label} ${r + 1} · `); });
    return;
  }
  const value = pointer in w.evaluation.computed ? w.evaluation.computed[pointer] : valueAt(answers, pointer);
  if (value === undefined) return;
  out.push({ key: pointer, label, value: display(field, value, w, t) });
}

function display(field: FieldInfo, value: unknown, w: ReturnType<typeof useWizard>, t: (k: string) => string): string {
  if (field.ui.widget === 'file') return (Array.isArray(value) ? value : [value]).map((id) => w.files[String(id)]?.name ?? String(id).slice(0, 8)).join(', ');
  if (typeof value === 'string' && field.ui.options?.[value]) return w.text(field.ui.options[value]);
  if (Array.isArray(value)) return value.map((v) => (field.ui.options?.[String(v)] ? w.text(field.ui.options[String(v)]) : String(v))).join(', ');
  return formatValue(value, field.ui.widget, t);
}

function valueAt(obj: unknown, pointer: string): unknown {
  let cur: unknown = obj;
  for (const part of pointer.slice(1).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
