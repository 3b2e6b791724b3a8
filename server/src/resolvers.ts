import type { NonEmptyArray } from 'type-graphql';
import { HealthResolver } from './graphql/health.resolver.js';

/** Every resolver class of the API; each area contributes its own. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [HealthResolver];
