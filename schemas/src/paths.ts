/**
 * Field paths name fields of the data schema: "richiedente.nome", and "nucleo[].eta" for the
 * property eta of every row of the repeating group nucleo. Pointers (RFC 6901) name one value
 * in the answers: "/richiedente/nome", "/nucleo/2/eta".
 */
export interface Segment { name: string; group: boolean }

export function parsePath(path: string): Segment[] {
  return path.split('.').map((part) =>
    part.endsWith('[]') ? { name: part.slice(0, -2), group: true } : { name: part, group: false },
  );
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  if (!token.includes('~')) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer of a field outside groups, or of a field in row `row` of its group. */
export function pointerOf(path: string, row?: number): string {
  let out = '';
  for (const seg of parsePath(path)) {
    out += '/' + escapePointerToken(seg.name);
    if (seg.group) {
      if (row === undefined) break;
      out += '/' + row;
    }
  }
  return out;
}

/** Reads a value by segments; a group segment is followed by the row index. */
export function readAt(root: unknown, segments: readonly Segment[], row?: number): unknown {
  let cur: unknown = root;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[seg.name];
    if (seg.group && seg !== segments[segments.length - 1]) {
      if (!Array.isArray(cur) || row === undefined) return undefined;
      cur = cur[row];
    }
  }
  return cur;
}

/** Reads a dotted path such as "richiedente.isee" or "nucleo.0.eta" (JSON Logic var syntax). */
export function readDotted(root: unknown, dotted: string): unknown {
  let cur: unknown = root;
  for (const part of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
