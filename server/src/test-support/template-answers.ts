/**
 * Worked, valid answers for catalogue templates on 2026-11-25 (the date the templates' own
 * tests use: see schemas/test/templates). File fields are left out: tests upload real files and
 * put the attachment ids in.
 */
export const TEMPLATE_TODAY = new Date('2026-11-25T10:00:00Z');

/** occupazione-suolo-pubblico: scaffolding for a lift in zone A, 12.53 m² x 40 days, halved: 626.50 euro. */
export function occupazioneAnswers(): Record<string, any> {
  return {
    tipoRichiedente: 'impresa',
    richiedente: {
      codiceFiscale: 'FRRGPP75L08L219P', nome: 'Giuseppe', cognome: 'Ferrari',
      residenza: { street: 'Corso Francia 45', cap: '10138', comune: 'Torino', provincia: 'TO' },
      telefono: '011 4567890', email: 'g.ferrari@example.it',
    },
    impresa: {
      ragioneSociale: 'Ferrari Costruzioni S.r.l.', partitaIva: '01234567897', qualifica: 'legale_rappresentante',
      sede: { street: 'Via Nizza 150', cap: '10126', comune: 'Torino', provincia: 'TO' },
      pec: 'ferraricostruzioni@pec.example.it',
    },
    scopo: 'ponteggio',
    titoloEdilizio: 'SCIA n. 1234 del 02/10/2026',
    barriereArchitettoniche: true,
    descrizioneOccupazione: 'Ponteggio a tubi e giunti sul marciapiede per la costruzione di un ascensore esterno',
    luogo: { via: 'Via Garibaldi', civico: '15/A', zona: 'A', occupaCarreggiata: false, indicazioni: 'Lato numeri dispari' },
    lunghezza: 8.35,
    larghezza: 1.5,
    dataInizio: '2026-12-07',
    dataFine: '2027-01-15',
    urgente: false,
    allegati: {},
    bolloIdentificativo: '01234567890123',
    bolloData: '2026-11-20',
    dichiarazioni: { veridicita: true, regolamento: true, ripristino: true, privacy: true },
  };
}

export const MARIA = { fiscalCode: 'SPSMRA86M52L219U', givenName: 'Maria', familyName: 'Esposito', email: 'maria.esposito@example.it' };

/** contributo-affitto: Maria Esposito, single mother, a disabled child, her mother aged 71: 61 points, admitted. */
export function affittoAnswers(): Record<string, any> {
  return {
    richiedente: {
      codiceFiscale: MARIA.fiscalCode, nome: 'Maria', cognome: 'Esposito', dataNascita: '1986-08-12', luogoNascita: 'Torino',
      sesso: 'F', cittadinanza: 'Italiana', areaCittadinanza: 'italiana',
      residenza: { street: 'Via Nizza 152', cap: '10126', comune: 'Torino', provincia: 'TO' },
    },
    contatti: { telefono: '333 1234567', email: MARIA.email, canalePreferito: 'appio' },
    nucleo: [
      { codiceFiscale: MARIA.fiscalCode, nome: 'Maria', cognome: 'Esposito', dataNascita: '1986-08-12', sesso: 'F', relazione: 'intestatario', disabile: false, condizioneProfessionale: 'lavoratore_dipendente', reddito: 9800 },
      { codiceFiscale: 'SPSLCU16C20L219X', nome: 'Luca', cognome: 'Esposito', dataNascita: '2016-03-20', sesso: 'M', relazione: 'figlio', disabile: false, reddito: 0 },
      { codiceFiscale: 'SPSGLI20E44L219S', nome: 'Giulia', cognome: 'Esposito', dataNascita: '2020-05-04', sesso: 'F', relazione: 'figlio', disabile: true, percentualeDisabilita: 75, handicapGrave: true, reddito: 0 },
      { codiceFiscale: 'FRRNNA55B54F839V', nome: 'Anna', cognome: 'Ferrara', dataNascita: '1955-02-14', sesso: 'F', relazione: 'genitore', disabile: false, condizioneProfessionale: 'pensionato', reddito: 7200 },
    ],
    isee: { valore: 5200, protocolloDsu: 'INPS-ISEE-2026-00012345A-00', dataPresentazioneDsu: '2026-02-10', dataScadenza: '2026-12-31' },
    contratto: {
      tipo: 'concordato', dataStipula: '2024-01-10', dataDecorrenza: '2024-02-01', dataScadenza: '2027-01-31',
      modalitaRegistrazione: 'telematica', dataRegistrazione: '2024-01-25', ufficioRegistrazione: 'Ufficio territoriale di Torino 1',
      codiceIdentificativo: 'TJ124T000123000GH', canoneAnnuo: 3600, speseCondominiali: 480, mesiLocazione: 12, superficie: 72,
      categoriaCatastale: 'A3', cedolareSecca: true, datiCatastali: { foglio: '1234', particella: '245', subalterno: '12' },
      alloggio: { street: 'Via Nizza 152', cap: '10126', comune: 'Torino', provincia: 'TO' },
    },
    locatore: {
      tipo: 'persona_fisica', personaFisica: { codiceFiscale: 'BNCGNN58D03L219A', nome: 'Giovanni', cognome: 'Bianchi' },
      indirizzo: 'Corso Re Umberto 10', comune: 'Torino', telefono: '011 5551234', parenteRichiedente: false,
    },
    situazioni: { morositaIncolpevole: false, sfratto: false, monogenitore: true, altriContributi: false },
    pagamento: { modalita: 'bonifico', iban: 'IT60X0542811101000000123456', intestatario: 'Maria Esposito', codiceFiscaleIntestatario: MARIA.fiscalCode },
    dichiarazioni: { veridicita: true, residenzaAlloggio: true, nonTitolareDiritti: true, nonAssegnatarioErp: true, controlli: true, comunicazioneVariazioni: true, privacy: true },
    allegati: {},
  };
}
