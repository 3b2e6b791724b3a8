import { Prisma } from '../generated/prisma/client.js';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';

export interface NewRating {
  enteId: string; serviceId: string; serviceVersionId: string; source: string; stars: number;
  wentWell: string[]; wentBadly: string[]; comment: string | null; ratedOn: Date; raterDigest: string;
}

/** What the Ente may read of a rating: never the rater's digest. */
const ratingSelect = {
  id: true, serviceVersionId: true, source: true, stars: true, wentWell: true, wentBadly: true, comment: true, ratedOn: true,
  serviceVersion: { select: { number: true } },
} as const;

export type RatingRow = Prisma.ServiceRatingGetPayload<{ select: typeof ratingSelect }>;

/** The Ente's scope (and the service's) sits in every read. */
interface Scope { enteId: string; serviceId: string; versionId: string | null }
const whereOf = (s: Scope) => ({ enteId: s.enteId, serviceId: s.serviceId, ...(s.versionId ? { serviceVersionId: s.versionId } : {}) });

export const ratingsRepository = {
  /** False when the digest is already there (a second rating of the same pratica or rater). */
  async insert(db: Tx, rating: NewRating): Promise<boolean> {
    // ON CONFLICT DO NOTHING: the unique digest decides, also between two concurrent requests.
    const { count } = await db.serviceRating.createMany({ data: [rating], skipDuplicates: true });
    return count === 1;
  },

  serviceOfEnte(db: Tx, enteId: string, serviceId: string): Promise<{ id: string } | null> {
    return db.service.findFirst({ where: { id: serviceId, enteId }, select: { id: true } });
  },

  versionOfService(db: Tx, enteId: string, serviceId: string, versionId: string): Promise<{ id: string } | null> {
    return db.serviceVersion.findFirst({ where: { id: versionId, serviceId, enteId }, select: { id: true } });
  },

  /** The citizen's own pratica of the service, with its version. */
  praticaOf(db: Tx, citizenId: string, praticaId: string, serviceId: string): Promise<{ id: string; enteId: string; serviceVersionId: string } | null> {
    return db.pratica.findFirst({ where: { id: praticaId, citizenId, serviceId }, select: { id: true, enteId: true, serviceVersionId: true } });
  },

  async starCounts(db: Tx, scope: Scope): Promise<Array<{ stars: number; count: number }>> {
    const groups = await db.serviceRating.groupBy({ by: ['stars'], where: whereOf(scope), _count: { _all: true } });
    return groups.map((g) => ({ stars: g.stars, count: g._count._all }));
  },

  /** How often each point was chosen (`column`: went_well or went_badly). */
  pointCounts(db: Tx, scope: Scope, column: 'went_well' | 'went_badly'): Promise<Array<{ point: string; count: number }>> {
    const version = scope.versionId ? Prisma.sql`AND service_version_id = ${scope.versionId}::uuid` : Prisma.empty;
    return db.$queryRaw<Array<{ point: string; count: number }>>`
      SELECT point, count(*)::int AS count
      FROM service_ratings, unnest(${Prisma.raw(column)}) AS point
      WHERE ente_id = ${scope.enteId}::uuid AND service_id = ${scope.serviceId}::uuid ${version}
      GROUP BY point ORDER BY count DESC, point`;
  },

  async list(db: Tx, scope: Scope, page: Page): Promise<{ rows: RatingRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      db.serviceRating.findMany({
        where: { ...whereOf(scope), ...afterPosition(page.after, 'ratedOn') },
        orderBy: newestFirst('ratedOn'), take: page.take + 1, select: ratingSelect,
      }),
      db.serviceRating.count({ where: whereOf(scope) }),
    ]);
    return { rows, total };
  },
};
