import type { Database } from './db/database.js';
import type { ServerConfig } from './config.js';
import { SessionTokens } from './identity/session-token.js';
import { CompiledCache } from './definitions/compiled-cache.js';
import { ApiKeyService } from './identity/api-key.service.js';
import { createIdentityServices, type IdentityServices } from './identity/identity.service.js';
import { createEntiServices, type EntiServices } from './enti/enti.services.js';
import { CatalogueService } from './catalogue/catalogue.service.js';
import { DefinitionsService } from './definitions/definitions.service.js';
import { ServiceVersions } from './drafts/service-version.js';
import { DraftsService } from './drafts/drafts.service.js';
import { GraduatorieService } from './graduatorie/graduatorie.service.js';
import { PraticheService } from './pratiche/pratiche.service.js';
import { OfficeDataService } from './office-data/office-data.service.js';
import { TimelineService } from './timeline/timeline.service.js';
import { PrefillService } from './registries/prefill.service.js';
import { createRegistries } from './registries/registry-factory.js';
import { AttachmentsService } from './storage/attachments.service.js';
import { LocalDiskStorage } from './storage/local-disk-storage.js';
import { systemClock, type Clock } from './shared/clock.js';
import { OutboxService } from './outbox/outbox.service.js';
import { createDeliverers } from './outbox/outbox-factory.js';
import { createProtocol } from './protocol/protocol-factory.js';
import { ProtocolService } from './protocol/protocol.service.js';
import { TransitionHooks } from './workflow/transition-hooks.js';
import { WorkflowService } from './workflow/workflow.service.js';
import { SlaWatch } from './workflow/sla-watch.js';
import { RatingsService } from './ratings/ratings.service.js';
import { PaymentsService } from './payments/payments.service.js';
import { PushService } from './push/push.service.js';
import { DeskService } from './desk/desk.service.js';
import { AssignmentService } from './desk/assignment.service.js';
import { RoutingService } from './desk/routing.service.js';
import { DocumentsService } from './documents/documents.service.js';

/**
 * The domain services, built once at start and handed to resolvers through the context.
 * Each area adds its service here; external systems are chosen by configuration in their
 * area's port factory.
 */
export interface Services {
  config: ServerConfig;
  db: Database;
  databaseLabel: string;
  /** The one clock: every "now" and "today" (Rome's date, shared/clock.ts) of the services comes from it. */
  clock: Clock;
  tokens: SessionTokens;
  compiled: CompiledCache;
  /** Public catalogue: Enti, published services, evaluation (catalogue area). */
  catalogue: CatalogueService;
  /** Designers' services, templates, versions (definitions area). */
  definitions: DefinitionsService;
  /** Prefill from the identity and the registries (registries area); `registries` is swappable in tests. */
  prefill: PrefillService;
  /** Citizens' drafts (drafts area). */
  drafts: DraftsService;
  /** Submission and the citizen's pratiche (pratiche area). */
  pratiche: PraticheService;
  /** Office fields of pratiche, with fee and ranking recomputed (office-data area). */
  officeData: OfficeDataService;
  /** Pratiche's timelines, the office's messages, the citizen's replies (timeline area). */
  timeline: TimelineService;
  /** Rankings of a service's pratiche, previewed and published (graduatorie area). */
  graduatorie: GraduatorieService;
  /** Attachments behind the storage port (storage area). */
  attachments: AttachmentsService;
  /** API keys for third parties: verify (authenticate.ts) and their administration (identity area). */
  apiKeys: ApiKeyService;
  /** Sessions and logins (dev, OIDC) (identity area). */
  identity: IdentityServices;
  /** Enti, their offices, members and roles, invitations (enti area). */
  enti: EntiServices;
  /** Transitions of pratiche through their workflow (workflow area). */
  workflow: WorkflowService;
  /** What every transition sets off, inside its transaction (the outbox registers here). */
  transitionHooks: TransitionHooks;
  /** SLA alarms to supervisors (swept each minute by main.ts). */
  slaWatch: SlaWatch;
  /** Actions to deliver (transition actions, alarms), their workers, failed ones for supervisors (outbox area). */
  outbox: OutboxService;
  /** The built-in protocol register: records, annulment (protocol area). */
  protocol: ProtocolService;
  /** Citizens' satisfaction ratings, anonymous; the Ente's results (ratings area). */
  ratings: RatingsService;
  /** Payment requests of pratiche, as transitions record them (payments area). */
  payments: PaymentsService;
  /** Citizens' Web Push subscriptions (push area; the outbox's push deliverer sends to them). */
  push: PushService;
  /** The back office's desk: lists, search, one pratica's audited data, its audit trail (desk area). */
  desk: DeskService;
  /** Take, assign, reassign pratiche (desk area). */
  assignments: AssignmentService;
  /** Which office receives each service's new pratiche (desk area; applied at submission). */
  routing: RoutingService;
  /** Documents generated for pratiche (the outcome letter): listed and downloaded (documents area). */
  documents: DocumentsService;
}

