import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { createUser, renewSessions } from '../test-support/fixtures.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { pdfBytes } from '../test-support/uploads.js';
import { defaultWorkflowService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { codeAndKey, written } from '../test-support/written.js';

const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { to rowVersion } }';
const REPLY = 'mutation ($input: ReplyToPraticaInput!) { replyToPratica(input: $input) { praticaId transitionId from to rowVersion at } }';
const MESSAGE = 'mutation ($input: MessageCitizenInput!) { messageCitizen(input: $input) { id kind actorRole actorName text } }';
const ENTRY = 'id kind at actorRole actorName from to fromLabel toLabel transitionId transitionLabel text attachments { id fileName contentType size sha256 }';
const MINE = `query ($p: ID!) { myPraticaTimeline(praticaId: $p) { ${ENTRY} } }`;
const OFFICE = `query ($p: ID!) { praticaTimeline(praticaId: $p) { ${ENTRY} } }`;
const STATUS = 'query ($p: ID!) { myPraticaStatus(praticaId: $p) { praticaId state stateLabel rowVersion stateEnteredAt awaitedReply { kind transitionId transitionLabel until open } } }';
const PRATICA = 'query ($p: ID!) { pratica(id: $p) { state awaitedReply { kind transitionId until open } } }';
const DAY = 86_400_000;

let t: TestApp;
let w: WorkflowWorld;
let other: WorkflowWorld;

/** A pratica of the default workflow moved by the operator through `steps`; returns it with its rowVersion. */
async function movedTo(steps: string[]) {
  const p = await submitted(t.services.pratiche, w, undefined, 'en');
  let v = 1;
  for (const [i, step] of steps.entries()) {
    const res = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: step, rowVersion: v, ...(i === steps.length - 1 ? { comment: 'Manca il contratto' } : {}) } }, w.fx.tokens.operator);
    expect(res.errors, step).toBeUndefined();
    v = res.data.transitionPratica.rowVersion;
  }
  return { ...p, rowVersion: v };
}

async function replyFile(praticaId: string, token = w.fx.tokens.citizen, name = 'contratto.pdf') {
  const res = await fetch(`${t.url}/attachments?${new URLSearchParams({ praticaId, name })}`, {
    method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' }, body: pdfBytes('contratto'),
  });
  return { status: res.status, body: await res.json() as any };
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'timeline', defaultWorkflowService());
  other = await workflowWorld(t, 'timeline-altro', defaultWorkflowService());
}, 180_000);
afterAll(() => t?.close());

