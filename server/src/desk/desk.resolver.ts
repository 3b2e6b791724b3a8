import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/connection.js';
import { forbidden } from '../shared/domain-error.js';
import { officeActor } from '../workflow/workflow-actor.js';
import { bulkTransition } from './bulk-transition.js';
import { deskViewer } from './desk-viewer.js';
import {
  AssignPraticaInput, BulkTransitionInput, BulkTransitionItemResult, DeskAttachment, DeskFilter, DeskOrder, DeskPratica, DeskPraticaConnection,
  PraticaAuditEntryConnection,
} from './desk.types.js';
import { personalDataReads, type PersonalDataPart } from './personal-data-reads.js';

const reads = personalDataReads;

type Content = Awaited<ReturnType<GraphQLContext['services']['desk']['content']>>;

// A pratica's answers, computed values and office fields are one read per request, however many
// of them (and of the same pratica) the query asks for.
const contentOf = new WeakMap<GraphQLContext, Map<string, Promise<Content>>>();
function content(ctx: GraphQLContext, p: DeskPratica): Promise<Content> {
  let loaded = contentOf.get(ctx);
  if (!loaded) contentOf.set(ctx, (loaded = new Map()));
  let c = loaded.get(p.id);
  if (!c) loaded.set(p.id, (c = ctx.services.desk.content(p)));
  return c;
}

async function audited(ctx: GraphQLContext, p: DeskPratica, part: Exclude<PersonalDataPart, 'attachments' | 'timeline'>): Promise<Record<string, unknown>> {
  const [c] = await Promise.all([content(ctx, p), reads(ctx).record(p.id, part)]);
  return c[part];
}

@Resolver(() => DeskPratica)
export class DeskResolver {
  @Authorized('OPERATOR', 'ADMIN', 'api:pratiche:read')
  @Query(() => DeskPraticaConnection, {
    description: 'The back office\'s desk: pratiche of the caller\'s offices (supervisors, admins and API keys: the whole Ente\'s), filtered, searched, '
      + 'ordered (DUE_DATE by default). A search is recorded in the audit log',
  })
  desk(
    @Arg('filter', () => DeskFilter, { nullable: true }) filter: DeskFilter | undefined,
    @Arg('orderBy', () => DeskOrder, { nullable: true }) orderBy: DeskOrder | undefined,
    @Args() args: PageArgs, @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.services.desk.list(deskViewer(ctx.viewer), filter, orderBy ?? DeskOrder.DUE_DATE, args, ctx.language);
  }

  @Authorized('OPERATOR', 'ADMIN', 'api:pratiche:read')
  @Query(() => DeskPratica, { description: 'One pratica of the caller\'s desk; any other is NOT_FOUND' })
  deskPratica(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<DeskPratica> {
    return ctx.services.desk.get(deskViewer(ctx.viewer), id, ctx.language);
  }

  @Authorized('SUPERVISOR', 'ADMIN')
  @Query(() => PraticaAuditEntryConnection, { description: 'Everything the audit log records about a pratica, oldest first: submission, transitions, assignments, every read of its personal data' })
  praticaAuditTrail(@Arg('praticaId', () => ID) praticaId: string, @Args() args: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.services.desk.auditTrail(deskViewer(ctx.viewer), praticaId, args);
  }

  @Authorized('OPERATOR')
  @Mutation(() => DeskPratica, { description: 'Assigns the pratica to the caller. CONFLICT when rowVersion is stale; FORBIDDEN outside their offices\' pratiche (NOT_FOUND)' })
  async takePratica(@Arg('praticaId', () => ID) praticaId: string, @Arg('rowVersion', () => Int) rowVersion: number, @Ctx() ctx: GraphQLContext): Promise<DeskPratica> {
    const actor = officeActor(ctx.viewer);
    if (!actor.userId) throw forbidden();
    await ctx.services.assignments.assign(actor, { praticaId, rowVersion, assigneeId: actor.userId });
    return ctx.services.desk.get(deskViewer(ctx.viewer), praticaId, ctx.language);
  }

  @Authorized('OPERATOR', 'api:pratiche:write')
  @Mutation(() => DeskPratica, {
    description: 'Assigns, reassigns or unassigns a pratica, and moves it to another office (supervisors and API keys). An operator assigns only to '
      + 'themselves or to a member of the pratica\'s office. CONFLICT when rowVersion is stale',
  })
  async assignPratica(@Arg('input', () => AssignPraticaInput) input: AssignPraticaInput, @Ctx() ctx: GraphQLContext): Promise<DeskPratica> {
    await ctx.services.assignments.assign(officeActor(ctx.viewer), {
      praticaId: input.praticaId, rowVersion: input.rowVersion, assigneeId: input.assigneeId ?? null, comment: input.comment ?? null,
      ...(input.officeId !== undefined ? { officeId: input.officeId } : {}),
    });
    return ctx.services.desk.get(deskViewer(ctx.viewer), input.praticaId, ctx.language);
  }

  @Authorized('OPERATOR', 'api:pratiche:write')
  @Mutation(() => [BulkTransitionItemResult], {
    description: 'Runs one transition on 1-100 pratiche, each in its own transaction; a refusal is the item\'s value (code, key, message), never the whole call\'s error',
  })
  bulkTransitionPratiche(@Arg('input', () => BulkTransitionInput) input: BulkTransitionInput, @Ctx() ctx: GraphQLContext): Promise<BulkTransitionItemResult[]> {
    return bulkTransition(ctx.services.workflow, officeActor(ctx.viewer), input, ctx.language, ctx.log);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The citizen\'s answers as stored (audited read)' })
  answers(@Root() p: DeskPratica, @Ctx() ctx: GraphQLContext) {
    return audited(ctx, p, 'answers');
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'Computed values by JSON pointer (audited read)' })
  computed(@Root() p: DeskPratica, @Ctx() ctx: GraphQLContext) {
    return audited(ctx, p, 'computed');
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'The office fields (audited read)' })
  officeData(@Root() p: DeskPratica, @Ctx() ctx: GraphQLContext) {
    return audited(ctx, p, 'officeData');
  }

  @FieldResolver(() => [DeskAttachment], { description: 'The pratica\'s files (audited read; each download is recorded too)' })
  async attachments(@Root() p: DeskPratica, @Ctx() ctx: GraphQLContext): Promise<DeskAttachment[]> {
    const [files] = await Promise.all([ctx.services.desk.attachments(p), reads(ctx).record(p.id, 'attachments')]);
    return files;
  }
}
