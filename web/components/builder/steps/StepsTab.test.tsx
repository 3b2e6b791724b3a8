// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { addStep } from '@/lib/builder/definition-edit';
import { EditorContext } from '../editor-context';
import { fixture } from '../rules/fixture';
import { BuilderProvider, useBuilderSelector } from '../store';
import { renderWithText, savedState, testEditor } from '../test-utils';
import { StepsTab } from './StepsTab';


/**
 * jsdom has no layout and dnd-kit's keyboard sensor moves by the elements' rectangles: this gives every
 * element a block layout (one 10px line per element in document order, tall enough for its descendants),
 * so nested elements sit inside their parents and later ones below, as in the browser.
 */
const real = Element.prototype.getBoundingClientRect;
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function rect(this: Element) {
    const all = Array.from(document.querySelectorAll('*'));
    const top = all.indexOf(this) * 10; const height = (this.querySelectorAll('*').length + 1) * 10;
    return { top, left: 0, width: 500, height, bottom: top + height, right: 500, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  };
});
afterAll(() => { Element.prototype.getBoundingClientRect = real; });
afterEach(cleanup);

function Order() {
  const steps = useBuilderSelector((s) => s.definition.ui.steps);
  const fields = steps.map((s) => s.fields.join('+'));
  return <><p data-testid="order">{steps.map((s) => s.id).join(',')}</p><p data-testid="fields">{fields.join('|')}</p></>;
}

const settle = () => act(async () => { await vi.advanceTimersByTimeAsync(50); });
async function key(target: Element | Document, code: string) {
  fireEvent.keyDown(target, { code, key: code === 'Space' ? ' ' : code });
  await settle();
}

describe('the steps tab by keyboard drag', () => {
  beforeAll(() => { vi.useFakeTimers({ shouldAdvanceTime: true }); });
  afterAll(() => { vi.useRealTimers(); });

  function renderTab() {
    renderWithText(
      <EditorContext.Provider value={testEditor}>
        <BuilderProvider initial={savedState(addStep(fixture, 'Terzo'))}><StepsTab /><Order /></BuilderProvider>
      </EditorContext.Provider>,
    );
  }

  /** Keyboard drag of a step: Space on its handle, the arrows, Space to drop. */
  async function dragStep(label: string, arrows: string[]) {
    const handle = screen.getByRole('button', { name: `Move step ${label}` });
    handle.focus();
    await key(handle, 'Space');
    for (const arrow of arrows) await key(document, arrow);
    await key(document, 'Space');
  }

  test('Space, ArrowUp, Space on a step\'s handle moves the step up one place', async () => {
    renderTab();
    expect(screen.getByTestId('order').textContent).toBe('richiedente,figli,passo1');
    await dragStep('Terzo', ['ArrowUp']);
    expect(screen.getByTestId('order').textContent).toBe('richiedente,passo1,figli');
  });

  test('Space, ArrowDown twice, Space moves the first step to the end', async () => {
    renderTab();
    await dragStep('Richiedente', ['ArrowDown', 'ArrowDown']);
    expect(screen.getByTestId('order').textContent).toBe('figli,passo1,richiedente');
  });

  test('a field still moves by keyboard drag within its step, and steps keep their order', async () => {
    renderTab();
    const before = screen.getByTestId('fields').textContent!;
    const first = before.split('|')[0]!.split('+');
    expect(first.length).toBeGreaterThan(1);
    const handle = within(screen.getByTestId(`field-${first[1]}`)).getByRole('button', { name: /^Move field / });
    handle.focus();
    await key(handle, 'Space');
    await key(document, 'ArrowUp');
    await key(document, 'Space');
    expect(screen.getByTestId('fields').textContent!.split('|')[0]).toBe([first[1], first[0], ...first.slice(2)].join('+'));
    expect(screen.getByTestId('order').textContent).toBe('richiedente,figli,passo1');
  });
});
