'use client';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useCallback, useEffect, useState } from 'react';
import dynamic from 'next/dynamic';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { addField, addStep, type FieldKind, moveFieldToStep, moveStep, stepOfDropTarget, stepOfField } from '@/lib/builder/definition-edit';
import { addressLabels, widgetLabel } from '@/lib/builder/field-props';
import { fieldOfPointer } from '@/lib/builder/problems';
import { useEditor } from '../editor-context';
import { Loading } from '../shared/Loading';
import { PreviewPane } from '../preview/PreviewPane';
import { useBuilderSelector, useBuilderStore, useDefinition } from '../store';
import { collisionsByKind, keyboardCoordinatesByKind } from './dnd';
import { Palette } from './Palette';
import { ServiceDetails } from './ServiceDetails';
import { StepCard } from './StepCard';

// The properties panel (rjsf and its validator) loads when a field is first selected.
const FieldPanel = dynamic(() => import('./FieldPanel').then((m) => m.FieldPanel), { loading: () => <Loading /> });

/**
 * Steps and fields: palette, steps with their fields (drag and drop or keyboard), properties panel.
 * It reads only the steps from the store (each step, row and panel reads its own part), so an edit
 * re-renders what it changed, the properties panel and the live preview.
 */
export function StepsTab() {
  const { t } = useTranslation();
  const store = useBuilderStore();
  const { focus } = useEditor();
  const [selected, setSelected] = useState<string | null>(null);
  const [targetStep, setTargetStep] = useState(0);
  const [announce, setAnnounce] = useState('');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinatesByKind }));
  const steps = useBuilderSelector((s) => s.definition.ui.steps);
  // Handlers act on the copy as it is when they run.
  const current = () => store.getState().definition;
  const onChange = (next: ServiceDefinition) => store.dispatch({ type: 'set', definition: next });
  const selectedStep = selected ? stepOfField({ ui: { steps } } as ServiceDefinition, selected) : -1;

  // A problem link pointing at a field selects it.
  useEffect(() => {
    if (!focus) return;
    const field = fieldOfPointer(current(), focus);
    if (field) setSelected(field);
  }, [focus]); // eslint-disable-line react-hooks/exhaustive-deps -- selects on a new problem link only: editing the steps must not move the selection

  const add = (widget: FieldKind, step: number, index?: number) => {
    const { definition: next, path } = addField(current(), widget, { step, index }, t('builder.steps.newField', { widget: widgetLabel(t, widget) }), addressLabels(t));
    onChange(next);
    setSelected(path);
    setAnnounce(t('builder.steps.added', { widget: widgetLabel(t, widget), step: steps[step]?.id ?? '' }));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const definition = current();
    const a = String(active.id); const o = String(over.id);
    if (a.startsWith('palette:')) {
      const widget = a.slice(8) as FieldKind;
      if (o.startsWith('drop:')) add(widget, Number(o.slice(5)));
      else if (o.startsWith('field:')) { const p = o.slice(6); const s = stepOfField(definition, p); if (s >= 0) add(widget, s, steps[s]!.fields.indexOf(p)); }
      return;
    }
    if (a.startsWith('step:')) {
      const from = steps.findIndex((s) => `step:${s.id}` === a); const to = stepOfDropTarget(definition, o);
      if (from >= 0 && to >= 0 && from !== to) onChange(moveStep(definition, from, to));
      return;
    }
    if (a.startsWith('field:')) {
      const path = a.slice(6);
      if (o.startsWith('drop:')) { onChange(moveFieldToStep(definition, path, Number(o.slice(5)))); return; }
      if (o.startsWith('field:') && o !== a) {
        const target = o.slice(6);
        const s = stepOfField(definition, target);
        if (s < 0) return;
        const from = steps[s]!.fields.indexOf(path);
        if (from >= 0) {
          const fields = arrayMove(steps[s]!.fields, from, steps[s]!.fields.indexOf(target));
          onChange({ ...definition, ui: { ...definition.ui, steps: steps.map((x, i) => (i === s ? { ...x, fields } : x)) } });
        } else onChange(moveFieldToStep(definition, path, s, steps[s]!.fields.indexOf(target)));
      }
    }
  };

  return (
    <DndContext sensors={sensors} collisionDetection={collisionsByKind} onDragEnd={onDragEnd}
      accessibility={{ screenReaderInstructions: { draggable: t('builder.dnd.instructions') } }}>
      <p className="visually-hidden" aria-live="polite">{announce}</p>
      <div className="row g-3">
        <div className="col-xl-3 col-lg-4">
          <ServiceDetails />
          <Palette targetStep={targetStep} onTargetStep={setTargetStep} onAdd={(w) => add(w, targetStep)} />
        </div>
        <div className="col-xl-5 col-lg-8">
          <SortableContext items={steps.map((s) => `step:${s.id}`)} strategy={verticalListSortingStrategy}>
            <ol className="list-unstyled" aria-label={t('builder.steps.list')}>
              {steps.map((step, i) => (
                <StepCard key={step.id} index={i} selected={i === selectedStep ? selected : null} onSelect={setSelected} />
              ))}
            </ol>
          </SortableContext>
          <button type="button" className="btn btn-outline-primary" onClick={() => onChange(addStep(current(), t('builder.steps.newStep', { n: steps.length + 1 })))}>
            {t('builder.steps.addStep')}
          </button>
        </div>
        <div className="col-xl-4 col-lg-12">
          {selected ? <FieldPanel path={selected} onClose={() => setSelected(null)} onSelect={setSelected} /> : <p className="text-muted">{t('builder.props.none')}</p>}
          <details open className="mt-3 border rounded p-2 bg-white" data-testid="live-preview">
            <summary className="fw-semibold">{t('builder.preview.live')}</summary>
            <p className="small text-muted mb-2">{t('builder.preview.liveHint')}</p>
            <LivePreview step={Math.max(0, selected ? selectedStep : targetStep)} />
          </details>
        </div>
      </div>
    </DndContext>
  );
}

/** The step being edited as the citizen will see it (reads the whole copy: it shows every change). */
function LivePreview({ step }: { step: number }) {
  const { definition } = useDefinition();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const onAnswers = useCallback((a: Record<string, unknown>) => setAnswers(a), []);
  return <PreviewPane definition={definition} language={definition.defaultLanguage} answers={answers} onAnswers={onAnswers} showErrors={false} step={step} />;
}
