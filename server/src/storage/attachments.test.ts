import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTES_PER_MB } from '@sportello/schemas';
import { readServerConfig } from '../config.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService, templatesDir } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { pdfBytes, upload } from '../test-support/uploads.js';

const MAX = 64 * 1024;
let t: TestApp;
let fx: EnteFixture;
let other: EnteFixture;
let storageDir: string;
let serviceId: string;
let mensaId: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-attachments-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir, UPLOAD_MAX_BYTES: String(MAX) });
  fx = await createEnteWithUsers(t.services, { slug: 'attachments' });
  other = await createEnteWithUsers(t.services, { slug: 'attachments-other' });
  const definition = loadTemplate('occupazione-suolo-pubblico');
  definition.ui.fields['allegati.delega'].maxSizeMb = 0.01; // 10,000 bytes (MB of 1,000,000 bytes, as the server's cap): below the server's own cap
  const base = { enteId: fx.ente.id, publishedById: fx.users.designer.id };
  serviceId = (await publishService(t.db.prisma, { ...base, slug: 'occupazione', definition })).serviceId;
  mensaId = (await publishService(t.db.prisma, { ...base, slug: 'mensa', definition: loadTemplate('iscrizione-mensa-scolastica') })).serviceId;
});
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

const put = (o: Partial<Parameters<typeof upload>[2]>, token: string | null = fx.tokens.citizen) =>
  upload(t, token ?? undefined, { serviceId, field: '/allegati/planimetria', name: 'planimetria.pdf', body: pdfBytes(), ...o });

describe('PUT /attachments', () => {
  it('stores the file, links it to the citizen\'s draft (created if needed) and describes it', async () => {
    const body = pdfBytes('planimetria');
    const res = await put({ body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName: 'planimetria.pdf', size: body.length, contentType: 'application/pdf',
      sha256: createHash('sha256').update(body).digest('hex'), draftRowVersion: 1,
    });
    const row = await t.db.prisma.attachment.findUnique({ where: { id: res.body.id }, select: { draftId: true, fieldPath: true, uploaderId: true, enteId: true } });
    expect(row).toEqual({ draftId: res.body.draftId, fieldPath: '/allegati/planimetria', uploaderId: fx.users.citizen.id, enteId: fx.ente.id });
    const draft = await t.gql(`query ($id: ID!) { draft(serviceId: $id) { id rowVersion answers } }`, { id: serviceId }, fx.tokens.citizen);
    expect(draft.data.draft).toEqual({ id: res.body.draftId, rowVersion: 1, answers: {} });
  });

  it('accepts a file in a repeating group\'s row and in a list of files', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    expect((await upload(t, fx.tokens.citizen, { serviceId: mensaId, field: '/figli/1/certificatoMedico', name: 'cert.pdf', body: pdfBytes() })).status).toBe(201);
    expect((await put({ field: '/allegati/fotografie/3', name: 'foto.JPG', type: 'image/jpeg', body: jpeg })).status).toBe(201);
  });

  it('refuses a type outside the field\'s accept list, a mismatched extension or content: 415', async () => {
    const cases: Array<[Partial<Parameters<typeof upload>[2]>, string]> = [
      [{ type: 'text/plain', name: 'a.txt', body: Buffer.from('hello') }, 'attachments.type'],
      [{ field: '/allegati/fotografie/0', type: 'application/pdf' }, 'attachments.type'], // photos: jpeg and png only
      [{ name: 'planimetria.png' }, 'attachments.extension'],
      [{ body: Buffer.from('MZ\x90\x00 not really a pdf') }, 'attachments.content'],
      [{ body: Buffer.alloc(0) }, 'attachments.content'],
    ];
    for (const [o, key] of cases) {
      const res = await put(o);
      expect([res.status, res.body.errors[0].extensions]).toMatchObject([415, { code: 'BAD_USER_INPUT', key }]);
    }
  });

  it('refuses anything but a file field of a published service: 400 / 404', async () => {
    expect((await put({ field: '/lunghezza' })).body.errors[0].extensions.key).toBe('attachments.notAFileField');
    expect((await put({ field: '/nope' })).status).toBe(400);
    expect((await put({ serviceId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await put({ name: '../' })).body.errors[0].extensions.key).toBe('attachments.fileName');
  });

  it('caps the size: the server\'s limit and the field\'s maxSizeMb give 413, declared or streamed', async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX)]);
    const declared = await put({ body: big });
    expect([declared.status, declared.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdfBytes());
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(8 * 1024));
        controller.close();
      },
    });
    const streamed = await put({ body: stream });
    expect([streamed.status, streamed.body.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const field = await put({ field: '/allegati/delega', name: 'delega.pdf', body: Buffer.concat([pdfBytes(), Buffer.alloc(10_001 - pdfBytes().length)]) });
    expect([field.status, field.body.errors[0].extensions.params.max]).toEqual([413, 10_000]);
    const exact = await put({ field: '/allegati/delega', name: 'delega.pdf', body: Buffer.concat([pdfBytes(), Buffer.alloc(10_000 - pdfBytes().length)]) });
    expect([exact.status, exact.body.size]).toEqual([201, 10_000]);
  });

  // Regression (issue 13): templates say maxSizeMb: 10 (read as 10 MiB) while the server capped at 10,000,000 bytes.
  it('a field\'s maxSizeMb and the server\'s cap count the same megabytes', () => {
    expect(readServerConfig({}).uploadMaxBytes).toBe(10 * BYTES_PER_MB);
    expect(loadTemplate('occupazione-suolo-pubblico').ui.fields['allegati.planimetria'].maxSizeMb * BYTES_PER_MB).toBe(readServerConfig({}).uploadMaxBytes);
  });

  // The form said "at most 20 MB" for occupazione-suolo-pubblico's dehors project, and the server refused anything over 10.
  it("no template promises more than the server's default cap", () => {
    const over: string[] = [];
    for (const file of readdirSync(templatesDir).filter((f) => f.endsWith('.json'))) {
      const template = loadTemplate(file.slice(0, -5));
      for (const [name, ui] of Object.entries<{ widget?: string; maxSizeMb?: number }>(template.ui.fields)) {
        if (ui.widget === 'file' && (ui.maxSizeMb ?? 10) * BYTES_PER_MB > readServerConfig({}).uploadMaxBytes) over.push(`${file} ${name}: ${ui.maxSizeMb}`);
      }
    }
    expect(over).toEqual([]);
  });

  it('is for logged-in citizens only', async () => {
    expect((await put({}, null)).status).toBe(401);
    expect((await put({}, 'not-a-token')).status).toBe(401);
  });
});

describe('GET /attachments/:id', () => {
  it('gives the owner the bytes, and everyone else NOT_FOUND', async () => {
    const body = pdfBytes('mine');
    const { body: meta } = await put({ body, name: 'relazione tecnica è.pdf' });
    const mine = await fetch(`${t.url}/attachments/${meta.id}`, { headers: { authorization: `Bearer ${fx.tokens.citizen}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('relazione tecnica è.pdf')}`);
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(body);
    const theirs = await fetch(`${t.url}/attachments/${meta.id}`, { headers: { authorization: `Bearer ${other.tokens.citizen}` } });
    expect([theirs.status, (await theirs.json() as any).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    expect((await fetch(`${t.url}/attachments/${meta.id}`)).status).toBe(401);
    expect((await fetch(`${t.url}/attachments/x`, { headers: { authorization: `Bearer ${fx.tokens.citizen}` } })).status).toBe(404);
  });
});
