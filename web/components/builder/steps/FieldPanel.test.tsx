// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { EditorContext } from '../editor-context';
import { fixture } from '../rules/fixture';
import { BuilderProvider, useBuilderSelector } from '../store';
import { renderWithText, savedState, seriousViolations, testEditor } from '../test-utils';
import { FieldPanel } from './FieldPanel';

afterEach(cleanup);

/** The panel as the steps tab shows it: selecting the renamed path, beside the working copy as JSON. */
function Panel({ start }: { start: string }) {
  const [path, setPath] = useState(start);
  const definition = useBuilderSelector((s) => s.definition);
  return <><FieldPanel path={path} onClose={() => {}} onSelect={setPath} /><pre data-testid="definition">{JSON.stringify(definition)}</pre></>;
}
const current = () => JSON.parse(screen.getByTestId('definition').textContent!) as ServiceDefinition;

function renderPanel(start: string, language: 'en' | 'it' = 'en') {
  return renderWithText(
    <EditorContext.Provider value={testEditor}><BuilderProvider initial={savedState(fixture)}><Panel start={start} /></BuilderProvider></EditorContext.Provider>,
    language,
  );
}

describe('the field panel\'s data name', () => {
  test('renames the field and its reads, and refuses bad or taken names with a message and no change', async () => {
    const { container } = renderPanel('dataInizio');
    const box = screen.getByLabelText('Data name') as HTMLInputElement;
    const rename = () => screen.getByRole('button', { name: 'Rename' }) as HTMLButtonElement;
    expect(box.value).toBe('dataInizio');
    expect(rename().disabled).toBe(true);

    const refusals: Array<[string, RegExp]> = [
      ['1data', /Use a letter followed by letters, digits or _/],
      ['data inizio', /Use a letter followed by letters, digits or _/],
      ['toString', /“toString” is a reserved name/],
      ['dataFine', /Another field at the same level is already called “dataFine”/],
    ];
    for (const [name, message] of refusals) {
      fireEvent.change(box, { target: { value: name } });
      expect(screen.getByText(message)).toBeTruthy();
      expect(box.getAttribute('aria-invalid')).toBe('true');
      expect(rename().disabled).toBe(true);
      fireEvent.submit(box.form!); // Enter in the box: still nothing changes
      expect(current()).toEqual(fixture);
    }

    fireEvent.change(box, { target: { value: 'dataAvvio' } });
    expect(screen.queryByText(/Use a letter|reserved name|already called/)).toBeNull();
    fireEvent.click(rename());
    const def = current();
    expect(Object.keys(def.data.properties as object)).toContain('dataAvvio');
    expect(Object.keys(def.data.properties as object)).not.toContain('dataInizio');
    expect(def.ui.steps[0]!.fields).toContain('dataAvvio');
    expect(def.ui.fields!.dataAvvio).toEqual(fixture.ui.fields!.dataInizio);
    expect(JSON.stringify(def.rules)).toBe(JSON.stringify(fixture.rules).replace(/"dataInizio"/g, '"dataAvvio"'));
    // the panel now shows the renamed field
    expect((screen.getByLabelText('Data name') as HTMLInputElement).value).toBe('dataAvvio');
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('a row field is renamed among its row\'s columns, with the message in Italian', () => {
    renderPanel('figli[].eta', 'it');
    const box = screen.getByLabelText('Nome del dato') as HTMLInputElement;
    expect(box.value).toBe('eta');
    fireEvent.change(box, { target: { value: 'nome' } });
    expect(screen.getByText('Un altro campo allo stesso livello si chiama già «nome».')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'cognome' } }); // a root field's name: free among the row's columns
    fireEvent.click(screen.getByRole('button', { name: 'Rinomina' }));
    const def = current();
    expect(Object.keys(def.ui.fields!)).toContain('figli[].cognome');
    expect(Object.keys((def.data.properties as Record<string, { items: { properties: object } }>).figli.items.properties)).toEqual(['nome', 'cognome', 'retta', 'disabile', 'calcolata']);
  });
});
