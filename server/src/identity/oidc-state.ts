import { createHash } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { OidcPending } from './oidc-client.js';

export const STATE_COOKIE = 'sportello_oidc';
const TTL_SECONDS = 600;
/** A sealed pending login is ~400 characters: anything much longer is not one of ours. */
const MAX_VALUE_LENGTH = 4096;

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

  /**
   * The pending login from a Cookie header (parsed by the `cookie` package: the first of duplicate
   * names wins, bad percent-encoding stays as sent), or null when absent, too long, expired or forged.
   */
  async open(cookieHeader: string | undefined): Promise<OidcPending | null> {
    const value = cookieHeader ? parseCookie(cookieHeader)[STATE_COOKIE] : undefined;
    if (!value || value.length > MAX_VALUE_LENGTH) return null;
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

  /** Only for the login's return to this server: Path /auth/oidc, HttpOnly, SameSite=Lax, Secure in production. */
  private header(value: string, maxAge: number): string {
    return stringifySetCookie(STATE_COOKIE, value, { path: '/auth/oidc', httpOnly: true, sameSite: 'lax', maxAge, secure: this.secure });
  }
}
