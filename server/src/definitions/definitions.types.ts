import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { connectionOf } from '../graphql/connection.js';

@ObjectType({ description: 'A problem in a definition: where (JSON pointer into it), what (stable code), and a message' })
export class DefinitionProblem {
  @Field() pointer!: string;
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => GraphQLJSON, { nullable: true }) params?: Record<string, unknown>;
}

@ObjectType()
export class ValidationResult {
  @Field({ description: 'The definition compiles' }) ok!: boolean;
  @Field({ description: 'It compiles and has every text in every language of the Ente (the publish gate)' }) publishable!: boolean;
  @Field(() => [DefinitionProblem]) problems!: DefinitionProblem[];
  @Field(() => [DefinitionProblem], { description: 'Compile warnings, then what blocks publishing (missing translations)' })
  warnings!: DefinitionProblem[];
}

@ObjectType({ description: 'A template of the global catalogue, from which an Ente starts a service' })
export class CatalogueTemplate {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field() hash!: string;
  @Field(() => [String]) languages!: string[];
  @Field({ description: 'Activated for the caller\'s Ente' }) activated!: boolean;
  @Field() updatedAt!: Date;
}

export const CatalogueTemplateConnection = connectionOf(CatalogueTemplate);

@ObjectType({ description: 'A catalogue template activated for an Ente' })
export class EnteTemplate {
  @Field(() => ID) templateId!: string;
  @Field() activatedAt!: Date;
  @Field(() => CatalogueTemplate) template!: CatalogueTemplate;
}

@ObjectType({ description: 'A published version: immutable' })
export class ServiceVersion {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field({ description: 'The definition\'s own semantic version' }) semver!: string;
  @Field({ description: 'SHA-256 of the canonical JSON of the definition' }) hash!: string;
  @Field() publishedAt!: Date;
  @Field(() => ID) publishedById!: string;
  @Field() publishedByName!: string;
}

export const ServiceVersionConnection = connectionOf(ServiceVersion);

@ObjectType({ description: 'One of the Ente\'s services as its designers see it: the working copy and its versions' })
export class DesignerService {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field(() => Int, { description: 'Changes with every save of the working copy: send it back to save (optimistic check)' }) revision!: number;
  @Field({ description: 'Publication on/off' }) enabled!: boolean;
  @Field(() => Int, { nullable: true, description: 'Number of the published version citizens use' }) currentVersion!: number | null;
  @Field(() => ID, { nullable: true }) currentVersionId!: string | null;
  @Field(() => ID, { nullable: true }) templateId!: string | null;
  @Field(() => GraphQLJSON) workingCopy!: unknown;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  /** Not exposed: the scope for the versions field. */
  enteId!: string;
}

export const DesignerServiceConnection = connectionOf(DesignerService);

@InputType()
export class CreateServiceFromTemplateInput {
  @Field(() => ID) templateId!: string;
  @Field() slug!: string;
}

@InputType()
export class CreateServiceInput {
  @Field() slug!: string;
  @Field(() => String, { nullable: true, description: 'The service\'s title in `language` (default: the slug)' }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'The definition\'s default language (default: the Ente\'s)' }) language?: string | null;
}

@InputType()
export class UpdateWorkingCopyInput {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLJSON) definition!: unknown;
  @Field(() => Int, { description: 'The revision this edit started from' }) revision!: number;
}

@InputType()
export class ImportServiceInput {
  @Field() slug!: string;
  @Field(() => GraphQLJSON, { description: 'A definition as exportService gives it' }) definition!: unknown;
}
