// @vitest-environment jsdom
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import rentSubsidy from '../../../schemas/templates/contributo-affitto.json' with { type: 'json' };
import { setText } from '@/lib/builder/definition-edit';
import { compiledServiceOf, onlyTextsChanged, useCompiled } from './preview/useCompiled';
import { BuilderProvider, createBuilderStore, shareEqual, useBuilderSelector, useUpdate } from './store';
import { savedState } from './test-utils';

const template = rentSubsidy as unknown as ServiceDefinition;

describe('shareEqual', () => {
  it('keeps the identity of every part deep-equal to the old one', () => {
    const prev = template;
    const next = structuredClone(template);
    next.translations = { ...next.translations, it: { ...next.translations.it, 'x.label': 'Nuovo' } };
    const shared = shareEqual(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared.ui).toBe(prev.ui);
    expect(shared.data).toBe(prev.data);
    expect(shared.rules).toBe(prev.rules);
    expect(shared.translations).not.toBe(prev.translations);
    expect(shared.translations.en).toBe(prev.translations.en);
    expect(shared).toEqual(next);
    expect(shareEqual(prev, structuredClone(prev))).toBe(prev);
  });

  it('sees a change of order of keys or items', () => {
    const a = { o: { x: 1, y: 2 }, l: [1, 2] };
    expect(shareEqual(a, { o: { y: 2, x: 1 }, l: [1, 2] }).o).toEqual({ y: 2, x: 1 });
    expect(Object.keys(shareEqual(a, { o: { y: 2, x: 1 }, l: [1, 2] }).o)).toEqual(['y', 'x']);
    expect(shareEqual(a, { o: { x: 1, y: 2 }, l: [2, 1] }).l).toEqual([2, 1]);
    expect(shareEqual(a, { o: { x: 1, y: 2 }, l: [1, 2] })).toBe(a);
  });
});

describe('the store', () => {
  it('ignores an edit that changes nothing, and marks a real one pending', () => {
    const store = createBuilderStore(savedState(template));
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch({ type: 'set', definition: structuredClone(template) });
    expect(calls).toBe(0);
    expect(store.getState().status).toBe('saved');
    store.dispatch({ type: 'set', definition: setText(template, 'x.label', 'Nuovo') });
    expect(calls).toBe(1);
    expect(store.getState()).toMatchObject({ status: 'pending', edit: 1 });
  });

  it('re-renders a component only when what it selects changes', () => {
    let renders = 0;
    let update: ReturnType<typeof useUpdate> = () => undefined;
    function Steps() {
      renders++;
      const steps = useBuilderSelector((s) => s.definition.ui.steps);
      update = useUpdate();
      return <p>{steps.length}</p>;
    }
    const view = render(<BuilderProvider initial={savedState(template)}><Steps /></BuilderProvider>);
    expect(renders).toBe(1);
    act(() => update((d) => setText(d, 'x.label', 'Nuovo')));
    expect(renders).toBe(1);
    act(() => update((d) => ({ ...d, ui: { ...d.ui, steps: d.ui.steps.slice(1) } })));
    expect(renders).toBe(2);
    expect(view.container.textContent).toBe(String(template.ui.steps.length - 1));
  });
});

describe('useCompiled', () => {
  it('compiles after mount, applies texts at once and other changes after the pause', async () => {
    const { result, rerender } = renderHook(({ def }) => useCompiled(def, 20), { initialProps: { def: template } });
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current?.ok).toBe(true), { timeout: 60_000 });
    const first = result.current!;
    if (!first.ok) throw new Error('not compiled');

    // A label typed: the same compiled rules and validator, the new texts, at once.
    const key = template.ui.fields!.richiedente?.label ?? 'richiedente.label';
    const texts = shareEqual(template, setText(template, key, 'Chi chiede'));
    expect(onlyTextsChanged(template, texts)).toBe(true);
    rerender({ def: texts });
    const second = result.current!;
    if (!second.ok) throw new Error('not compiled');
    expect(second.service.definition).toBe(texts);
    expect(second.service.validate).toBe(first.service.validate);
    expect(compiledServiceOf(second.service)).toBe(first.service);

    // A structural change: the last compiled structure (with the current texts) until the new
    // copy is compiled.
    const reordered = shareEqual(texts, { ...texts, ui: { ...texts.ui, steps: texts.ui.steps.slice().reverse() } });
    const structural = shareEqual(reordered, setText(reordered, key, 'Chi fa domanda'));
    expect(onlyTextsChanged(texts, structural)).toBe(false);
    rerender({ def: structural });
    const meanwhile = result.current!;
    if (!meanwhile.ok) throw new Error('not compiled');
    expect(meanwhile.service.validate).toBe(first.service.validate);
    expect(meanwhile.service.definition.ui).toBe(template.ui);
    expect(meanwhile.service.definition.translations).toBe(structural.translations);
    await waitFor(() => { const r = result.current; expect(r?.ok && r.service.definition).toBe(structural); }, { timeout: 60_000 });
    const third = result.current!;
    if (!third.ok) throw new Error('not compiled');
    expect(third.service.validate).not.toBe(first.service.validate);
  });
});
