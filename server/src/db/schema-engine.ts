import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { withAtomicScripts } from './atomic-scripts.js';

export type { SchemaEngine };

// Prisma's migration engine compiled to WebAssembly: no native binary to download, which our
// machines cannot do. The package entry imports the .wasm as an ES module, which Node 20 refuses
// (ERR_UNKNOWN_FILE_EXTENSION), so we do the wasm-bindgen wiring ourselves, once per process.
let loading: Promise<typeof bg> | undefined;

function loadWasm(): Promise<typeof bg> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return loading;
}

/**
 * A fresh in-memory PGlite as a driver adapter, with atomic scripts. Used as the shadow database
 * (also when the target is PostgreSQL: adapter-pg's own shadow support reuses the real server and
 * cannot read pg's "char" columns), and as a throwaway target when only diffing files.
 */
async function connectToMemoryPGlite() {
  const pglite = new PGlite('memory://');
  const adapter = withAtomicScripts(await new PrismaPGlite(pglite).connect());
  // The adapter's own dispose is a no-op: close the PGlite it owns.
  adapter.dispose = () => pglite.close();
  return adapter;
}

function migrationFactory(target?: SqlDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: target?.adapterName ?? 'pglite-memory',
    connect: async () => (target ? withAtomicScripts(await target.connect()) : connectToMemoryPGlite()),
    connectToShadowDb: connectToMemoryPGlite,
  };
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * A schema engine working on `target` (a PrismaPg or PrismaPGlite factory), or on a throwaway
 * in-memory database when omitted (diffs between files need no real one). Call `free()` when done.
 */
export async function createSchemaEngine(
  schema: SchemaFile,
  target?: SqlDriverAdapterFactory,
): Promise<SchemaEngine> {
  const wasm = await loadWasm();
  const log = process.env.DEBUG?.includes('schema-engine')
    ? (line: string) => console.error('[schema-engine]', line)
    : () => {};
  const adapter = bindMigrationAwareSqlAdapterFactory(migrationFactory(target));
  return wasm.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
}
