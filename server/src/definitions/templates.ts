import { auditService } from '../audit/audit.service.js';
import { notFound } from '../shared/domain-error.js';
import type { Tx } from '../shared/prisma.js';
import type { Actor } from './actor.js';
import { definitionText, languagesOf } from './definition-text.js';
import { definitionsRepository as repo, type TemplateRow } from './definitions.repository.js';
import type { CatalogueTemplate, EnteTemplate } from './definitions.types.js';

export function toTemplate(row: TemplateRow, language: string): CatalogueTemplate {
  const text = definitionText(row.definition, language);
  return {
    id: row.id, hash: row.hash, updatedAt: row.updatedAt, languages: languagesOf(row.definition),
    title: text.title ?? row.title, description: text.description, category: text.category ?? row.category,
    activated: row.activations.length > 0,
  };
}

/** Activates a catalogue template for the actor's Ente; activating twice changes nothing. */
export async function activateTemplateIn(tx: Tx, actor: Actor, templateId: string, language: string): Promise<EnteTemplate & { row: TemplateRow }> {
  const row = await repo.template(tx, actor.enteId, templateId);
  if (!row) throw notFound('CatalogueTemplate', templateId);
  const existing = row.activations[0];
  const { activatedAt } = existing ?? (await repo.activate(tx, actor.enteId, templateId));
  if (!existing) {
    await auditService.record(tx, { enteId: actor.enteId, ...actor.audit, action: 'template.activated', subjectType: 'CatalogueTemplate', subjectId: templateId, data: { hash: row.hash } });
  }
  const template = toTemplate({ ...row, activations: [{ activatedAt }] }, language);
  return { templateId, activatedAt, template, row };
}
