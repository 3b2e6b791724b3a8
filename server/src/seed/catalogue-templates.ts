import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { definitionText } from '../definitions/definition-text.js';
import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';

// The catalogue's templates ship with the engine (schemas/templates); the same path works
// from server/src/seed and server/dist/seed.
const templatesDir = fileURLToPath(new URL('../../../schemas/templates/', import.meta.url));

export interface TemplateFile { id: string; title: string; category: string; definition: Record<string, unknown>; hash: string }

/** Every template file, with its Italian title and category as the catalogue row stores them. */
export function readCatalogueTemplates(dir = templatesDir): TemplateFile[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const definition = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as Record<string, unknown>;
    // `$schema` is a path relative to the file, meaningless once stored.
    delete definition.$schema;
    const id = String(definition.id ?? file.replace(/\.json$/, ''));
    const text = definitionText(definition, 'it');
    return { id, title: text.title ?? id, category: text.category ?? '', definition, hash: sha256Hex(canonicalJson(definition)) };
  });
}
