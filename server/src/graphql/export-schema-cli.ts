import { writeFileSync } from 'node:fs';
import { printApiSchema, SCHEMA_FILE } from './export-schema.js';

// `npm run schema:export -w server`: rewrites server/schema.graphql from the code.
writeFileSync(SCHEMA_FILE, await printApiSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
