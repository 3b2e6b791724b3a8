/**
 * "What the public catalogue shows has changed" (a version published, a service switched on
 * or off, an Ente's details edited), told within this process after the change commits, so its
 * caches drop what they hold at once; other instances catch up within their TTL.
 */
type Listener = (enteId: string) => void;
const listeners = new Set<Listener>();

export function onCatalogueChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function catalogueChanged(enteId: string): void {
  for (const listener of listeners) listener(enteId);
}
