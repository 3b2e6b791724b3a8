import 'reflect-metadata';
import { readServerConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { describeDatabase, readDatabaseConfig } from './db/database-config.js';
import { createServices } from './services.js';
import { systemClock } from './shared/clock.js';
import { movableClock } from './shared/movable-clock.js';
import { createApp } from './http/app.js';
import { seedIfEmpty } from './seed/seed.js';
import { logger } from './shared/logger.js';
import { keepCompiledCodeOutOfV8Cache } from './shared/code-cache.js';

/** `npm start`: open (and migrate) the database, seed a demo Ente if empty, serve the API. */
async function main(): Promise<void> {
  keepCompiledCodeOutOfV8Cache();
  const config = readServerConfig();
  const dbConfig = readDatabaseConfig();
  const db = await openDatabase(dbConfig);
  // Development runs on a clock devMoveClock can move (browser tests reaching a deadline); production on the system's.
  const services = createServices(db, config, describeDatabase(dbConfig), config.production ? systemClock : movableClock());
  const seeded = await seedIfEmpty(services);
  if (seeded) logger.info({ ente: seeded }, 'seeded the demo Ente');
  const app = await createApp(services);
  // The outbox's worker runs here unless OUTBOX_WORKER=off (then `sportello worker` processes deliver).
  const worker = config.outbox.inProcess ? services.outbox.createWorker() : null;
  worker?.start();
  // SLA alarms: a sweep each minute (several processes may sweep: rows are claimed with SKIP LOCKED).
  const sla = setInterval(() => void services.slaWatch.sweep().catch((err: unknown) => logger.error({ err }, 'SLA sweep failed')), 60_000);
  sla.unref();
  await new Promise<void>((resolve) => app.server.listen(config.port, config.host, resolve));
  logger.info({ url: `${config.publicUrl}/graphql`, database: describeDatabase(dbConfig) }, 'Sportello API listening');
  if (!config.production) logger.info({ url: `${config.publicUrl}/graphiql` }, 'GraphiQL');
  const stop = async () => {
    clearInterval(sla);
    await app.stop();
    await worker?.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  logger.fatal({ err: e }, 'could not start');
  process.exit(1);
});
