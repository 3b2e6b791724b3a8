import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error.js';
import { LocalDiskStorage } from './local-disk-storage.js';

async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}
const text = async (s: NodeJS.ReadableStream | null) => {
  const out: Buffer[] = [];
  for await (const c of s!) out.push(c as Buffer);
  return Buffer.concat(out).toString();
};

let dir: string;
let storage: LocalDiskStorage;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sportello-storage-'));
  storage = new LocalDiskStorage(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('local disk storage', () => {
  it('stores a stream under its SHA-256, computed while streaming, and gives it back', async () => {
    const stored = await storage.put(chunks('hello ', 'world'), { maxBytes: 100 });
    const sha256 = createHash('sha256').update('hello world').digest('hex');
    expect(stored).toEqual({ key: `sha256/${sha256.slice(0, 2)}/${sha256}`, size: 11, sha256 });
    expect(await text(await storage.get(stored.key))).toBe('hello world');
  });

  it('the same bytes get the same key', async () => {
    const a = await storage.put(chunks('same'), { maxBytes: 100 });
    const b = await storage.put(chunks('sa', 'me'), { maxBytes: 100 });
    expect(b.key).toBe(a.key);
  });

  it('refuses a stream over the limit as it flows, leaving nothing behind', async () => {
    const put = storage.put(chunks('12345', '67890', 'never read'), { maxBytes: 8 });
    await expect(put).rejects.toBeInstanceOf(DomainError);
    await expect(put).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('deletes, and knows nothing of missing or malformed keys', async () => {
    const stored = await storage.put(chunks('to delete'), { maxBytes: 100 });
    await storage.delete(stored.key);
    await storage.delete(stored.key);
    expect(await storage.get(stored.key)).toBeNull();
    expect(await storage.get('../../etc/passwd')).toBeNull();
  });
});
