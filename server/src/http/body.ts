import type { IncomingMessage } from 'node:http';
import { DomainError } from '../shared/domain-error.js';

/**
 * The request's body as an async iterable that a consumer may stop early (a refused upload)
 * without destroying the request: `for await` over the request itself destroys it on an early
 * exit, which resets the connection before the refusal can be answered.
 */
export function requestBody(req: IncomingMessage): AsyncIterable<Uint8Array> {
  return { [Symbol.asyncIterator]: () => req.iterator({ destroyOnReturn: false }) };
}

/** Reads a request body, refusing (before buffering it all) anything over `max` bytes. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new DomainError('PAYLOAD_TOO_LARGE', 'error.limit.bodySize', { max });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of requestBody(req)) {
    size += chunk.length;
    if (size > max) throw new DomainError('PAYLOAD_TOO_LARGE', 'error.limit.bodySize', { max });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
