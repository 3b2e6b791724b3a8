import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../test-support/published-services.js';
import { LocalPushService } from '../test-support/push-service.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { createUser } from '../test-support/fixtures.js';
import { DEFAULT_OUTBOX } from '../settings/outbox.js';
import { DEFAULT_PUSH_HOSTS, pushSettingsFrom } from '../settings/push.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { pushDeliverer } from '../outbox/push.deliverer.js';
import { endpointRefusal } from './push-endpoint.js';

// Web Push end to end: the citizen registers their browser's subscription through GraphQL, a
// transition's `push` action is written to the outbox and delivered, encrypted and signed with
// VAPID, to a push service on loopback that verifies the JWT and decrypts what it receives.

const REGISTER = 'mutation ($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { id endpoint createdAt } }';
const UNREGISTER = 'mutation ($e: String!) { unregisterPushSubscription(endpoint: $e) }';
const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { rowVersion } }';

function pushService(): Record<string, any> {
  const def = loadTemplate('segnalazione-assenza');
  def.workflow.transitions[0].actions = [{ type: 'push', subject: 'push.registrata.title', body: 'push.registrata.body' }];
  Object.assign(def.translations.it, { 'push.registrata.title': 'Pratica {{pratica.code}} registrata', 'push.registrata.body': 'Ciao {{citizen.givenName}}, la segnalazione è registrata.' });
  Object.assign(def.translations.en, { 'push.registrata.title': 'Pratica {{pratica.code}} registered', 'push.registrata.body': 'Hello {{citizen.givenName}}, your report is registered.' });
  return def;
}

let t: TestApp;
let w: WorkflowWorld;
let push: LocalPushService;
let dir: string;
const worker = () => new OutboxWorker(t.db.prisma, { push: pushDeliverer(t.db.prisma, t.services.config.push) }, { ...DEFAULT_OUTBOX, maxAttempts: 3, backoffMs: 10 }, t.clock);
const register = (sub: { endpoint: string; p256dh: string; auth: string }, token = w.fx.tokens.citizen) =>
  t.gql(REGISTER, { i: { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth } }, token);
