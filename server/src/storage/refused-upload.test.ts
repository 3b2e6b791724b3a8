import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { pdfBytes } from '../test-support/uploads.js';

// Regression (issue 13): an upload refused while its body was still arriving crashed the process
// ("Cannot read properties of null (reading 'destroy')") and the client saw a reset connection.
const MAX = 64 * 1024;
let t: TestApp;
let fx: EnteFixture;
let storageDir: string;
let serviceId: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-refused-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir, UPLOAD_MAX_BYTES: String(MAX) });
  fx = await createEnteWithUsers(t.services, { slug: 'refused-upload' });
  const base = { enteId: fx.ente.id, publishedById: fx.users.designer.id };
  serviceId = (await publishService(t.db.prisma, { ...base, slug: 'occupazione', definition: loadTemplate('occupazione-suolo-pubblico') })).serviceId;
});
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

interface Answer { status: number; body: any; error?: string }

/**
 * A slow client: sends `first`, then keeps sending chunks (chunked, no Content-Length unless
 * given) for a while, also after the answer has arrived, as a browser uploading a big file does.
 */
function slowUpload(first: Buffer, o: { chunks: number; contentLength?: number; path?: string; type?: string }): Promise<Answer> {
  const query = new URLSearchParams({ serviceId, field: '/allegati/planimetria', name: 'planimetria.pdf' });
  return new Promise((resolve) => {
    const headers: Record<string, string> = { authorization: `Bearer ${fx.tokens.citizen}`, 'content-type': o.type ?? 'application/pdf' };
    if (o.contentLength !== undefined) headers['content-length'] = String(o.contentLength);
    const req = http.request(`${t.url}${o.path ?? `/attachments?${query}`}`, { method: o.path ? 'POST' : 'PUT', headers });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* kept as text */ }
        resolve({ status: res.statusCode!, body });
      });
      res.on('error', (e) => resolve({ status: res.statusCode!, body: null, error: String(e) }));
    });
    req.on('error', (e) => { if (!answered) resolve({ status: 0, body: null, error: String(e) }); });
    req.write(first);
    let sent = 0;
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const timer = setInterval(() => {
      if (sent++ >= o.chunks || req.destroyed) {
        clearInterval(timer);
        if (!req.destroyed) req.end();
        return;
      }
      req.write(chunk);
    }, 2);
  });
}

async function stillServing(): Promise<void> {
  const res = await fetch(`${t.url}/health`);
  expect(res.status).toBe(200);
}

describe('an upload refused while its body is still arriving', () => {
  it('too big without a declared size: the client gets 413 with its code, the server keeps serving', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await slowUpload(pdfBytes(), { chunks: 60 });
      expect(answer).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE', key: 'attachments.tooLarge' } }] } });
      await stillServing();
    }
  });

  it('content not matching the declared type: 415 with its code, the server keeps serving', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await slowUpload(Buffer.from('MZ\x90\x00 an executable, not a pdf'), { chunks: 40 });
      expect(answer).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', key: 'attachments.content' } }] } });
      await stillServing();
    }
  });

  it('too big with a declared size, body sent anyway: 413', async () => {
    const answer = await slowUpload(pdfBytes(), { chunks: 20, contentLength: 20 * 16 * 1024 + pdfBytes().length });
    expect(answer).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
    await stillServing();
  });

  it('a GraphQL body over the limit while still arriving: 413 with its code', async () => {
    const answer = await slowUpload(Buffer.from('{"query":"'), { chunks: 200, path: '/graphql', type: 'application/json' });
    expect(answer).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] } });
    await stillServing();
  });
});
