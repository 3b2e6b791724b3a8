import type { TestApp } from './test-app.js';

/** A minimal well-formed PDF: the server checks the first bytes against the declared type. */
export function pdfBytes(text = 'test'): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export interface UploadOptions { serviceId: string; field: string; name: string; type?: string; body: Uint8Array | ReadableStream<Uint8Array> }

/** PUT /attachments as the web app does; returns the status and the JSON body. */
export async function upload(t: TestApp, token: string | undefined, o: UploadOptions): Promise<{ status: number; body: any }> {
  const query = new URLSearchParams({ serviceId: o.serviceId, field: o.field, name: o.name });
  const streamed = !(o.body instanceof Uint8Array);
  const res = await fetch(`${t.url}/attachments?${query}`, {
    method: 'PUT',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': o.type ?? 'application/pdf' },
    body: o.body,
    ...(streamed ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: await res.json() };
}
