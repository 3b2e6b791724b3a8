'use client';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { allFieldPaths, schemaAt, textOf } from '@/lib/builder/definition-edit';

type Op = '==' | '!=' | '>' | '<';
interface Simple { field: string; op: Op; value: string | number | boolean }

/** `{"==": [{"var": f}, v]}` and its kin read as one condition; anything else is not simple. */
export function readSimple(when: unknown): Simple | null {
  if (!when || typeof when !== 'object' || Array.isArray(when)) return null;
  const entries = Object.entries(when as Record<string, unknown>);
  if (entries.length !== 1) return null;
  const [op, args] = entries[0]!;
  if (!['==', '!=', '>', '<'].includes(op) || !Array.isArray(args) || args.length !== 2) return null;
  const v = args[0] as { var?: unknown };
  if (!v || typeof v !== 'object' || typeof v.var !== 'string') return null;
  const value = args[1];
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return null;
  return { field: v.var, op: op as Op, value };
}

export function writeSimple(c: Simple): unknown {
  return { [c.op]: [{ var: c.field }, c.value] };
}

/**
 * A condition a non-programmer can write: "<field> <is/is not/more than/less than> <value>".
 * Only fields outside repeating groups (a step or a top field cannot look into one row).
 * A condition written some other way is left alone and said to be advanced.
 */
export function SimpleCondition({ definition, when, onChange, exclude, label }: {
  definition: ServiceDefinition; when: unknown | null; onChange: (when: unknown | null) => void; exclude?: string; label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  // Depends on the data schema only (kept while only texts change: the store shares unchanged parts).
  const data = definition.data;
  const fields = useMemo(() => allFieldPaths({ data } as ServiceDefinition).filter((p) => !p.includes('[]') && p !== exclude && ['boolean', 'string', 'number', 'integer'].includes(String(schemaAt(data, p)?.type))), [data, exclude]);
  if (when !== null && !readSimple(when)) {
    return (
      <div className="small">
        <p className="mb-1"><strong>{label}:</strong> {t('builder.condition.advanced')}</p>
        <button type="button" className="btn btn-link btn-sm p-0" onClick={() => onChange(null)}>{t('builder.condition.remove')}</button>
      </div>
    );
  }
  const c = readSimple(when);
  const fieldLabel = (p: string) => textOf(definition, definition.ui.fields?.[p]?.label) || p;
  const schema = c ? schemaAt(definition.data, c.field) : null;
  const values = Array.isArray(schema?.enum) ? (schema!.enum as unknown[]) : null;
  const set = (patch: Partial<Simple>) => {
    const base: Simple = c ?? { field: fields[0] ?? '', op: '==', value: true };
    const next = { ...base, ...patch };
    if (patch.field) {
      const s = schemaAt(definition.data, patch.field);
      next.value = s?.type === 'boolean' ? true : Array.isArray(s?.enum) ? String((s!.enum as unknown[])[0]) : s?.type === 'number' || s?.type === 'integer' ? 0 : '';
    }
    onChange(writeSimple(next));
  };
  return (
    <fieldset className="border rounded p-2 mb-2">
      <legend className="fs-6 fw-semibold w-auto px-1 mb-1">{label}</legend>
      {!c ? (
        <button type="button" className="btn btn-outline-primary btn-sm" disabled={!fields.length} onClick={() => set({ field: fields[0] })}>
          {fields.length ? t('builder.condition.add') : t('builder.condition.noFields')}
        </button>
      ) : (
        <div className="d-flex flex-wrap gap-2 align-items-end">
          <div>
            <label htmlFor={`${id}-f`} className="form-label small mb-0">{t('builder.condition.field')}</label>
            <select id={`${id}-f`} className="form-select form-select-sm" value={c.field} onChange={(e) => set({ field: e.target.value })}>
              {fields.map((p) => <option key={p} value={p}>{fieldLabel(p)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-o`} className="form-label small mb-0">{t('builder.condition.operator')}</label>
            <select id={`${id}-o`} className="form-select form-select-sm" value={c.op} onChange={(e) => set({ op: e.target.value as Op })}>
              {(['==', '!=', '>', '<'] as Op[]).map((op) => <option key={op} value={op}>{t(`builder.condition.op.${op === '==' ? 'eq' : op === '!=' ? 'ne' : op === '>' ? 'gt' : 'lt'}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-v`} className="form-label small mb-0">{t('builder.condition.value')}</label>
            {schema?.type === 'boolean' ? (
              <select id={`${id}-v`} className="form-select form-select-sm" value={String(c.value)} onChange={(e) => set({ value: e.target.value === 'true' })}>
                <option value="true">{t('builder.condition.yes')}</option>
                <option value="false">{t('builder.condition.no')}</option>
              </select>
            ) : values ? (
              <select id={`${id}-v`} className="form-select form-select-sm" value={String(c.value)} onChange={(e) => set({ value: e.target.value })}>
                {values.map((v) => <option key={String(v)} value={String(v)}>{textOf(definition, definition.ui.fields?.[c.field]?.options?.[String(v)]) || String(v)}</option>)}
              </select>
            ) : (
              <input id={`${id}-v`} className="form-control form-control-sm" type={schema?.type === 'number' || schema?.type === 'integer' ? 'number' : 'text'} value={String(c.value)}
                onChange={(e) => set({ value: schema?.type === 'number' || schema?.type === 'integer' ? Number(e.target.value) : e.target.value })} />
            )}
          </div>
          <button type="button" className="btn btn-link btn-sm" onClick={() => onChange(null)}>{t('builder.condition.remove')}</button>
        </div>
      )}
    </fieldset>
  );
}
