import { translator } from '../shared/i18n.js';

/**
 * A new service from scratch: the smallest definition that compiles (one empty step, a data
 * schema with no fields yet), titled in the designer's language.
 */
export function blankDefinition(slug: string, title: string, language: string): Record<string, unknown> {
  const t = translator(language);
  return {
    id: slug,
    version: '0.1.0',
    defaultLanguage: language,
    title: 'service.title',
    tags: [],
    data: { type: 'object', properties: {} },
    ui: { steps: [{ id: 'domanda', title: 'step.domanda', fields: [] }], fields: {} },
    rules: [],
    translations: { [language]: { 'service.title': title, 'step.domanda': t('definitions.blankStepTitle') } },
  };
}
