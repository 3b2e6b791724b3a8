import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../shared/domain-error.js';
import type { StoragePort, StoredObject } from './storage.port.js';

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/**
 * Attachments on local disk: `<dir>/sha256/ab/<sha256>`. Bytes go to a temporary file first and
 * are renamed into place once complete, so a reader never sees a half-written file.
 */
export class LocalDiskStorage implements StoragePort {
  constructor(private readonly dir: string) {}

  async put(body: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredObject> {
    const tmpDir = path.join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    const out = createWriteStream(tmp, { flags: 'wx' });
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > options.maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', 'attachments.tooLarge', { max: options.maxBytes });
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    } catch (e) {
      out.destroy();
      await rm(tmp, { force: true });
      throw e;
    }
    const sha256 = hash.digest('hex');
    const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
    await mkdir(path.dirname(this.file(key)), { recursive: true });
    await rename(tmp, this.file(key)); // same bytes, same name: replacing an existing copy is harmless
    return { key, size, sha256 };
  }

  async get(key: string): Promise<Readable | null> {
    if (!KEY.test(key)) return null;
    try {
      await stat(this.file(key));
    } catch {
      return null;
    }
    return createReadStream(this.file(key));
  }

  async delete(key: string): Promise<void> {
    if (KEY.test(key)) await rm(this.file(key), { force: true });
  }

  private file(key: string): string {
    return path.join(this.dir, ...key.split('/'));
  }
}
