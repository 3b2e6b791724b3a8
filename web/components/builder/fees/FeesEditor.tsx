'use client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fees, ServiceDefinition } from '@sportello/schemas';
import { exprContext } from '../rules/context';
import { ExpressionView } from '../rules/LogicFields';
import { ProblemsAt, type PointedProblem } from '../shared/ProblemsAt';
import { TextKeyFields } from '../shared/TextKeyFields';

/**
 * The fee: its amount as an expression with its unit always explicit (the engine reads `euro`
 * amounts times 100, rounded to the cent, and `cents` as they are), the causale and the days to pay.
 */
export function FeesEditor({ definition, onChange, problems }: { definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const fees = definition.fees;
  if (!fees) {
    return (
      <div>
        <p>{t('feeEditor.none')}</p>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange({ ...definition, fees: { amount: 0, unit: 'euro', causale: 'fee.causale', dueDays: 30 } })}>{t('feeEditor.add')}</button>
      </div>
    );
  }
  const set = (next: Partial<Fees>) => onChange({ ...definition, fees: { ...fees, ...next } });
  const ctx = exprContext(definition, undefined, t, definition.ranking ? ['$excluded'] : []);
  const unit = fees.unit ?? 'cents';
  return (
    <div data-pointer="/fees">
      <ProblemsAt problems={problems} pointer="/fees" />
      <fieldset className="mb-2" data-pointer="/fees/unit">
        <legend className="h6">{t('feeEditor.unit')}</legend>
        {(['euro', 'cents'] as const).map((u) => (
          <div className="form-check form-check-inline" key={u}>
            <input className="form-check-input" type="radio" id={`${id}-${u}`} name={`${id}-unit`} checked={unit === u} onChange={() => set({ unit: u })} />
            <label className="form-check-label" htmlFor={`${id}-${u}`}>{t(`feeEditor.units.${u}`)}</label>
          </div>
        ))}
        {!fees.unit && <p className="small text-danger mb-0" role="note">{t('feeEditor.unitMissing')}</p>}
      </fieldset>
      <div data-pointer="/fees/amount"><ExpressionView label={t('feeEditor.amount', { unit: t(`feeEditor.unitShort.${unit}`) })} ctx={ctx} value={fees.amount} onChange={(amount) => set({ amount })} /></div>
      <div data-pointer="/fees/causale"><TextKeyFields definition={definition} onChange={onChange} label={t('feeEditor.causale')} keyValue={fees.causale} onKey={(causale) => ({ ...definition, fees: { ...fees, causale } })} /></div>
      <div className="mb-2" data-pointer="/fees/dueDays">
        <label className="form-label" htmlFor={`${id}-due`}>{t('feeEditor.dueDays')}</label>
        <input id={`${id}-due`} type="number" min={0} className="form-control form-control-sm w-auto" value={fees.dueDays ?? ''}
          onChange={(e) => { const { dueDays: _d, ...rest } = fees; onChange({ ...definition, fees: e.target.value === '' ? rest : { ...rest, dueDays: Math.max(0, Math.trunc(Number(e.target.value))) } }); }} />
      </div>
      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => { const { fees: _f, ...rest } = definition; onChange(rest as ServiceDefinition); }}>{t('feeEditor.remove')}</button>
    </div>
  );
}
