import { describe, expect, it } from 'vitest';
import { translator } from './i18n.js';

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
