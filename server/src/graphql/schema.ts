import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from '../access/policy.js';
import { devResolvers, resolvers } from '../resolvers.js';

const built = new Map<boolean, Promise<GraphQLSchema>>();

/**
 * The API's schema from the type-graphql classes; built once per process and kind. The
 * production schema has no development operations (devUsers, devLogin); server/schema.graphql
 * is the development one, a superset (schema-drift.test.ts checks both).
 */
export function buildApiSchema(options: { production?: boolean } = {}): Promise<GraphQLSchema> {
  const production = options.production ?? false;
  let schema = built.get(production);
  if (!schema) {
    schema = buildSchema({ resolvers: production ? resolvers : [...resolvers, ...devResolvers] as typeof resolvers, authChecker, authMode: 'error', validate: false });
    built.set(production, schema);
  }
  return schema;
}
