import type { CompiledService } from './compile/compiled-service.js';
import type { PrefillItem } from './types.js';
import { pointerOf, readDotted } from './paths.js';

/** What the registries know about the logged-in person (server side: the registry ports). */
export interface PrefillData {
  identity?: { fiscalCode?: string; givenName?: string; familyName?: string; email?: string };
  anpr?: {
    resident?: {
      birthDate?: string; birthPlace?: string; sex?: string; citizenship?: string;
      address?: { street?: string; cap?: string; comune?: string; provincia?: string };
    };
    family?: Array<{ fiscalCode?: string; givenName?: string; familyName?: string; birthDate?: string; sex?: string; relationship?: string }>;
  };
  inps?: { isee?: Array<{ kind: string; valueCents: number; dsuProtocol?: string; validUntil?: string }> };
}

export interface PrefillResult {
  answers: Record<string, unknown>;
  /** Pointers of prefilled fields the citizen may not change. */
  locked: string[];
  /** Pointers filled now. */
  filled: string[];
}

function sourceValue(item: PrefillItem, data: PrefillData): unknown {
  const [root, ...rest] = item.source.split('.');
  if (root === 'inps') {
    const kind = item.iseeKind ?? 'ordinario';
    const att = data.inps?.isee?.find((a) => a.kind === kind);
    if (!att) return undefined;
    // ISEE fields hold euro (what the citizen reads on the attestation); registries give cents.
    if (item.source === 'inps.isee.value') return att.valueCents / 100;
    return item.source === 'inps.isee.dsuProtocol' ? att.dsuProtocol : att.validUntil;
  }
  if (item.source === 'anpr.family.size') return data.anpr?.family?.length;
  if (item.source === 'anpr.family') {
    return data.anpr?.family?.map((member) => {
      const row: Record<string, unknown> = {};
      for (const [prop, key] of Object.entries(item.map ?? {})) if (member[key] !== undefined) row[prop] = member[key];
      return row;
    });
  }
  return readDotted(root === 'identity' ? data.identity : data.anpr, rest.join('.'));
}

/**
 * Puts registry data into the answers. Editable items fill only what the citizen has not
 * answered; locked items (editable: false) always win, so the server can re-apply them at
 * submission and a citizen cannot change what the PA certifies.
 */
export function applyPrefill(service: CompiledService, data: PrefillData, answers: Record<string, unknown> = {}): PrefillResult {
  const out: Record<string, unknown> = { ...answers };
  const locked: string[] = [];
  const filled: string[] = [];
  for (const item of service.definition.prefill ?? []) {
    const field = service.fields.get(item.field);
    if (!field) continue;
    const value = sourceValue(item, data);
    const editable = item.editable !== false;
    const pointer = pointerOf(item.field);
    if (!editable) locked.push(pointer);
    if (value === undefined || value === null) continue;
    let container = out;
    for (const seg of field.segments.slice(0, -1)) {
      const next = container[seg.name];
      container = container[seg.name] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as object) } : {};
    }
    const name = field.segments[field.segments.length - 1]!.name;
    if (!editable || container[name] === undefined || container[name] === null || container[name] === '') {
      container[name] = value;
      filled.push(pointer);
    }
  }
  return { answers: out, locked, filled };
}
