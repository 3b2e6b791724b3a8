// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { EditorContext } from '../editor-context';
import { fixture } from '../rules/fixture';
import { BuilderProvider, useBuilderSelector } from '../store';
import { renderWithText, savedState, seriousViolations, testEditor } from '../test-utils';
import { OfficeFieldsTab } from './OfficeFieldsTab';

afterEach(cleanup);
function Office() {
  const office = useBuilderSelector((s) => s.definition.officeData);
  return <pre data-testid="office">{JSON.stringify(office)}</pre>;
}
const office = () => JSON.parse(screen.getByTestId('office').textContent!) as { properties: Record<string, Record<string, unknown>> };

describe('the office fields tab', () => {
  test('a text office field gets the citizen fields\' format and is renamed by its name box', async () => {
    const { container } = renderWithText(
      <EditorContext.Provider value={testEditor}><BuilderProvider initial={savedState(fixture)}><OfficeFieldsTab /><Office /></BuilderProvider></EditorContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add an office field' }));
    const name = Object.keys(office().properties).find((k) => k.startsWith('verifica'))!;
    // The format list is the citizen fields' one: choosing the codice fiscale writes the engine's format.
    const format = screen.getByLabelText('Format') as HTMLSelectElement;
    const cf = Array.from(format.options).find((o) => o.textContent!.toLowerCase().includes('fiscal'))!;
    fireEvent.change(format, { target: { value: cf.value } });
    expect(office().properties[name]!.format).toBe('codice-fiscale');

    const box = screen.getByLabelText(/^Name/) as HTMLInputElement;
    expect(box.value).toBe(name);
    fireEvent.change(box, { target: { value: '1 sbagliato' } });
    expect(screen.getByText(/Use letters, digits and _/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Rename' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'cfVerificato' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(Object.keys(office().properties)).toContain('cfVerificato');
    expect(Object.keys(office().properties)).not.toContain(name);
    expect(office().properties.cfVerificato!.format).toBe('codice-fiscale');
    expect(screen.getByText('$office.cfVerificato')).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
