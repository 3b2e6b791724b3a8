'use client';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { FIELD_KINDS, type FieldKind, addField, childrenOf, kindOfField, moveChild, moveFieldToStep, removeField, textOf } from '@/lib/builder/definition-edit';
import { addressLabels, widgetLabel } from '@/lib/builder/field-props';
import { fieldProblems } from '@/lib/builder/problems';
import { within } from './within';
import { sameItems, useBuilderSelector, useUpdate, type BuilderState } from '../store';

const NO_PROBLEMS: never[] = [];

/** What a row shows, read from the store; the row re-renders only when one of these changes. */
interface RowView { ui: NonNullable<ServiceDefinition['ui']['fields']>[string] | undefined; kind: FieldKind | undefined; label: string; problems: BuilderState['problems']; shownIf: boolean; stepCount: number; children: string[] }
const NO_CHILDREN: string[] = [];
function rowView(s: BuilderState, path: string): RowView {
  const def = s.definition;
  const ui = def.ui.fields?.[path];
  const container = ui?.widget === 'section' || ui?.widget === 'group' || ui?.widget === 'address';
  return {
    ui,
    kind: kindOfField(def, path),
    label: textOf(def, ui?.label ?? ui?.text) || path,
    problems: s.problems.length ? fieldProblems(def, s.problems, path) : NO_PROBLEMS,
    shownIf: (def.rules ?? []).some((r) => r.field === path && (r.type === 'show' || r.type === 'hide')),
    stepCount: def.ui.steps.length,
    children: container ? childrenOf(def, path) : NO_CHILDREN,
  };
}
const sameRow = (a: RowView, b: RowView) => a.ui === b.ui && a.kind === b.kind && a.label === b.label && a.shownIf === b.shownIf && a.stepCount === b.stepCount
  && sameItems(a.problems, b.problems) && sameItems(a.children, b.children);

/**
 * A field placed in a step (sortable), or a child of a section/group (moved with buttons).
 * `selected` is the selected path when it is this field or inside it, else null (see `within`).
 */
export const FieldRow = memo(function FieldRow({ path, stepIndex, position, selected, onSelect, child }: {
  path: string; stepIndex: number; position: number; selected: string | null; onSelect: (p: string) => void;
  child?: { parent: string; count: number };
}) {
  const { t } = useTranslation();
  const update = useUpdate();
  const id = useId();
  const sortable = useSortable({ id: `field:${path}`, disabled: !!child });
  const { ui, kind, label, problems, shownIf, stepCount, children } = useBuilderSelector((s) => rowView(s, path), sameRow);
  const widget = ui?.widget;
  const container = widget === 'section' || widget === 'group' || widget === 'address';
  const [newWidget, setNewWidget] = useState<FieldKind>('text');
  return (
    <li ref={child ? undefined : sortable.setNodeRef} style={child ? undefined : { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}
      className={`border rounded p-2 mb-2 bg-white ${selected === path ? 'border-primary border-2' : ''} ${problems.length ? 'border-danger' : ''}`} data-testid={`field-${path}`}>
      <div className="d-flex align-items-center gap-2 flex-wrap">
        {child ? (
          <>
            <button type="button" className="btn btn-outline-secondary btn-sm py-0" disabled={position === 0} onClick={() => update((d) => moveChild(d, child.parent, position, position - 1))}
              aria-label={t('builder.steps.moveUp', { label })}>↑</button>
            <button type="button" className="btn btn-outline-secondary btn-sm py-0" disabled={position === child.count - 1} onClick={() => update((d) => moveChild(d, child.parent, position, position + 1))}
              aria-label={t('builder.steps.moveDown', { label })}>↓</button>
          </>
        ) : (
          <button type="button" className="btn btn-outline-secondary btn-sm py-0" {...sortable.attributes} {...sortable.listeners} aria-label={t('builder.steps.dragField', { label })}>⠿</button>
        )}
        <button type="button" className="btn btn-link p-0 text-start flex-grow-1" onClick={() => onSelect(path)} aria-pressed={selected === path}>
          <span className="fw-semibold">{label}</span> <span className="badge bg-light text-dark border">{widgetLabel(t, kind)}</span>
          {shownIf ? <span className="badge bg-info text-dark ms-1">{t('builder.steps.conditional')}</span> : null}
          {problems.length ? <span className="badge bg-danger ms-1">{t('builder.problems.count', { count: problems.length })}</span> : null}
        </button>
        {!child ? (
          <>
            <label htmlFor={`${id}-step`} className="visually-hidden">{t('builder.steps.moveToStep', { label })}</label>
            <select id={`${id}-step`} className="form-select form-select-sm w-auto" value={stepIndex} onChange={(e) => { const to = Number(e.target.value); update((d) => moveFieldToStep(d, path, to)); }}>
              {Array.from({ length: stepCount }, (_, i) => <option key={i} value={i}>{t('builder.steps.inStep', { n: i + 1 })}</option>)}
            </select>
          </>
        ) : null}
        <button type="button" className="btn btn-outline-danger btn-sm py-0" onClick={() => update((d) => removeField(d, path))} aria-label={t('builder.steps.removeField', { label })}>✕</button>
      </div>
      {problems.map((p, i) => <p key={i} className="small text-danger mb-0 mt-1" role="note">{p.message}</p>)}
      {container ? (
        <div className="ms-4 mt-2">
          <ul className="list-unstyled mb-1" aria-label={t('builder.steps.childrenOf', { label })}>
            {children.map((c, i, all) => (
              <FieldRow key={c} path={c} stepIndex={stepIndex} position={i} selected={within(selected, c)} onSelect={onSelect} child={{ parent: path, count: all.length }} />
            ))}
          </ul>
          {widget !== 'address' ? (
            <div className="d-flex gap-1 align-items-center">
              <label htmlFor={`${id}-w`} className="visually-hidden">{t('builder.steps.childWidget', { label })}</label>
              <select id={`${id}-w`} className="form-select form-select-sm w-auto" value={newWidget} onChange={(e) => setNewWidget(e.target.value as FieldKind)}>
                {FIELD_KINDS.filter((w) => w !== 'group' && w !== 'static' && (widget !== 'group' || w !== 'section')).map((w) => <option key={w} value={w}>{widgetLabel(t, w)}</option>)}
              </select>
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => {
                let added = '';
                update((d) => { const r = addField(d, newWidget, { parent: path }, t('builder.steps.newField', { widget: widgetLabel(t, newWidget) }), addressLabels(t)); added = r.path; return r.definition; });
                onSelect(added);
              }}>{widget === 'group' ? t('builder.steps.addRowField') : t('builder.steps.addChild')}</button>
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  );
});
