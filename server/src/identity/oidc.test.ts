import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider';
import { readServerConfig } from '../config.js';
import type { OidcSettings } from '../settings/oidc.js';
import { productionEnv, startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { seedIfEmpty } from '../seed/seed.js';
import { adminCommand } from './admin-cli.js';

// SPID/CIE login against a real OpenID Connect provider (oidc-provider) on loopback: the whole
// browser flow, driven by hand: redirects followed one by one, cookies kept per origin, the
// provider's development login and consent forms submitted as a person would.

const CLIENT_SECRET = 'a-client-secret-of-decent-length-0123456789';
const ACCOUNTS: Record<string, Record<string, string>> = {
  mario: { fiscal_number: 'TINIT-RSSMRA85T10A562S', given_name: 'Mario', family_name: 'Rossi', email: 'mario.rossi@example.test' },
  invalid: { fiscal_number: 'TINIT-RSSMRA85T10A562X', given_name: 'Finto', family_name: 'Codice' },
  // The platform admin the demo seed used to create with this fiscal code, on every install.
  paola: { fiscal_number: 'TINIT-MRNPLA70A58D612K', given_name: 'Paola', family_name: 'Marino' },
  giada: { fiscal_number: 'TINIT-VRDGDI80A41H501V', given_name: 'Giada', family_name: 'Verdi' },
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

/** The relying party's keys, as PEM PKCS#8 files (OIDC_PRIVATE_KEY_FILE), in a temporary folder. */
const keyDir = mkdtempSync(path.join(tmpdir(), 'sportello-oidc-'));
function pemFile(name: string, pem: string): string {
  const file = path.join(keyDir, name);
  writeFileSync(file, pem);
  return file;
}
const pkcs8 = { type: 'pkcs8', format: 'pem' } as const;
const KEYS = {
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: pkcs8, publicKeyEncoding: { type: 'spki', format: 'pem' } }),
  ec: generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: pkcs8, publicKeyEncoding: { type: 'spki', format: 'pem' } }),
  other: generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: pkcs8, publicKeyEncoding: { type: 'spki', format: 'pem' } }),
};
const RSA_FILE = pemFile('rp-rsa.pem', KEYS.rsa.privateKey);
const EC_FILE = pemFile('rp-ec.pem', KEYS.ec.privateKey);
const OTHER_FILE = pemFile('other-rsa.pem', KEYS.other.privateKey);

/** OIDC settings as the server reads them from the environment. */
function oidcSettings(env: Record<string, string>): OidcSettings {
  return readServerConfig({ SESSION_SECRET: 'test-secret-test-secret-test-secret-42', ...env }).oidc!;
}

/** What the provider saw at its token endpoint, for the assertions' claims. */
const tokenRequests: Array<{ clientId: string; assertion?: string; authorization?: string }> = [];

