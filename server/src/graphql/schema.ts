import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from '../identity/policy.js';
import { resolvers } from '../resolvers.js';

let built: Promise<GraphQLSchema> | undefined;

/** The API's schema from the type-graphql classes; built once per process. */
export function buildApiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, authChecker, authMode: 'error', validate: false });
  return built;
}
