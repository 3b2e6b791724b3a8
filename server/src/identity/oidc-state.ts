import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { OidcPending } from './oidc-client.js';

export const STATE_COOKIE = 'sportello_oidc';
const TTL_SECONDS = 600;

/**
 * The pending login lives in an encrypted, short-lived cookie (not in server memory), so the
 * callback may reach any server instance; encryption also keeps the PKCE verifier unreadable.
 */
export class OidcStateCookie {
  private readonly key: Uint8Array;
  constructor(sessionSecret: string, private readonly secure: boolean) {
    this.key = createHash('sha256').update(`oidc-state\0${sessionSecret}`).digest();
  }

  async seal(pending: OidcPending): Promise<string> {
    const value = await new EncryptJWT({ ...pending }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt().setExpirationTime(`${TTL_SECONDS}s`).encrypt(this.key);
    return this.header(value, TTL_SECONDS);
  }

  /** The pending login from a Cookie header, or null when absent, expired or forged. */
  async open(cookieHeader: string | undefined): Promise<OidcPending | null> {
    const value = readCookie(cookieHeader, STATE_COOKIE);
    if (!value) return null;
    try {
      const { payload } = await jwtDecrypt(value, this.key);
      const { state, nonce, verifier } = payload;
      return typeof state === 'string' && typeof nonce === 'string' && typeof verifier === 'string' ? { state, nonce, verifier } : null;
    } catch {
      return null;
    }
  }

  clear(): string {
    return this.header('', 0);
  }

  private header(value: string, maxAge: number): string {
    return `${STATE_COOKIE}=${value}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${this.secure ? '; Secure' : ''}`;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
