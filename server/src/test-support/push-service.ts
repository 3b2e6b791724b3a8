import { createECDH, createPublicKey, hkdfSync, createDecipheriv, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser's side of a subscription: its P-256 key pair and auth secret, and the endpoint it was given. */
export interface LocalSubscription { id: string; endpoint: string; p256dh: string; auth: string; ecdh: ECDH; authSecret: Buffer }

export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted message, parsed as JSON. */
  message: Record<string, unknown>;
  ttl: string | undefined; topic: string | undefined; urgency: string | undefined;
  /** The VAPID JWT's claims (verified with the key in the Authorization header). */
  claims: { aud: string; exp: number; sub: string };
  vapidKey: string;
}

/** RFC 8291 §3.4: the content encryption key and nonce from the shared secret, the auth secret and the salt. */
function decryptAes128gcm(body: Buffer, ua: ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idLength = body[20]!;
  const asPublic = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (records.length > rs) throw new Error('more than one record');
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 0x02) throw new Error('not the last record (padding delimiter 2 missing)');
  return padded.subarray(0, end);
}

/** RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`; the JWT verified with k, its claims returned. */
function verifyVapid(header: string | undefined): { claims: ReceivedPush['claims']; key: string } {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!m) throw new Error(`no VAPID authorization: ${header}`);
  const [h, p, s] = m[1]!.split('.') as [string, string, string];
  const point = Buffer.from(m[2]!, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') }, format: 'jwk' });
  if (JSON.parse(Buffer.from(h, 'base64url').toString()).alg !== 'ES256') throw new Error('VAPID JWT is not ES256');
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) throw new Error('VAPID signature does not verify');
  return { claims: JSON.parse(Buffer.from(p, 'base64url').toString()), key: m[2]! };
}

/**
 * A push service on loopback, as a browser vendor's would behave toward the application server:
 * it checks the VAPID JWT (signature, audience, expiry within 24 h), requires aes128gcm and a
 * TTL, decrypts each message with the subscription's private key (RFC 8291, with node:crypto,
 * not with web-push's own code) and keeps it; `answers` makes an endpoint answer 410, 404, 429...
 */
export class LocalPushService {
  readonly received: ReceivedPush[] = [];
  readonly rejected: string[] = [];
  readonly answers = new Map<string, number[]>();
  private readonly subscriptions = new Map<string, LocalSubscription>();
  private server: Server | null = null;
  origin = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** What a browser's pushManager.subscribe() would create: keys and an endpoint here. */
  subscribe(): LocalSubscription {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const authSecret = randomBytes(16);
    const id = randomUUID();
    const sub = { id, endpoint: `${this.origin}/push/${id}`, p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url'), ecdh, authSecret };
    this.subscriptions.set(id, sub);
    return sub;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const sub = this.subscriptions.get(id);
    if (req.method !== 'POST' || !sub) return res.writeHead(404).end();
    const scripted = this.answers.get(id)?.shift();
    if (scripted !== undefined) return res.writeHead(scripted).end();
    try {
      const { claims, key } = verifyVapid(req.headers.authorization);
      if (claims.aud !== this.origin) throw new Error(`VAPID audience ${claims.aud} is not ${this.origin}`);
      const lifetime = claims.exp - Date.now() / 1000;
      if (!(lifetime > 0 && lifetime <= 24 * 3600)) throw new Error(`VAPID expiry ${claims.exp} is not within 24 hours`);
      if (!/^(mailto:|https:)/.test(claims.sub ?? '')) throw new Error(`VAPID subject ${claims.sub} is not mailto: or https:`);
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
      if (req.headers.ttl === undefined) throw new Error('no TTL');
      const message = JSON.parse(decryptAes128gcm(Buffer.concat(chunks), sub.ecdh, sub.authSecret).toString('utf8'));
      this.received.push({
        subscriptionId: id, message, ttl: req.headers.ttl as string, topic: req.headers.topic as string | undefined,
        urgency: req.headers.urgency as string | undefined, claims, vapidKey: key,
      });
      res.writeHead(201, { location: `${this.origin}/message/${randomUUID()}` }).end();
    } catch (e) {
      this.rejected.push((e as Error).message);
      res.writeHead(400).end((e as Error).message);
    }
  }
}
