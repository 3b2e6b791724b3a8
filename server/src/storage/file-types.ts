import { DomainError } from '../shared/domain-error.js';

export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];

/** File name extensions each known type may have. A type not listed here is checked by its name in `accept` only. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/pkcs7-mime': ['p7m'],
  'image/tiff': ['tif', 'tiff'],
  'application/xml': ['xml'],
};

/** The first bytes each type must start with: a renamed executable is not a PDF. */
const MAGIC: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
};

const unsupported = (key: string, params: Record<string, unknown>) => new DomainError('BAD_USER_INPUT', key, params);

/** The declared type (parameters dropped), checked against the field's accept list and the file name. */
export function checkDeclaredType(contentTypeHeader: string | undefined, fileName: string, accept: string[] | undefined): string {
  const type = (contentTypeHeader ?? '').split(';')[0]!.trim().toLowerCase();
  const allowed = (accept?.length ? accept : DEFAULT_ACCEPT).map((t) => t.toLowerCase());
  if (!type || !allowed.includes(type)) throw unsupported('attachments.type', { type: type || '-', accept: allowed.join(', ') });
  const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const expected = EXTENSIONS[type];
  if (expected && !expected.includes(extension)) throw unsupported('attachments.extension', { name: fileName, type });
  return type;
}

/**
 * Passes the body through, refusing it as soon as its first bytes contradict the declared type
 * (before anything is stored).
 */
export async function* sniffed(body: AsyncIterable<Uint8Array>, type: string): AsyncIterable<Uint8Array> {
  const signatures = MAGIC[type];
  let head = Buffer.alloc(0);
  let checked = !signatures;
  for await (const chunk of body) {
    if (!checked) {
      head = Buffer.concat([head, chunk]);
      const need = Math.max(...signatures!.map((s) => s.length));
      if (head.length < need) continue;
      if (!signatures!.some((s) => s.every((b, i) => head[i] === b))) throw unsupported('attachments.content', { type });
      checked = true;
      yield head;
      continue;
    }
    yield chunk;
  }
  if (!checked) {
    if (head.length === 0 || !signatures!.some((s) => s.every((b, i) => head[i] === b))) throw unsupported('attachments.content', { type });
    yield head;
  }
}

/** A name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(raw: string | null): string {
  const base = (raw ?? '').replace(/\\/g, '/').split('/').pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (!base || base.length > 200 || base === '.' || base === '..') throw unsupported('attachments.fileName', {});
  return base;
}
