import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { printApiSchema, SCHEMA_FILE } from './export-schema.js';

describe('server/schema.graphql', () => {
  it('matches the schema built from the code (run `npm run schema:export -w server` after API changes)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printApiSchema());
  });
});
