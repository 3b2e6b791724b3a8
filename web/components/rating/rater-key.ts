const KEY = 'sportello.raterKey';

/**
 * A random key this browser keeps to rate services without logging in: the server stores only
 * a digest of it, so it bounds ratings to one per browser and version without naming anyone.
 */
export function raterKey(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && kept.length >= 16) return kept;
    const fresh = `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', '');
    localStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    // No storage (private mode, blocked): a key for this page only.
    return `${crypto.randomUUID()}`.replaceAll('-', '');
  }
}
