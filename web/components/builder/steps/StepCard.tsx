'use client';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { removeStep, renameStep, setStepCondition, textOf } from '@/lib/builder/definition-edit';
import { problemsUnder, useBuilder, useDefinition } from '../store';
import { FieldRow } from './FieldRow';
import { SimpleCondition } from './SimpleCondition';

/** One step: drag handle, title, show-if, its fields (sortable, a drop target for new ones). */
export function StepCard({ index, selected, onSelect }: { index: number; selected: string | null; onSelect: (p: string) => void }) {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const step = definition.ui.steps[index]!;
  const id = useId();
  const sortable = useSortable({ id: `step:${step.id}` });
  const drop = useDroppable({ id: `drop:${index}` });
  const showRule = (definition.rules ?? []).find((r) => r.step === step.id && r.type === 'show');
  const otherRules = (definition.rules ?? []).filter((r) => r.step === step.id && r !== showRule);
  const problems = problemsUnder(state.problems, `/ui/steps/${index}`).filter((p) => !/\/fields\/\d+/.test(p.pointer));
  const title = textOf(definition, step.title);
  return (
    <li ref={sortable.setNodeRef} style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`card mb-3 border ${problems.length ? 'border-danger' : ''}`} data-testid={`step-${index}`}>
      <div className="card-body p-3">
        <div className="d-flex align-items-end gap-2 mb-2">
          <button type="button" className="btn btn-outline-secondary btn-sm" {...sortable.attributes} {...sortable.listeners}
            aria-label={t('builder.steps.dragStep', { title: title || step.id })}>⠿</button>
          <div className="flex-grow-1">
            <label htmlFor={`${id}-title`} className="form-label small mb-0">{t('builder.steps.stepTitle', { n: index + 1 })}</label>
            <input id={`${id}-title`} className="form-control form-control-sm" value={title} onChange={(e) => onChange(renameStep(definition, index, e.target.value))} />
          </div>
          <button type="button" className="btn btn-outline-danger btn-sm" disabled={definition.ui.steps.length < 2}
            onClick={() => { if (!step.fields.length || window.confirm(t('builder.steps.removeConfirm', { title }))) onChange(removeStep(definition, index)); }}
            aria-label={t('builder.steps.removeStep', { title: title || step.id })}>✕</button>
        </div>
        {problems.map((p, i) => <p key={i} className="small text-danger mb-1" role="note">{p.message}</p>)}
        <SimpleCondition definition={definition} label={t('builder.steps.showIf')} when={showRule?.when ?? null}
          onChange={(when) => onChange(setStepCondition(definition, step.id, when))} />
        {otherRules.length ? <p className="small text-muted">{t('builder.steps.otherRules', { count: otherRules.length })}</p> : null}
        <SortableContext items={step.fields.map((f) => `field:${f}`)} strategy={verticalListSortingStrategy}>
          <ul className="list-unstyled mb-0" aria-label={t('builder.steps.fieldsOf', { title: title || step.id })}>
            {step.fields.map((f, i) => <FieldRow key={f} path={f} stepIndex={index} position={i} selected={selected} onSelect={onSelect} />)}
          </ul>
        </SortableContext>
        <div ref={drop.setNodeRef} className={`border border-2 rounded p-2 mt-2 small text-center ${drop.isOver ? 'border-primary bg-light' : 'border-dashed text-muted'}`} style={{ borderStyle: 'dashed' }}>
          {t('builder.steps.dropHere')}
        </div>
      </div>
    </li>
  );
}