async function startProvider(callback: string, rpJwksUri: string) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const rpRsaPublic = await exportJWK(createPublicKey(KEYS.rsa.publicKey));
  const rpRsaJwk = { ...rpRsaPublic, kid: await calculateJwkThumbprint(rpRsaPublic), use: 'sig' }; // as the RP registers it
  const common = { redirect_uris: [callback], grant_types: ['authorization_code'], response_types: ['code'] };
  const provider = new Provider(issuer, {
    clients: [
      { ...common, client_id: 'sportello', client_secret: CLIENT_SECRET, token_endpoint_auth_method: 'client_secret_basic' },
      // private_key_jwt with the RP's RSA public key registered by value; request objects allowed.
      { ...common, client_id: 'sportello-jwt', token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: 'RS256', request_object_signing_alg: 'RS256', jwks: { keys: [rpRsaJwk] } },
      // The SPID/CIE shape: private_key_jwt, signed request objects required, keys fetched from our /auth/oidc/jwks.json.
      { ...common, client_id: 'sportello-signed', token_endpoint_auth_method: 'private_key_jwt', request_object_signing_alg: 'ES256', require_signed_request_object: true, jwks_uri: rpJwksUri },
    ],
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'fiscal_number', 'email'] },
    findAccount: async (_ctx: unknown, id: string) => ACCOUNTS[id.replace(/-\d+$/, '')] && {
      accountId: id,
      claims: async () => ({ sub: id, ...ACCOUNTS[id.replace(/-\d+$/, '')] }),
    },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true }, requestObjects: { enabled: true } },
    // The provider refuses to fetch loopback addresses (SSRF protection); our jwks_uri is on loopback here.
    fetch: (url: string, { dispatcher: _loopbackRefused, ...options }: RequestInit & { dispatcher?: unknown }) => fetch(url, options),
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  provider.on('grant.success', (ctx: any) => {
    tokenRequests.push({ clientId: ctx.oidc.client.clientId, assertion: ctx.oidc.params.client_assertion, authorization: ctx.headers.authorization });
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

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
        const form: Record<string, string> = html.includes('name="login"') ? { prompt: 'login', login: account, password: 'x' } : { prompt: 'consent' };
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
    op = await startProvider(`${t.url}/auth/oidc/callback`, `${t.url}/auth/oidc/jwks.json`);
    t.services.config.oidc = oidcSettings({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: 'sportello', OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_REDIRECT_URI: callbackUrl() });
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
    expect((await res.json() as any).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', key: 'identity.oidc.state' });

    const stranger = await new Browser().request((await throughProvider(new Browser(), 'mario')).toString());
    expect((await stranger.json() as any).errors[0].extensions.key).toBe('identity.oidc.state');
  });

  it('sets the state cookie through the cookie package: Path=/auth/oidc, HttpOnly, SameSite=Lax, 10 minutes, not Secure over http in development', async () => {
    const res = await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual' });
    const cookie = res.headers.getSetCookie();
    expect(cookie).toHaveLength(1);
    expect(cookie[0]).toMatch(/^sportello_oidc=[\w.-]{100,}; Max-Age=600; Path=\/auth\/oidc; HttpOnly; SameSite=Lax$/);
  });

  it('answers malformed Cookie headers (NUL, huge, duplicate or prototype names, bad encoding) with a clear refusal, never a 500', async () => {
    /** One request over a raw socket, so that headers fetch would refuse to send reach the server. */
    const raw = (path: string, cookie: string, body?: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = new URL(t.url);
      // HTTP/1.0: the answer comes whole, not chunked, and the connection closes after it.
      const head = body === undefined ? `GET ${path} HTTP/1.0\r\n` : `POST ${path} HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`${head}Host: 127.0.0.1\r\nAccept-Language: en\r\nCookie: ${cookie}\r\n\r\n${body ?? ''}`));
      let data = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk) => { data += chunk; });
      socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
      socket.on('error', reject);
    });
    // A real pending login, to see that its cookie is read only when it is the first of its name.
    const browser = new Browser();
    const callback = await throughProvider(browser, 'mario');
    const login = await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual' });
    const sealed = login.headers.getSetCookie()[0]!.split(';')[0]!; // sportello_oidc=<value>, another pending login
    const path = `${callback.pathname}${callback.search}`;
    const cases: Record<string, string> = {
      nul: `sportello_oidc=abc\u0000def`,
      huge: `sportello_oidc=${'a'.repeat(12_000)}`,
      tooLong: `x=1; sportello_oidc=${'a'.repeat(5_000)}`,
      headerOverLimit: `sportello_oidc=${'a'.repeat(70_000)}`,
      duplicateForgedFirst: `sportello_oidc=forged; ${sealed}`,
      duplicateOtherLoginFirst: `${sealed}; sportello_oidc=forged`,
      prototype: '__proto__=x; constructor=y; toString=z; hasOwnProperty=w',
      badEncoding: 'sportello_oidc=%E0%A4%A; other=%',
      noPairs: ';;;; = ; =x; ;',
      controlChars: 'sportello_oidc=\u0001\u007f\u00ff',
    };
    for (const [name, cookie] of Object.entries(cases)) {
      const res = await raw(path, cookie);
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
      if (res.status === 401) expect(JSON.parse(res.body).errors[0].extensions, name).toEqual({ code: 'UNAUTHENTICATED', key: 'identity.oidc.state' });
    }
    // The same headers on GraphQL are ignored (sessions travel in Authorization), and the server is still up.
    for (const cookie of [cases.prototype!, cases.badEncoding!, cases.duplicateForgedFirst!]) {
      const res = await raw('/graphql', cookie, JSON.stringify({ query: '{ __typename }' }));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ data: { __typename: 'Query' } });
    }
    // The login the provider sent back still completes with its own cookie, first of its name.
    const done = await browser.request(callback.toString(), { headers: {} });
    expect(done.status).toBe(200);
  });

  it('rejects an ID token whose nonce is not the one this login sent', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'mario', (url) => url.searchParams.set('nonce', 'someone-elses-nonce'));
    const res = await browser.request(callback.toString());
    expect(res.status).toBe(401);
    expect((await res.json() as any).errors[0].extensions.key).toBe('identity.oidc.nonce');
  });

  it('rejects a code issued for another PKCE challenge', async () => {
    const browser = new Browser();
    const callback = await throughProvider(browser, 'mario', (url) => url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'));
    const res = await browser.request(callback.toString());
    expect((await res.json() as any).errors[0].extensions.key).toBe('identity.oidc.provider');
  });

  it('rejects an invalid fiscal code and creates nobody', async () => {
    const users = await t.services.db.prisma.user.count();
    const { res, body } = await login('invalid');
    expect(res.status).toBe(401);
    expect(body.errors[0].extensions.key).toBe('identity.oidc.fiscalCode');
    expect(body.errors[0].message).toBe('Il fornitore di identità non ha comunicato un codice fiscale valido');
    expect(await t.services.db.prisma.user.count()).toBe(users);
  });

  /** Runs `fn` with the relying party configured from these OIDC_* variables (besides the issuer and callback). */
  async function withOidc<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
    const saved = t.services.config.oidc;
    t.services.config.oidc = oidcSettings({ OIDC_ISSUER: op.issuer, OIDC_REDIRECT_URI: callbackUrl(), ...env });
    try {
      return await fn();
    } finally {
      t.services.config.oidc = saved;
    }
  }

  describe('SPID/CIE OIDC profile: private_key_jwt and signed request objects', () => {
    it('authenticates to the token endpoint with a client assertion signed by the RP key, no secret', async () => {
      await withOidc({ OIDC_CLIENT_ID: 'sportello-jwt', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: RSA_FILE }, async () => {
        const before = tokenRequests.length;
        const { res, body } = await login('mario');
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect((await t.gql(`{ me { user { fiscalCode } } }`, {}, body.token)).data.me.user.fiscalCode).toBe('RSSMRA85T10A562S');

        const seen = tokenRequests.slice(before);
        expect(seen).toHaveLength(1);
        expect(seen[0]).toMatchObject({ clientId: 'sportello-jwt', authorization: undefined });
        const claims = decodeJwt(seen[0]!.assertion!);
        const kid = await calculateJwkThumbprint(await exportJWK(createPublicKey(KEYS.rsa.publicKey)));
        expect(decodeProtectedHeader(seen[0]!.assertion!)).toEqual({ alg: 'RS256', kid });
        expect(claims).toMatchObject({ iss: 'sportello-jwt', sub: 'sportello-jwt', aud: `${op.issuer}/token` });
        expect(claims.exp! - claims.iat!).toBe(60);
        expect(claims.jti).toMatch(/^[\w-]{32,}$/); // random, base64url

        // Every assertion is new (the provider refuses a jti twice).
        const second = await login('mario');
        expect(second.res.status).toBe(200);
        expect(decodeJwt(tokenRequests.at(-1)!.assertion!).jti).not.toBe(claims.jti);
      });
    });

    it('sends the authorization request as a signed request object (RS256) carrying every parameter', async () => {
      await withOidc({ OIDC_CLIENT_ID: 'sportello-jwt', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: RSA_FILE, OIDC_REQUEST_OBJECT: 'true' }, async () => {
        const start = await new Browser().request(`${t.url}/auth/oidc/login`);
        const authUrl = new URL(start.headers.get('location')!);
        // The query repeats only client_id, response_type, scope and PKCE; state, nonce and redirect_uri travel signed.
        expect([...authUrl.searchParams.keys()].sort()).toEqual(['client_id', 'code_challenge', 'code_challenge_method', 'request', 'response_type', 'scope']);
        const request = authUrl.searchParams.get('request')!;
        expect(decodeProtectedHeader(request)).toMatchObject({ alg: 'RS256' });
        const claims = decodeJwt(request);
        expect(claims).toMatchObject({
          iss: 'sportello-jwt', aud: op.issuer, client_id: 'sportello-jwt', response_type: 'code', redirect_uri: callbackUrl(),
          scope: 'openid profile', code_challenge: authUrl.searchParams.get('code_challenge'), code_challenge_method: 'S256',
        });
        expect(claims.state).toEqual(expect.any(String));
        expect(claims.nonce).toEqual(expect.any(String));
        expect(claims.jti).toEqual(expect.any(String));
        expect(claims.exp! - claims.iat!).toBe(60); // openid-client's lifetime: the browser goes there at once

        const { res, body } = await login('mario');
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect((await t.gql(`{ me { user { fiscalCode } } }`, {}, body.token)).data.me.user.fiscalCode).toBe('RSSMRA85T10A562S');
      });
    });

    it('logs in with an EC P-256 key (ES256) that the provider fetches from /auth/oidc/jwks.json, request objects required', async () => {
      await withOidc({ OIDC_CLIENT_ID: 'sportello-signed', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: EC_FILE, OIDC_REQUEST_OBJECT: 'true' }, async () => {
        const before = tokenRequests.length;
        const { res, body } = await login('mario');
        expect(res.status, JSON.stringify(body)).toBe(200);
        expect((await t.gql(`{ me { user { fiscalCode } } }`, {}, body.token)).data.me.user.fiscalCode).toBe('RSSMRA85T10A562S');
        expect(decodeProtectedHeader(tokenRequests.slice(before)[0]!.assertion!).alg).toBe('ES256');
      });
      // This client must send request objects: the same login without one is refused by the provider.
      await withOidc({ OIDC_CLIENT_ID: 'sportello-signed', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: EC_FILE }, async () => {
        const browser = new Browser();
        const start = await browser.request(`${t.url}/auth/oidc/login`);
        const res = await browser.request(start.headers.get('location')!);
        const location = res.headers.get('location');
        expect(location && new URL(location).searchParams.get('error')).toBe('invalid_request');
        expect(location && new URL(location).searchParams.get('code')).toBeNull();
      });
    });

    it('fails with the localized UNAUTHENTICATED error when the assertion is signed by another key', async () => {
      await withOidc({ OIDC_CLIENT_ID: 'sportello-jwt', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: OTHER_FILE }, async () => {
        const users = await t.services.db.prisma.user.count();
        const browser = new Browser();
        const callback = await throughProvider(browser, 'mario');
        const res = await browser.request(callback.toString(), { headers: { 'accept-language': 'en' } });
        expect(res.status).toBe(401);
        const error = (await res.json() as any).errors[0];
        // Like every error answered over HTTP, the extensions carry the message's params (as GraphQL's do).
        expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', key: 'identity.oidc.provider', params: { detail: '401 invalid_client' } });
        expect(error.message).toBe('The identity provider did not answer as expected (401 invalid_client)');
        expect(await t.services.db.prisma.user.count()).toBe(users);
      });
      // A request object signed by another key: the provider sends the browser back with an error, no code.
      await withOidc({ OIDC_CLIENT_ID: 'sportello-jwt', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: OTHER_FILE, OIDC_REQUEST_OBJECT: 'true' }, async () => {
        const browser = new Browser();
        const start = await browser.request(`${t.url}/auth/oidc/login`);
        const back = new URL((await browser.request(start.headers.get('location')!)).headers.get('location')!);
        expect(back.toString().startsWith(callbackUrl())).toBe(true);
        expect(back.searchParams.get('error')).toBe('invalid_request_object');
        expect(back.searchParams.has('code')).toBe(false);
        const res = await browser.request(back.toString());
        expect(res.status).toBe(401);
        expect((await res.json() as any).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', key: 'identity.oidc.denied', params: { detail: 'invalid_request_object' } });
      });
    });

    it('publishes only the public part of the RP key at /auth/oidc/jwks.json, and 404 without a key', async () => {
      await withOidc({ OIDC_CLIENT_ID: 'sportello-jwt', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: RSA_FILE }, async () => {
        const res = await fetch(`${t.url}/auth/oidc/jwks.json`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        const { keys } = await res.json() as { keys: Array<Record<string, string>> };
        const publicJwk = await exportJWK(createPublicKey(KEYS.rsa.publicKey));
        expect(keys).toEqual([{ kty: 'RSA', n: publicJwk.n, e: publicJwk.e, kid: await calculateJwkThumbprint(publicJwk), alg: 'RS256', use: 'sig' }]);
        for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(secret);
      });
      await withOidc({ OIDC_CLIENT_ID: 'sportello-signed', OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: EC_FILE, OIDC_KEY_ID: 'rp-2026' }, async () => {
        const { keys } = await (await fetch(`${t.url}/auth/oidc/jwks.json`)).json() as { keys: Array<Record<string, string>> };
        expect(Object.keys(keys[0]!).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
        expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'rp-2026', alg: 'ES256', use: 'sig' });
      });
      const none = await fetch(`${t.url}/auth/oidc/jwks.json`); // the client_secret_basic setup has no key
      expect(none.status).toBe(404);
      expect((await none.json() as any).errors[0].extensions).toEqual({ code: 'NOT_FOUND', key: 'identity.oidc.noKeys' });
    });
  });

  it('talks plain http to the issuer only when the settings allow it (loopback, outside production)', async () => {
    const saved = t.services.config.oidc!;
    t.services.config.oidc = { ...saved, insecureLoopback: false }; // as if this http issuer had reached production settings
    try {
      const res = await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual', headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(401);
      const error = (await res.json() as any).errors[0];
      expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', key: 'identity.oidc.provider', params: { detail: 'only requests to HTTPS are allowed' } });
    } finally {
      t.services.config.oidc = saved;
    }
    expect((await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual' })).status).toBe(302);
  });

  it('answers NOT_FOUND when no issuer is configured', async () => {
    const saved = t.services.config.oidc;
    t.services.config.oidc = undefined;
    try {
      const res = await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual' });
      expect(res.status).toBe(404);
      expect((await res.json() as any).errors[0].extensions.key).toBe('identity.oidc.notConfigured');
    } finally {
      t.services.config.oidc = saved;
    }
  });
});

describe('a fresh production install: no demo people, the first platform admin by command', () => {
  let t: TestApp;
  let op: Awaited<ReturnType<typeof startProvider>>;

  async function login(account: string): Promise<string> {
    const browser = new Browser();
    const start = await browser.request(`${t.url}/auth/oidc/login`);
    let next = start.headers.get('location')!;
    for (let step = 0; step < 12 && !next.startsWith(`${t.url}/auth/oidc/callback`); step++) {
      let res = await browser.request(next);
      if (res.status === 200) {
        const form: Record<string, string> = (await res.text()).includes('name="login"') ? { prompt: 'login', login: account, password: 'x' } : { prompt: 'consent' };
        res = await browser.request(next, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
      }
      next = new URL(res.headers.get('location')!, next).toString();
    }
    const res = await browser.request(next);
    expect(res.status).toBe(200);
    return (await res.json() as { token: string }).token;
  }
  const isPlatformAdmin = async (token: string) => (await t.gql(`{ me { user { platformAdmin } } }`, {}, token)).data.me.user.platformAdmin;
  const createEnte = (token: string) => t.gql(`mutation($input: CreateEnteInput!) { createEnte(input: $input) { id } }`,
    { input: { slug: 'comune-nuovo', name: 'Comune Nuovo', ipaCode: 'c_n001', fiscalCode: '80012340008' } }, token);

  beforeAll(async () => {
    t = await startTestApp(productionEnv());
    op = await startProvider(`${t.url}/auth/oidc/callback`, `${t.url}/auth/oidc/jwks.json`);
    t.services.config.oidc = oidcSettings({ OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: 'sportello', OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_REDIRECT_URI: `${t.url}/auth/oidc/callback` });
    expect(await seedIfEmpty(t.services)).toBeNull(); // what `npm start` does at start
  });
  afterAll(async () => {
    await op?.close();
    await t?.close();
  });

  it('marks the state cookie Secure in production', async () => {
    const res = await fetch(`${t.url}/auth/oidc/login`, { redirect: 'manual' });
    expect(res.headers.getSetCookie()[0]).toMatch(/^sportello_oidc=[\w.-]+; Max-Age=600; Path=\/auth\/oidc; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('seeds the catalogue but no person, no Ente, no registry fixture', async () => {
    const p = t.services.db.prisma;
    expect(await p.catalogueTemplate.count()).toBeGreaterThan(0);
    expect({ users: await p.user.count(), enti: await p.ente.count(), residents: await p.anprResident.count() }).toEqual({ users: 0, enti: 0, residents: 0 });
  });

  it("gives the old demo admin's fiscal code no role: a plain citizen", async () => {
    const token = await login('paola');
    expect(await isPlatformAdmin(token)).toBe(false);
    expect((await createEnte(token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('makes a platform admin with `sportello admin create`, idempotently, checking the fiscal code', async () => {
    const out: string[] = [];
    expect(await adminCommand(t.services.db.prisma, ['create', '--fiscal-code', 'RSSMRA85T10A562X'], (l) => out.push(l))).toBe(1);
    expect(out.at(-1)).toMatch(/not a valid personal fiscal code/);
    expect(await adminCommand(t.services.db.prisma, ['create'], (l) => out.push(l))).toBe(2);
    expect(await adminCommand(t.services.db.prisma, ['create', '--fiscal-code', 'vrdgdi80a41h501v', '--given-name', 'Giada'], (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/^VRDGDI80A41H501V created as a platform administrator/);
    expect(await adminCommand(t.services.db.prisma, ['create', '--fiscal-code', 'VRDGDI80A41H501V'], (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/was already a platform administrator/);
    expect(await t.services.db.prisma.user.count({ where: { platformAdmin: true } })).toBe(1);

    // Their first SPID/CIE login finds them by fiscal code: platform admin, can create an Ente.
    const token = await login('giada');
    expect(await isPlatformAdmin(token)).toBe(true);
    expect((await createEnte(token)).errors).toBeUndefined();

    // An existing person (the citizen who logged in above) is promoted, not duplicated.
    expect(await adminCommand(t.services.db.prisma, ['create', '--fiscal-code', 'MRNPLA70A58D612K'], (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/is now a platform administrator/);
    expect(await t.services.db.prisma.user.count({ where: { fiscalCode: 'MRNPLA70A58D612K' } })).toBe(1);
  });
});

describe('OIDC configuration (OIDC_CLIENT_AUTH, OIDC_PRIVATE_KEY_FILE, OIDC_REQUEST_OBJECT)', () => {
  const base = { SESSION_SECRET: 'test-secret-test-secret-test-secret-42', OIDC_ISSUER: 'https://login.example.it', OIDC_CLIENT_ID: 'https://sportello.example.it' };
  const read = (env: Record<string, string>) => () => readServerConfig({ ...base, ...env });

  it('keeps client_secret_basic as the default, with its secret required', () => {
    expect(read({ OIDC_CLIENT_SECRET: 's' })().oidc).toMatchObject({ clientAuth: 'client_secret_basic', requestObject: false, clientSecret: 's', signingKey: undefined });
    expect(read({})).toThrow('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  });

  it('needs no secret with private_key_jwt, but a key; reads RSA and EC keys with their default algorithm and thumbprint kid', async () => {
    const rsa = read({ OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: RSA_FILE })().oidc!;
    expect(rsa).toMatchObject({ clientAuth: 'private_key_jwt', clientSecret: '', requestObject: false });
    expect(rsa.signingKey).toMatchObject({ alg: 'RS256', kid: await calculateJwkThumbprint(await exportJWK(createPublicKey(KEYS.rsa.publicKey))) });
    const ec = read({ OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: EC_FILE, OIDC_REQUEST_OBJECT: 'true', OIDC_KEY_ID: 'k1' })().oidc!;
    expect(ec).toMatchObject({ requestObject: true, signingKey: { alg: 'ES256', kid: 'k1' } });
    expect(read({ OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: RSA_FILE, OIDC_SIGNING_ALG: 'PS256' })().oidc!.signingKey!.alg).toBe('PS256');
    // A secret and a key: request objects signed, the token endpoint still with the secret.
    expect(read({ OIDC_CLIENT_SECRET: 's', OIDC_PRIVATE_KEY_FILE: RSA_FILE, OIDC_REQUEST_OBJECT: 'true' })().oidc).toMatchObject({ clientAuth: 'client_secret_basic', requestObject: true });
  });

  it('refuses, naming the variable: unknown values, a missing key, a request object without a key', () => {
    expect(read({ OIDC_CLIENT_AUTH: 'client_secret_post', OIDC_CLIENT_SECRET: 's' })).toThrow('OIDC_CLIENT_AUTH must be client_secret_basic or private_key_jwt (got "client_secret_post")');
    expect(read({ OIDC_CLIENT_SECRET: 's', OIDC_REQUEST_OBJECT: 'yes' })).toThrow('OIDC_REQUEST_OBJECT must be true or false (got "yes")');
    expect(read({ OIDC_CLIENT_AUTH: 'private_key_jwt' })).toThrow('OIDC_CLIENT_AUTH=private_key_jwt needs OIDC_PRIVATE_KEY_FILE');
    expect(read({ OIDC_CLIENT_SECRET: 's', OIDC_REQUEST_OBJECT: 'true' })).toThrow('OIDC_REQUEST_OBJECT=true needs OIDC_PRIVATE_KEY_FILE');
    expect(read({ OIDC_CLIENT_SECRET: 's', OIDC_SIGNING_ALG: 'RS256' })).toThrow('OIDC_SIGNING_ALG needs OIDC_PRIVATE_KEY_FILE');
    expect(read({ OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: path.join(keyDir, 'missing.pem') })).toThrow(/^OIDC_PRIVATE_KEY_FILE cannot be read \(.*missing\.pem\): ENOENT$/);
  });

  it('takes an http issuer only on loopback outside production (openid-client then allows http); production wants https', () => {
    const secret = { OIDC_CLIENT_SECRET: 's' };
    expect(read(secret)().oidc!.insecureLoopback).toBe(false);
    for (const issuer of ['http://127.0.0.1:9000', 'http://localhost:9000/op', 'http://[::1]:9000']) {
      expect(read({ ...secret, OIDC_ISSUER: issuer })().oidc!.insecureLoopback).toBe(true);
    }
    expect(read({ ...secret, OIDC_ISSUER: 'http://login.example.it' })).toThrow('OIDC_ISSUER must be an https URL; http is allowed only for a loopback issuer in development (got "http://login.example.it")');
    expect(read({ ...secret, OIDC_ISSUER: 'http://127.0.0.1.example.it' })).toThrow(/http is allowed only for a loopback issuer/);
    expect(read({ ...secret, OIDC_ISSUER: 'ftp://login.example.it' })).toThrow('OIDC_ISSUER must be an https URL (got "ftp://login.example.it")');
    expect(read({ ...secret, OIDC_ISSUER: 'login.example.it' })).toThrow('OIDC_ISSUER must be an https URL (got "login.example.it")');

    const production = { ...productionEnv(), ...secret } as Record<string, string>;
    expect(read(production)().oidc).toMatchObject({ issuer: 'https://login.example.it', insecureLoopback: false });
    expect(read({ ...production, OIDC_ISSUER: 'http://login.example.it' })).toThrow('OIDC_ISSUER must be an https URL in production (got "http://login.example.it")');
    expect(read({ ...production, OIDC_ISSUER: 'http://127.0.0.1:9000' })).toThrow('OIDC_ISSUER must be an https URL in production (got "http://127.0.0.1:9000")');
  });

  it('refuses bad keys: not PEM, not PKCS#8, encrypted, too short, another curve or type, an algorithm for the other key type', () => {
    const pk = (file: string, extra: Record<string, string> = {}) => read({ OIDC_CLIENT_AUTH: 'private_key_jwt', OIDC_PRIVATE_KEY_FILE: file, ...extra });
    expect(pk(pemFile('garbage.pem', 'not a key'))).toThrow(/must be a PEM PKCS#8 private key/);
    expect(pk(pemFile('broken.pem', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'))).toThrow(/is not a valid private key/);
    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(pk(pemFile('pkcs1.pem', pkcs1.privateKey))).toThrow(/must be a PEM PKCS#8 private key/);
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { ...pkcs8, cipher: 'aes-256-cbc', passphrase: 'x' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(pk(pemFile('encrypted.pem', encrypted.privateKey))).toThrow(/is encrypted/);
    const short = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: pkcs8, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(pk(pemFile('short.pem', short.privateKey))).toThrow(/an RSA key needs at least 2048 bits \(got 1024\)/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384', privateKeyEncoding: pkcs8, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(pk(pemFile('p384.pem', p384.privateKey))).toThrow(/must hold an RSA or an EC P-256 key \(got ec secp384r1\)/);
    const ed = generateKeyPairSync('ed25519', { privateKeyEncoding: pkcs8, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(pk(pemFile('ed.pem', ed.privateKey))).toThrow(/must hold an RSA or an EC P-256 key \(got ed25519\)/);
    expect(pk(EC_FILE, { OIDC_SIGNING_ALG: 'RS256' })).toThrow('OIDC_SIGNING_ALG must be one of ES256 for this EC P-256 key (got "RS256")');
    expect(pk(RSA_FILE, { OIDC_SIGNING_ALG: 'HS256' })).toThrow(/OIDC_SIGNING_ALG must be one of RS256, .* for this RSA key \(got "HS256"\)/);
  });
});
