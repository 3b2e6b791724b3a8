'use client';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logic } from '@sportello/schemas';
import { ConditionEditor } from './ConditionEditor';
import { conditionToLogic, logicToCondition, operatorsFor, type Condition, type ConditionField } from './condition';
import { ARITH_OPS, ROUND_OPS, columnsOf, exprToLogic, type ArithOp, type Expr, type RoundOp } from './expression';

/** A repeating group and its columns, as `count` and `sum` name them. */
export interface GroupChoice { path: string; label: string; columns: Array<{ name: string; label: string }> }
export interface ExprContext { fields: ConditionField[]; groups: GroupChoice[] }

type Kind = Expr['kind'] | 'number' | 'text' | 'bool';
const KINDS: Kind[] = ['number', 'text', 'bool', 'field', 'arith', 'round', 'count', 'sum', 'between', 'cases'];

function kindOf(e: Expr): Kind {
  if (e.kind !== 'const') return e.kind;
  return typeof e.value === 'number' ? 'number' : typeof e.value === 'boolean' ? 'bool' : 'text';
}

function firstCondition(ctx: ExprContext): Condition {
  const f = ctx.fields[0];
  return { combinator: 'and', rules: f ? [{ field: f.name, operator: operatorsFor(f.info)[0]!, value: '' }] : [] };
}

