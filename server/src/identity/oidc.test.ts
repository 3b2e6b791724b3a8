import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';

// SPID/CIE login against a real OpenID Connect provider (oidc-provider) on loopback: the whole
// browser flow, driven by hand: redirects followed one by one, cookies kept per origin, the
// provider's development login and consent forms submitted as a person would.

const CLIENT_SECRET = 'a-client-secret-of-decent-length-0123456789';
const ACCOUNTS: Record<string, Record<string, string>> = {
  mario: { fiscal_number: 'TINIT-RSSMRA85T10A562S', given_name: 'Mario', family_name: 'Rossi', email: 'mario.rossi@example.test' },
  invalid: { fiscal_number: 'TINIT-RSSMRA85T10A562X', given_name: 'Finto', family_name: 'Codice' },
};

class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const jar = this.jar(new URL(url).origin);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1);
      if (!value || /max-age=0/i.test(cookie) || /expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  private jar(origin: string): Map<string, string> {
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    return this.jars.get(origin)!;
  }
}

async function startProvider(callback: string) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'sportello', client_secret: CLIENT_SECRET, redirect_uris: [callback],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'fiscal_number', 'email'] },
    findAccount: async (_ctx: unknown, id: string) => ACCOUNTS[id.replace(/-\d+$/, '')] && {
      accountId: id,
      claims: async () => ({ sub: id, ...ACCOUNTS[id.replace(/-\d+$/, '')] }),
    },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describe('OIDC login (SPID/CIE through a configurable issuer)', () => {
  let t: TestApp;
  let op: Awaited<ReturnType<typeof startProvider>>;
  let a: EnteFixture;
  const callbackUrl = () => `${t.url}/auth/oidc/callback`;

  /** From /auth/oidc/login through the provider's forms to the URL of our callback (not yet fetched). */
  async function throughProvider(browser: Browser, account: string, tamper: (authUrl: URL) => void = () => {}): Promise<URL> {
    const login = await browser.request(`${t.url}/auth/oidc/login`);
    expect(login.status).toBe(302);
    const authUrl = new URL(login.headers.get('location')!);
    expect(authUrl.origin).toBe(op.issuer);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    tamper(authUrl);
    let next = authUrl.toString();
    for (let step = 0; step < 12; step++) {
      let res = await browser.request(next);
      if (res.status === 200 && new URL(next).pathname.startsWith('/interaction/')) {
        const html = await res.text();
        const form = html.includes('name="login"') ? { prompt: 'login', login: account, password: 'x' } : { prompt: 'consent' };
        res = await browser.request(next, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
      }
      expect([302, 303]).toContain(res.status);
      const location = new URL(res.headers.get('location')!, next);
      if (location.toString().startsWith(callbackUrl())) return location;
      next = location.toString();
    }
    throw new Error('the provider never sent the browser back');
  }

  async function login(account: string) {
    const browser = new Browser();
    const res = await browser.request((await throughProvider(browser, account)).toString());
    return { res, body: await res.json() as any };
  }

  beforeAll(async () => {
    t = await startTestApp();
    op = await startProvider(`${t.url}/auth/oidc/callback`);
    t.services.config.oidc = { issuer: op.issuer, clientId: 'sportello', clientSecret: CLIENT_SECRET, redirectUri: callbackUrl(), scope: 'openid profile' };
    a = await createEnteWithUsers(t.services, { slug: 'oidc-a' });
    ACCOUNTS.operator = { fiscal_number: `TINIT-${a.users.operator.fiscalCode}`, given_name: 'Op', family_name: 'Erator' };
  });
  afterAll(async () => {
    await op?.close();
    await t?.close();
  });

  it('logs a new citizen in: user and identity created, fiscal code from fiscal_number, a session token', async () => {
    const { res, body } = await login('mario');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/sportello_oidc=;.*Max-Age=0/);
    const me = await t.gql(`{ me { user { fiscalCode givenName familyName email } ente { id } roles } }`, {}, body.token);
    expect(me.data.me).toEqual({ user: { fiscalCode: 'RSSMRA85T10A562S', givenName: 'Mario', familyName: 'Rossi', email: 'mario.rossi@example.test' }, ente: null, roles: [] });
    const identity = await t.services.db.prisma.identity.findFirstOrThrow({ where: { provider: `oidc:${op.issuer}` }, select: { subject: true, user: { select: { fiscalCode: true } } } });
    expect(identity).toEqual({ subject: 'mario', user: { fiscalCode: 'RSSMRA85T10A562S' } });
    const events = await t.services.db.prisma.auditEvent.findMany({ where: { action: 'identity.login' }, select: { data: true } });
    expect(events.map((e) => e.data)).toEqual([{ provider: `oidc:${op.issuer}`, outcome: 'created' }]);

    // The second time the same person is found, not created again.
    const again = await login('mario');
    const meAgain = await t.gql(`{ me { user { id } } }`, {}, again.body.token);
    const first = await t.gql(`{ me { user { id } } }`, {}, body.token);
    expect(meAgain.data.me.user.id).toBe(first.data.me.user.id);
    expect(await t.services.db.prisma.user.count({ where: { fiscalCode: 'RSSMRA85T10A562S' } })).toBe(1);
  });

  it('links the login to a known person by fiscal code, with their roles in their Ente', async () => {
    const { body } = await login('operator');
    const me = await t.gql(`{ me { user { id } ente { id } roles } }`, {}, body.token);
    expect(me.data.me).toEqual({ user: { id: a.users.operator.id }, ente: { id: a.ente.id }, roles: ['OPERATOR'] });
    const event = await t.services.db.prisma.auditEvent.findFirst({ where: { subjectId: a.users.operator.id, action: 'identity.login' }, select: { data: true } });
    expect(event?.data).toMatchObject({ outcome: 'linked' });
  });

  it('hands the token to the web app in the URL fragment when WEB_URL is set', async () => {
    t.services.config.webUrl = 'http://127.0.0.1:3000/accesso';
    try {
      const browser = new Browser();
      const res = await browser.request((await throughProvider(browser, 'mario')).toString());
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.origin + location.pathname).toBe('http://127.0.0.1:3000/accesso');
      const token = new URLSearchParams(location.hash.slice(1)).get('token')!;
      expect((await t.gql(`{ me { user { fiscalCode } } }`, {}, token)).data.me.user.fiscalCode).toBe('RSSMRA85T10A562S');

      // Failures go there too, as an error key.
      const failed = await new Browser().request(`${callbackUrl()}?code=x&state=y`);
      expect(new URL(failed.headers.get('location')!).hash).toBe('#error=identity.oidc.state');
    } finally {
      t.services.config.webUrl = undefined;
    }
  });

  it('rejects a tampered state, and a callback without the login cookie', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'mario');
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const res = await browser.request(callback.toString());
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', key: 'identity.oidc.state' });

    const stranger = await new Browser().request((await throughProvider(new Browser(), 'mario')).toString());
    expect((await stranger.json()).errors[0].extensions.key).toBe('identity.oidc.state');
  });

  it('rejects an ID token whose nonce is not the one this login sent', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'mario', (url) => url.searchParams.set('nonce', 'someone-elses-nonce'));
    const res = await browser.request(callback.toString());
    expect(res.status).toBe(401);
    expect((await res.json()).errors[0].extensions.key).toBe('identity.oidc.nonce');
  });

  it('rejects a code issued for another PKCE challenge', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'mario', (url) => url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'));
    const res = await browser.request(callback.toString());
    expect((await res.json()).errors[0].extensions.key).toBe('identity.oidc.provider');
  });

  it('rejects an invalid fiscal code and creates nobody', async () => {
    const users = await t.services.db.prisma.user.count();
    const { res, body } = await login('invalid');
    expect(res.status).toBe(401);
    expect(body.errors[0].extensions.key).toBe('identity.oidc.fiscalCode');
    expect(body.errors[0].message).toBe('Il fornitore di identità non ha comunicato un codice fiscale valido');
    expect(await t.services.db.prisma.user.count()).toBe(users);
  });

  it('answers NOT_FOUND when no issuer is configured', async () => {
    const saved = t.services.config.oidc;
    t.services.config.oidc = undefined;
    try {
      const res = await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual' });
      expect(res.status).toBe(404);
      expect((await res.json()).errors[0].extensions.key).toBe('identity.oidc.notConfigured');
    } finally {
      t.services.config.oidc = saved;
    }
  });
});
