import { catalogueChanged } from '../shared/publication-events.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { notFound } from '../shared/domain-error.js';
import { isUniqueViolation } from '../shared/prisma.js';
import { enteRepository as repo } from './ente.repository.js';
import type { CreateEnteInput, EnteDetails, UpdateEnteInput } from './ente.types.js';
import { duplicate, InputCheck } from '../shared/input-check.js';
import type { InvitationService } from './invitation.service.js';
import { checkPerson } from './operator.service.js';
import { enteScope } from '../access/policy.js';
import { auditActor, type Viewer } from '../access/viewer.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPA_CODE = /^[a-z0-9_]{2,32}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const MAX_BRANDING_CHARS = 20_000;

type Row = NonNullable<Awaited<ReturnType<typeof repo.find>>>;
const details = (row: Row): EnteDetails => ({ ...row, branding: row.branding as Record<string, unknown>, adminInvitation: null });

function checkLanguages(check: InputCheck, languages: string[], defaultLanguage: string): void {
  check.nonEmpty('/languages', languages);
  if (languages.length > 30) check.add('/languages', 'tooMany', { max: 30 });
  languages.forEach((l, i) => { if (!LANGUAGE.test(l)) check.add(`/languages/${i}`, 'language'); });
  if (languages.length && !languages.includes(defaultLanguage)) check.add('/defaultLanguage', 'defaultLanguage');
}

/** Enti: created by the platform admin, configured by their own admin. */
export class EnteService {
  constructor(private readonly prisma: PrismaClient, private readonly invitations: InvitationService) {}

  async create(viewer: Viewer, input: CreateEnteInput, language: string): Promise<EnteDetails> {
    const check = new InputCheck(language);
    const slug = check.pattern('/slug', input.slug.toLowerCase(), SLUG, 'slug');
    const name = check.text('/name', input.name, 200);
    const ipaCode = check.pattern('/ipaCode', input.ipaCode.toLowerCase(), IPA_CODE, 'ipaCode');
    const fiscalCode = check.partitaIva('/fiscalCode', input.fiscalCode);
    const languages = [...new Set(input.languages ?? ['it'])];
    const defaultLanguage = input.defaultLanguage ?? languages[0] ?? 'it';
    checkLanguages(check, languages, defaultLanguage);
    const admin = input.admin ? checkPerson(check, input.admin, '/admin') : null;
    check.done();
    try {
      const created = await this.prisma.$transaction(async (tx) => {
        const taken = await repo.taken(tx, slug, ipaCode);
        if (taken.slug) throw duplicate(language, '/slug', 'slug');
        if (taken.ipaCode) throw duplicate(language, '/ipaCode', 'ipaCode');
        const ente = await repo.create(tx, { slug, name, ipaCode, fiscalCode, languages, defaultLanguage });
        // The Ente's own chain starts with its creation.
        await auditService.record(tx, { enteId: ente.id, ...auditActor(viewer), action: 'ente.created', subjectType: 'Ente', subjectId: ente.id, data: { slug, name, ipaCode, fiscalCode } });
        // The first admin is invited like anyone else: an ADMIN role only once they accept.
        const adminInvitation = admin ? await this.invitations.create(tx, viewer, ente.id, admin, ['ADMIN'], null) : null;
        return { ...details(ente), adminInvitation };
      });
      catalogueChanged(created.id); // the list of Enti changed
      return created;
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate(language, '/slug', 'slug');
      throw e;
    }
  }

  async update(viewer: Viewer, input: UpdateEnteInput, language: string): Promise<EnteDetails> {
    const { enteId } = enteScope(viewer);
    const updated = await this.updateNow(enteId, viewer, input, language);
    catalogueChanged(enteId);
    return updated;
  }

  private updateNow(enteId: string, viewer: Viewer, input: UpdateEnteInput, language: string): Promise<EnteDetails> {
    return this.prisma.$transaction(async (tx) => {
      const current = await repo.find(tx, enteId);
      if (!current) throw notFound('Ente', enteId);
      const check = new InputCheck(language);
      const data: { name?: string; languages?: string[]; defaultLanguage?: string; branding?: object } = {};
      if (input.name != null) data.name = check.text('/name', input.name, 200);
      if (input.languages != null) data.languages = [...new Set(input.languages)];
      if (input.defaultLanguage != null) data.defaultLanguage = input.defaultLanguage;
      if (data.languages || data.defaultLanguage) checkLanguages(check, data.languages ?? current.languages, data.defaultLanguage ?? current.defaultLanguage);
      if (input.branding != null) {
        if (canonicalJson(input.branding).length > MAX_BRANDING_CHARS) check.add('/branding', 'tooLarge', { max: MAX_BRANDING_CHARS });
        data.branding = input.branding;
      }
      check.done();
      if (Object.keys(data).length === 0) return details(current);
      const ente = await repo.update(tx, enteId, data);
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'ente.updated', subjectType: 'Ente', subjectId: enteId, data: { fields: Object.keys(data) } });
      return details(ente);
    });
  }
}

