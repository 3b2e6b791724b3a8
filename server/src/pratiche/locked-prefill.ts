const unescape = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The citizen's answers with the values at `pointers` taken from `from` (what the PA certifies,
 * applied to empty answers). Containers on the way are copied, never mutated.
 */
export function overlay(answers: Record<string, unknown>, from: Record<string, unknown>, pointers: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...answers };
  for (const pointer of pointers) {
    const names = pointer.slice(1).split('/').map(unescape);
    let source: unknown = from;
    for (const n of names) source = isObject(source) ? source[n] : undefined;
    if (source === undefined) continue;
    let target = out;
    for (const n of names.slice(0, -1)) {
      target = target[n] = isObject(target[n]) ? { ...(target[n] as object) } : {};
    }
    target[names[names.length - 1]!] = structuredClone(source);
  }
  return out;
}
