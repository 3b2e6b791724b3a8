import { readFileSync } from 'node:fs';
import { templatesDir } from './published-services.js';

/**
 * Worked, valid answers for catalogue templates on 2026-11-25 (the date the templates' own
 * tests use: see schemas/test/templates). File fields are emptied: tests upload real files and
 * put the attachment ids in.
 */
export const TEMPLATE_TODAY = new Date('2026-11-25T10:00:00Z');

/** A template's worked submission, as the engine's own tests have it (schemas/templates/examples/NAME.json). */
export function loadExample(name: string): Record<string, any> {
  return JSON.parse(readFileSync(`${templatesDir}examples/${name}.json`, 'utf8')) as Record<string, any>;
}

/** occupazione-suolo-pubblico: scaffolding for a lift in zone A, 12.53 m² x 40 days, halved: 626.50 euro. */
export function occupazioneAnswers(): Record<string, any> {
  return { ...loadExample('occupazione-suolo-pubblico'), allegati: {} };
}

export const MARIA = { fiscalCode: 'SPSMRA86M52L219U', givenName: 'Maria', familyName: 'Esposito', email: 'maria.esposito@example.it' };

/** contributo-affitto: Maria Esposito, single mother, a disabled child, her mother aged 71: 61 points, admitted. */
export function affittoAnswers(): Record<string, any> {
  return { ...loadExample('contributo-affitto'), allegati: {} };
}
