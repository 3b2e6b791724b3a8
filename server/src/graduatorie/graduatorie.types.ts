import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from '../graphql/connection.js';

export enum GraduatoriaKind { PROVISIONAL = 'PROVISIONAL', FINAL = 'FINAL' }
registerEnumType(GraduatoriaKind, { name: 'GraduatoriaKind', description: 'A provisional list (appeals may follow) or the final one (at most one per service, after a provisional)' });

@ObjectType({ description: 'One line of a graduatoria. The applicant appears by pratica code and protocol number only, never by name or ISEE' })
export class GraduatoriaRow {
  @Field(() => Int, { description: '1-based place in the whole list: admitted pratiche first, then the excluded ones' }) position!: number;
  @Field(() => Int, { nullable: true, description: 'Place among the admitted; null when excluded' }) rank!: number | null;
  @Field() praticaCode!: string;
  @Field(() => String, { nullable: true }) protocolNumber!: string | null;
  @Field(() => Float, { nullable: true, description: 'Null when the score could not be computed (ranked after the scored ones)' }) score!: number | null;
  @Field() excluded!: boolean;
  @Field(() => [String], { description: 'Why the pratica is excluded, in the request\'s language (the service\'s own texts)' }) exclusionReasons!: string[];
}

@ObjectType('GraduatoriaRowEdge')
export class GraduatoriaRowEdge {
  @Field() cursor!: string;
  @Field(() => GraduatoriaRow) node!: GraduatoriaRow;
}

@ObjectType('GraduatoriaRowConnection', { description: 'Rows in list order' })
export class GraduatoriaRowConnection {
  @Field(() => [GraduatoriaRowEdge]) edges!: GraduatoriaRowEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'A published, immutable graduatoria of a service' })
export class Graduatoria {
  @Field(() => ID) id!: string;
  @Field(() => ID) serviceId!: string;
  @Field({ description: 'The service\'s title in the request\'s language' }) serviceTitle!: string;
  @Field(() => ID, { description: 'The version whose ranking rules made the list' }) versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field(() => GraduatoriaKind) kind!: GraduatoriaKind;
  @Field(() => Int, { description: '1, 2, ... per service, in order of publication' }) number!: number;
  @Field({ description: 'The date the rules were evaluated on (YYYY-MM-DD, Europe/Rome)' }) referenceDate!: string;
  @Field(() => [String], { description: 'Workflow states whose pratiche were left out' }) leftOutStates!: string[];
  @Field(() => Int) rowCount!: number;
  @Field(() => Int) admittedCount!: number;
  @Field(() => Int) excludedCount!: number;
  @Field() publishedAt!: Date;
  @Field(() => GraduatoriaRowConnection, { description: 'The rows, in order (field resolver; page with first/after)' }) rows?: GraduatoriaRowConnection;
  @Field({ description: 'The whole list as RFC 4180 CSV (UTF-8, CRLF; headers in the request\'s language)' }) csv?: string;
}

export const GraduatoriaConnection = (() => {
  @ObjectType('GraduatoriaEdge')
  class Edge {
    @Field() cursor!: string;
    @Field(() => Graduatoria) node!: Graduatoria;
  }
  @ObjectType('GraduatoriaConnection', { description: 'Publications of a service, newest first' })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return Connection;
})();

@ObjectType({ description: 'What publishing now would give: computed, not stored' })
export class GraduatoriaPreview {
  @Field(() => ID) serviceId!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field() referenceDate!: string;
  @Field(() => [String]) leftOutStates!: string[];
  @Field(() => Int) rowCount!: number;
  @Field(() => Int) admittedCount!: number;
  @Field(() => Int) excludedCount!: number;
  @Field(() => GraduatoriaRowConnection, { description: 'The rows, in order (page with first/after)' }) rows?: GraduatoriaRowConnection;
  /** The whole computed list, for the rows field (not in the schema). */
  list!: { rows: Array<GraduatoriaRow & { praticaId: string }>; };
}

@ObjectType({ description: 'A field a score term or a tie-breaker reads' })
export class ExplainedField {
  @Field({ description: 'Its name in the logic: a path of the answers, or $office.<name> for an office field' }) name!: string;
  @Field({ description: 'Its label in the request\'s language (the name when the service has none)' }) label!: string;
}

@ObjectType({ description: 'One addend of the score and the points it gave' })
export class ScoreTermPoints {
  @Field(() => Int) index!: number;
  @Field({ description: 'JSON pointer of the term in the definition' }) pointer!: string;
  @Field(() => GraphQLJSON, { description: 'The term as JSON Logic' }) expression!: unknown;
  @Field(() => [ExplainedField]) fields!: ExplainedField[];
  @Field(() => Float, { nullable: true, description: 'Null when the term could not be computed' }) points!: number | null;
}

@ObjectType()
export class ExclusionHeld {
  @Field({ description: 'The reason\'s key in the service\'s translations' }) reason!: string;
  @Field({ description: 'The reason in the request\'s language' }) message!: string;
}

@ObjectType({ description: 'A tie-breaker, in order, with the value this pratica had' })
export class TieBreakerValue {
  @Field(() => Int) index!: number;
  @Field() field!: string;
  @Field() label!: string;
  @Field({ description: 'asc: the lower value ranks first' }) direction!: string;
  @Field(() => GraphQLJSON, { nullable: true }) value!: unknown;
}

@ObjectType({ description: 'Why a row of a published graduatoria has its score and place: every term, every exclusion, every tie-breaker' })
export class GraduatoriaRowExplanation {
  @Field(() => ID) graduatoriaId!: string;
  @Field(() => GraduatoriaRow) row!: GraduatoriaRow;
  @Field(() => [ScoreTermPoints]) terms!: ScoreTermPoints[];
  @Field(() => [ExclusionHeld]) exclusions!: ExclusionHeld[];
  @Field(() => [TieBreakerValue]) tieBreakers!: TieBreakerValue[];
}

@ObjectType({ description: 'Where one of the citizen\'s pratiche stands in a published graduatoria' })
export class GraduatoriaPosition {
  @Field(() => ID) graduatoriaId!: string;
  @Field(() => GraduatoriaKind) kind!: GraduatoriaKind;
  @Field(() => Int) number!: number;
  @Field() publishedAt!: Date;
  @Field(() => ID) serviceId!: string;
  @Field() serviceTitle!: string;
  @Field(() => ID) praticaId!: string;
  @Field(() => Int) rowCount!: number;
  @Field(() => Int) admittedCount!: number;
  @Field(() => GraduatoriaRow) row!: GraduatoriaRow;
}
