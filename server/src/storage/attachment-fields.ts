import type { CompiledService } from '@sportello/schemas';

type FieldInfo = CompiledService['fields'] extends Map<string, infer F> ? F : never;

const unescape = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');
const INDEX = /^(0|[1-9][0-9]{0,5})$/;

/** The file field a JSON pointer names: `/figli/0/certificatoMedico`, `/allegati/fotografie/2`, `/allegati/contratto`. */
export function fileFieldAt(compiled: CompiledService, pointer: string): FieldInfo | undefined {
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/').map(unescape);
  let path = '';
  let field: FieldInfo | undefined;
  for (const [i, token] of tokens.entries()) {
    if (field?.kind === 'group' && INDEX.test(token)) {
      path += '[]';
      continue;
    }
    // An element of a list of files (several photos in one field) belongs to that field.
    if (field?.kind === 'list' && INDEX.test(token) && i === tokens.length - 1) break;
    path = path ? `${path}.${token}` : token;
    field = compiled.fields.get(path);
    if (!field) return undefined;
  }
  return field?.ui.widget === 'file' ? field : undefined;
}

export interface AttachmentRef { pointer: string; id: string; field: string }

/** Every attachment id the answers name in file fields (a string, or a list of strings). */
export function attachmentRefs(compiled: CompiledService, answers: Record<string, unknown>): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  for (const field of compiled.fields.values()) {
    if (field.ui.widget !== 'file') continue;
    for (const [pointer, value] of valuesOf(field, answers)) {
      if (typeof value === 'string') refs.push({ pointer, id: value, field: field.path });
      else if (Array.isArray(value)) value.forEach((v, i) => typeof v === 'string' && refs.push({ pointer: `${pointer}/${i}`, id: v, field: field.path }));
    }
  }
  return refs;
}

/** [pointer, value] for a field: one, or one per row of its group. */
function valuesOf(field: FieldInfo, answers: Record<string, unknown>): Array<[string, unknown]> {
  const read = (root: unknown, names: string[]) => names.reduce<unknown>((o, n) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[n] : undefined), root);
  const names = field.segments.map((s) => s.name);
  const groupAt = field.segments.findIndex((s) => s.group);
  if (groupAt < 0 || groupAt === names.length - 1) return [[field.pointer, read(answers, names)]];
  const rows = read(answers, names.slice(0, groupAt + 1));
  if (!Array.isArray(rows)) return [];
  return rows.map((row, i) => [`${field.pointer}/${i}${field.rowSuffix}`, read(row, names.slice(groupAt + 1))]);
}

/** The field path of a stored pointer, to compare an upload's field with where its id is used. */
export function fieldPathOf(compiled: CompiledService, pointer: string): string | undefined {
  return fileFieldAt(compiled, pointer)?.path;
}
