import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../config.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// Issue 13: structured logs (pino) with a request id per request instead of console.*; refused
// access logged at warn without personal data.
const lines: Array<Record<string, any>> = [];
const sink = new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } });
let t: TestApp;

beforeAll(async () => { t = await startTestApp({}, { log: pino({ level: 'info' }, sink) }); });
afterAll(async () => { await t?.close(); });

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request log', () => {
  it('one line per request with its id, sent back in X-Request-Id; no query string', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ health { ok } }')}&codiceFiscale=RSSMRA80A01H501U`, { headers: { 'apollo-require-preflight': '1' } });
    const reqId = res.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    await res.text();
    await settle();
    const line = lines.find((l) => l.reqId === reqId && l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/graphql', status: 200, level: 30 });
    expect(JSON.stringify(lines)).not.toContain('RSSMRA80A01H501U');
  });

  it('keeps a well-formed X-Request-Id from the caller (a proxy\'s), replaces anything else', async () => {
    expect((await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'proxy-1234abcd' } })).headers.get('x-request-id')).toBe('proxy-1234abcd');
    expect((await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refused access is a warn line with the code and the request id, no token', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token' },
      body: JSON.stringify({ query: '{ apiKeys { totalCount } }' }),
    });
    const reqId = res.headers.get('x-request-id');
    await res.text();
    await settle();
    const warn = lines.find((l) => l.reqId === reqId && l.level === 40);
    expect(warn).toMatchObject({ msg: 'refused', code: expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/) });
    expect(JSON.stringify(lines)).not.toContain('not-a-real-token');
  });

  it('a refused SPID/CIE login sent back to the web app (WEB_URL) is a warn line too, no personal data', async () => {
    t.services.config.oidc = readServerConfig({ OIDC_ISSUER: 'https://login.example.it', OIDC_CLIENT_ID: 'sportello', OIDC_CLIENT_SECRET: 'x' }).oidc;
    t.services.config.webUrl = 'http://127.0.0.1:3000/accesso';
    try {
      const res = await fetch(`${t.url}/auth/oidc/callback?code=RSSMRA80A01H501U&state=forged`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location')!).hash).toBe('#error=identity.oidc.state');
      const reqId = res.headers.get('x-request-id');
      await settle();
      expect(lines.find((l) => l.reqId === reqId && l.level === 40)).toMatchObject({ msg: 'refused', code: 'UNAUTHENTICATED', key: 'identity.oidc.state' });
      expect(JSON.stringify(lines)).not.toContain('RSSMRA80A01H501U');
    } finally {
      t.services.config.oidc = undefined;
      t.services.config.webUrl = undefined;
    }
  });
});
