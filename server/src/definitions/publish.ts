import { auditService } from '../audit/audit.service.js';
import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import { DomainError, conflict } from '../shared/domain-error.js';
import { isUniqueViolation, type Tx } from '../shared/prisma.js';
import type { Actor } from './actor.js';
import { check, toFieldErrors } from './definition-checks.js';
import { definitionsRepository as repo, type VersionRow } from './definitions.repository.js';
import type { ServiceVersion } from './definitions.types.js';
import { serviceOf } from './working-copy.js';

export function toVersion(row: VersionRow): ServiceVersion {
  const semver = (row.definition as { version?: unknown } | null)?.version;
  return {
    id: row.id, number: row.number, hash: row.hash, publishedAt: row.publishedAt, publishedById: row.publishedById,
    publishedByName: `${row.publishedBy.givenName} ${row.publishedBy.familyName}`, semver: typeof semver === 'string' ? semver : '',
  };
}

/**
 * Freezes the working copy into the next immutable version and makes it current. Refused when
 * it does not compile, when a text is missing in a language of the Ente, or when it is the
 * current version again. `uploadMaxBytes` is the server's upload cap (the seed's own templates
 * need none). Runs inside the caller's transaction, with its audit event.
 */
export async function publishIn(tx: Tx, actor: Actor, id: string, uploadMaxBytes = Number.POSITIVE_INFINITY): Promise<VersionRow> {
  if (!actor.userId) throw new DomainError('FORBIDDEN', 'definitions.publishNeedsPerson');
  const service = await serviceOf(tx, actor, id);
  const { languages } = await repo.enteLanguages(tx, actor.enteId);
  const checked = check(service.workingCopy, languages, uploadMaxBytes);
  if (checked.problems.length > 0) {
    throw new DomainError('DEFINITION_INVALID', 'error.definitionInvalid', { count: checked.problems.length }, toFieldErrors(checked.problems));
  }
  if (checked.gate.length > 0) {
    const missing = [...new Set(checked.gate.map((p) => String(p.params?.language)))];
    throw new DomainError('DEFINITION_INVALID', 'definitions.translationsMissing', { count: checked.gate.length, languages: missing.join(', ') }, toFieldErrors(checked.gate));
  }
  const hash = sha256Hex(canonicalJson(service.workingCopy));
  if (service.currentVersion?.hash === hash) {
    throw conflict('definitions.nothingToPublish', { version: service.currentVersion.number });
  }
  const number = (await repo.lastVersionNumber(tx, actor.enteId, id)) + 1;
  let version: VersionRow;
  try {
    version = await repo.createVersion(tx, { enteId: actor.enteId, serviceId: id, number, definition: service.workingCopy, hash, publishedById: actor.userId });
  } catch (e) {
    // Two designers publishing at once: the second one's number is taken.
    if (isUniqueViolation(e)) throw conflict('definitions.publishConflict', { number });
    throw e;
  }
  await repo.setCurrentVersion(tx, actor.enteId, id, version.id);
  await auditService.record(tx, { enteId: actor.enteId, ...actor.audit, action: 'service.published', subjectType: 'Service', subjectId: id, data: { versionId: version.id, number, hash } });
  return version;
}

/** Publication on/off. Enabling needs a published version; setting the current state again changes nothing. */
export async function setEnabledIn(tx: Tx, actor: Actor, id: string, enabled: boolean) {
  const service = await serviceOf(tx, actor, id);
  if (enabled && !service.currentVersionId) throw conflict('definitions.enableUnpublished', { slug: service.slug });
  if (service.enabled === enabled) return service;
  await repo.setEnabled(tx, actor.enteId, id, enabled);
  await auditService.record(tx, { enteId: actor.enteId, ...actor.audit, action: enabled ? 'service.enabled' : 'service.disabled', subjectType: 'Service', subjectId: id, data: { slug: service.slug } });
  return serviceOf(tx, actor, id);
}
