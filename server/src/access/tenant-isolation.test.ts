import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occupazioneAnswers } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { pdfBytes } from '../test-support/uploads.js';
import { mutationCases } from '../test-support/tenant-isolation.mutations.js';
import { expectedFor, leaksIn, markersOf, snapshotOf, stringsIn, type Attempt, type Markers, type OperationCase } from '../test-support/tenant-isolation.probes.js';
import { DRAFT, PRATICA, nodes, queryCases } from '../test-support/tenant-isolation.queries.js';
import { CALLERS, authOf, buildWorld, userOf, type Caller, type CitizenKey, type World } from '../test-support/tenant-isolation.world.js';
import { code } from '../test-support/written.js';

// Issue 3: every query and mutation, called by each of Ente A's roles, A's API key and an
// anonymous caller, aimed at Ente B's resources, must neither show nor change anything of B;
// and a citizen sees only their own drafts, pratiche and files. The tables of cases
// (tenant-isolation.queries.ts, .mutations.ts) must name every field of the schema.

let t: TestApp;
let w: World;
let markers: Markers;
let storageDir: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-isolation-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  w = await buildWorld(t);
  markers = markersOf(w);
}, 180_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

describe('the tables name every operation of the schema', () => {
  it('every Query field has a case, and every case a Query field', () => {
    expect(Object.keys(queryCases).sort()).toEqual(Object.keys(t.app.schema.getQueryType()!.getFields()).sort());
  });
  it('every Mutation field has a case, and every case a Mutation field', () => {
    expect(Object.keys(mutationCases).sort()).toEqual(Object.keys(t.app.schema.getMutationType()!.getFields()).sort());
  });
  it('there are no subscriptions to check', () => {
    expect(t.app.schema.getSubscriptionType()).toBeFalsy();
  });
});

async function attack(kind: 'Query' | 'Mutation', name: string, c: OperationCase, attempt: Attempt, caller: Caller): Promise<void> {
  const prisma = t.db.prisma;
  const userId = userOf(w, caller);
  const exceptUser = attempt.ownRows ? userId : undefined;
  const variables = attempt.variables?.(w, caller) ?? {};
  const before = kind === 'Mutation' ? await snapshotOf(prisma, w.b, exceptUser) : undefined;
  const res = await t.gql(attempt.query, variables, authOf(w, caller));
  const expected = expectedFor(c.access, caller, attempt.outcome);
  if ('error' in expected) {
    expect(res.errors?.map((e) => e.extensions?.code), JSON.stringify(res)).toEqual([expected.error]);
    expect(res.data?.[name] ?? null).toBeNull();
  } else if ('data' in expected) {
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    await expected.data(res.data[name], { w, caller, userId });
  } else {
    expect(res.errors?.map((e) => e.extensions?.code) ?? [], JSON.stringify(res)).not.toContain('INTERNAL_SERVER_ERROR');
  }
  const allowed = stringsIn(variables);
  for (const value of attempt.allow?.(w) ?? []) allowed.add(value);
  // A citizen operation works on B's public catalogue by nature (a draft names its service and version).
  const publicAllowed = c.access.kind === 'public' || c.access.kind === 'person';
  const forbidden = publicAllowed ? markers.secret : new Map([...markers.secret, ...markers.public]);
  expect(leaksIn(res, forbidden, allowed), `B's data in ${JSON.stringify(res)}`).toEqual([]);
  if (before) expect(await snapshotOf(prisma, w.b, exceptUser), 'B\'s rows after the call').toEqual(before);
}

for (const [kind, table] of [['Query', queryCases], ['Mutation', mutationCases]] as const) {
  for (const [name, c] of Object.entries(table)) {
    describe(`${kind}.${name} (${c.why})`, () => {
      for (const attempt of c.attempts) {
        for (const caller of CALLERS) it(`${attempt.title}, as A's ${caller}`, () => attack(kind, name, c, attempt, caller));
      }
    });
  }
}

