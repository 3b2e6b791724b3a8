import { expect } from 'vitest';
import type { PraticheService } from '../pratiche/pratiche.service.js';
import { createEnteWithUsers, type EnteFixture } from './fixtures.js';
import { loadTemplate, publishService } from './published-services.js';
import type { TestApp } from './test-app.js';

/** segnalazione-assenza's answers: small, valid, no files (the lightest pratica to move around). */
export const ASSENZA = { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'mensa' };

/** segnalazione-assenza without a workflow of its own: the default workflow applies. */
export function defaultWorkflowService(): Record<string, any> {
  const def = loadTemplate('segnalazione-assenza');
  delete def.workflow;
  return def;
}

/**
 * segnalazione-assenza with office fields and a workflow whose registration is guarded by one
 * of them (`verificato`), with a guard message in both languages.
 */
export function guardedService(): Record<string, any> {
  const def = loadTemplate('segnalazione-assenza');
  def.officeData = {
    type: 'object',
    properties: { verificato: { type: 'boolean' }, punteggioCommissione: { type: 'integer', minimum: 0, maximum: 10 } },
  };
  def.workflow.transitions[0].guard = { '==': [{ var: '$office.verificato' }, true] };
  def.workflow.transitions[0].guardMessage = 'guard.verificato';
  def.translations.it['guard.verificato'] = 'Prima verifica la segnalazione.';
  def.translations.en['guard.verificato'] = 'Check the report first.';
  return def;
}

export interface WorkflowWorld { fx: EnteFixture; serviceId: string; versionId: string }

/** An Ente with staff of every role and a published service of the given definition. */
export async function workflowWorld(t: TestApp, slug: string, definition: object): Promise<WorkflowWorld> {
  const fx = await createEnteWithUsers(t.services, { slug });
  const { serviceId, versionId } = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug, definition });
  return { fx, serviceId, versionId };
}

let keys = 0;
/** A pratica submitted by the Ente's citizen (through the service, as the API would). */
export async function submitted(pratiche: PraticheService, w: WorkflowWorld, answers: Record<string, unknown> = ASSENZA, language = 'it') {
  const citizen = { userId: w.fx.users.citizen.id, fiscalCode: w.fx.users.citizen.fiscalCode };
  const p = await pratiche.submit(citizen, { serviceId: w.serviceId, answers, idempotencyKey: `wf-${Date.now()}-${keys++}` }, language);
  expect(p.id).toBeTruthy();
  return p;
}
