import type { Role } from '../access/viewer.js';

/**
 * The demo's people, in one place: the seed creates users from them and the registry fixtures
 * (ANPR residents, INPS ISEE) use the same fiscal codes, so prefill finds what a demo citizen
 * logs in as. Fiscal codes are real codici fiscali computed from these names and birth data
 * (check character included); the people are invented.
 */
export type Relationship = 'intestatario' | 'coniuge' | 'figlio';

export interface DemoAddress { street: string; cap: string; comune: string; provincia: string }

export interface DemoPerson {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD */
  birthDate: string;
  birthPlace: string;
  /** Codice catastale (Belfiore) of the birth place, the one inside the fiscal code. */
  birthPlaceCode: string;
  citizenship: string;
  /**
   * citizen: logs in to the citizens' area; staff: works for an Ente (see `staff`);
   * resident: only in the registries (minors: they appear in a family, never log in).
   */
  kind: 'citizen' | 'staff' | 'resident';
  email?: string;
  /** Roles in an Ente (by slug) and the office (by name) the person belongs to there. */
  staff?: Array<{ ente: string; roles: Role[]; offices?: string[] }>;
  platformAdmin?: boolean;
  /** ANPR family (stato di famiglia): everyone with the same id lives at DEMO_FAMILIES[id]. */
  familyId: string;
  relationship: Relationship;
}

export const DEMO_ENTE_SLUG = 'comune-di-esempio';
export const OTHER_ENTE_SLUG = 'comune-di-altrove';

export const DEMO_OFFICES = {
  sociali: 'Ufficio Servizi Sociali',
  tributi: 'Ufficio Tributi',
} as const;

const esempio = (street: string): DemoAddress => ({ street, cap: '00010', comune: 'Esempio', provincia: 'RM' });

export const DEMO_FAMILIES: Record<string, DemoAddress> = {
  'fam-bianchi': esempio('Via Garibaldi 3'),
  'fam-esposito': esempio('Via dei Mille 21'),
  'fam-romano': esempio('Piazza del Municipio 1'),
  'fam-colombo': esempio('Via Mazzini 40'),
  'fam-ricci': esempio('Via Cavour 8'),
  'fam-marino': { street: 'Via Nazionale 150', cap: '00184', comune: 'Roma', provincia: 'RM' },
  'fam-greco': { street: 'Corso Italia 5', cap: '00020', comune: 'Altrove', provincia: 'RM' },
  'fam-rossi': esempio('Via Roma 12'),
  'fam-conti': esempio('Via Verdi 7, int. 4'),
  'fam-elamrani': esempio('Via delle Rose 19'),
  'fam-bruno': esempio('Vicolo del Pozzo 2'),
};

