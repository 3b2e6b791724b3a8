import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { Env } from './env.js';

/** Web Push (VAPID, RFC 8292): the server's key pair and who it says it is; where endpoints may point. */
export interface PushSettings {
  vapid: { publicKey: string; privateKey: string; subject: string };
  /** Hosts a subscription's endpoint may name (production): the browsers' push services. Null: any https host. */
  endpointHosts: string[] | null;
  /** http://127.0.0.1 / localhost endpoints (development and tests: a local push service). */
  allowLoopbackHttp: boolean;
}

/** The push services of Chrome/Edge (FCM), Firefox (Mozilla autopush), Safari (Apple) and Windows (WNS). */
export const DEFAULT_PUSH_HOSTS = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com', '*.notify.windows.com'];

/** A development key pair kept in a file, created once (exclusively, so concurrent starts agree). */
function devKeys(file: string): { publicKey: string; privateKey: string } {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`VAPID_KEY_FILE ${file} is unreadable: ${(e as Error).message}`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  try {
    writeFileSync(file, JSON.stringify(keys), { flag: 'wx', mode: 0o600 });
    return keys;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8')) as typeof keys;
    throw e;
  }
}

/**
 * VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY (base64url, as `npx web-push generate-vapid-keys` prints
 * them), VAPID_SUBJECT (mailto: or https:), PUSH_ENDPOINT_HOSTS (comma-separated, `*.` for
 * subdomains, `*` for any https host). Required in production; in development a key pair is
 * generated once into VAPID_KEY_FILE (default data/vapid-dev.json).
 */
export function pushSettingsFrom(env: Env, production: boolean, defaultKeyFile: string): PushSettings {
  const given = env.VAPID_PUBLIC_KEY || env.VAPID_PRIVATE_KEY;
  if (production && (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY || !env.VAPID_SUBJECT)) {
    throw new Error('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are required in production (generate a pair with `npx web-push generate-vapid-keys`)');
  }
  const keys = given ? { publicKey: env.VAPID_PUBLIC_KEY ?? '', privateKey: env.VAPID_PRIVATE_KEY ?? '' } : devKeys(path.resolve(env.VAPID_KEY_FILE || defaultKeyFile));
  const subject = env.VAPID_SUBJECT || 'mailto:sviluppo@sportello.invalid';
  try {
    webpush.getVapidHeaders('https://fcm.googleapis.com', subject, keys.publicKey, keys.privateKey, 'aes128gcm'); // validates the keys and the subject's form
  } catch (e) {
    throw new Error(`VAPID settings are invalid: ${(e as Error).message}`);
  }
  const hosts = (env.PUSH_ENDPOINT_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  return {
    vapid: { ...keys, subject },
    endpointHosts: hosts.includes('*') ? null : hosts.length ? hosts : production ? DEFAULT_PUSH_HOSTS : null,
    allowLoopbackHttp: !production,
  };
}
