import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON, GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { PageArgs, connectionOf } from '../graphql/connection.js';

@ObjectType({ description: 'A public administration (Comune, Unione, Regione): the tenant.' })
export class Ente {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field({ description: 'Code in the IPA index (indicepa.gov.it)' }) ipaCode!: string;
  @Field(() => [String]) languages!: string[];
  @Field() defaultLanguage!: string;
  @Field(() => GraphQLJSONObject, { description: 'Colours and logo for the Ente\'s pages' }) branding!: Record<string, unknown>;
  createdAt!: Date;
}

export const EnteConnection = connectionOf(Ente);

@ObjectType({ description: 'A service an Ente has published and enabled, as its current version presents it.' })
export class PublishedService {
  @Field(() => ID, { description: 'The service id (stable across versions)' }) id!: string;
  @Field() slug!: string;
  @Field(() => ID, { description: 'The current version: name it when starting a draft or evaluating' }) versionId!: string;
  @Field(() => Int, { description: 'Version number: 1, 2, ...' }) version!: number;
  @Field({ description: 'The definition\'s own semantic version' }) semver!: string;
  @Field({ description: 'The language of the texts below (the requested one, or the service\'s default)' }) language!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => String, { nullable: true, description: 'The category\'s translation key: stable across languages, usable as a filter' })
  categoryKey!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field() hasFee!: boolean;
  @Field(() => [String], { description: 'Languages the service is available in, default first' }) languages!: string[];
  @Field() publishedAt!: Date;
  /** Not exposed: where the definition is read from. */
  enteId!: string;
  createdAt!: Date;
}

export const PublishedServiceConnection = connectionOf(PublishedService);

@ArgsType()
export class PublishedServicesArgs extends PageArgs {
  @Field() enteSlug!: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the request\'s Accept-Language' }) language?: string;
  @Field(() => String, { nullable: true, description: 'A category key (category.scuola) or its text in the chosen language' })
  category?: string;
  @Field(() => String, { nullable: true, description: 'Words to find in title, description, category or tags (all must match)' })
  search?: string;
}

@ObjectType()
export class EvaluationStep {
  @Field() id!: string;
  @Field() visible!: boolean;
  @Field() complete!: boolean;
  @Field(() => Int) errorCount!: number;
}

@ObjectType({ description: 'An error in the answers: where (JSON pointer), what (i18n key), and the localized text' })
export class EvaluationError {
  @Field() pointer!: string;
  @Field() key!: string;
  @Field() message!: string;
  @Field(() => GraphQLJSON, { nullable: true }) params?: Record<string, unknown>;
}

@ObjectType()
export class EvaluationFee {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Euro cents (up to 10^11: a SafeInt, beyond 32 bits); null when the amount cannot be computed (see error)' }) amountCents!: number | null;
  @Field({ description: 'The payment\'s reason (causale), localized' }) causale!: string;
  @Field(() => Int, { nullable: true }) dueDays!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType()
export class EvaluationRanking {
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field() excluded!: boolean;
  @Field(() => [String], { description: 'Why excluded, localized' }) reasons!: string[];
  @Field(() => [String], { description: 'The exclusion reasons\' keys' }) reasonKeys!: string[];
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType({ description: 'What the engine says about answers: the same verdict the server gives at submission' })
export class Evaluation {
  @Field() valid!: boolean;
  @Field(() => [EvaluationStep]) steps!: EvaluationStep[];
  @Field(() => [String], { description: 'JSON pointers of hidden fields' }) hidden!: string[];
  @Field(() => [String], { description: 'JSON pointers of visible fields that must be answered' }) required!: string[];
  @Field(() => GraphQLJSONObject, { description: 'JSON pointer -> value set by compute rules' }) computed!: Record<string, unknown>;
  @Field(() => [EvaluationError]) errors!: EvaluationError[];
  @Field(() => EvaluationFee, { nullable: true }) fee!: EvaluationFee | null;
  @Field(() => EvaluationRanking, { nullable: true }) ranking!: EvaluationRanking | null;
}