describe('replyToPratica', () => {
  it('answers an integration request with text and a file: the pratica moves, the timeline shows it to both sides', async () => {
    const p = await movedTo(['protocol', 'start_istruttoria', 'request_integration']);
    const awaited = { kind: 'INTEGRATION', transitionId: 'receive_integration', until: new Date(TEMPLATE_TODAY.getTime() + 30 * DAY).toISOString(), open: true };
    expect((await t.gql(STATUS, { p: p.id }, w.fx.tokens.citizen)).data.myPraticaStatus.awaitedReply).toMatchObject(awaited);
    expect((await t.gql(PRATICA, { p: p.id }, w.fx.tokens.citizen)).data.pratica).toEqual({ state: 'integration_requested', awaitedReply: awaited });
    const message = await t.gql(MESSAGE, { input: { praticaId: p.id, text: '  Allegare il contratto registrato. ' } }, w.fx.tokens.operator);
    expect(message.data.messageCitizen).toMatchObject({ kind: 'message', actorRole: 'operator', text: 'Allegare il contratto registrato.' });
    const file = await replyFile(p.id);
    expect(file.status).toBe(201);
    const res = await t.gql(REPLY, { input: { praticaId: p.id, rowVersion: p.rowVersion, text: 'Ecco il contratto', attachmentIds: [file.body.id] } }, w.fx.tokens.citizen);
    expect(res.errors).toBeUndefined();
    expect(res.data.replyToPratica).toMatchObject({ praticaId: p.id, transitionId: 'receive_integration', from: 'integration_requested', to: 'integration_received', rowVersion: p.rowVersion + 1 });
    const mine = (await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen, { 'accept-language': 'it' })).data.myPraticaTimeline;
    expect(mine.map((e: any) => [e.kind, e.to])).toEqual([
      ['transition', 'protocolled'], ['transition', 'istruttoria'], ['transition', 'integration_requested'], ['message', null], ['transition', 'integration_received'], ['reply', 'integration_received'],
    ]);
    expect(mine[2]).toMatchObject({ actorRole: 'operator', actorName: null, fromLabel: 'In istruttoria', toLabel: 'Integrazione richiesta', transitionLabel: 'Richiedi integrazione', text: 'Manca il contratto' });
    expect(mine[5]).toMatchObject({ actorRole: 'citizen', text: 'Ecco il contratto', attachments: [{ id: file.body.id, fileName: 'contratto.pdf', contentType: 'application/pdf' }] });
    const office = (await t.gql(OFFICE, { p: p.id }, w.fx.tokens.supervisor)).data.praticaTimeline;
    expect(office[2].actorName).toMatch(/\S+ \S+/);
    expect(office.map((e: any) => e.kind)).toEqual(mine.map((e: any) => e.kind));
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
    // The file went with the reply: it cannot be sent again.
    const again = await movedTo(['protocol', 'start_istruttoria', 'request_integration']);
    const reused = await t.gql(REPLY, { input: { praticaId: again.id, rowVersion: again.rowVersion, text: 'Di nuovo', attachmentIds: [file.body.id] } }, w.fx.tokens.citizen);
    expect(codeAndKey(reused)).toEqual(['CONFLICT', 'timeline.reply.filesChanged']);
    expect((await written(t, again.id)).pratica).toMatchObject({ state: 'integration_requested', rowVersion: again.rowVersion });
  });

  it('answers a notice of denial within its ten days, not after (art. 10-bis)', async () => {
    const early = await movedTo(['protocol', 'start_istruttoria', 'notify_denial']);
    const ok = await t.gql(REPLY, { input: { praticaId: early.id, rowVersion: early.rowVersion, text: 'Le mie osservazioni' } }, w.fx.tokens.citizen);
    expect(ok.data.replyToPratica).toMatchObject({ from: 'denial_notice', to: 'denial_reply_received' });
    const late = await movedTo(['protocol', 'start_istruttoria', 'notify_denial']);
    const status = (await t.gql(STATUS, { p: late.id }, w.fx.tokens.citizen, { 'accept-language': 'it' })).data.myPraticaStatus;
    expect(status).toEqual({
      praticaId: late.id, state: 'denial_notice', stateLabel: 'Preavviso di rigetto', rowVersion: late.rowVersion, stateEnteredAt: TEMPLATE_TODAY.toISOString(),
      awaitedReply: { kind: 'OBSERVATIONS', transitionId: 'reply_to_denial_notice', transitionLabel: 'Osservazioni ricevute', until: new Date(TEMPLATE_TODAY.getTime() + 10 * DAY).toISOString(), open: true },
    });
    const before = await written(t, late.id);
    try {
      t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 10 * DAY));
      await renewSessions(t.services, w.fx); // ten days on, the fixture's sessions have expired by the same clock
      expect((await t.gql(STATUS, { p: late.id }, w.fx.tokens.citizen)).data.myPraticaStatus.awaitedReply).toMatchObject({ kind: 'OBSERVATIONS', open: false });
      expect((await t.gql(PRATICA, { p: late.id }, w.fx.tokens.citizen)).data.pratica.awaitedReply).toMatchObject({ kind: 'OBSERVATIONS', open: false });
      const res = await t.gql(REPLY, { input: { praticaId: late.id, rowVersion: late.rowVersion, text: 'Troppo tardi' } }, w.fx.tokens.citizen, { 'accept-language': 'en' });
      expect(codeAndKey(res)).toEqual(['TRANSITION_NOT_ALLOWED', 'workflow.replyWindowClosed']);
      expect(res.errors![0]!.message).toContain('The time to reply ended');
    } finally {
      t.clock.set(TEMPLATE_TODAY);
      await renewSessions(t.services, w.fx);
    }
    expect(await written(t, late.id)).toEqual(before);
  });

  it('refuses with stable codes, writing nothing: no answer awaited, stale version, bad text, someone else\'s pratica or file', async () => {
    const waiting = await movedTo(['protocol', 'start_istruttoria', 'request_integration']);
    const fresh = await submitted(t.services.pratiche, w);
    const before = [await written(t, waiting.id), await written(t, fresh.id)];
    const reply = (praticaId: string, rowVersion: number, extra: object = {}, token = w.fx.tokens.citizen) =>
      t.gql(REPLY, { input: { praticaId, rowVersion, text: 'Risposta', ...extra } }, token);
    expect(codeAndKey(await reply(fresh.id, 1))).toEqual(['TRANSITION_NOT_ALLOWED', 'workflow.noReplyExpected']);
    expect((await t.gql(STATUS, { p: fresh.id }, w.fx.tokens.citizen)).data.myPraticaStatus).toMatchObject({ state: 'submitted', rowVersion: 1, awaitedReply: null });
    expect((await t.gql(PRATICA, { p: fresh.id }, w.fx.tokens.citizen)).data.pratica).toEqual({ state: 'submitted', awaitedReply: null });
    expect(codeAndKey(await t.gql(STATUS, { p: fresh.id }, (await createUser(t.services)).token))[0]).toBe('NOT_FOUND');
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion - 1))).toEqual(['CONFLICT', 'workflow.staleVersion']);
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion, { text: '   ' }))).toEqual(['BAD_USER_INPUT', 'timeline.reply.textRequired']);
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion, { text: 'x'.repeat(10_001) }))).toEqual(['BAD_USER_INPUT', 'timeline.reply.textTooLong']);
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion, { attachmentIds: ['nope'] }))).toEqual(['BAD_USER_INPUT', 'timeline.reply.unknownFile']);
    const stranger = await createUser(t.services);
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion, {}, stranger.token))).toEqual(['NOT_FOUND', 'error.notFound.pratica']);
    expect((await replyFile(waiting.id, stranger.token)).status).toBe(404);
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion, {}, w.fx.tokens.operator))[0]).toBe('NOT_FOUND'); // staff are citizens too: not their pratica
    // A file the citizen uploaded to another of their pratiche belongs to that one.
    const elsewhere = await replyFile(fresh.id);
    expect(codeAndKey(await reply(waiting.id, waiting.rowVersion, { attachmentIds: [elsewhere.body.id] }))).toEqual(['CONFLICT', 'timeline.reply.filesChanged']);
    expect([await written(t, waiting.id), await written(t, fresh.id)].map((x) => x.pratica)).toEqual(before.map((x) => x.pratica));
    expect((await written(t, waiting.id)).events).toBe(before[0]!.events);
  });
});