function fresh(kind: Kind, ctx: ExprContext): Expr {
  const plain = ctx.fields.filter((f) => !f.info.derived);
  const field = plain.find((f) => f.info.type === 'number' || f.info.type === 'integer') ?? plain[0];
  const group = ctx.groups[0];
  switch (kind) {
    case 'number': return { kind: 'const', value: 0 };
    case 'text': return { kind: 'const', value: '' };
    case 'bool': return { kind: 'const', value: true };
    case 'field': return { kind: 'field', name: field?.name ?? '' };
    case 'arith': return { kind: 'arith', op: '*', args: [{ kind: 'field', name: field?.name ?? '' }, { kind: 'const', value: 1 }] };
    case 'round': return { kind: 'round', op: 'round', arg: { kind: 'field', name: field?.name ?? '' } };
    case 'count': return { kind: 'count', group: group?.path ?? '' };
    case 'sum': return { kind: 'sum', group: group?.path ?? '', column: group?.columns[0]?.name ?? '' };
    case 'between': return { kind: 'between', unit: 'days', from: { kind: 'field', name: '$today' }, to: { kind: 'field', name: '$today' } };
    case 'cases': return { kind: 'cases', cases: [{ when: firstCondition(ctx), then: { kind: 'const', value: 0 } }], otherwise: { kind: 'const', value: 0 } };
    default: return { kind: 'const', value: 0 };
  }
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void }) {
  return (
    <select aria-label={label} className="form-select form-select-sm w-auto" value={value} onChange={(e) => onChange(e.target.value)}>
      {!options.some((o) => o.value === value) && <option value={value}>{value}</option>}
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

/**
 * One value expression in the visual form; nested expressions are editors of their own. The
 * designer picks what the value is (a number, a field, a product, tariff bands, ...) and fills it in.
 */
export function ExpressionEditor({ value, onChange, ctx, label, depth = 0 }: { value: Expr; onChange: (e: Expr) => void; ctx: ExprContext; label: string; depth?: number }) {
  const { t } = useTranslation();
  const id = useId();
  const kind = kindOf(value);
  const fieldOptions = ctx.fields.filter((f) => !f.info.derived).map((f) => ({ value: f.name, label: f.info.label }));
  const child = (e: Expr, set: (e: Expr) => void, childLabel: string) => <ExpressionEditor value={e} onChange={set} ctx={ctx} label={childLabel} depth={depth + 1} />;
  let body: ReactNode = null;
  switch (value.kind) {
    case 'const':
      body = kind === 'bool'
        ? <Select label={t('exprEditor.value', { label })} value={String(value.value)} options={[{ value: 'true', label: t('ruleEditor.yes') }, { value: 'false', label: t('ruleEditor.no') }]} onChange={(v) => onChange({ kind: 'const', value: v === 'true' })} />
        : <input aria-label={t('exprEditor.value', { label })} className="form-control form-control-sm w-auto" type={kind === 'number' ? 'number' : 'text'} step="any" value={String(value.value ?? '')}
          onChange={(e) => onChange({ kind: 'const', value: kind === 'number' ? (e.target.value === '' || !Number.isFinite(Number(e.target.value)) ? 0 : Number(e.target.value)) : e.target.value })} />;
      break;
    case 'field':
      body = <Select label={t('exprEditor.field', { label })} value={value.name} options={fieldOptions} onChange={(name) => onChange({ kind: 'field', name })} />;
      break;
    case 'arith':
      body = (
        <div className="d-flex flex-column gap-1 ps-3 border-start">
          <Select label={t('exprEditor.operation', { label })} value={value.op} options={ARITH_OPS.map((op) => ({ value: op, label: t(`exprEditor.arith.${op}`) }))} onChange={(op) => onChange({ ...value, op: op as ArithOp })} />
          {value.args.map((arg, i) => (
            <div key={i} className="d-flex gap-2 align-items-start">
              {child(arg, (e) => onChange({ ...value, args: value.args.map((a, j) => (j === i ? e : a)) }), t('exprEditor.term', { n: i + 1, label }))}
              {value.args.length > 1 && <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => onChange({ ...value, args: value.args.filter((_, j) => j !== i) })}>{t('exprEditor.removeTerm', { n: i + 1 })}</button>}
            </div>
          ))}
          <button type="button" className="btn btn-sm btn-outline-primary align-self-start" onClick={() => onChange({ ...value, args: [...value.args, { kind: 'const', value: 0 }] })}>{t('exprEditor.addTerm')}</button>
        </div>
      );
      break;
    case 'round':
      body = (
        <div className="d-flex gap-2 align-items-start">
          <Select label={t('exprEditor.operation', { label })} value={value.op} options={ROUND_OPS.map((op) => ({ value: op, label: t(`exprEditor.roundOp.${op}`) }))} onChange={(op) => onChange({ ...value, op: op as RoundOp })} />
          {child(value.arg, (arg) => onChange({ ...value, arg }), t('exprEditor.of', { label }))}
          {value.op === 'round' && (
            <input aria-label={t('exprEditor.digits', { label })} type="number" min={0} max={10} className="form-control form-control-sm w-auto" value={value.digits ?? ''}
              onChange={(e) => { const { digits: _d, ...rest } = value; onChange(e.target.value === '' ? rest : { ...rest, digits: Math.max(0, Math.trunc(Number(e.target.value))) }); }} />
          )}
        </div>
      );
      break;
    case 'count': {
      const columns = columnsOf(value.group, ctx.fields);
      body = (
        <div className="d-flex flex-column gap-1">
          <Select label={t('exprEditor.group', { label })} value={value.group} options={ctx.groups.map((g) => ({ value: g.path, label: g.label }))} onChange={(group) => onChange({ kind: 'count', group })} />
          {columns.length > 0 && (
            <div className="form-check">
              <input id={`${id}-where`} type="checkbox" className="form-check-input" checked={!!value.where}
                onChange={(e) => onChange(e.target.checked ? { ...value, where: { combinator: 'and', rules: [{ field: columns[0]!.name, operator: operatorsFor(columns[0]!.info)[0]!, value: '' }] } } : { kind: 'count', group: value.group })} />
              <label className="form-check-label" htmlFor={`${id}-where`}>{t('exprEditor.onlyRows')}</label>
            </div>
          )}
          {value.where && (
            <ConditionEditor label={t('exprEditor.rowsCondition', { label })} fields={columns} value={conditionToLogic(value.where, columns) ?? false}
              onChange={(logic) => onChange({ ...value, where: logicToCondition(logic ?? false, columns) ?? value.where })} />
          )}
        </div>
      );
      break;
    }
    case 'sum': {
      const group = ctx.groups.find((g) => g.path === value.group);
      body = (
        <div className="d-flex gap-2">
          <Select label={t('exprEditor.group', { label })} value={value.group} options={ctx.groups.map((g) => ({ value: g.path, label: g.label }))} onChange={(g) => onChange({ kind: 'sum', group: g, column: ctx.groups.find((x) => x.path === g)?.columns[0]?.name ?? '' })} />
          <Select label={t('exprEditor.column', { label })} value={value.column} options={(group?.columns ?? []).map((c) => ({ value: c.name, label: c.label }))} onChange={(column) => onChange({ ...value, column })} />
        </div>
      );
      break;
    }
    case 'between':
      body = (
        <div className="d-flex flex-column gap-1 ps-3 border-start">
          <Select label={t('exprEditor.unit', { label })} value={value.unit} options={[{ value: 'days', label: t('exprEditor.days') }, { value: 'years', label: t('exprEditor.years') }]} onChange={(unit) => onChange({ ...value, unit: unit as 'days' | 'years' })} />
          {child(value.from, (from) => onChange({ ...value, from }), t('exprEditor.from', { label }))}
          {child(value.to, (to) => onChange({ ...value, to }), t('exprEditor.to', { label }))}
        </div>
      );
      break;
    case 'cases':
      body = (
        <ol className="list-unstyled d-flex flex-column gap-2 ps-3 border-start mb-0">
          {value.cases.map((c, i) => (
            <li key={i} className="border rounded p-2">
              <p className="fw-semibold mb-1">{t('exprEditor.caseWhen', { n: i + 1 })}</p>
              <ConditionEditor label={t('exprEditor.caseCondition', { n: i + 1, label })} fields={ctx.fields} value={exprToLogicCondition(c.when, ctx)}
                onChange={(logic) => onChange({ ...value, cases: value.cases.map((x, j) => (j === i ? { ...x, when: logicToCondition(logic ?? false, ctx.fields) ?? x.when } : x)) })} />
              <div className="d-flex gap-2 align-items-start">
                <span className="fw-semibold">{t('exprEditor.then')}</span>
                {child(c.then, (then) => onChange({ ...value, cases: value.cases.map((x, j) => (j === i ? { ...x, then } : x)) }), t('exprEditor.caseValue', { n: i + 1, label }))}
                {value.cases.length > 1 && <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => onChange({ ...value, cases: value.cases.filter((_, j) => j !== i) })}>{t('exprEditor.removeCase', { n: i + 1 })}</button>}
              </div>
            </li>
          ))}
          <li><button type="button" className="btn btn-sm btn-outline-primary" onClick={() => onChange({ ...value, cases: [...value.cases, { when: firstCondition(ctx), then: { kind: 'const', value: 0 } }] })}>{t('exprEditor.addCase')}</button></li>
          <li className="d-flex gap-2 align-items-start">
            <span className="fw-semibold">{t('exprEditor.otherwise')}</span>
            {child(value.otherwise, (otherwise) => onChange({ ...value, otherwise }), t('exprEditor.otherwiseValue', { label }))}
          </li>
        </ol>
      );
      break;
  }
  return (
    <div className="d-flex flex-wrap gap-2 align-items-start" id={id}>
      <Select label={t('exprEditor.kind', { label })} value={kind} options={KINDS.map((k) => ({ value: k, label: t(`exprEditor.kinds.${k}`) }))} onChange={(k) => onChange(fresh(k as Kind, ctx))} />
      {body}
    </div>
  );
}

/** A case's condition as JSON Logic for its ConditionEditor. */
function exprToLogicCondition(when: Condition, ctx: ExprContext): Logic {
  const logic = exprToLogic({ kind: 'cases', cases: [{ when, then: { kind: 'const', value: null } }], otherwise: { kind: 'const', value: null } }, ctx.fields) as { if: Logic[] };
  return logic.if[0]!;
}