describe('the development login is closed in production', () => {
  it('devUsers, devLogin and devMoveClock are FORBIDDEN to every caller', async () => {
    const config = t.services.config;
    config.production = true;
    try {
      for (const caller of CALLERS) {
        const users = await t.gql('{ devUsers { id } }', {}, authOf(w, caller));
        expect(users.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const login = await t.gql('mutation ($u: ID!) { devLogin(userId: $u) { token } }', { u: w.devUser.id }, authOf(w, caller));
        expect(login.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const clock = await t.gql('mutation { devMoveClock(days: 11) }', {}, authOf(w, caller));
        expect(clock.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', key: 'error.devClockDisabled' });
      }
    } finally {
      config.production = false;
    }
  });
});

const getFile = (id: string, authorization?: string) => fetch(`${t.url}/attachments/${id}`, { headers: authorization ? { authorization } : {} });

describe('citizens see only their own drafts, pratiche and files', () => {
  const pairs: Array<[CitizenKey, CitizenKey]> = [['c2', 'c1'], ['c1', 'c2']];
  const own = (who: CitizenKey) => [w.a.citizens[who], w.b.citizens[who]];
  const token = (who: CitizenKey) => w.citizens[who].token;

  for (const [me, other] of pairs) {
    it(`${me}'s lists hold ${me}'s drafts and pratiche in both Enti, none of ${other}'s`, async () => {
      const drafts = await t.gql(`{ myDrafts(first: 100) { edges { node { ${DRAFT} } } } }`, {}, token(me));
      expect(nodes(drafts.data.myDrafts).map((d) => d.id).sort()).toEqual(own(me).map((c) => c.draftId).sort());
      const pratiche = await t.gql(`{ myPratiche(first: 100) { edges { node { ${PRATICA} } } } }`, {}, token(me));
      expect(nodes(pratiche.data.myPratiche).map((p) => p.id).sort()).toEqual(own(me).map((c) => c.praticaId).sort());
    });

    it(`draft(serviceId) gives ${me} their own draft, never ${other}'s`, async () => {
      for (const ente of [w.a, w.b]) {
        const res = await t.gql(`query ($id: ID!) { draft(serviceId: $id) { ${DRAFT} } }`, { id: ente.occupazione.id }, token(me));
        expect(res.data.draft).toMatchObject({ id: ente.citizens[me].draftId, answers: { descrizioneOccupazione: ente.citizens[me].marker } });
      }
    });

    it(`pratica(id) of ${other}'s is NOT_FOUND for ${me}, their own is found`, async () => {
      for (const ente of [w.a, w.b]) {
        const theirs = await t.gql(`query ($id: ID!) { pratica(id: $id) { ${PRATICA} } }`, { id: ente.citizens[other].praticaId }, token(me));
        expect(code(theirs)).toBe('NOT_FOUND');
        expect(theirs.data?.pratica ?? null).toBeNull();
        const mine = await t.gql('query ($id: ID!) { pratica(id: $id) { id } }', { id: ente.citizens[me].praticaId }, token(me));
        expect(mine.data.pratica.id).toBe(ente.citizens[me].praticaId);
      }
    });

    it(`GET /documents/:id of ${other}'s letter is 404 for ${me}, their own is 200`, async () => {
      for (const ente of [w.a, w.b]) {
        const get = (id: string) => fetch(`${t.url}/documents/${id}`, { headers: { authorization: `Bearer ${token(me)}` } });
        expect((await get(ente.citizens[other].documentId)).status).toBe(404);
        expect((await get(ente.citizens[me].documentId)).status).toBe(200);
      }
    });

    it(`myPaymentRequests of ${other}'s pratica is empty for ${me}, their own lists its request`, async () => {
      for (const ente of [w.a, w.b]) {
        const q = 'query ($p: ID!) { myPaymentRequests(praticaId: $p) { praticaId causale } }';
        expect((await t.gql(q, { p: ente.citizens[other].praticaId }, token(me))).data.myPaymentRequests).toEqual([]);
        const mine = (await t.gql(q, { p: ente.citizens[me].praticaId }, token(me))).data.myPaymentRequests;
        expect(mine).toEqual([{ praticaId: ente.citizens[me].praticaId, causale: `Pagamento: ${me} presso ${ente.key}` }]);
      }
    });

    it(`GET /attachments/:id of ${other}'s file is 404 for ${me}, their own is 200`, async () => {
      for (const ente of [w.a, w.b]) {
        const theirs = await getFile(ente.citizens[other].attachmentId, `Bearer ${token(me)}`);
        expect(theirs.status).toBe(404);
        expect(await theirs.text()).not.toContain('%PDF');
        const mine = await getFile(ente.citizens[me].attachmentId, `Bearer ${token(me)}`);
        expect(mine.status).toBe(200);
        expect(Buffer.from(await mine.arrayBuffer())).toEqual(pdfBytes(me));
      }
    });

    it(`prefill gives ${me} their own identity and registry data, never ${other}'s`, async () => {
      const res = await t.gql('query ($id: ID!) { prefill(serviceId: $id) { answers locked filled unavailable } }', { id: w.b.occupazione.id }, token(me));
      expect(res.data.prefill.answers.richiedente).toMatchObject({ codiceFiscale: w.citizens[me].fiscalCode });
      expect(res.data.prefill.answers.richiedente.residenza).toBeTruthy();
      expect(JSON.stringify(res)).not.toContain(w.citizens[other].fiscalCode);
    });
  }

  it('C2 cannot overwrite, delete, resubmit or borrow C1\'s work', async () => {
    const prisma = t.db.prisma;
    const c1 = w.citizens.c1.id;
    const c1Rows = async () => ({
      drafts: await prisma.draft.findMany({ where: { userId: c1 }, orderBy: { id: 'asc' } }),
      pratiche: await prisma.pratica.findMany({ where: { citizenId: c1 }, orderBy: { id: 'asc' } }),
      attachments: await prisma.attachment.findMany({ where: { uploaderId: c1 }, orderBy: { id: 'asc' } }),
    });
    const before = await c1Rows();
    const mine = w.b.citizens.c2;
    const save = await t.gql('mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }', {
      input: { serviceId: w.b.occupazione.id, answers: { descrizioneOccupazione: 'sovrascritto' }, rowVersion: w.b.citizens.c1.draftRowVersion },
    }, token('c2'));
    if (!save.errors) expect(save.data.saveDraft.id).toBe(mine.draftId);
    else expect(code(save)).toBe('CONFLICT');

    const resubmit = await t.gql('mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id } }', {
      input: { serviceId: w.b.assenze.id, idempotencyKey: w.b.citizens.c1.idempotencyKey, answers: { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'trasporto' } },
    }, token('c2'));
    expect(resubmit.errors).toBeUndefined();
    expect(resubmit.data.submitPratica.id).not.toBe(w.b.citizens.c1.praticaId);
    expect(await prisma.pratica.count({ where: { id: resubmit.data.submitPratica.id, citizenId: w.citizens.c2.id } })).toBe(1);

    const borrowed = await t.gql('mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id } }', {
      input: { serviceId: w.b.occupazione.id, idempotencyKey: 'c2-borrows-c1-file', answers: { ...occupazioneAnswers(), allegati: { planimetria: w.b.citizens.c1.attachmentId } } },
    }, token('c2'));
    expect(code(borrowed)).toBe('ANSWERS_INVALID');
    expect(borrowed.errors![0]!.extensions!.fieldErrors).toContainEqual(expect.objectContaining({ pointer: '/allegati/planimetria', code: 'attachments.unknown' }));

    const deleted = await t.gql('mutation ($id: ID!) { deleteDraft(serviceId: $id) }', { id: w.b.occupazione.id }, token('c2'));
    expect(deleted.data.deleteDraft).toBe(true);
    expect(await prisma.draft.count({ where: { id: mine.draftId } })).toBe(0);
    expect(await c1Rows()).toEqual(before);
  });
});

describe('files over HTTP: only their uploader, and the back office of their pratica\'s Ente', () => {
  it('generated documents: A\'s operator and API key get 404 for B\'s, 200 for A\'s; anonymous 401', async () => {
    const get = (id: string, authorization?: string) => fetch(`${t.url}/documents/${id}`, { headers: authorization ? { authorization } : {} });
    for (const auth of [`Bearer ${w.a.fx.tokens.operator}`, `ApiKey ${w.a.apiKey.secret}`]) {
      expect((await get(w.b.citizens.c1.documentId, auth)).status).toBe(404);
      expect((await get(w.a.citizens.c1.documentId, auth)).status).toBe(200);
    }
    expect((await get(w.b.citizens.c1.documentId)).status).toBe(401);
  });

  it('A\'s staff and API key get 404 for C1\'s file in B, anonymous 401', async () => {
    const id = w.b.citizens.c1.attachmentId;
    for (const caller of CALLERS) {
      const auth = authOf(w, caller);
      const res = await getFile(id, auth && (auth.startsWith('ApiKey ') ? auth : `Bearer ${auth}`));
      const expected = caller === 'anonymous' ? 401 : 404;
      expect(res.status, caller).toBe(expected);
      expect(await res.text()).not.toContain('%PDF');
    }
  });

  it('uploading needs a citizen: A\'s API key 403, anonymous 401, and nothing is stored', async () => {
    const before = await t.db.prisma.attachment.count();
    const query = new URLSearchParams({ serviceId: w.b.occupazione.id, field: '/allegati/planimetria', name: 'x.pdf' });
    for (const [authorization, status] of [[`ApiKey ${w.a.apiKey.secret}`, 403], [undefined, 401]] as const) {
      const res = await fetch(`${t.url}/attachments?${query}`, {
        method: 'PUT', body: pdfBytes(), headers: { 'content-type': 'application/pdf', ...(authorization ? { authorization } : {}) },
      });
      expect(res.status).toBe(status);
    }
    expect(await t.db.prisma.attachment.count()).toBe(before);
  });
});
