import type { IncomingMessage } from 'node:http';
import { DomainError } from '../shared/domain-error.js';

/** Reads a request body, refusing (before buffering it all) anything over `max` bytes. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new DomainError('PAYLOAD_TOO_LARGE', 'error.limit.bodySize', { max });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new DomainError('PAYLOAD_TOO_LARGE', 'error.limit.bodySize', { max });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