/** `clock` is the system's in production; tests pass one they can move (test-support/movable-clock.ts). */
export function createServices(db: Database, config: ServerConfig, databaseLabel: string, clock: Clock = systemClock): Services {
  const compiled = new CompiledCache();
  const tokens = new SessionTokens(db.prisma, config.sessionSecret, config.sessionTtlSeconds, clock);
  const versions = new ServiceVersions(db.prisma, compiled);
  const prefill = new PrefillService(db.prisma, createRegistries(config.registries, db.prisma, clock), versions);
  const transitionHooks = new TransitionHooks();
  const storage = new LocalDiskStorage(config.storageDir);
  const outbox = new OutboxService(db.prisma, config.outbox, createDeliverers(config.delivery, { prisma: db.prisma, clock, protocol: createProtocol(config.protocol, db.prisma, clock), push: config.push, storage }), clock);
  // The outbox writes each transition's actions in the transition's own transaction.
  transitionHooks.register(outbox.transitionActionsHook);
  const workflow = new WorkflowService(db.prisma, versions, transitionHooks, clock);
  const attachments = new AttachmentsService(db.prisma, versions, storage, config.uploadMaxBytes);
  return {
    config, db, databaseLabel, clock,
    tokens,
    compiled,
    apiKeys: new ApiKeyService(db.prisma, clock),
    identity: createIdentityServices(db.prisma, tokens, config),
    enti: createEntiServices(db.prisma, tokens, clock),
    catalogue: new CatalogueService(db.prisma, compiled, clock),
    definitions: new DefinitionsService(db.prisma, config.uploadMaxBytes),
    prefill,
    drafts: new DraftsService(db.prisma, versions, clock),
    pratiche: new PraticheService(db.prisma, versions, prefill, clock),
    graduatorie: new GraduatorieService(db.prisma, versions, clock),
    officeData: new OfficeDataService(db.prisma, versions, clock),
    attachments,
    outbox,
    protocol: new ProtocolService(db.prisma, clock),
    workflow,
    timeline: new TimelineService(db.prisma, versions, workflow, clock, (tx, message) => outbox.notifyMessage(tx, message)),
    transitionHooks,
    slaWatch: new SlaWatch(db.prisma, outbox.enqueue, clock),
    ratings: new RatingsService(db.prisma, versions, clock, config.sessionSecret),
    payments: new PaymentsService(db.prisma),
    push: new PushService(db.prisma, config.push, clock),
    // The storage is read through the attachments service: tests swap it there.
    desk: new DeskService(db.prisma, versions, () => attachments.storage, clock),
    assignments: new AssignmentService(db.prisma, clock),
    routing: new RoutingService(db.prisma, versions, clock),
    documents: new DocumentsService(db.prisma, storage),
  };
}

