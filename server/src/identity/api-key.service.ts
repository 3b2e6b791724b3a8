import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import { sha256Hex } from '../shared/canonical-json.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { DomainError, notFound } from '../shared/domain-error.js';
import { apiKeyRepository as repo } from './api-key.repository.js';
import type { ApiKey, CreateApiKeyInput } from './api-key.types.js';
import { InputCheck, isUuid } from '../shared/input-check.js';
import { enteScope } from '../access/policy.js';
import { API_SCOPES, auditActor, type ApiScope, type Viewer } from '../access/viewer.js';

const KEY = /^spk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const TOUCH_EVERY_MS = 60_000;

const invalidKey = () => new DomainError('UNAUTHENTICATED', 'error.invalidApiKey');
const asApiKey = <T extends { scopes: string[] }>(row: T) => ({ ...row, scopes: row.scopes as ApiScope[] });

/**
 * API keys for third parties. A key is `spk_<prefix>_<secret>`; only the prefix (to find it)
 * and the sha256 of the whole key are stored, so a database leak gives no usable key.
 */
export class ApiKeyService {
  constructor(private readonly prisma: PrismaClient, private readonly clock: Clock = systemClock) {}

  async verify(key: string): Promise<Viewer> {
    const match = KEY.exec(key);
    if (!match) throw invalidKey();
    const row = await repo.byPrefix(this.prisma, match[1]!);
    if (!row || row.revokedAt || !timingSafeEqual(Buffer.from(row.secretHash), Buffer.from(sha256Hex(key)))) throw invalidKey();
    const now = this.clock();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
      await repo.touch(this.prisma, row.id, now, new Date(now.getTime() - TOUCH_EVERY_MS));
    }
    return { apiKey: { id: row.id, scopes: row.scopes as ApiScope[] }, enteId: row.enteId, roles: [], platformAdmin: false };
  }

  async create(viewer: Viewer, input: CreateApiKeyInput, language: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const { enteId } = enteScope(viewer);
    const check = new InputCheck(language);
    const name = check.text('/name', input.name, 100);
    const scopes = check.nonEmpty('/scopes', input.scopes).filter((s) => API_SCOPES.includes(s));
    check.done();
    const prefix = randomBytes(6).toString('hex');
    const secret = `spk_${prefix}_${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.prisma.$transaction(async (tx) => {
      const row = await repo.create(tx, { enteId, name, prefix, secretHash: sha256Hex(secret), scopes, createdById: viewer.userId! });
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'apiKey.created', subjectType: 'ApiKey', subjectId: row.id, data: { name, prefix, scopes } });
      return row;
    });
    return { apiKey: asApiKey(apiKey), secret };
  }

  async revoke(viewer: Viewer, id: string): Promise<ApiKey> {
    const { enteId } = enteScope(viewer);
    if (!isUuid(id)) throw notFound('ApiKey', id);
    return this.prisma.$transaction(async (tx) => {
      const { count } = await repo.revoke(tx, id, enteId, this.clock());
      const row = await repo.find(tx, id, enteId);
      if (!row) throw notFound('ApiKey', id);
      if (count) await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'apiKey.revoked', subjectType: 'ApiKey', subjectId: id, data: { prefix: row.prefix } });
      return asApiKey(row);
    });
  }

  async list(viewer: Viewer, args: PageArgs) {
    const { enteId } = enteScope(viewer);
    const page = pageOf(args);
    const { rows, total } = await repo.page(this.prisma, enteId, page);
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), asApiKey);
  }
}
