import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { deskRepository } from './desk.repository.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { submittedPratica, type SubmittedPratica } from '../test-support/submitted-pratica.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { pdfBytes } from '../test-support/uploads.js';
import { code } from '../test-support/written.js';

// GDPR accountability: every office read of a citizen's personal data is in the audit chain
// (who, what, when) before the data leaves, and supervisors can read a pratica's trail.

const ONE = `query ($id: ID!) { deskPratica(id: $id) { id code answers computed officeData attachments { id fileName sha256 downloadPath } } }`;
const TRAIL = `query ($id: ID!, $first: Int, $after: String) { praticaAuditTrail(praticaId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { action actorKind actorId actorName data at } } } }`;

let t: TestApp;
let storageDir: string;
let fx: EnteFixture;
let other: EnteFixture;
let mine: SubmittedPratica;
let theirs: SubmittedPratica;
let apiKey: string;
const reads = (praticaId: string) => t.db.prisma.auditEvent.findMany({ where: { subjectId: praticaId, action: { in: ['pratica.read', 'pratica.attachmentRead'] } }, orderBy: { id: 'asc' } });
const download = (id: string, authorization: string) => fetch(`${t.url}/attachments/${id}`, { headers: { authorization } });

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-reads-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  fx = await createEnteWithUsers(t.services, { slug: 'letture' });
  other = await createEnteWithUsers(t.services, { slug: 'letture-altro' });
  mine = await submittedPratica(t, fx, { slug: 'letture-occupazione', fileText: 'planimetria di letture' });
  theirs = await submittedPratica(t, other, { slug: 'letture-altro-occupazione', fileText: 'planimetria altrui' });
  const created = await t.gql('mutation { createApiKey(input: { name: "gestionale", scopes: [PRATICHE_READ] }) { secret } }', {}, fx.tokens.admin);
  apiKey = `ApiKey ${created.data.createApiKey.secret}`;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

