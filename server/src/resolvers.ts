import type { ClassType, NonEmptyArray } from 'type-graphql';
import { HealthResolver } from './graphql/health.resolver.js';
import { DevLoginResolver, SessionResolver } from './identity/session.resolver.js';
import { DevClockResolver } from './dev/dev-clock.resolver.js';
import { ApiKeyResolver } from './identity/api-key.resolver.js';
import { OperatorResolver } from './enti/operator.resolver.js';
import { InvitationResolver } from './enti/invitation.resolver.js';
import { OfficeResolver } from './enti/office.resolver.js';
import { EnteResolver } from './enti/ente.resolver.js';
import { CatalogueResolver } from './catalogue/catalogue.resolver.js';
import { DefinitionsResolver } from './definitions/definitions.resolver.js';
import { TemplatesResolver } from './definitions/templates.resolver.js';
import { PrefillResolver } from './registries/prefill.resolver.js';
import { DraftsResolver } from './drafts/drafts.resolver.js';
import { PraticheResolver } from './pratiche/pratiche.resolver.js';
import { OutboxResolver } from './outbox/outbox.resolver.js';
import { ProtocolResolver } from './protocol/protocol.resolver.js';
import { WorkflowResolver } from './workflow/workflow.resolver.js';
import { OfficeDataResolver } from './office-data/office-data.resolver.js';
import { PaymentsResolver } from './payments/payments.resolver.js';
import { PushResolver } from './push/push.resolver.js';
import { TimelineResolver } from './timeline/timeline.resolver.js';
import { DocumentsResolver } from './documents/documents.resolver.js';
import { GraduatoriaPreviewResolver, GraduatorieResolver } from './graduatorie/graduatorie.resolver.js';
import { RatingsResolver } from './ratings/ratings.resolver.js';
import { DeskResolver } from './desk/desk.resolver.js';
import { RoutingResolver } from './desk/routing.resolver.js';

/** Every resolver class of the API; each area contributes its own. */
export const resolvers: NonEmptyArray<ClassType> = [HealthResolver, SessionResolver, ApiKeyResolver, OperatorResolver, InvitationResolver, OfficeResolver, EnteResolver, CatalogueResolver, DefinitionsResolver, TemplatesResolver, PrefillResolver, DraftsResolver, PraticheResolver, OutboxResolver, ProtocolResolver, GraduatorieResolver, GraduatoriaPreviewResolver, WorkflowResolver, RatingsResolver, OfficeDataResolver, PaymentsResolver, PushResolver, TimelineResolver, DeskResolver, RoutingResolver, DocumentsResolver];

/** Development-only operations (demo login): added to the schema unless NODE_ENV=production. */
export const devResolvers: ClassType[] = [DevLoginResolver, DevClockResolver];
