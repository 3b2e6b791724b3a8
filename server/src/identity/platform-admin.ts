import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { isUniqueViolation } from '../shared/prisma.js';
import { normalizeFiscalCode } from '../shared/input-check.js';
import { platformAdminRepository as repo } from './platform-admin.repository.js';

export interface PlatformAdminInput { fiscalCode: string; givenName?: string; familyName?: string; email?: string }

export type PlatformAdminOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * Makes the person with this fiscal code a platform administrator: the way the first one comes
 * to exist on a production install (`sportello admin create`), since production seeds nobody.
 * The person logs in through SPID/CIE; the login finds them by fiscal code. Idempotent.
 */
export async function makePlatformAdmin(prisma: PrismaClient, input: PlatformAdminInput): Promise<{ userId: string; outcome: PlatformAdminOutcome }> {
  const fiscalCode = normalizeFiscalCode(input.fiscalCode);
  if (!fiscalCode) throw new Error(`"${input.fiscalCode}" is not a valid personal fiscal code (16 characters, check character included)`);
  const run = () => prisma.$transaction(async (tx) => {
    const existing = await repo.byFiscalCode(tx, fiscalCode);
    if (existing?.platformAdmin) return { userId: existing.id, outcome: 'unchanged' as const };
    const user = existing ? await repo.promote(tx, existing.id) : await repo.create(tx, {
      fiscalCode, givenName: input.givenName?.trim() ?? '', familyName: input.familyName?.trim() ?? '', email: input.email?.trim().toLowerCase() || null,
    });
    const outcome = existing ? 'promoted' as const : 'created' as const;
    await auditService.record(tx, { enteId: null, actorKind: 'system', action: 'platform.adminGranted', subjectType: 'User', subjectId: user.id, data: { outcome, by: 'cli' } });
    return { userId: user.id, outcome };
  });
  try {
    return await run();
  } catch (e) {
    // The same command twice at once, or an e-mail someone already has: say which, not a stack.
    if (!isUniqueViolation(e)) throw e;
    if (input.email) throw new Error(`the e-mail ${input.email} belongs to another person: leave --email out`);
    return run();
  }
}