describe('audited reads', () => {
  it('reading a pratica\'s answers and files records one event naming every part, before answering', async () => {
    const r = await t.gql(ONE, { id: mine.praticaId }, fx.tokens.operator);
    expect(r.errors).toBeUndefined();
    expect(r.data.deskPratica.answers.descrizioneOccupazione).toBeTruthy();
    expect(r.data.deskPratica.attachments).toEqual([{ id: mine.attachment.id, fileName: mine.attachment.name, sha256: mine.attachment.sha256, downloadPath: `/attachments/${mine.attachment.id}` }]);
    expect(await reads(mine.praticaId)).toMatchObject([{
      enteId: fx.ente.id, actorId: fx.users.operator.id, actorKind: 'operator', subjectType: 'pratica', data: { parts: ['answers', 'attachments', 'computed', 'officeData'] },
    }]);
  });

  it('loads a pratica\'s content once per request, however many of its fields (and aliases) the query asks for', async () => {
    const loads = vi.spyOn(deskRepository, 'content');
    try {
      const r = await t.gql(`query ($id: ID!) { a: deskPratica(id: $id) { answers computed officeData } b: deskPratica(id: $id) { answers } }`, { id: mine.praticaId }, fx.tokens.operator);
      expect(r.errors).toBeUndefined();
      expect(r.data.b.answers).toEqual(r.data.a.answers);
      expect(loads).toHaveBeenCalledTimes(1);
      loads.mockClear();
      const page = await t.gql('{ desk(first: 10) { edges { node { id answers computed officeData } } } }', {}, apiKey);
      expect(page.errors).toBeUndefined();
      const rows = page.data.desk.edges.length;
      expect(rows).toBeGreaterThan(0);
      expect(loads).toHaveBeenCalledTimes(rows); // one per pratica, not one per field
    } finally {
      loads.mockRestore();
    }
  });

  it('the desk\'s summary alone (no answers, no files) records no read', async () => {
    const before = (await reads(mine.praticaId)).length;
    const r = await t.gql('query ($id: ID!) { deskPratica(id: $id) { id code state applicant { familyName } } }', { id: mine.praticaId }, fx.tokens.operator);
    expect(r.errors).toBeUndefined();
    expect(await reads(mine.praticaId)).toHaveLength(before);
  });

  it('a page of the desk with answers records one event per pratica, by one API key', async () => {
    const before = (await reads(mine.praticaId)).length;
    const r = await t.gql('{ desk(first: 10) { edges { node { id answers } } } }', {}, apiKey);
    expect(r.errors).toBeUndefined();
    const after = await reads(mine.praticaId);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actorKind: 'apiKey', data: { parts: ['answers'] } });
  });

  it('an office download is recorded with the file\'s name and hash; the citizen\'s own is not', async () => {
    const res = await download(mine.attachment.id, `Bearer ${fx.tokens.supervisor}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdfBytes('planimetria di letture'));
    const byKey = await download(mine.attachment.id, apiKey);
    expect(byKey.status).toBe(200);
    await byKey.arrayBuffer();
    const events = (await reads(mine.praticaId)).filter((e) => e.action === 'pratica.attachmentRead');
    expect(events).toMatchObject([
      { actorId: fx.users.supervisor.id, actorKind: 'supervisor', data: { attachmentId: mine.attachment.id, fileName: mine.attachment.name, sha256: mine.attachment.sha256 } },
      { actorKind: 'apiKey' },
    ]);
    const own = await download(mine.attachment.id, `Bearer ${fx.tokens.citizen}`);
    expect(own.status).toBe(200);
    await own.arrayBuffer();
    expect((await reads(mine.praticaId)).filter((e) => e.action === 'pratica.attachmentRead')).toHaveLength(2);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
  });

  it('another Ente\'s pratica and file are NOT_FOUND and leave no trace', async () => {
    expect(code(await t.gql(ONE, { id: theirs.praticaId }, fx.tokens.supervisor))).toBe('NOT_FOUND');
    for (const auth of [`Bearer ${fx.tokens.supervisor}`, `Bearer ${fx.tokens.operator}`, apiKey]) {
      const res = await download(theirs.attachment.id, auth);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('%PDF');
    }
    expect(await reads(theirs.praticaId)).toEqual([]);
    const designer = await download(mine.attachment.id, `Bearer ${fx.tokens.designer}`);
    expect(designer.status).toBe(404);
  });
});

describe('praticaAuditTrail', () => {
  it('lists for supervisors, oldest first, with the actors\' names, in signed pages', async () => {
    const all = await t.gql(TRAIL, { id: mine.praticaId, first: 100 }, fx.tokens.supervisor);
    expect(all.errors).toBeUndefined();
    const nodes = all.data.praticaAuditTrail.edges.map((e: any) => e.node);
    expect(nodes[0]).toMatchObject({ action: 'pratica.submitted', actorKind: 'citizen', actorName: `Citizen letture` });
    expect(nodes.map((n: any) => n.action)).toEqual(expect.arrayContaining(['pratica.read', 'pratica.attachmentRead']));
    expect(nodes.find((n: any) => n.action === 'pratica.read')).toMatchObject({ actorName: 'Operator letture' });
    expect(nodes.find((n: any) => n.actorKind === 'apiKey')).toMatchObject({ actorName: 'gestionale' });
    const page = await t.gql(TRAIL, { id: mine.praticaId, first: 2 }, fx.tokens.supervisor);
    const next = await t.gql(TRAIL, { id: mine.praticaId, first: 100, after: page.data.praticaAuditTrail.pageInfo.endCursor }, fx.tokens.supervisor);
    expect([...page.data.praticaAuditTrail.edges, ...next.data.praticaAuditTrail.edges].map((e: any) => e.node.at)).toEqual(nodes.map((n: any) => n.at));
    expect(code(await t.gql(TRAIL, { id: mine.praticaId, after: 'bm90LWEtY3Vyc29y' }, fx.tokens.supervisor))).toBe('BAD_USER_INPUT');
  });

  it('is FORBIDDEN to operators and API keys, NOT_FOUND for another Ente\'s pratica', async () => {
    expect(code(await t.gql(TRAIL, { id: mine.praticaId }, fx.tokens.operator))).toBe('FORBIDDEN');
    expect(code(await t.gql(TRAIL, { id: mine.praticaId }, apiKey))).toBe('FORBIDDEN');
    expect(code(await t.gql(TRAIL, { id: theirs.praticaId }, fx.tokens.supervisor))).toBe('NOT_FOUND');
  });
});
