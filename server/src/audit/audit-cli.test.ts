import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { verifyAudit } from './audit-cli.js';

describe('sportello audit verify', () => {
  let t: TestApp;
  let a: EnteFixture;
  const run = async () => {
    const lines: string[] = [];
    const code = await verifyAudit(t.services.db.prisma, (line) => lines.push(line));
    return { code, lines };
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createEnteWithUsers(t.services, { slug: 'audit-a' });
    // A few audited changes through the API, in the Ente's chain.
    for (const name of ['Tributi', 'Anagrafe', 'Protocollo']) {
      const res = await t.gql(`mutation($name: String!) { createOffice(input: { name: $name, email: "u@a.example" }) { id } }`, { name }, a.tokens.admin);
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => t?.close());

  it('checks every event of an intact log and exits 0', async () => {
    expect(await run()).toEqual({ code: 0, lines: ['Audit log: 3 events checked, 0 broken chains.'] });
  });

  it('finds a row changed behind the application (trigger disabled by the superuser) and exits 1', async () => {
    const prisma = t.services.db.prisma;
    const victim = await prisma.auditEvent.findFirstOrThrow({ where: { enteId: a.ente.id }, orderBy: { id: 'asc' }, skip: 1 });
    // The append-only trigger refuses this to the application...
    await expect(prisma.$executeRawUnsafe(`UPDATE audit_events SET data = '{"name":"Forged"}' WHERE id = ${victim.id}`)).rejects.toThrow(/append-only/);
    // ...so a tamperer with the superuser's powers switches it off first.
    await prisma.$executeRawUnsafe('ALTER TABLE audit_events DISABLE TRIGGER ALL');
    try {
      await prisma.$executeRawUnsafe(`UPDATE audit_events SET data = '{"name":"Forged"}' WHERE id = ${victim.id}`);
    } finally {
      await prisma.$executeRawUnsafe('ALTER TABLE audit_events ENABLE TRIGGER ALL');
    }
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines).toEqual([
      'Audit log: 2 events checked, 1 broken chain.',
      `BROKEN chain ${a.ente.id} at event ${victim.id}: hash does not match the event`,
    ]);
  });

  it('finds a chain whose events were all deleted while its head row stayed, and names it', async () => {
    const prisma = t.services.db.prisma;
    const b = await createEnteWithUsers(t.services, { slug: 'audit-b' });
    const res = await t.gql(`mutation { createOffice(input: { name: "Tributi", email: "u@b.example" }) { id } }`, {}, b.tokens.admin);
    expect(res.errors).toBeUndefined();
    await prisma.$executeRawUnsafe('ALTER TABLE audit_events DISABLE TRIGGER ALL');
    try {
      await prisma.$executeRawUnsafe(`DELETE FROM audit_events WHERE ente_id = '${b.ente.id}'`);
    } finally {
      await prisma.$executeRawUnsafe('ALTER TABLE audit_events ENABLE TRIGGER ALL');
    }
    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines).toContain(`BROKEN chain ${b.ente.id} at event -: every event of the chain is missing, but its head names a last event`);
  });
});
