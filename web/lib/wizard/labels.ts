import type { CompiledService } from '@sportello/schemas';

/** The label of the field at a pointer (row pointers map to the row field), for summaries and review. */
export function labelOfPointer(service: CompiledService, pointer: string, text: (key: string | undefined, fallback?: string) => string): string {
  const parts = pointer.slice(1).split('/');
  const names: string[] = [];
  let row: number | null = null;
  for (const p of parts) {
    if (/^\d+$/.test(p)) {
      row = Number(p);
      if (names.length) names[names.length - 1] += '[]';
    } else names.push(p);
  }
  const path = names.join('.');
  const field = service.fields.get(path);
  const label = text(field?.ui.label, names[names.length - 1] ?? '');
  return row !== null && field?.group ? `${label} (${row + 1})` : label;
}
