import v8 from 'node:v8';

/**
 * The engine and Ajv turn each definition they compile into JavaScript with `new Function`. V8
 * keeps every such source in its compilation cache for the life of the process, so each compile
 * of a new definition (a designer's editor validates on every save) left about 85 KB behind:
 * 3,000 compiles grew the heap by 256 MB, never released (issue 14's fuzzing: 5,000
 * `validateDefinition` calls took the server from 249 to 420 MB). Without that cache the growth
 * stays flat (4 MB after 3,000). Nothing the server runs compiles the same source twice where the
 * cache would save time: compiled services are kept by our own bounded cache.
 * Call once at start, before the first compile.
 */
export function keepCompiledCodeOutOfV8Cache(): void {
  v8.setFlagsFromString('--no-compilation-cache');
}
