import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf } from '../graphql/connection.js';

// The two lists of the Comuni model's rating (Designers Italia, "design-comuni"), which Comuni
// are assessed against: what went well for 4-5 stars, what was hard for 1-3.

/** What went well (a fixed list; the citizen's side shows each in their language). */
export enum RatingGoodPoint {
  CLEAR_INSTRUCTIONS = 'CLEAR_INSTRUCTIONS',
  COMPLETE_INSTRUCTIONS = 'COMPLETE_INSTRUCTIONS',
  KNEW_PROGRESS = 'KNEW_PROGRESS',
  NO_TECHNICAL_PROBLEMS = 'NO_TECHNICAL_PROBLEMS',
  OTHER = 'OTHER',
}

/** What was hard (a fixed list). */
export enum RatingBadPoint {
  UNCLEAR_INSTRUCTIONS = 'UNCLEAR_INSTRUCTIONS',
  INCOMPLETE_INSTRUCTIONS = 'INCOMPLETE_INSTRUCTIONS',
  UNSURE_PROGRESS = 'UNSURE_PROGRESS',
  TECHNICAL_PROBLEMS = 'TECHNICAL_PROBLEMS',
  OTHER = 'OTHER',
}

/** Where a rating was given. */
export enum RatingSource { PRATICA = 'pratica', SERVICE_PAGE = 'servicePage' }

registerEnumType(RatingGoodPoint, { name: 'RatingGoodPoint', description: 'What went well (a fixed list)' });
registerEnumType(RatingBadPoint, { name: 'RatingBadPoint', description: 'What went badly (a fixed list)' });
registerEnumType(RatingSource, { name: 'RatingSource', description: 'After a pratica\'s receipt, or on the service page' });

export const COMMENT_MAX = 1000;

@InputType({ description: 'A satisfaction rating. Nothing that names the person is stored' })
export class RateServiceInput {
  @Field(() => ID) serviceId!: string;
  @Field(() => ID, { nullable: true, description: 'After the receipt: the caller\'s own pratica of this service (one rating per pratica)' })
  praticaId?: string | null;
  @Field(() => Int, { description: '1 (very bad) to 5 (very good)' }) stars!: number;
  @Field(() => [RatingGoodPoint], { nullable: true }) wentWell?: RatingGoodPoint[] | null;
  @Field(() => [RatingBadPoint], { nullable: true }) wentBadly?: RatingBadPoint[] | null;
  @Field(() => String, { nullable: true, description: `Optional, at most ${COMMENT_MAX} characters` }) comment?: string | null;
}

@ObjectType({ description: 'One rating as the Ente reads it: no person, pratica or time of day' })
export class ServiceRating {
  @Field(() => ID) id!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field(() => RatingSource) source!: RatingSource;
  @Field(() => Int) stars!: number;
  @Field(() => [RatingGoodPoint]) wentWell!: RatingGoodPoint[];
  @Field(() => [RatingBadPoint]) wentBadly!: RatingBadPoint[];
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field({ description: 'The day (Rome), YYYY-MM-DD' }) ratedOn!: string;
}

export const ServiceRatingConnection = connectionOf(ServiceRating);

@ObjectType()
export class RatingPointCount {
  @Field() point!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A service\'s ratings: totals, and the ratings themselves through `list`' })
export class ServiceRatings {
  @Field(() => ID) serviceId!: string;
  @Field(() => ID, { nullable: true, description: 'The version asked for; null: all versions' }) versionId!: string | null;
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true, description: 'Mean of the stars; null without ratings' }) average!: number | null;
  @Field(() => [Int], { description: 'How many ratings gave 1, 2, 3, 4, 5 stars (five numbers)' }) starCounts!: number[];
  @Field(() => [RatingPointCount], { description: 'Each good point and how many chose it, most chosen first' }) wentWell!: RatingPointCount[];
  @Field(() => [RatingPointCount], { description: 'Each bad point and how many chose it, most chosen first' }) wentBadly!: RatingPointCount[];
}

@ArgsType()
export class ServiceRatingsArgs {
  @Field(() => ID) serviceId!: string;
  @Field(() => ID, { nullable: true, description: 'Only this version of the service' }) versionId?: string | null;
}
