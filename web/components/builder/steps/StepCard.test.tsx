// @vitest-environment jsdom
import { DndContext } from '@dnd-kit/core';
import { SortableContext } from '@dnd-kit/sortable';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { addStep } from '@/lib/builder/definition-edit';
import { fixture } from '../rules/fixture';
import { BuilderProvider, useBuilderSelector } from '../store';
import { renderWithText, savedState } from '../test-utils';
import { StepCard } from './StepCard';

afterEach(cleanup);


function Steps() {
  const steps = useBuilderSelector((s) => s.definition.ui.steps);
  return (
    <DndContext>
      <SortableContext items={steps.map((s) => `step:${s.id}`)}>
        <ol>{steps.map((s, i) => <StepCard key={s.id} index={i} selected={null} onSelect={() => {}} />)}</ol>
      </SortableContext>
      <p data-testid="order">{steps.map((s) => s.id).join(',')}</p>
    </DndContext>
  );
}

describe('a step card', () => {
  test('moves up and down with its buttons (the keyboard way that always works), first and last disabled at the ends', () => {
    const def = addStep(fixture, 'Terzo');
    renderWithText(<BuilderProvider initial={savedState(def)}><Steps /></BuilderProvider>);
    expect(screen.getByTestId('order').textContent).toBe('richiedente,figli,passo1');
    expect((screen.getByRole('button', { name: 'Move step Richiedente up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move step Terzo down' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move step Terzo up' }));
    expect(screen.getByTestId('order').textContent).toBe('richiedente,passo1,figli');
    fireEvent.click(screen.getByRole('button', { name: 'Move step Richiedente down' }));
    expect(screen.getByTestId('order').textContent).toBe('passo1,richiedente,figli');
  });
});
