'use client';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Widget } from '@sportello/schemas';
import { WIDGETS, addField, childrenOf, moveChild, moveFieldToStep, removeField, textOf } from '@/lib/builder/definition-edit';
import { widgetLabel } from '@/lib/builder/field-props';
import { fieldProblems } from '@/lib/builder/problems';
import { useBuilder, useDefinition } from '../store';

/** A field placed in a step (sortable), or a child of a section/group (moved with buttons). */
export function FieldRow({ path, stepIndex, position, selected, onSelect, child }: {
  path: string; stepIndex: number; position: number; selected: string | null; onSelect: (p: string) => void;
  child?: { parent: string; count: number };
}) {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const id = useId();
  const sortable = useSortable({ id: `field:${path}`, disabled: !!child });
  const ui = definition.ui.fields?.[path];
  const widget = ui?.widget;
  const label = textOf(definition, ui?.label ?? ui?.text) || path;
  const problems = fieldProblems(definition, state.problems, path);
  const container = widget === 'section' || widget === 'group' || widget === 'address';
  const [newWidget, setNewWidget] = useState<Widget>('text');
  const shownIf = (definition.rules ?? []).some((r) => r.field === path && (r.type === 'show' || r.type === 'hide'));
  return (
    <li ref={child ? undefined : sortable.setNodeRef} style={child ? undefined : { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`border rounded p-2 mb-2 bg-white ${selected === path ? 'border-primary border-2' : ''} ${problems.length ? 'border-danger' : ''}`} data-testid={`field-${path}`}>
      <div className="d-flex align-items-center gap-2 flex-wrap">
        {child ? (
          <>
            <button type="button" className="btn btn-outline-secondary btn-sm py-0" disabled={position === 0} onClick={() => onChange(moveChild(definition, child.parent, position, position - 1))}
              aria-label={t('builder.steps.moveUp', { label })}>↑</button>
            <button type="button" className="btn btn-outline-secondary btn-sm py-0" disabled={position === child.count - 1} onClick={() => onChange(moveChild(definition, child.parent, position, position + 1))}
              aria-label={t('builder.steps.moveDown', { label })}>↓</button>
          </>
        ) : (
          <button type="button" className="btn btn-outline-secondary btn-sm py-0" {...sortable.attributes} {...sortable.listeners} aria-label={t('builder.steps.dragField', { label })}>⠿</button>
        )}
        <button type="button" className="btn btn-link p-0 text-start flex-grow-1" onClick={() => onSelect(path)} aria-pressed={selected === path}>
          <span className="fw-semibold">{label}</span> <span className="badge bg-light text-dark border">{widgetLabel(t, widget)}</span>
          {shownIf ? <span className="badge bg-info text-dark ms-1">{t('builder.steps.conditional')}</span> : null}
          {problems.length ? <span className="badge bg-danger ms-1">{t('builder.problems.count', { count: problems.length })}</span> : null}
        </button>
        {!child ? (
          <>
            <label htmlFor={`${id}-step`} className="visually-hidden">{t('builder.steps.moveToStep', { label })}</label>
            <select id={`${id}-step`} className="form-select form-select-sm w-auto" value={stepIndex} onChange={(e) => onChange(moveFieldToStep(definition, path, Number(e.target.value)))}>
              {definition.ui.steps.map((s, i) => <option key={s.id} value={i}>{t('builder.steps.inStep', { n: i + 1 })}</option>)}
            </select>
          </>
        ) : null}
        <button type="button" className="btn btn-outline-danger btn-sm py-0" onClick={() => onChange(removeField(definition, path))} aria-label={t('builder.steps.removeField', { label })}>✕</button>
      </div>
      {problems.map((p, i) => <p key={i} className="small text-danger mb-0 mt-1" role="note">{p.message}</p>)}
      {container ? (
        <div className="ms-4 mt-2">
          <ul className="list-unstyled mb-1" aria-label={t('builder.steps.childrenOf', { label })}>
            {childrenOf(definition, path).map((c, i, all) => (
              <FieldRow key={c} path={c} stepIndex={stepIndex} position={i} selected={selected} onSelect={onSelect} child={{ parent: path, count: all.length }} />
            ))}
          </ul>
          {widget !== 'address' ? (
            <div className="d-flex gap-1 align-items-center">
              <label htmlFor={`${id}-w`} className="visually-hidden">{t('builder.steps.childWidget', { label })}</label>
              <select id={`${id}-w`} className="form-select form-select-sm w-auto" value={newWidget} onChange={(e) => setNewWidget(e.target.value as Widget)}>
                {WIDGETS.filter((w) => w !== 'group' && w !== 'static' && (widget !== 'group' || w !== 'section')).map((w) => <option key={w} value={w}>{widgetLabel(t, w)}</option>)}
              </select>
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => {
                const r = addField(definition, newWidget, { parent: path }, t('builder.steps.newField', { widget: widgetLabel(t, newWidget) }));
                onChange(r.definition); onSelect(r.path);
              }}>{widget === 'group' ? t('builder.steps.addRowField') : t('builder.steps.addChild')}</button>
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
