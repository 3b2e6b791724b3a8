import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { withAtomicScripts } from './atomic-scripts.js';
import { MEMORY } from './database-config.js';
import { logger } from '../shared/logger.js';

export type { SchemaEngine };

// Prisma's migration engine compiled to WebAssembly: no native binary to download, which our
// machines cannot do. The package entry imports the .wasm as an ES module, which Node 20 refuses
// (ERR_UNKNOWN_FILE_EXTENSION), so we do the wasm-bindgen wiring ourselves, once per process.
let loading: Promise<typeof bg> | undefined;

// Our lib (ES2022, no DOM) and @types/node 20 do not declare WebAssembly: the part we use.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

function loadWasm(): Promise<typeof bg> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return loading;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface EngineSession {
  engine: SchemaEngine;
  /** Frees the engine and disposes what it connected (the engine itself never does). */
  close(): Promise<void>;
}

/**
 * A schema engine on `target` (a PrismaPg or PrismaPGlite factory), or, when omitted (diffs between
 * files), on a throwaway in-memory PGlite. Every connection gets atomic scripts. The shadow database
 * is always a fresh in-memory PGlite, also for PostgreSQL: adapter-pg's own shadow support reuses
 * the real server, drops before closing and cannot read pg's "char" columns.
 */
export async function openSchemaEngine(schema: SchemaFile, target?: SqlDriverAdapterFactory): Promise<EngineSession> {
  const wasm = await loadWasm();
  const opened: SqlDriverAdapter[] = [];
  let scratch: PGlite | undefined;
  const memoryAdapter = async (pglite: PGlite) => withAtomicScripts(await new PrismaPGlite(pglite).connect());
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: target?.adapterName ?? 'pglite-memory',
    connect: async () => {
      // The engine connects to its main database eagerly, even to diff files only: without a
      // target, share one PGlite with the shadow (it is never read) and save a 3 s start.
      const adapter = target ? withAtomicScripts(await target.connect()) : await memoryAdapter((scratch ??= new PGlite(MEMORY)));
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const pglite = scratch ?? new PGlite(MEMORY);
      const adapter = await memoryAdapter(pglite);
      // The adapter's own dispose is a no-op: close the PGlite (unless it is the shared scratch).
      adapter.dispose = async () => {
        if (pglite !== scratch) await pglite.close();
      };
      return adapter;
    },
  };
  const log = process.env.DEBUG?.includes('schema-engine') ? (line: string) => logger.info({ area: 'schema-engine' }, line) : () => {};
  const disposeAll = async () => {
    await Promise.all(opened.map((adapter) => adapter.dispose()));
    await scratch?.close();
  };
  const engine = await wasm.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  ).catch(async (error: unknown) => {
    await disposeAll();
    throw error;
  });
  return {
    engine,
    close: async () => {
      engine.free();
      await disposeAll();
    },
  };
}
