import { PrismaClient } from '../generated/prisma/client.js';
import { connect } from './connection.js';
import { readDatabaseConfig, type DatabaseConfig } from './database-config.js';
import { applyMigrations } from './migrations.js';
import { logger } from '../shared/logger.js';

export interface Database {
  prisma: PrismaClient;
  /** Disconnects Prisma, then closes the pool or PGlite (flushing its folder). */
  close(): Promise<void>;
}

/**
 * Opens the configured database (PostgreSQL with DATABASE_URL, else embedded PGlite) and brings
 * its schema up to date first, so a fresh folder or server works with no setup step.
 */
export async function openDatabase(config: DatabaseConfig = readDatabaseConfig()): Promise<Database> {
  const connection = await connect(config);
  try {
    await applyMigrations(connection, undefined, { onRecovered: (message) => logger.warn({ area: 'migrations' }, message) });
  } catch (error) {
    await connection.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: connection.adapter });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await connection.close();
    },
  };
}
