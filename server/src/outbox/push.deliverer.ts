import { createHash } from 'node:crypto';
import webpush from 'web-push';
import type { Tx } from '../shared/prisma.js';
import type { PushSettings } from '../settings/push.js';
import { endpointRefusal } from '../push/push-endpoint.js';
import { pushSubscriptionsRepository as subscriptions, type PushSubscriptionRow } from '../push/push-subscriptions.repository.js';
import { PermanentDeliveryError, type Deliver } from './delivery.port.js';

const TTL_SECONDS = 24 * 3600;
const TIMEOUT_MS = 10_000;
const MAX_TITLE = 120;
const MAX_BODY = 1000; // the encrypted record holds at most ~4 kB

type Outcome = 'sent' | 'gone' | 'retry' | 'refused';

/** The Topic header (RFC 8030: at most 32 base64url characters): a push service keeps one undelivered message per topic. */
const topicOf = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 32);

/**
 * Delivers a `push` action to every subscription of the citizen: encrypted (aes128gcm, RFC 8291)
 * and signed (VAPID, RFC 8292) by web-push, POSTed with fetch. A subscription the push service
 * says is gone (404, 410) is removed. 429, 5xx and network failures are retried: the action
 * then goes again to every subscription, and the repeat is harmless to the citizen because the
 * message's `tag` (the idempotency key) makes the app replace its notification and the Topic
 * header makes the push service replace an undelivered copy. Other refusals (400, 413) fail.
 */
export function pushDeliverer(db: Tx, settings: PushSettings): Deliver {
  const send = async (s: PushSubscriptionRow, message: string, key: string): Promise<Outcome> => {
    if (endpointRefusal(s.endpoint, settings)) return 'gone';
    const request = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, message, {
      vapidDetails: settings.vapid, TTL: TTL_SECONDS, contentEncoding: 'aes128gcm', urgency: 'normal', topic: topicOf(key),
    });
    try {
      const res = await fetch(request.endpoint, {
        // A Uint8Array (a copy of web-push's Buffer): a body for Node's fetch and for the DOM's, whose
        // types the web app's tests check this file with.
        method: 'POST', headers: request.headers as Record<string, string>, body: request.body ? new Uint8Array(request.body) : undefined, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return 'sent';
      if (res.status === 404 || res.status === 410) return 'gone';
      return res.status === 429 || res.status >= 500 ? 'retry' : 'refused';
    } catch {
      return 'retry';
    }
  };
  return async (a) => {
    const { citizenId, title, body } = a.payload as { citizenId?: unknown; title?: unknown; body?: unknown };
    if (typeof citizenId !== 'string' || typeof title !== 'string' || typeof body !== 'string') {
      throw new PermanentDeliveryError('the push message has no citizen, title or text');
    }
    const message = JSON.stringify({
      title: title.slice(0, MAX_TITLE), body: body.slice(0, MAX_BODY), tag: a.idempotencyKey,
      praticaId: a.praticaId, praticaCode: typeof a.payload.praticaCode === 'string' ? a.payload.praticaCode : null,
    });
    const subs = await subscriptions.ofUser(db, citizenId);
    const outcomes = await Promise.all(subs.map((s) => send(s, message, a.idempotencyKey)));
    const gone = subs.filter((_, i) => outcomes[i] === 'gone');
    for (const s of gone) await subscriptions.removeGone(db, citizenId, s.id);
    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    if (count('retry') > 0) throw new Error(`the push service did not take ${count('retry')} of ${subs.length} messages (429, 5xx or no answer)`);
    if (count('refused') > 0 && count('sent') === 0) throw new PermanentDeliveryError(`the push service refused the message (${count('refused')} subscriptions)`);
    return { subscriptions: subs.length, sent: count('sent'), removed: gone.length, refused: count('refused') };
  };
}