describe('timelines and messages', () => {
  it('a citizen sees only what they are shown: no office fields, no names; nobody else sees theirs', async () => {
    const p = await movedTo(['protocol']);
    await t.db.prisma.praticaEvent.create({ data: { enteId: w.fx.ente.id, praticaId: p.id, kind: 'assigned', actorId: w.fx.users.supervisor.id, actorKind: 'supervisor', at: TEMPLATE_TODAY } });
    const mine = (await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen)).data.myPraticaTimeline;
    expect(mine.map((e: any) => e.kind)).toEqual(['transition']);
    expect(mine.every((e: any) => e.actorName === null)).toBe(true);
    const office = (await t.gql(OFFICE, { p: p.id }, w.fx.tokens.operator)).data.praticaTimeline;
    expect(office.map((e: any) => e.kind)).toEqual(['transition', 'assigned']);
    expect(codeAndKey(await t.gql(MINE, { p: p.id }, other.fx.tokens.citizen))[0]).toBe('NOT_FOUND');
    expect(codeAndKey(await t.gql(OFFICE, { p: p.id }, other.fx.tokens.operator))[0]).toBe('NOT_FOUND');
    expect(codeAndKey(await t.gql(OFFICE, { p: p.id }, w.fx.tokens.citizen))[0]).toBe('FORBIDDEN');
  });

  it('the office\'s read of a timeline is recorded in the audit chain before it answers; the citizen\'s own and a refused one are not', async () => {
    const p = await movedTo(['protocol']);
    const reads = () => t.db.prisma.auditEvent.findMany({ where: { subjectId: p.id, action: 'pratica.read' }, orderBy: { id: 'asc' } });
    expect(await reads()).toEqual([]);
    expect((await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen)).errors).toBeUndefined();
    expect(codeAndKey(await t.gql(OFFICE, { p: p.id }, other.fx.tokens.operator))[0]).toBe('NOT_FOUND');
    expect(await reads()).toEqual([]);
    const office = await t.gql(OFFICE, { p: p.id }, w.fx.tokens.operator);
    expect(office.errors).toBeUndefined();
    expect(office.data.praticaTimeline).toHaveLength(1);
    expect(await reads()).toMatchObject([{ enteId: w.fx.ente.id, actorId: w.fx.users.operator.id, actorKind: 'operator', subjectType: 'pratica', data: { parts: ['timeline'] } }]);
    // With the desk's fields in the same request: both parts recorded, usually in one event (two
    // when the resolvers' own reads end in different turns of the event loop, as under load).
    const both = await t.gql(`query ($p: ID!) { praticaTimeline(praticaId: $p) { id } deskPratica(id: $p) { answers } }`, { p: p.id }, w.fx.tokens.supervisor);
    expect(both.errors).toBeUndefined();
    const supervisor = (await reads()).slice(1);
    expect(supervisor.length).toBeGreaterThanOrEqual(1);
    expect(supervisor.length).toBeLessThanOrEqual(2);
    for (const e of supervisor) expect(e).toMatchObject({ actorId: w.fx.users.supervisor.id, actorKind: 'supervisor' });
    expect(supervisor.flatMap((e) => (e.data as { parts: string[] }).parts).sort()).toEqual(['answers', 'timeline']);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
  });

  it('messages: the office of the pratica\'s Ente only, with a text', async () => {
    const p = await submitted(t.services.pratiche, w);
    const before = await written(t, p.id);
    const send = (text: string, token: string) => t.gql(MESSAGE, { input: { praticaId: p.id, text } }, token);
    expect(codeAndKey(await send('Ciao', other.fx.tokens.operator))[0]).toBe('NOT_FOUND');
    expect(codeAndKey(await send('Ciao', w.fx.tokens.citizen))[0]).toBe('FORBIDDEN');
    expect(codeAndKey(await send(' ', w.fx.tokens.operator))).toEqual(['BAD_USER_INPUT', 'timeline.message.textRequired']);
    expect(await written(t, p.id)).toEqual(before);
    const ok = await send('Pratica ricevuta', w.fx.tokens.supervisor);
    expect(ok.data.messageCitizen).toMatchObject({ kind: 'message', actorRole: 'supervisor', text: 'Pratica ricevuta' });
    expect(await t.db.prisma.auditEvent.count({ where: { subjectId: p.id, action: 'pratica.message' } })).toBe(1);
  });
});
