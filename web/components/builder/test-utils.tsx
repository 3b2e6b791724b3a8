import type { ServiceDefinition } from '@sportello/schemas';
import { createInstance } from 'i18next';
import type { ReactElement } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { render } from '@testing-library/react';
import axe from 'axe-core';
import en from '../../../locales/en/web.json' with { type: 'json' };
import it from '../../../locales/it/web.json' with { type: 'json' };
import type { EditorContextValue } from './editor-context';
import type { BuilderState } from './store';

/** The builder's state just after loading a saved working copy (revision 1, nothing pending). */
export const savedState = (definition: ServiceDefinition): BuilderState => ({
  serviceId: 's', definition, revision: 1, edit: 0, savedEdit: 0, status: 'saved', problems: [], warnings: [], publishable: false, languages: ['it'],
});

/** An editor context with no published version and actions that do nothing (the tab under test needs none). */
export const testEditor: EditorContextValue = {
  service: { id: 's', slug: 's', enteSlug: 'e' }, enabled: false, currentVersion: null, versions: [], setMeta: () => {},
  focus: null, setFocus: () => {}, goToProblem: () => {}, reload: async () => {}, flush: async () => {},
};

/** Renders a builder component with the platform's real texts (English unless asked). */
export function renderWithText(ui: ReactElement, language: 'en' | 'it' = 'en') {
  const i18n = createInstance();
  i18n.use(initReactI18next).init({
    lng: language, fallbackLng: 'it', initAsync: false, interpolation: { escapeValue: false },
    resources: { en: { translation: en }, it: { translation: it } },
  });
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

/** axe-core's serious and critical violations in a rendered container (jsdom has no layout: colour contrast is not checked). */
export async function seriousViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
