// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { renderWithText, seriousViolations } from '../test-utils';
import { fixture } from '../rules/fixture';
import { translationGaps, translationsComplete } from './gaps';
import { TranslationsGrid } from './TranslationsGrid';

afterEach(cleanup);

function mount(def: ServiceDefinition) {
  const state = { def };
  function Harness() {
    const [current, setCurrent] = useState(def);
    return <TranslationsGrid definition={current} onChange={(next) => { state.def = next; setCurrent(next); }} />;
  }
  const view = renderWithText(<Harness />);
  return { view, get def() { return state.def; } };
}

const small: ServiceDefinition = {
  ...fixture,
  ui: { steps: [{ id: 's', title: 'step.s', fields: ['haFigli'] }], fields: { haFigli: { widget: 'yesno', label: 'field.haFigli', help: 'field.haFigli.help' } } },
  rules: [],
  translations: { it: { 'service.title': 'Prova', 'step.s': 'Passo', 'field.haFigli': 'Hai figli?', 'field.haFigli.help': 'Anche adottivi', vecchia: 'non usata' }, en: { 'service.title': 'Test' } },
};

describe('translations grid', () => {
  test('counts the strings each language lacks and names it as blocking publication', () => {
    const gaps = translationGaps(small);
    expect(gaps.languages.map((l) => [l.language, l.missing.length])).toEqual([['it', 0], ['en', 3]]);
    expect(gaps.blocking.map((l) => l.language)).toEqual(['en']);
    expect(gaps.keys.find((k) => k.key === 'vecchia')).toEqual({ key: 'vecchia', used: false });
    expect(translationsComplete(small)).toBe(false);
  });

  test('typing the missing strings clears the gate; a new language starts with every string missing', () => {
    const m = mount(small);
    expect(screen.getByRole('status').textContent).toContain('English (en): 3 strings missing');
    fireEvent.change(screen.getByLabelText('step.s in en'), { target: { value: 'Step' } });
    fireEvent.change(screen.getByLabelText('field.haFigli in en'), { target: { value: 'Do you have children?' } });
    expect(screen.getByRole('status').textContent).toContain('English (en): 1 string missing');
    fireEvent.change(screen.getByLabelText('field.haFigli.help in en'), { target: { value: 'Adopted ones too' } });
    expect(translationsComplete(m.def)).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/do not block publishing/);

    // The picker names every ISO 639-1 language in the designer's language, without those the service has.
    const picker = screen.getByLabelText('New language') as HTMLSelectElement;
    const offered = [...picker.options].map((o) => o.value);
    expect(offered).toContain('de');
    expect(offered).not.toContain('it');
    expect(offered).not.toContain('en');
    expect(offered.length).toBeGreaterThan(180);
    expect([...picker.options].find((o) => o.value === 'de')!.textContent).toBe('German (de) · Deutsch');
    fireEvent.click(screen.getByRole('button', { name: 'Add language' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a language…');
    // Another code: a tag with a region, checked before it is added.
    fireEvent.change(picker, { target: { value: '__other__' } });
    fireEvent.change(screen.getByLabelText('Language code (e.g. pt-BR)'), { target: { value: 'Deutsch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add language' }));
    expect(screen.getByRole('alert').textContent).toMatch(/not a language code/);
    fireEvent.change(screen.getByLabelText('Language code (e.g. pt-BR)'), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add language' }));
    expect(screen.getByRole('alert').textContent).toBe('The service already has en.');
    fireEvent.change(picker, { target: { value: 'de' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add language' }));
    expect(Object.keys(m.def.translations)).toEqual(['it', 'en', 'de']);
    expect(screen.getByRole('status').textContent).toContain('German (de): 4 strings missing');
    expect(translationsComplete(m.def)).toBe(false);

    // Clearing a cell removes the string (it counts as missing again).
    fireEvent.change(screen.getByLabelText('step.s in en'), { target: { value: '' } });
    expect(m.def.translations.en!['step.s']).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Remove de' }));
    expect(Object.keys(m.def.translations)).toEqual(['it', 'en']);
  });

  test('the Ente\'s languages are columns even before the service has any of their strings', () => {
    const noEnglish = { ...small, translations: { it: small.translations.it! } };
    const gaps = translationGaps(noEnglish, ['it', 'en']);
    expect(gaps.blocking.map((l) => [l.language, l.missing.length])).toEqual([['en', 4]]);
    expect(translationsComplete(noEnglish)).toBe(true);
    expect(translationsComplete(noEnglish, ['it', 'en'])).toBe(false);
    const m = mount(noEnglish);
    cleanup();
    renderWithText(<TranslationsGrid definition={m.def} onChange={() => {}} requiredLanguages={['it', 'en']} />);
    expect(screen.getByRole('columnheader', { name: /English \(en\)/ }).textContent).toContain('of the Ente');
    expect(screen.getByRole('status').textContent).toContain('English (en): 4 strings missing');
    expect(screen.queryByRole('button', { name: 'Remove en' })).toBeNull();
  });

  test('a focus on a cell the filters hide shows its row', () => {
    const view = renderWithText(<TranslationsGrid definition={small} onChange={() => {}} focus={null} />);
    fireEvent.change(screen.getByLabelText('Search keys and texts'), { target: { value: 'nothing matches this' } });
    expect(screen.queryByLabelText('field.haFigli.help in en')).toBeNull();
    view.rerender(<TranslationsGrid definition={small} onChange={() => {}} focus="/translations/en/field.haFigli.help" />);
    expect(screen.getByLabelText('field.haFigli.help in en').closest('td')!.dataset.pointer).toBe('/translations/en/field.haFigli.help');
  });

  test('the server\'s problems show at the cell they point to', () => {
    renderWithText(<TranslationsGrid definition={small} onChange={() => {}} problems={[{ pointer: '/translations/it/field.haFigli', code: 'template.unknownPlaceholder', message: 'Unknown placeholder {{x}}' }]} />);
    const cell = screen.getByLabelText('field.haFigli in it').closest('td')!;
    expect(cell.textContent).toContain('Unknown placeholder {{x}}');
  });

  test('only-missing filter and axe', async () => {
    const m = mount(small);
    fireEvent.click(screen.getByLabelText('Only rows with missing strings'));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3);
    expect(await seriousViolations(m.view.container)).toEqual([]);
  });
});
