'use client';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { describeStep, moveStep, removeStep, renameStep, setStepCondition, textOf } from '@/lib/builder/definition-edit';
import { problemsUnder, sameItems, useBuilderSelector, useUpdate } from '../store';
import { FieldRow } from './FieldRow';
import { SimpleCondition } from './SimpleCondition';
import { within } from './within';

const NO_RULES: never[] = [];

/**
 * One step: drag handle, title, show-if, its fields (sortable, a drop target for new ones).
 * Reads its own step, title, rules and problems from the store: re-renders when they change.
 */
export const StepCard = memo(function StepCard({ index, selected, onSelect }: { index: number; selected: string | null; onSelect: (p: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdate();
  const step = useBuilderSelector((s) => s.definition.ui.steps[index]!);
  const stepCount = useBuilderSelector((s) => s.definition.ui.steps.length);
  const rules = useBuilderSelector((s) => s.definition.rules ?? NO_RULES);
  const id = useId();
  const sortable = useSortable({ id: `step:${step.id}` });
  const drop = useDroppable({ id: `drop:${index}` });
  const showRule = rules.find((r) => r.step === step.id && r.type === 'show');
  const otherRules = rules.filter((r) => r.step === step.id && r !== showRule);
  const problems = useBuilderSelector((s) => problemsUnder(s.problems, `/ui/steps/${index}`).filter((p) => !/\/fields\/\d+/.test(p.pointer)), sameItems);
  const title = useBuilderSelector((s) => textOf(s.definition, step.title));
  const description = useBuilderSelector((s) => textOf(s.definition, step.description));
  return (
    <li ref={sortable.setNodeRef} style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`card mb-3 border ${problems.length ? 'border-danger' : ''}`} data-testid={`step-${index}`} data-pointer={`/ui/steps/${index}`}>
      <div className="card-body p-3">
        <div className="d-flex align-items-end gap-2 mb-2">
          <button type="button" className="btn btn-outline-secondary btn-sm" {...sortable.attributes} {...sortable.listeners}
            aria-label={t('builder.steps.dragStep', { title: title || step.id })}>⠿</button>
          <button type="button" className="btn btn-outline-secondary btn-sm" disabled={index === 0} onClick={() => update((d) => moveStep(d, index, index - 1))}
            aria-label={t('builder.steps.stepUp', { title: title || step.id })}>↑</button>
          <button type="button" className="btn btn-outline-secondary btn-sm" disabled={index === stepCount - 1} onClick={() => update((d) => moveStep(d, index, index + 1))}
            aria-label={t('builder.steps.stepDown', { title: title || step.id })}>↓</button>
          <div className="flex-grow-1">
            <label htmlFor={`${id}-title`} className="form-label small mb-0">{t('builder.steps.stepTitle', { n: index + 1 })}</label>
            <input id={`${id}-title`} className="form-control form-control-sm" value={title} onChange={(e) => update((d) => renameStep(d, index, e.target.value))} />
          </div>
          <button type="button" className="btn btn-outline-danger btn-sm" disabled={stepCount < 2}
            onClick={() => { if (!step.fields.length || window.confirm(t('builder.steps.removeConfirm', { title }))) update((d) => removeStep(d, index)); }}
            aria-label={t('builder.steps.removeStep', { title: title || step.id })}>✕</button>
        </div>
        <label htmlFor={`${id}-desc`} className="form-label small mb-0">{t('builder.steps.stepDescription', { n: index + 1 })}</label>
        <textarea id={`${id}-desc`} className="form-control form-control-sm mb-2" rows={1} value={description} onChange={(e) => update((d) => describeStep(d, index, e.target.value))} />
        {problems.map((p, i) => <p key={i} className="small text-danger mb-1" role="note">{p.message}</p>)}
        <StepShowIf stepId={step.id} when={showRule?.when ?? null} />
        {otherRules.length ? <p className="small text-muted">{t('builder.steps.otherRules', { count: otherRules.length })}</p> : null}
        <SortableContext items={step.fields.map((f) => `field:${f}`)} strategy={verticalListSortingStrategy}>
          <ul className="list-unstyled mb-0" aria-label={t('builder.steps.fieldsOf', { title: title || step.id })}>
            {step.fields.map((f, i) => <FieldRow key={f} path={f} stepIndex={index} position={i} selected={within(selected, f)} onSelect={onSelect} />)}
          </ul>
        </SortableContext>
        <div ref={drop.setNodeRef} className={`border border-2 rounded p-2 mt-2 small text-center ${drop.isOver ? 'border-primary bg-light' : 'border-dashed text-muted'}`} style={{ borderStyle: 'dashed' }}>
          {t('builder.steps.dropHere')}
        </div>
      </div>
    </li>
  );
});

/**
 * The step's show-if. Without a condition it needs only the data schema (the fields it can test),
 * with one also their labels: it re-renders when those change, not on every edit.
 */
function StepShowIf({ stepId, when }: { stepId: string; when: unknown | null }) {
  const { t } = useTranslation();
  const update = useUpdate();
  const definition = useBuilderSelector((s) => s.definition, (a, b) => (when === null ? a.data === b.data : a === b));
  return (
    <SimpleCondition definition={definition} label={t('builder.steps.showIf')} when={when}
      onChange={(w) => update((d) => setStepCondition(d, stepId, w))} />
  );
}
