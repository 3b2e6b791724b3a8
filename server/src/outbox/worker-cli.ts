import 'reflect-metadata';
import { createDeliverers } from './outbox-factory.js';
import { deliverySettingsFrom } from '../settings/delivery.js';
import { outboxSettingsFrom } from '../settings/outbox.js';
import { OutboxWorker } from './outbox-worker.js';
import { systemClock } from '../shared/clock.js';
import { createProtocol } from '../protocol/protocol-factory.js';
import { protocolKindFrom } from '../settings/protocol.js';
import { pushSettingsFrom } from '../settings/push.js';
import { DEV_VAPID_KEY_FILE, storageDirFrom } from '../config.js';
import { LocalDiskStorage } from '../storage/local-disk-storage.js';
import { logger } from '../shared/logger.js';

/**
 * `sportello worker`: delivers the outbox of the configured database (DATABASE_URL or
 * SPORTELLO_DATA_DIR) until SIGINT/SIGTERM, then finishes the deliveries in hand. Any number
 * of workers and servers may run over one PostgreSQL: rows are claimed with SKIP LOCKED.
 */
async function main(): Promise<void> {
  const settings = outboxSettingsFrom(process.env);
  const delivery = deliverySettingsFrom(process.env);
  const protocolKind = protocolKindFrom(process.env);
  const push = pushSettingsFrom(process.env, process.env.NODE_ENV === 'production', DEV_VAPID_KEY_FILE);
  const { openDatabase } = await import('../db/database.js');
  const { describeDatabase, readDatabaseConfig } = await import('../db/database-config.js');
  const dbConfig = readDatabaseConfig();
  const db = await openDatabase(dbConfig);
  const deliverers = createDeliverers(delivery, { prisma: db.prisma, clock: systemClock, protocol: createProtocol(protocolKind, db.prisma, systemClock), push, storage: new LocalDiskStorage(storageDirFrom(process.env)) });
  const worker = new OutboxWorker(db.prisma, deliverers, settings, systemClock);
  worker.start();
  logger.info({ owner: worker.owner, database: describeDatabase(dbConfig), delivers: Object.keys(deliverers) }, 'outbox worker started');
  const stop = async () => {
    await worker.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  logger.fatal({ err: e }, 'outbox worker stopped');
  process.exit(1);
});