const ITA = 'italiana';

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // Staff of the demo Ente, one per role, and the platform's own administrator.
  { fiscalCode: 'BNCGLI78C54H501W', givenName: 'Giulia', familyName: 'Bianchi', sex: 'F', birthDate: '1978-03-14', birthPlace: 'Roma', birthPlaceCode: 'H501', citizenship: ITA,
    kind: 'staff', email: 'giulia.bianchi@comune-di-esempio.example', staff: [{ ente: DEMO_ENTE_SLUG, roles: ['ADMIN'] }], familyId: 'fam-bianchi', relationship: 'intestatario' },
  { fiscalCode: 'SPSMRC85L22F839O', givenName: 'Marco', familyName: 'Esposito', sex: 'M', birthDate: '1985-07-22', birthPlace: 'Napoli', birthPlaceCode: 'F839', citizenship: ITA,
    kind: 'staff', email: 'marco.esposito@comune-di-esempio.example', staff: [{ ente: DEMO_ENTE_SLUG, roles: ['DESIGNER'] }], familyId: 'fam-esposito', relationship: 'intestatario' },
  { fiscalCode: 'RMNFNC90S45F205K', givenName: 'Francesca', familyName: 'Romano', sex: 'F', birthDate: '1990-11-05', birthPlace: 'Milano', birthPlaceCode: 'F205', citizenship: ITA,
    kind: 'staff', email: 'francesca.romano@comune-di-esempio.example', staff: [{ ente: DEMO_ENTE_SLUG, roles: ['OPERATOR'], offices: [DEMO_OFFICES.sociali] }], familyId: 'fam-romano', relationship: 'intestatario' },
  { fiscalCode: 'CLMLCU82B28L219U', givenName: 'Luca', familyName: 'Colombo', sex: 'M', birthDate: '1982-02-28', birthPlace: 'Torino', birthPlaceCode: 'L219', citizenship: ITA,
    kind: 'staff', email: 'luca.colombo@comune-di-esempio.example', staff: [{ ente: DEMO_ENTE_SLUG, roles: ['OPERATOR'], offices: [DEMO_OFFICES.tributi] }], familyId: 'fam-colombo', relationship: 'intestatario' },
  { fiscalCode: 'RCCLSN75P30A944K', givenName: 'Alessandro', familyName: 'Ricci', sex: 'M', birthDate: '1975-09-30', birthPlace: 'Bologna', birthPlaceCode: 'A944', citizenship: ITA,
    kind: 'staff', email: 'alessandro.ricci@comune-di-esempio.example', staff: [{ ente: DEMO_ENTE_SLUG, roles: ['SUPERVISOR'], offices: [DEMO_OFFICES.sociali, DEMO_OFFICES.tributi] }], familyId: 'fam-ricci', relationship: 'intestatario' },
  { fiscalCode: 'MRNPLA70A58D612K', givenName: 'Paola', familyName: 'Marino', sex: 'F', birthDate: '1970-01-18', birthPlace: 'Firenze', birthPlaceCode: 'D612', citizenship: ITA,
    kind: 'staff', email: 'paola.marino@sportello.example', platformAdmin: true, familyId: 'fam-marino', relationship: 'intestatario' },
  // The second Ente's administrator and designer (multi-tenant demos).
  { fiscalCode: 'GRCSFN80H12A662T', givenName: 'Stefano', familyName: 'Greco', sex: 'M', birthDate: '1980-06-12', birthPlace: 'Bari', birthPlaceCode: 'A662', citizenship: ITA,
    kind: 'staff', email: 'stefano.greco@comune-di-altrove.example', staff: [{ ente: OTHER_ENTE_SLUG, roles: ['ADMIN', 'DESIGNER'] }], familyId: 'fam-greco', relationship: 'intestatario' },

  // Citizens and their families. The Rossi family has two school-age children and a newborn
  // (canteen, baby bonus); Anna Conti is a single parent; the El Amrani family was born abroad
  // (rent subsidy with a residence permit); Giuseppe Bruno is a pensioner living alone.
  { fiscalCode: 'RSSMRA84D09H501Z', givenName: 'Mario', familyName: 'Rossi', sex: 'M', birthDate: '1984-04-09', birthPlace: 'Roma', birthPlaceCode: 'H501', citizenship: ITA,
    kind: 'citizen', email: 'mario.rossi@example.org', familyId: 'fam-rossi', relationship: 'intestatario' },
  { fiscalCode: 'FRRLRA86R63G224V', givenName: 'Laura', familyName: 'Ferrari', sex: 'F', birthDate: '1986-10-23', birthPlace: 'Padova', birthPlaceCode: 'G224', citizenship: ITA,
    kind: 'citizen', email: 'laura.ferrari@example.org', familyId: 'fam-rossi', relationship: 'coniuge' },
  { fiscalCode: 'RSSSFO16E57H501K', givenName: 'Sofia', familyName: 'Rossi', sex: 'F', birthDate: '2016-05-17', birthPlace: 'Roma', birthPlaceCode: 'H501', citizenship: ITA,
    kind: 'resident', familyId: 'fam-rossi', relationship: 'figlio' },
  { fiscalCode: 'RSSLRD19P03H501V', givenName: 'Leonardo', familyName: 'Rossi', sex: 'M', birthDate: '2019-09-03', birthPlace: 'Roma', birthPlaceCode: 'H501', citizenship: ITA,
    kind: 'resident', familyId: 'fam-rossi', relationship: 'figlio' },
  { fiscalCode: 'RSSGRG26H61H501I', givenName: 'Giorgia', familyName: 'Rossi', sex: 'F', birthDate: '2026-06-21', birthPlace: 'Roma', birthPlaceCode: 'H501', citizenship: ITA,
    kind: 'resident', familyId: 'fam-rossi', relationship: 'figlio' },
  { fiscalCode: 'CNTNNA92A70L781D', givenName: 'Anna', familyName: 'Conti', sex: 'F', birthDate: '1992-01-30', birthPlace: 'Verona', birthPlaceCode: 'L781', citizenship: ITA,
    kind: 'citizen', email: 'anna.conti@example.org', familyId: 'fam-conti', relationship: 'intestatario' },
  { fiscalCode: 'CNTTMS20C11L781E', givenName: 'Tommaso', familyName: 'Conti', sex: 'M', birthDate: '2020-03-11', birthPlace: 'Verona', birthPlaceCode: 'L781', citizenship: ITA,
    kind: 'resident', familyId: 'fam-conti', relationship: 'figlio' },
  { fiscalCode: 'LMRYSF88M15Z330E', givenName: 'Youssef', familyName: 'El Amrani', sex: 'M', birthDate: '1988-08-15', birthPlace: 'Marocco', birthPlaceCode: 'Z330', citizenship: 'marocchina',
    kind: 'citizen', email: 'youssef.elamrani@example.org', familyId: 'fam-elamrani', relationship: 'intestatario' },
  { fiscalCode: 'BNLFTM91T42Z330Z', givenName: 'Fatima', familyName: 'Benali', sex: 'F', birthDate: '1991-12-02', birthPlace: 'Marocco', birthPlaceCode: 'Z330', citizenship: 'marocchina',
    kind: 'resident', familyId: 'fam-elamrani', relationship: 'coniuge' },
  { fiscalCode: 'LMRDMA18B07H501M', givenName: 'Adam', familyName: 'El Amrani', sex: 'M', birthDate: '2018-02-07', birthPlace: 'Roma', birthPlaceCode: 'H501', citizenship: 'marocchina',
    kind: 'resident', familyId: 'fam-elamrani', relationship: 'figlio' },
  { fiscalCode: 'BRNGPP50L04G273I', givenName: 'Giuseppe', familyName: 'Bruno', sex: 'M', birthDate: '1950-07-04', birthPlace: 'Palermo', birthPlaceCode: 'G273', citizenship: ITA,
    kind: 'citizen', email: 'giuseppe.bruno@example.org', familyId: 'fam-bruno', relationship: 'intestatario' },
];

/** People who get a user account: staff and citizens (residents exist in the registries only). */
export const DEMO_USERS = DEMO_PEOPLE.filter((p) => p.kind !== 'resident');
