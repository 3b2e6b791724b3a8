import { createHmac } from 'node:crypto';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { ServiceVersions } from '../drafts/service-version.js';
import { romeDate, type Clock } from '../shared/clock.js';
import { conflict, DomainError, fieldProblem, notFound, throwProblems, type FieldError } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import { ratingsRepository as repo, type RatingRow } from './ratings.repository.js';
import { COMMENT_MAX, RatingSource, type RateServiceInput, type ServiceRating, type ServiceRatings } from './ratings.types.js';

/** Who rates: a logged-in person (their id never leaves this service, only a keyed digest of it is stored). */
export interface Rater { userId?: string }

/**
 * Satisfaction ratings of a service version (the Comuni model's rating after a request and on
 * the service page). What is stored cannot lead back to the person: a keyed digest stands for
 * the pratica or the rater, and only the day is kept. The same digest makes a second rating a
 * CONFLICT: one per pratica, one per person and version on the page.
 *
 * Only a logged-in person rates (UNAUTHENTICATED otherwise). A key the browser chose (as before)
 * let anyone mint keys and rate a service any number of times; a key the server issued would
 * only move the problem to its issuing, which nothing scarce limits without the visitor's
 * address. A login is scarce (SPID/CIE: one identity per person) and the stored digest still
 * cannot be turned back into the person, so the rating stays anonymous to the Ente.
 * No audit event either: its actor would name the person.
 */
export class RatingsService {
  private readonly key: Buffer;

  constructor(private readonly db: PrismaClient, private readonly versions: ServiceVersions, private readonly clock: Clock, secret: string) {
    this.key = createHmac('sha256', secret).update('sportello service ratings').digest();
  }

  async rate(rater: Rater, input: RateServiceInput): Promise<boolean> {
    if (!rater.userId) throw new DomainError('UNAUTHENTICATED', 'ratings.loginRequired');
    checkInput(input);
    const service = await this.versions.published(input.serviceId);
    const target = input.praticaId ? await this.praticaTarget(rater, input.praticaId, service.id) : null;
    const versionId = target?.serviceVersionId ?? service.version.id;
    const who = target ? `pratica:${target.id}` : `page:${versionId}:user:${rater.userId}`;
    const stored = await repo.insert(this.db, {
      enteId: service.enteId, serviceId: service.id, serviceVersionId: versionId,
      source: target ? RatingSource.PRATICA : RatingSource.SERVICE_PAGE, stars: input.stars,
      wentWell: unique(input.wentWell ?? []), wentBadly: unique(input.wentBadly ?? []),
      comment: input.comment?.trim() || null,
      ratedOn: new Date(`${romeDate(this.clock())}T00:00:00Z`),
      raterDigest: createHmac('sha256', this.key).update(who).digest('base64url'),
    });
    if (!stored) throw conflict(target ? 'ratings.alreadyRatedPratica' : 'ratings.alreadyRated');
    return true;
  }

  async results(scope: { enteId: string }, serviceId: string, versionId: string | null): Promise<ServiceRatings> {
    const s = await this.scopeOf(scope.enteId, serviceId, versionId);
    const [stars, wentWell, wentBadly] = await Promise.all([
      repo.starCounts(this.db, s), repo.pointCounts(this.db, s, 'went_well'), repo.pointCounts(this.db, s, 'went_badly'),
    ]);
    const starCounts = [1, 2, 3, 4, 5].map((n) => stars.find((g) => g.stars === n)?.count ?? 0);
    const count = starCounts.reduce((a, b) => a + b, 0);
    const sum = starCounts.reduce((a, c, i) => a + c * (i + 1), 0);
    return { serviceId, versionId, count, average: count ? Math.round((sum / count) * 100) / 100 : null, starCounts, wentWell, wentBadly };
  }

  async list(scope: { enteId: string }, serviceId: string, versionId: string | null, args: PageArgs) {
    const s = await this.scopeOf(scope.enteId, serviceId, versionId);
    const page = pageOf(args);
    const { rows, total } = await repo.list(this.db, s, page);
    return toConnection(rows, page, total, (r) => ({ at: r.ratedOn, id: r.id }), view);
  }

  private async praticaTarget(rater: Rater, praticaId: string, serviceId: string) {
    const pratica = rater.userId && isUuid(praticaId) ? await repo.praticaOf(this.db, rater.userId, praticaId, serviceId) : null;
    if (!pratica) throw notFound('pratica', praticaId);
    return pratica;
  }

  /** The service (and version) only if it is the caller's Ente's: anyone else's is NOT_FOUND. */
  private async scopeOf(enteId: string, serviceId: string, versionId: string | null) {
    if (!isUuid(serviceId) || !(await repo.serviceOfEnte(this.db, enteId, serviceId))) throw notFound('service', serviceId);
    if (versionId !== null && (!isUuid(versionId) || !(await repo.versionOfService(this.db, enteId, serviceId, versionId)))) {
      throw notFound('serviceVersion', versionId);
    }
    return { enteId, serviceId, versionId };
  }
}

function checkInput(input: RateServiceInput): void {
  const problems: FieldError[] = [];
  if (!Number.isInteger(input.stars) || input.stars < 1 || input.stars > 5) {
    problems.push(fieldProblem('/stars', 'range', 'ratings.starsOutOfRange', { min: 1, max: 5 }));
  }
  if (input.comment && [...input.comment].length > COMMENT_MAX) {
    problems.push(fieldProblem('/comment', 'maxLength', 'ratings.commentTooLong', { max: COMMENT_MAX }));
  }
  throwProblems(problems);
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

function view(r: RatingRow): ServiceRating {
  return {
    id: r.id, versionId: r.serviceVersionId, versionNumber: r.serviceVersion.number, source: r.source as RatingSource,
    stars: r.stars, wentWell: r.wentWell as ServiceRating['wentWell'], wentBadly: r.wentBadly as ServiceRating['wentBadly'],
    comment: r.comment, ratedOn: r.ratedOn.toISOString().slice(0, 10),
  };
}
