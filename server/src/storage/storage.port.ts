import type { Readable } from 'node:stream';

/** What was stored: the key to find it again, its size and SHA-256 (hex). */
export interface StoredObject { key: string; size: number; sha256: string }

/**
 * Where attachment bytes live (DESIGN.md: local disk by default, S3-compatible object storage
 * behind the same port when scaled). Keys are content-addressed: the same bytes get the same
 * key, so a key is never overwritten with different content.
 */
export interface StoragePort {
  /**
   * Stores a stream, hashing it as it flows. Past `maxBytes` it stops reading, stores nothing and
   * throws PAYLOAD_TOO_LARGE.
   */
  put(body: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredObject>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes; no error when they are already gone. */
  delete(key: string): Promise<void>;
}
