import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { createUser } from '../test-support/fixtures.js';
import { AppIoServer } from '../test-support/app-io-server.js';
import { LocalPushService } from '../test-support/push-service.js';
import { SmtpSink } from '../test-support/smtp-sink.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { ASSENZA, defaultWorkflowService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';

// An office's message reaches the citizen: messageCitizen writes, in its own transaction, one
// outbox notice per channel the citizen can be reached on, and the worker delivers them to a
// real SMTP server, a push service that decrypts, and an App IO server, all on loopback.

const MESSAGE = 'mutation ($input: MessageCitizenInput!) { messageCitizen(input: $input) { id kind text } }';
const REGISTER = 'mutation ($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { id } }';

let t: TestApp;
let w: WorkflowWorld;
let sink: SmtpSink;
let push: LocalPushService;
let appIo: AppIoServer;
let dir: string;

const notices = (praticaId: string) => t.db.prisma.outboxAction.findMany({ where: { praticaId }, orderBy: { kind: 'asc' } });
const deliverAll = async () => {
  const worker = t.services.outbox.createWorker();
  while ((await worker.runOnce()) > 0) { /* until nothing is due */ }
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sportello-notices-'));
  sink = await new SmtpSink().start();
  push = await new LocalPushService().start();
  appIo = await new AppIoServer().start();
  t = await startTestApp({
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'Comune <noreply@comune.example>', VAPID_KEY_FILE: path.join(dir, 'vapid.json'),
    SPORTELLO_APPIO: 'http', APP_IO_URL: appIo.url, APP_IO_API_KEY: appIo.apiKey,
  });
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'avvisi', defaultWorkflowService());
}, 180_000);
afterAll(async () => {
  await t?.close();
  await sink?.stop();
  await push?.stop();
  await appIo?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('messageCitizen notifies the citizen', () => {
  it('by e-mail, Web Push and App IO, in the pratica\'s language, each once', async () => {
    const sub = push.subscribe();
    expect((await t.gql(REGISTER, { i: { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth } }, w.fx.tokens.citizen)).errors).toBeUndefined();
    appIo.profiles.set(w.fx.users.citizen.fiscalCode, { sender_allowed: true });
    const p = await submitted(t.services.pratiche, w, undefined, 'en');
    const text = 'Please send the <signed> contract & the receipt.';
    const res = await t.gql(MESSAGE, { input: { praticaId: p.id, text } }, w.fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    const rows = await notices(p.id);
    expect(rows.map((r) => [r.kind, r.status, r.idempotencyKey])).toEqual(['appio', 'email', 'push'].map((k) => [k, 'pending', `pratica:${p.id}:message:${res.data.messageCitizen.id}:${k}`]));

    await deliverAll();
    expect((await notices(p.id)).map((r) => [r.kind, r.status])).toEqual([['appio', 'done'], ['email', 'done'], ['push', 'done']]);
    const mails = sink.messages.filter((m) => m.subject?.includes(p.code));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toMatchObject({ value: [{ address: `citizen@avvisi.example` }] });
    expect(mails[0]!.subject).toBe(`New message about pratica ${p.code}`);
    expect(mails[0]!.text).toContain(text);
    expect(mails[0]!.text).toContain('Dear Citizen avvisi');
    expect(mails[0]!.html).toContain('&lt;signed&gt; contract &amp; the receipt');
    const pushed = push.received.filter((r) => r.message.praticaCode === p.code);
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.message).toMatchObject({ title: `New message about pratica ${p.code}`, body: text, praticaId: p.id });
    const io = appIo.messages.filter((m) => m.subject.includes(p.code));
    expect(io).toHaveLength(1);
    expect(io[0]).toMatchObject({ fiscalCode: w.fx.users.citizen.fiscalCode });
    expect(io[0]!.markdown).toContain(text);

    // Nothing is delivered twice; a second message is a second notice.
    await deliverAll();
    expect(sink.messages.filter((m) => m.subject?.includes(p.code))).toHaveLength(1);
    const again = await t.gql(MESSAGE, { input: { praticaId: p.id, text: 'Un altro messaggio' } }, w.fx.tokens.supervisor);
    expect(again.errors).toBeUndefined();
    await deliverAll();
    expect(sink.messages.filter((m) => m.subject?.includes(p.code))).toHaveLength(2);
    expect(push.received.filter((r) => r.message.praticaCode === p.code)).toHaveLength(2);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
  });

  it('in Italian for an Italian pratica; only the channels the citizen has; a refused message notifies nobody', async () => {
    const citizen = await createUser(t.services, {}); // no push subscription, no App IO profile
    const { email } = citizen;
    const p = await t.services.pratiche.submit({ userId: citizen.id, fiscalCode: citizen.fiscalCode }, { serviceId: w.serviceId, answers: ASSENZA, idempotencyKey: `avvisi-${citizen.id}` }, 'it');
    const before = await t.db.prisma.outboxAction.count();
    expect((await t.gql(MESSAGE, { input: { praticaId: p.id, text: '   ' } }, w.fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.db.prisma.outboxAction.count()).toBe(before);
    const res = await t.gql(MESSAGE, { input: { praticaId: p.id, text: 'Manca la firma sul modulo.' } }, w.fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect((await notices(p.id)).map((r) => r.kind)).toEqual(['appio', 'email']);
    await deliverAll();
    const mail = sink.messages.find((m) => m.subject === `Nuovo messaggio sulla pratica ${p.code}`);
    expect(mail?.text).toContain('Manca la firma sul modulo.');
    expect(mail?.to).toMatchObject({ value: [{ address: email }] });
    // App IO has no profile for them: that notice fails for good (listed for supervisors), the e-mail went.
    expect((await notices(p.id)).map((r) => [r.kind, r.status])).toEqual([['appio', 'failed'], ['email', 'done']]);
  });
});
