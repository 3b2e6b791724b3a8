import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const HEADER = '# Generated from the type-graphql classes by `npm run schema:export -w server`. Do not edit.\n\n';

/** The SDL as committed in server/schema.graphql (sorted, so diffs show real changes only). */
export async function printApiSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await buildApiSchema())) + '\n';
}

