import { PrismaClient } from '../generated/prisma/client.js';
import { connect } from '../db/connection.js';
import { systemClock } from '../shared/clock.js';
import { BuiltInProtocol } from './protocol-register.js';

// A second (third, ...) process registering in the built-in register of one PostgreSQL
// database, for protocol-processes.test.ts: DATABASE_URL, ENTE_ID, COUNT, CONCURRENCY, TAG.
// Prints the numbers it got as one JSON line.

async function main(): Promise<void> {
  const { DATABASE_URL: url, ENTE_ID: enteId, TAG: tag = 'p' } = process.env;
  const count = Number(process.env.COUNT ?? 100);
  const concurrency = Number(process.env.CONCURRENCY ?? 8);
  if (!url || !enteId) throw new Error('DATABASE_URL and ENTE_ID are required');
  const connection = await connect({ kind: 'postgres', url });
  const prisma = new PrismaClient({ adapter: connection.adapter });
  const register = new BuiltInProtocol(prisma, systemClock);
  const numbers: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const r = await register.register({
        enteId, direction: 'in', correspondents: [{ name: `Mittente ${tag}-${i}` }], subject: `Documento ${tag}-${i}`,
        praticaId: null, documents: [], idempotencyKey: `${tag}-${i}`,
      });
      numbers.push(r.number);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  console.log(JSON.stringify(numbers));
  await prisma.$disconnect();
  await connection.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
