import { DEMO_ENTE_SLUG, DEMO_OFFICES, OTHER_ENTE_SLUG } from './demo-people.js';

/** The demo Enti. Fiscal codes are valid (check digit) but belong to no real body. */
export interface DemoEnte {
  slug: string;
  name: string;
  ipaCode: string;
  fiscalCode: string;
  languages: string[];
  defaultLanguage: string;
  branding: Record<string, string>;
  offices: Array<{ name: string; email: string }>;
  /** Catalogue templates published as services (all of them when 'all'). */
  services: 'all' | string[];
  /** The fiscal code of the designer the seed publishes as. */
  publisher: string;
}

export const DEMO_ENTI: DemoEnte[] = [
  {
    slug: DEMO_ENTE_SLUG, name: 'Comune di Esempio', ipaCode: 'c_x000', fiscalCode: '80012340008',
    languages: ['it', 'en'], defaultLanguage: 'it',
    branding: { primaryColor: '#0066CC', secondaryColor: '#004D99', motto: 'Al servizio dei cittadini' },
    offices: [
      { name: DEMO_OFFICES.sociali, email: 'servizi.sociali@comune-di-esempio.example' },
      { name: DEMO_OFFICES.tributi, email: 'tributi@comune-di-esempio.example' },
    ],
    services: 'all',
    publisher: 'SPSMRC85L22F839O',
  },
  {
    slug: OTHER_ENTE_SLUG, name: 'Comune di Altrove', ipaCode: 'c_x001', fiscalCode: '80045670009',
    languages: ['it'], defaultLanguage: 'it',
    branding: { primaryColor: '#2E7D32', secondaryColor: '#1B5E20' },
    offices: [{ name: 'Ufficio Protocollo', email: 'protocollo@comune-di-altrove.example' }],
    services: ['accesso-agli-atti'],
    publisher: 'GRCSFN80H12A662T',
  },
];
