import type { ServiceDefinition } from '@sportello/schemas';

/**
 * A small definition with a field of every kind a condition compares (yes/no, whole and decimal
 * numbers, a choice, a multiple choice, a date, free text), a repeating group and an office
 * field: the rule editors' tests build their rules over it.
 */
export const fixture: ServiceDefinition = {
  id: 'prova-regole', version: '1.0.0', defaultLanguage: 'it', title: 'service.title',
  data: {
    type: 'object',
    properties: {
      haFigli: { type: 'boolean' },
      isee: { type: 'number', minimum: 0 },
      componenti: { type: 'integer', minimum: 1 },
      zona: { type: 'string', enum: ['centro', 'periferia', 'frazione'] },
      servizi: { type: 'array', items: { type: 'string', enum: ['mensa', 'trasporto', 'prescuola'] } },
      dataInizio: { type: 'string', format: 'date' },
      dataFine: { type: 'string', format: 'date' },
      note: { type: 'string', maxLength: 200 },
      cognome: { type: 'string' },
      figli: {
        type: 'array', maxItems: 10,
        items: { type: 'object', properties: { nome: { type: 'string' }, eta: { type: 'integer', minimum: 0 }, retta: { type: 'number' }, disabile: { type: 'boolean' }, calcolata: { type: 'number' } } },
      },
      numeroFigli: { type: 'integer' },
      importo: { type: 'number' },
      calcolato: { type: 'number' },
    },
  },
  officeData: { type: 'object', properties: { iseeVerificato: { type: 'number' }, punti: { type: 'integer' } } },
  ui: {
    steps: [
      { id: 'richiedente', title: 'step.richiedente', fields: ['haFigli', 'isee', 'componenti', 'zona', 'servizi', 'dataInizio', 'dataFine', 'note', 'cognome'] },
      { id: 'figli', title: 'step.figli', fields: ['figli', 'numeroFigli', 'importo', 'calcolato'] },
    ],
    fields: {
      haFigli: { widget: 'yesno', label: 'field.haFigli' }, isee: { widget: 'currency', label: 'field.isee' },
      componenti: { widget: 'number', label: 'field.componenti' }, zona: { widget: 'select', label: 'field.zona' },
      servizi: { widget: 'checkbox', label: 'field.servizi' }, dataInizio: { widget: 'date', label: 'field.dataInizio' },
      dataFine: { widget: 'date', label: 'field.dataFine' }, note: { widget: 'textarea', label: 'field.note' },
      cognome: { widget: 'text', label: 'field.cognome' },
      figli: { widget: 'group', label: 'field.figli' }, 'figli[].nome': { widget: 'text', label: 'field.figli.nome' },
      'figli[].eta': { widget: 'number', label: 'field.figli.eta' }, 'figli[].retta': { widget: 'currency', label: 'field.figli.retta' },
      'figli[].disabile': { widget: 'yesno', label: 'field.figli.disabile' },
      numeroFigli: { widget: 'number', label: 'field.numeroFigli', readOnly: true }, importo: { widget: 'currency', label: 'field.importo', readOnly: true },
    },
  },
  rules: [
    { id: 'mostraFigli', type: 'show', step: 'figli', when: { '==': [{ var: 'haFigli' }, true] } },
    { id: 'contaFigli', type: 'compute', field: 'numeroFigli', value: { count: [{ var: 'figli' }] } },
    { id: 'dateInOrdine', type: 'error', field: 'dataFine', message: 'error.dateOrder', when: { and: [{ var: 'dataInizio' }, { var: 'dataFine' }, { '<': [{ days_between: [{ var: 'dataInizio' }, { var: 'dataFine' }] }, 0] }] } },
  ],
  translations: {
    it: {
      'service.title': 'Prova', 'step.richiedente': 'Richiedente', 'step.figli': 'Figli', 'field.haFigli': 'Hai figli?', 'field.isee': 'ISEE',
      'field.componenti': 'Componenti', 'field.zona': 'Zona', 'field.servizi': 'Servizi', 'field.dataInizio': 'Dal', 'field.dataFine': 'Al',
      'field.note': 'Note', 'field.cognome': 'Cognome', 'field.figli': 'Figli', 'field.figli.nome': 'Nome', 'field.figli.eta': 'Età',
      'field.figli.retta': 'Retta', 'field.figli.disabile': 'Disabile', 'field.numeroFigli': 'Numero di figli', 'field.importo': 'Importo',
      'error.dateOrder': 'La data di fine precede quella di inizio',
    },
    en: { 'service.title': 'Test', 'field.haFigli': 'Do you have children?' },
  },
};
