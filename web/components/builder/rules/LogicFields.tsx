'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logic } from '@sportello/schemas';
import { ViewTabs } from '../shared/ViewTabs';
import { ConditionEditor } from './ConditionEditor';
import { logicToCondition, type ConditionField } from './condition';
import { exprToLogic, logicToExpr } from './expression';
import { ExpressionEditor, type ExprContext } from './ExpressionEditor';
import { LogicTextArea } from './LogicTextArea';

type View = 'visual' | 'advanced';

/**
 * A condition with its two views: Visual (the query builder) and Advanced (raw JSON Logic). A
 * condition the visual form cannot express opens in Advanced, with a note, and stays there.
 */
export function ConditionView({ value, onChange, fields, label }: { value: Logic | undefined; onChange: (logic: Logic) => void; fields: ConditionField[]; label: string }) {
  const { t } = useTranslation();
  const expressible = logicToCondition(value, fields) !== null;
  const [view, setView] = useState<View>(expressible ? 'visual' : 'advanced');
  const shown = expressible ? view : 'advanced';
  return (
    <ViewTabs label={t('ruleEditor.views', { label })} selected={shown} onSelect={setView}
      tabs={[{ key: 'visual', label: t('ruleEditor.visual'), disabled: !expressible }, { key: 'advanced', label: t('ruleEditor.advanced') }]}>
      {!expressible && <p className="small text-muted mb-1">{t('ruleEditor.notVisual')}</p>}
      {shown === 'visual'
        ? <ConditionEditor label={label} value={value} fields={fields} onChange={(logic) => onChange(logic ?? false)} />
        : <LogicTextArea label={label} value={value} onChange={onChange} />}
    </ViewTabs>
  );
}

/** A value expression (computed value, fee, score term, ranking key) with Visual and Advanced views. */
export function ExpressionView({ value, onChange, ctx, label }: { value: Logic | undefined; onChange: (logic: Logic) => void; ctx: ExprContext; label: string }) {
  const { t } = useTranslation();
  const expr = logicToExpr(value, ctx.fields);
  const [view, setView] = useState<View>(expr ? 'visual' : 'advanced');
  const shown = expr ? view : 'advanced';
  return (
    <ViewTabs label={t('ruleEditor.views', { label })} selected={shown} onSelect={setView}
      tabs={[{ key: 'visual', label: t('ruleEditor.visual'), disabled: !expr }, { key: 'advanced', label: t('ruleEditor.advanced') }]}>
      {!expr && <p className="small text-muted mb-1">{t('ruleEditor.notVisual')}</p>}
      {shown === 'visual' && expr
        ? <ExpressionEditor label={label} value={expr} ctx={ctx} onChange={(e) => onChange(exprToLogic(e, ctx.fields))} />
        : <LogicTextArea label={label} value={value} onChange={onChange} />}
    </ViewTabs>
  );
}
