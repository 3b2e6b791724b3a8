import type { PushSettings } from '../settings/push.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_ENDPOINT = 2048;

/**
 * Whether the server may POST to this endpoint: https to a push service (any https host unless
 * PUSH_ENDPOINT_HOSTS restricts it, as production does by default), or plain http on loopback in
 * development and tests. Returns the refusal's reason, or null. Checked at registration and again
 * before each delivery, so a citizen cannot make the server call arbitrary addresses.
 */
export function endpointRefusal(endpoint: string, settings: Pick<PushSettings, 'endpointHosts' | 'allowLoopbackHttp'>): string | null {
  if (endpoint.length > MAX_ENDPOINT) return 'tooLong';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'notUrl';
  }
  if (url.username || url.password) return 'credentials';
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'http:') return settings.allowLoopbackHttp && LOOPBACK.has(host) ? null : 'notHttps';
  if (url.protocol !== 'https:') return 'notHttps';
  if (settings.endpointHosts === null) return null;
  const allowed = settings.endpointHosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
  return allowed ? null : 'hostNotAllowed';
}

/** A base64url key of exactly `bytes` bytes (p256dh: 65, an uncompressed P-256 point; auth: 16). */
export function keyOk(value: string, bytes: number): boolean {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value) || value.length > 200) return false;
  const raw = Buffer.from(value, 'base64url');
  return raw.length === bytes && (bytes !== 65 || raw[0] === 0x04);
}
