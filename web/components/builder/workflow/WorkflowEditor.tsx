'use client';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AWAITED_REPLY_KINDS, type Action, type ServiceDefinition, type Transition, type Workflow, type WorkflowRole, type WorkflowState } from '@sportello/schemas';
import { exprContext } from '../rules/context';
import { ConditionView, ExpressionView } from '../rules/LogicFields';
import { ProblemsAt, type PointedProblem } from '../shared/ProblemsAt';
import { TextKeyFields } from '../shared/TextKeyFields';
import { MessageTexts } from './MessageTexts';
import { PLACEHOLDERS, knownPlaceholders } from './placeholders';

const ROLES: WorkflowRole[] = ['operator', 'supervisor', 'citizen', 'system'];
const ACTION_TYPES: Action['type'][] = ['protocol', 'email', 'appio', 'push', 'document', 'payment'];

/** A new action of a type, with message keys named after its transition. */
function freshAction(type: Action['type'], transition: string): Action {
  const subject = `message.${transition}.subject`, body = `message.${transition}.body`;
  switch (type) {
    case 'protocol': return { type, direction: 'out', subject };
    case 'email': return { type, to: 'citizen', subject, body };
    case 'payment': return { type };
    default: return { type, subject, body };
  }
}

const STARTER: Workflow = {
  initial: 'presentata',
  states: [
    { id: 'presentata', label: 'workflow.state.presentata', slaDays: 30 },
    { id: 'accolta', label: 'workflow.state.accolta', final: true },
    { id: 'respinta', label: 'workflow.state.respinta', final: true },
  ],
  transitions: [
    { id: 'accogli', from: 'presentata', to: 'accolta', label: 'workflow.transition.accogli', roles: ['operator'], actions: [] },
    { id: 'respingi', from: 'presentata', to: 'respinta', label: 'workflow.transition.respingi', roles: ['operator'], actions: [] },
  ],
};

function freshId(taken: string[], base: string): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}

/**
 * The pratica's workflow: states (deadline in days, final, waiting for the citizen, outcome),
 * transitions (from, to, who may move them, a guard written with the condition editor, its
 * refusal message) and the actions each triggers, with their message texts in every language.
 */
