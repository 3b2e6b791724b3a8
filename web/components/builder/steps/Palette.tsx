'use client';
import { useDraggable } from '@dnd-kit/core';
import { useId, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_KINDS, textOf, type FieldKind } from '@/lib/builder/definition-edit';
import { widgetLabel } from '@/lib/builder/field-props';
import { sameItems, useBuilderSelector } from '../store';

/** Every widget the engine supports (and the multiple choice, checkboxes over a list): drag one onto a step, or pick the step and press it. */
export function Palette({ targetStep, onTargetStep, onAdd }: { targetStep: number; onTargetStep: (i: number) => void; onAdd: (w: FieldKind) => void }) {
  const { t } = useTranslation();
  const titles = useBuilderSelector((s) => s.definition.ui.steps.map((x) => textOf(s.definition, x.title) || x.id), sameItems);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card card-bg p-3 mb-3">
      <h3 id={`${id}-title`} className="h5">{t('builder.palette.title')}</h3>
      <p className="small">{t('builder.palette.intro')}</p>
      <label htmlFor={`${id}-step`} className="form-label small mb-0">{t('builder.palette.toStep')}</label>
      <select id={`${id}-step`} className="form-select form-select-sm mb-2" value={targetStep} onChange={(e) => onTargetStep(Number(e.target.value))}>
        {titles.map((title, i) => <option key={i} value={i}>{i + 1}. {title}</option>)}
      </select>
      <ul className="list-unstyled d-flex flex-wrap gap-1 mb-0">
        {FIELD_KINDS.map((w) => <PaletteItem key={w} widget={w} onAdd={onAdd} />)}
      </ul>
    </section>
  );
}

function PaletteItem({ widget, onAdd }: { widget: FieldKind; onAdd: (w: FieldKind) => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: `palette:${widget}` });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)`, zIndex: 10 } : undefined;
  // Pointer drags only: by keyboard, Enter adds to the chosen step.
  return (
    <li>
      <button ref={setNodeRef} type="button" className={`btn btn-sm ${isDragging ? 'btn-primary' : 'btn-outline-secondary'}`} style={style}
        onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLButtonElement> | undefined} aria-describedby={attributes['aria-describedby']} data-testid={`palette-${widget}`}
        onClick={() => onAdd(widget)} aria-label={t('builder.palette.add', { widget: widgetLabel(t, widget) })}>
        {widgetLabel(t, widget)}
      </button>
    </li>
  );
}
