import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'An operator-edited text of one action of the transition (e-mail, App IO), for this pratica only' })
export class TextOverrideInput {
  @Field(() => Int, { description: 'Index of the action in the transition\'s actions' }) actionIndex!: number;
  @Field(() => String, { nullable: true }) subject?: string;
  @Field(() => String, { nullable: true }) body?: string;
}

@InputType()
export class TransitionPraticaInput {
  @Field(() => ID) praticaId!: string;
  @Field({ description: 'Id of a transition of the pratica\'s workflow' }) transitionId!: string;
  @Field(() => Int, { description: 'The rowVersion the caller saw: a stale one is CONFLICT with the current state' }) rowVersion!: number;
  @Field(() => String, { nullable: true, description: 'The reason, written to the history (the citizen sees it in the timeline)' }) comment?: string;
  @Field(() => [TextOverrideInput], { nullable: true }) textOverrides?: TextOverrideInput[];
}

@ObjectType({ description: 'A transition that happened' })
export class TransitionResult {
  @Field(() => ID) praticaId!: string;
  @Field() transitionId!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Int, { description: 'The pratica\'s new rowVersion' }) rowVersion!: number;
  @Field() at!: Date;
}

/** The GraphQL list of overrides as the hook contract's record (key = action index). */
export function overridesOf(list: TextOverrideInput[] | undefined): Record<string, { subject?: string; body?: string }> | undefined {
  if (!list || list.length === 0) return undefined;
  const out: Record<string, { subject?: string; body?: string }> = {};
  for (const o of list) {
    out[String(o.actionIndex)] = {
      ...(o.subject !== undefined && o.subject !== null ? { subject: o.subject } : {}),
      ...(o.body !== undefined && o.body !== null ? { body: o.body } : {}),
    };
  }
  return out;
}