export function WorkflowEditor({ definition, onChange, problems }: { definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const known = useMemo(() => knownPlaceholders(definition), [definition]);
  const wf = definition.workflow;
  if (!wf) {
    return (
      <div>
        <p>{t('workflowEditor.none')}</p>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange({ ...definition, workflow: STARTER })}>{t('workflowEditor.add')}</button>
      </div>
    );
  }
  const withWf = (next: Workflow): ServiceDefinition => ({ ...definition, workflow: next });
  const setWf = (next: Workflow) => onChange(withWf(next));
  const stateIds = wf.states.map((s) => s.id);
  const guardCtx = exprContext(definition, undefined, t);

  const setState = (i: number, next: WorkflowState): ServiceDefinition => {
    const old = wf.states[i]!.id;
    const rename = (s: string) => (s === old ? next.id : s);
    // A renamed state keeps its transitions and stays initial if it was.
    return withWf({
      ...wf, initial: rename(wf.initial),
      states: wf.states.map((s, j) => (j === i ? next : s)),
      transitions: old === next.id ? wf.transitions : wf.transitions.map((tr) => ({ ...tr, from: rename(tr.from), to: rename(tr.to) })),
    });
  };
  const setTransition = (i: number, next: Transition): ServiceDefinition => withWf({ ...wf, transitions: wf.transitions.map((x, j) => (j === i ? next : x)) });

  return (
    <div data-pointer="/workflow">
      <ProblemsAt problems={problems} pointer="/workflow" exact />
      <ProblemsAt problems={problems} pointer="/workflow/initial" />
      <div className="d-flex flex-wrap gap-3 mb-3">
        <div data-pointer="/workflow/initial">
          <label className="form-label" htmlFor={`${id}-initial`}>{t('workflowEditor.initial')}</label>
          <select id={`${id}-initial`} className="form-select form-select-sm" value={wf.initial} onChange={(e) => setWf({ ...wf, initial: e.target.value })}>
            {!stateIds.includes(wf.initial) && <option value={wf.initial}>{wf.initial}</option>}
            {stateIds.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div data-pointer="/workflow/concludeDays">
          <label className="form-label" htmlFor={`${id}-conclude`}>{t('workflowEditor.concludeDays')}</label>
          <input id={`${id}-conclude`} type="number" min={1} className="form-control form-control-sm" value={wf.concludeDays ?? ''} placeholder="30"
            onChange={(e) => { const { concludeDays: _c, ...rest } = wf; setWf(e.target.value === '' ? rest : { ...rest, concludeDays: Math.max(1, Math.trunc(Number(e.target.value))) }); }} />
        </div>
      </div>

      <section aria-labelledby={`${id}-states`} className="mb-3">
        <h3 id={`${id}-states`} className="h6">{t('workflowEditor.states')}</h3>
        {wf.states.map((s, i) => (
          <fieldset key={i} className="border rounded p-2 mb-2" data-pointer={`/workflow/states/${i}`}>
            <legend className="h6 small">{t('workflowEditor.state', { id: s.id })}</legend>
            <ProblemsAt problems={problems} pointer={`/workflow/states/${i}`} />
            <div className="d-flex flex-wrap gap-3 align-items-end mb-2">
              <div>
                <label className="form-label" htmlFor={`${id}-s${i}-id`}>{t('workflowEditor.stateId')}</label>
                <input id={`${id}-s${i}-id`} className="form-control form-control-sm" value={s.id} onChange={(e) => onChange(setState(i, { ...s, id: e.target.value }))} />
              </div>
              <div>
                <label className="form-label" htmlFor={`${id}-s${i}-sla`}>{t('workflowEditor.slaDays')}</label>
                <input id={`${id}-s${i}-sla`} type="number" min={0} className="form-control form-control-sm" value={s.slaDays ?? ''}
                  onChange={(e) => { const { slaDays: _d, ...rest } = s; onChange(setState(i, e.target.value === '' ? rest : { ...rest, slaDays: Math.max(0, Math.trunc(Number(e.target.value))) })); }} />
              </div>
              <div data-pointer={`/workflow/states/${i}/awaits`}>
                <label className="form-label" htmlFor={`${id}-s${i}-awaits`}>{t('workflowEditor.awaits')}</label>
                <select id={`${id}-s${i}-awaits`} className="form-select form-select-sm" value={s.awaits ?? ''}
                  onChange={(e) => { const { awaits: _a, ...rest } = s; const v = AWAITED_REPLY_KINDS.find((k) => k === e.target.value); onChange(setState(i, v ? { ...rest, awaits: v } : rest)); }}>
                  <option value="">{t('workflowEditor.awaitsNothing')}</option>
                  {AWAITED_REPLY_KINDS.map((k) => <option key={k} value={k}>{t(`workflowEditor.awaitsKind.${k}`)}</option>)}
                </select>
              </div>
              {(['final', 'waitsForCitizen', 'outcome'] as const).map((flag) => (
                <div className="form-check" key={flag}>
                  <input id={`${id}-s${i}-${flag}`} type="checkbox" className="form-check-input" checked={!!s[flag]}
                    onChange={(e) => { const { [flag]: _f, ...rest } = s; onChange(setState(i, e.target.checked ? { ...rest, [flag]: true } : rest)); }} />
                  <label className="form-check-label" htmlFor={`${id}-s${i}-${flag}`}>{t(`workflowEditor.flags.${flag}`)}</label>
                </div>
              ))}
              <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => setWf({ ...wf, states: wf.states.filter((_, j) => j !== i) })}>{t('workflowEditor.removeState', { id: s.id })}</button>
            </div>
            <TextKeyFields definition={definition} onChange={onChange} label={t('workflowEditor.stateLabel')} keyValue={s.label} onKey={(label) => setState(i, { ...s, label })} />
          </fieldset>
        ))}
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => {
          const sid = freshId(stateIds, 'stato');
          setWf({ ...wf, states: [...wf.states, { id: sid, label: `workflow.state.${sid}` }] });
        }}>{t('workflowEditor.addState')}</button>
      </section>

      <section aria-labelledby={`${id}-transitions`}>
        <h3 id={`${id}-transitions`} className="h6">{t('workflowEditor.transitions')}</h3>
        <p className="small text-muted">{t('workflowEditor.placeholdersHelp', { list: [...PLACEHOLDERS, 'answers.<…>'].map((p) => `{{${p}}}`).join(', ') })}</p>
        {wf.transitions.map((tr, i) => {
          const actions = tr.actions ?? [];
          const setAction = (j: number, a: Action) => setTransition(i, { ...tr, actions: actions.map((x, k) => (k === j ? a : x)) });
          return (
            <fieldset key={i} className="border rounded p-2 mb-3" data-pointer={`/workflow/transitions/${i}`}>
              <legend className="h6 small">{t('workflowEditor.transition', { id: tr.id, from: tr.from, to: tr.to })}</legend>
              <ProblemsAt problems={problems} pointer={`/workflow/transitions/${i}`} />
              <div className="d-flex flex-wrap gap-3 align-items-end mb-2">
                <div>
                  <label className="form-label" htmlFor={`${id}-t${i}-id`}>{t('workflowEditor.transitionId')}</label>
                  <input id={`${id}-t${i}-id`} className="form-control form-control-sm" value={tr.id} onChange={(e) => onChange(setTransition(i, { ...tr, id: e.target.value }))} />
                </div>
                {(['from', 'to'] as const).map((end) => (
                  <div key={end}>
                    <label className="form-label" htmlFor={`${id}-t${i}-${end}`}>{t(`workflowEditor.${end}`)}</label>
                    <select id={`${id}-t${i}-${end}`} className="form-select form-select-sm" value={tr[end]} onChange={(e) => onChange(setTransition(i, { ...tr, [end]: e.target.value }))}>
                      {!stateIds.includes(tr[end]) && <option value={tr[end]}>{tr[end]}</option>}
                      {stateIds.map((s) => <option key={s} value={s}>{s}</option>)}
                    </select>
                  </div>
                ))}
                <fieldset>
                  <legend className="form-label small mb-0">{t('workflowEditor.roles')}</legend>
                  {ROLES.map((role) => (
                    <div className="form-check form-check-inline" key={role}>
                      <input id={`${id}-t${i}-${role}`} type="checkbox" className="form-check-input" checked={(tr.roles ?? []).includes(role)}
                        onChange={(e) => onChange(setTransition(i, { ...tr, roles: e.target.checked ? [...(tr.roles ?? []), role] : (tr.roles ?? []).filter((r) => r !== role) }))} />
                      <label className="form-check-label" htmlFor={`${id}-t${i}-${role}`}>{t(`workflowEditor.role.${role}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => setWf({ ...wf, transitions: wf.transitions.filter((_, j) => j !== i) })}>{t('workflowEditor.removeTransition', { id: tr.id })}</button>
              </div>
              <TextKeyFields definition={definition} onChange={onChange} label={t('workflowEditor.transitionLabel')} keyValue={tr.label} onKey={(label) => setTransition(i, { ...tr, label })} />
              <div className="form-check mb-2">
                <input id={`${id}-t${i}-guarded`} type="checkbox" className="form-check-input" checked={tr.guard !== undefined}
                  onChange={(e) => { const { guard: _g, guardMessage: _m, ...rest } = tr; onChange(setTransition(i, e.target.checked ? { ...rest, guard: false, guardMessage: `workflow.guard.${tr.id}` } : rest)); }} />
                <label className="form-check-label" htmlFor={`${id}-t${i}-guarded`}>{t('workflowEditor.guarded')}</label>
              </div>
              {tr.guard !== undefined && (
                <div className="ps-3 border-start mb-2">
                  <ConditionView label={t('workflowEditor.guard', { id: tr.id })} fields={guardCtx.fields} value={tr.guard} onChange={(guard) => onChange(setTransition(i, { ...tr, guard }))} />
                  <TextKeyFields definition={definition} onChange={onChange} label={t('workflowEditor.guardMessage')} keyValue={tr.guardMessage} onKey={(guardMessage) => setTransition(i, { ...tr, guardMessage })} />
                </div>
              )}
              <h4 className="h6 small">{t('workflowEditor.actions')}</h4>
              <ol className="list-unstyled">
                {actions.map((a, j) => (
                  <li key={j} className="border rounded p-2 mb-2">
                    <div className="d-flex flex-wrap gap-2 align-items-end mb-2">
                      <div>
                        <label className="form-label" htmlFor={`${id}-t${i}-a${j}`}>{t('workflowEditor.actionType', { n: j + 1 })}</label>
                        <select id={`${id}-t${i}-a${j}`} className="form-select form-select-sm" value={a.type} onChange={(e) => onChange(setAction(j, freshAction(e.target.value as Action['type'], tr.id)))}>
                          {ACTION_TYPES.map((ty) => <option key={ty} value={ty}>{t(`workflowEditor.actionTypes.${ty}`)}</option>)}
                        </select>
                      </div>
                      {a.type === 'protocol' && (
                        <div>
                          <label className="form-label" htmlFor={`${id}-t${i}-a${j}-dir`}>{t('workflowEditor.direction')}</label>
                          <select id={`${id}-t${i}-a${j}-dir`} className="form-select form-select-sm" value={a.direction} onChange={(e) => onChange(setAction(j, { ...a, direction: e.target.value as 'in' | 'out' }))}>
                            <option value="in">{t('workflowEditor.in')}</option><option value="out">{t('workflowEditor.out')}</option>
                          </select>
                        </div>
                      )}
                      {a.type === 'email' && (
                        <div>
                          <label className="form-label" htmlFor={`${id}-t${i}-a${j}-to`}>{t('workflowEditor.recipient')}</label>
                          <select id={`${id}-t${i}-a${j}-to`} className="form-select form-select-sm" value={a.to} onChange={(e) => onChange(setAction(j, { ...a, to: e.target.value as 'citizen' | 'office' | 'assignee' }))}>
                            {(['citizen', 'office', 'assignee'] as const).map((to) => <option key={to} value={to}>{t(`workflowEditor.to_${to}`)}</option>)}
                          </select>
                        </div>
                      )}
                      <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => onChange(setTransition(i, { ...tr, actions: actions.filter((_, k) => k !== j) }))}>{t('workflowEditor.removeAction', { n: j + 1 })}</button>
                    </div>
                    {a.type === 'payment' && <PaymentFields action={a} definition={definition} onChange={onChange} set={(next) => setAction(j, next)} n={j + 1} idBase={`${id}-t${i}-a${j}`} causaleKey={`message.${tr.id}.causale`} />}
                    {a.type === 'document' && (
                      <div className="form-check mb-2">
                        <input id={`${id}-t${i}-a${j}-prot`} type="checkbox" className="form-check-input" checked={!!a.protocol}
                          onChange={(e) => { const { protocol: _p, ...rest } = a; onChange(setAction(j, e.target.checked ? { ...rest, protocol: true } : rest)); }} />
                        <label className="form-check-label" htmlFor={`${id}-t${i}-a${j}-prot`}>{t('workflowEditor.documentProtocol', { n: j + 1 })}</label>
                      </div>
                    )}
                    {'subject' in a && (
                      <MessageTexts definition={definition} onChange={onChange} known={known} label={t('workflowEditor.subject', { n: j + 1 })} keyValue={a.subject}
                        onKey={(subject) => setAction(j, { ...a, subject } as Action)} />
                    )}
                    {'body' in a && (
                      <MessageTexts definition={definition} onChange={onChange} known={known} multiline label={t('workflowEditor.body', { n: j + 1 })} keyValue={a.body}
                        onKey={(body) => setAction(j, { ...a, body } as Action)} />
                    )}
                  </li>
                ))}
              </ol>
              <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => onChange(setTransition(i, { ...tr, actions: [...actions, freshAction('email', tr.id)] }))}>{t('workflowEditor.addAction')}</button>
            </fieldset>
          );
        })}
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => {
          const tid = freshId(wf.transitions.map((x) => x.id), 'transizione');
          setWf({ ...wf, transitions: [...wf.transitions, { id: tid, from: wf.initial, to: stateIds.find((s) => s !== wf.initial) ?? wf.initial, label: `workflow.transition.${tid}`, roles: ['operator'], actions: [] }] });
        }}>{t('workflowEditor.addTransition')}</button>
      </section>
    </div>
  );
}

type PaymentAction = Extract<Action, { type: 'payment' }>;

/**
 * A payment request's own terms: an amount (an expression, in euro or cents) or else the
 * pratica's fee, the days to pay (else the fee's, else 30) and a causale (else the fee's).
 */
function PaymentFields({ action, definition, onChange, set, n, idBase, causaleKey }: {
  action: PaymentAction; definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void;
  set: (next: PaymentAction) => ServiceDefinition; n: number; idBase: string; causaleKey: string;
}) {
  const { t } = useTranslation();
  const ctx = exprContext(definition, undefined, t);
  const own = action.amount !== undefined;
  const unit = action.unit ?? 'cents';
  const without = <K extends keyof PaymentAction>(k: K): PaymentAction => { const { [k]: _x, ...rest } = action; return rest as PaymentAction; };
  return (
    <div className="ps-3 border-start mb-2">
      <div className="form-check mb-2">
        <input id={`${idBase}-own`} type="checkbox" className="form-check-input" checked={own}
          onChange={(e) => { const { amount: _a, unit: _u, ...rest } = action; onChange(set(e.target.checked ? { ...rest, amount: 0, unit: 'euro' } : rest)); }} />
        <label className="form-check-label" htmlFor={`${idBase}-own`}>{t('workflowEditor.payment.ownAmount', { n })}</label>
      </div>
      {own && (
        <>
          <fieldset className="mb-2">
            <legend className="form-label small mb-0">{t('workflowEditor.payment.unit', { n })}</legend>
            {(['euro', 'cents'] as const).map((u) => (
              <div className="form-check form-check-inline" key={u}>
                <input className="form-check-input" type="radio" id={`${idBase}-${u}`} name={`${idBase}-unit`} checked={unit === u} onChange={() => onChange(set({ ...action, unit: u }))} />
                <label className="form-check-label" htmlFor={`${idBase}-${u}`}>{t(`feeEditor.units.${u}`)}</label>
              </div>
            ))}
          </fieldset>
          <ExpressionView label={t('workflowEditor.payment.amount', { n, unit: t(`feeEditor.unitShort.${unit}`) })} ctx={ctx} value={action.amount} onChange={(amount) => onChange(set({ ...action, amount }))} />
        </>
      )}
      <div className="mb-2">
        <label className="form-label" htmlFor={`${idBase}-due`}>{t('workflowEditor.payment.dueDays', { n })}</label>
        <input id={`${idBase}-due`} type="number" min={1} max={3650} className="form-control form-control-sm w-auto" value={action.dueDays ?? ''} placeholder={String(definition.fees?.dueDays ?? 30)}
          onChange={(e) => onChange(set(e.target.value === '' ? without('dueDays') : { ...action, dueDays: Math.min(3650, Math.max(1, Math.trunc(Number(e.target.value)) || 1)) }))} />
      </div>
      <div className="form-check mb-2">
        <input id={`${idBase}-causale`} type="checkbox" className="form-check-input" checked={action.causale !== undefined}
          onChange={(e) => onChange(set(e.target.checked ? { ...action, causale: causaleKey } : without('causale')))} />
        <label className="form-check-label" htmlFor={`${idBase}-causale`}>{t('workflowEditor.payment.ownCausale', { n })}</label>
      </div>
      {action.causale !== undefined && (
        <TextKeyFields definition={definition} onChange={onChange} label={t('workflowEditor.payment.causale', { n })} keyValue={action.causale} onKey={(causale) => set({ ...action, causale })} />
      )}
    </div>
  );
}