async function transitioned(): Promise<{ id: string; code: string }> {
  const p = await submitted(t.services.pratiche, w);
  const res = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'registrazione', rowVersion: 1 } }, w.fx.tokens.operator);
  expect(res.errors).toBeUndefined();
  return p;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sportello-push-'));
  t = await startTestApp({ VAPID_KEY_FILE: path.join(dir, 'vapid.json') });
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'push', pushService());
  push = await new LocalPushService().start();
}, 180_000);
afterAll(async () => {
  await push?.stop();
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('subscriptions', () => {
  it('a citizen registers and unregisters; registering again renews the keys; only their own', async () => {
    const sub = push.subscribe();
    const res = await register(sub);
    expect(res.errors).toBeUndefined();
    expect(res.data.registerPushSubscription).toMatchObject({ endpoint: sub.endpoint });
    const renewed = push.subscribe();
    expect((await register({ ...renewed, endpoint: sub.endpoint })).data.registerPushSubscription.id).toBe(res.data.registerPushSubscription.id);
    expect(await t.db.prisma.pushSubscription.findFirstOrThrow({ where: { endpoint: sub.endpoint } })).toMatchObject({ p256dh: renewed.p256dh, auth: renewed.auth });

    const other = await createUser(t.services, {});
    expect((await t.gql(UNREGISTER, { e: sub.endpoint }, other.token)).data.unregisterPushSubscription).toBe(false);
    expect((await t.gql(UNREGISTER, { e: sub.endpoint }, w.fx.tokens.citizen)).data.unregisterPushSubscription).toBe(true);
    expect((await t.gql(UNREGISTER, { e: sub.endpoint }, w.fx.tokens.citizen)).data.unregisterPushSubscription).toBe(false);
  });

  it('refuses endpoints the server must not call and malformed keys, each with its pointer; nothing stored', async () => {
    const sub = push.subscribe();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ endpoint: 'http://10.0.0.7/push/x' }, '/input/endpoint', 'push.endpoint.notHttps'],
      [{ endpoint: 'ftp://127.0.0.1/push/x' }, '/input/endpoint', 'push.endpoint.notHttps'],
      [{ endpoint: 'https://utente:segreto@push.example/x' }, '/input/endpoint', 'push.endpoint.credentials'],
      [{ endpoint: 'non un url' }, '/input/endpoint', 'push.endpoint.notUrl'],
      [{ endpoint: `https://push.example/${'a'.repeat(3000)}` }, '/input/endpoint', 'push.endpoint.tooLong'],
      [{ p256dh: Buffer.alloc(65, 3).toString('base64url') }, '/input/p256dh', 'push.badKey'],
      [{ auth: 'c2hvcnQ' }, '/input/auth', 'push.badKey'],
    ];
    for (const [over, pointer, code] of cases) {
      const res = await register({ ...sub, ...over });
      expect(res.errors?.[0]?.extensions, JSON.stringify(over).slice(0, 80)).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer, code }] });
    }
    const en = await t.gql(REGISTER, { i: { endpoint: 'http://10.0.0.7/x', p256dh: sub.p256dh, auth: sub.auth } }, w.fx.tokens.citizen, { 'accept-language': 'en' });
    expect(en.errors?.[0]?.message).toBe('The subscription\'s endpoint must use https');
    expect(await t.db.prisma.pushSubscription.count({ where: { userId: w.fx.users.citizen.id } })).toBe(0);
    expect((await t.gql(REGISTER, { i: { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth } }, w.fx.tokens.operator)).errors).toBeUndefined(); // staff are people too
    expect((await t.gql(REGISTER, { i: { endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('in production only https to the browsers\' push services (or PUSH_ENDPOINT_HOSTS)', () => {
    const prod = { endpointHosts: DEFAULT_PUSH_HOSTS, allowLoopbackHttp: false };
    expect(endpointRefusal('https://fcm.googleapis.com/fcm/send/abc', prod)).toBeNull();
    expect(endpointRefusal('https://wns2-par02p.notify.windows.com/w/?token=x', prod)).toBeNull();
    expect(endpointRefusal('http://127.0.0.1:9/push/x', prod)).toBe('notHttps');
    expect(endpointRefusal('https://169.254.169.254/latest/meta-data', prod)).toBe('hostNotAllowed');
    expect(endpointRefusal('https://evilnotify.windows.com.example/x', prod)).toBe('hostNotAllowed');
  });
});

describe('VAPID keys', () => {
  it('are required in production; in development a pair is generated once into the key file', async () => {
    expect(() => pushSettingsFrom({}, true, path.join(dir, 'never.json'))).toThrow(/VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are required in production/);
    const file = path.join(dir, 'dev', 'vapid.json');
    const first = pushSettingsFrom({}, false, file);
    expect(pushSettingsFrom({}, false, file).vapid.publicKey).toBe(first.vapid.publicKey);
    expect(JSON.parse(await readFile(file, 'utf8')).publicKey).toBe(first.vapid.publicKey);
    expect(() => pushSettingsFrom({ VAPID_PUBLIC_KEY: 'corta', VAPID_PRIVATE_KEY: 'corta' }, false, file)).toThrow(/VAPID settings are invalid/);
    const given = pushSettingsFrom({ ...first.vapid, VAPID_PUBLIC_KEY: first.vapid.publicKey, VAPID_PRIVATE_KEY: first.vapid.privateKey, VAPID_SUBJECT: 'https://comune.example' }, true, file);
    expect(given).toMatchObject({ vapid: { subject: 'https://comune.example' }, endpointHosts: DEFAULT_PUSH_HOSTS, allowLoopbackHttp: false });
  });

  it('the public key is served for browsers to subscribe with', async () => {
    expect((await t.gql('{ pushPublicKey }')).data.pushPublicKey).toBe(t.services.config.push.vapid.publicKey);
  });
});

describe('a transition\'s push action', () => {
  it('reaches each of the citizen\'s devices encrypted and VAPID-signed, in their language, once per key', async () => {
    await t.db.prisma.pushSubscription.deleteMany({});
    const phone = push.subscribe();
    const laptop = push.subscribe();
    await register(phone);
    await register(laptop);
    const p = await transitioned();
    const before = push.received.length;
    await worker().runOnce();
    const got = push.received.slice(before);
    expect(push.rejected).toEqual([]);
    expect(got.map((g) => g.subscriptionId).sort()).toEqual([phone.id, laptop.id].sort());
    const action = await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'push' } });
    for (const g of got) {
      expect(g.message).toEqual({ title: `Pratica ${p.code} registrata`, body: 'Ciao Citizen, la segnalazione è registrata.', tag: action.idempotencyKey, praticaId: p.id, praticaCode: p.code });
      expect(g.vapidKey).toBe(t.services.config.push.vapid.publicKey);
      expect(g.claims.aud).toBe(push.origin);
      expect(g.topic).toMatch(/^[\w-]{32}$/);
      expect(g.ttl).toBe('86400');
    }
    expect(action).toMatchObject({ status: 'done', result: { subscriptions: 2, sent: 2, removed: 0 } });
    await worker().runOnce();
    expect(push.received.length).toBe(before + 2);
  });

  it('a subscription the push service says is gone (410, 404) is removed; a 5xx is retried later', async () => {
    await t.db.prisma.pushSubscription.deleteMany({});
    const [gone, missing, busy] = [push.subscribe(), push.subscribe(), push.subscribe()];
    for (const s of [gone, missing, busy]) await register(s);
    push.answers.set(gone.id, [410]);
    push.answers.set(missing.id, [404]);
    push.answers.set(busy.id, [503]);
    const p = await transitioned();
    await worker().runOnce();
    const action = () => t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'push' } });
    expect(await action()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('did not take 1 of 3') });
    expect((await t.db.prisma.pushSubscription.findMany({ where: { userId: w.fx.users.citizen.id } })).map((s) => s.endpoint)).toEqual([busy.endpoint]);
    t.clock.set(new Date(t.clock().getTime() + 60_000));
    const before = push.received.length;
    await worker().runOnce();
    expect(await action()).toMatchObject({ status: 'done', result: { subscriptions: 1, sent: 1 } });
    expect(push.received.slice(before).map((r) => r.subscriptionId)).toEqual([busy.id]);
  });

  it('a citizen without subscriptions: the action is done with nothing sent (no failure to chase)', async () => {
    await t.db.prisma.pushSubscription.deleteMany({});
    const p = await transitioned();
    await worker().runOnce();
    expect(await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'push' } })).toMatchObject({ status: 'done', result: { subscriptions: 0, sent: 0 } });
  });
});
