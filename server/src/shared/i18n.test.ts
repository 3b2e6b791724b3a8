import { describe, expect, it } from 'vitest';
import { translator } from './i18n.js';
import { NOT_FOUND_KINDS, notFound } from './domain-error.js';

// Messages with a count agree with it: "1 errori", "mancano 1 traduzioni" were wrong Italian.
describe('localized messages with a count', () => {
  const it_ = translator('it');
  const en = translator('en');

  it('use the singular for one and the plural otherwise, in Italian and English', () => {
    expect(it_('error.answersInvalid', { count: 1 })).toBe('La domanda contiene un errore');
    expect(it_('error.answersInvalid', { count: 3 })).toBe('La domanda contiene 3 errori');
    expect(it_('error.fieldsInvalid', { count: 1 })).toBe('Dati non validi: un campo da correggere');
    expect(it_('definitions.translationsMissing', { count: 1, languages: 'en' })).toBe("Impossibile pubblicare: manca una traduzione nelle lingue dell'Ente (en)");
    expect(it_('definitions.translationsMissing', { count: 2, languages: 'en' })).toBe("Impossibile pubblicare: mancano 2 traduzioni nelle lingue dell'Ente (en)");
    expect(it_('officeData.invalid', { count: 1 })).toBe('I dati d’ufficio non sono validi (un errore): correggi il campo indicato');
    expect(en('error.definitionInvalid', { count: 1 })).toBe('The service definition has one problem');
    expect(en('error.definitionInvalid', { count: 2 })).toBe('The service definition has 2 problems');
  });

  it('name a GraphQL argument as such', () => {
    expect(it_('error.limit.first', { max: 100 })).toBe('Il parametro first deve essere compreso tra 0 e 100');
  });
});

// "service non trovato", "pratica non trovato" were English nouns with the wrong gender; an
// invitation, a transition and a document fell back to a vague "Elemento non trovato".
describe('not found, per kind', () => {
  it('every kind has its own message in each language', () => {
    for (const language of ['it', 'en']) {
      const t = translator(language);
      for (const kind of NOT_FOUND_KINDS) {
        const message = t(notFound(kind, 'x-1').key, { id: 'x-1' });
        expect(message, `${language} ${kind}`).toMatch(/x-1/);
        expect(message, `${language} ${kind}`).not.toMatch(/^error\./);
      }
    }
    expect(translator('it')(notFound('Invitation', 'x').key, { id: 'x' })).toBe('Invito non trovato: x');
    expect(translator('it')(notFound('transition', 'x').key, { id: 'x' })).toBe('Transizione non trovata: x');
    expect(translator('en')(notFound('document', 'x').key, { id: 'x' })).toBe('Document not found: x');
  });
});
