import { clean, evaluate, type CompiledService, type Evaluation } from '@sportello/schemas';
import { DomainError, type FieldError } from '../shared/domain-error.js';
import { checkFee } from '../shared/amounts.js';
import type { Tx } from '../shared/prisma.js';
import { attachmentsRepository } from '../storage/attachments.repository.js';
import { attachmentRefs, fieldPathOf } from '../storage/attachment-fields.js';
import { isUuid } from '../drafts/service-version.js';
import { translator } from '../shared/i18n.js';

export interface Verdict {
  answers: Record<string, unknown>;
  evaluation: Evaluation;
  /** Ids of the draft's attachments the answers use: they move to the pratica. */
  attachmentIds: string[];
}

export interface AttachmentScope { uploaderId: string; enteId: string; draftId: string | null }

const invalid = (fieldErrors: FieldError[]) => new DomainError('ANSWERS_INVALID', 'error.answersInvalid', { count: fieldErrors.length }, fieldErrors);

/**
 * The server's verdict, which is the one that counts: clean the answers (hidden and unknown
 * fields dropped, computed values kept), evaluate what is left, and check that every file the
 * answers name is one the citizen uploaded to this draft. Any error: ANSWERS_INVALID with the
 * pointer of each. A fee beyond the platform's limit, or one the engine cannot compute (fee.invalid):
 * BAD_USER_INPUT at the fee.
 */
export async function judge(db: Tx, compiled: CompiledService, answers: Record<string, unknown>, scope: AttachmentScope, options: { today: string; language: string }): Promise<Verdict> {
  const cleaned = clean(compiled, answers, { today: options.today });
  const evaluation = evaluate(compiled, cleaned, { today: options.today, locale: options.language });
  const errors: FieldError[] = evaluation.errors.map((e) => ({ pointer: e.pointer, code: e.key, message: e.message }));
  const files = await checkAttachments(db, compiled, cleaned, scope, options.language);
  errors.push(...files.errors);
  // All problems at once, the engine's and the files', so the citizen fixes them in one pass.
  if (!evaluation.valid || errors.length > 0) throw invalid(errors);
  checkFee(evaluation.fee);
  return { answers: cleaned, evaluation, attachmentIds: files.ids };
}

/** Every file the answers name must be the citizen's upload to this draft, for that field. */
async function checkAttachments(db: Tx, compiled: CompiledService, cleaned: Record<string, unknown>, scope: AttachmentScope, language: string): Promise<{ ids: string[]; errors: FieldError[] }> {
  const refs = attachmentRefs(compiled, cleaned);
  if (refs.length === 0) return { ids: [], errors: [] };
  const ids = [...new Set(refs.map((r) => r.id).filter(isUuid))];
  const rows = scope.draftId && ids.length ? await attachmentsRepository.onDraft(db, ids, { ...scope, draftId: scope.draftId }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const t = translator(language);
  const errors: FieldError[] = [];
  for (const ref of refs) {
    const row = byId.get(ref.id);
    if (!row) errors.push({ pointer: ref.pointer, code: 'attachments.unknown', message: t('attachments.unknown') });
    else if (fieldPathOf(compiled, row.fieldPath) !== ref.field) errors.push({ pointer: ref.pointer, code: 'attachments.wrongField', message: t('attachments.wrongField') });
  }
  return { ids: [...byId.keys()], errors };
}
