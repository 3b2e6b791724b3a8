import type { CompiledService, JsonSchema, ServiceDefinition } from '@sportello/schemas';

/**
 * The wizard's form keeps what inputs hold (strings, booleans); the engine and the server get typed
 * answers. Both conversions are driven by the data schema, in this one place.
 */
export type FormValues = Record<string, unknown>;

function typeOf(schema: JsonSchema | undefined): string | undefined {
  const t = schema?.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined);
}

/** The values a choice offers, in order: its enum or its oneOf of consts (undefined: not a choice). */
export function choiceValues(schema: JsonSchema | undefined): string[] | undefined {
  if (Array.isArray(schema?.enum)) return schema.enum.map(String);
  if (Array.isArray(schema?.oneOf)) return (schema.oneOf as JsonSchema[]).filter((s) => s && 'const' in s).map((s) => String(s.const));
  return undefined;
}

/**
 * A multiple choice's ticked boxes -> the chosen values in the options' order, none chosen: no answer.
 * react-hook-form gives an array for several boxes, but the value itself (or false) for a single one.
 */
function choicesToAnswer(value: unknown, items: JsonSchema, values: string[]): unknown {
  const ticked = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  const chosen = values.filter((v) => ticked.includes(v));
  const typed = chosen.map((v) => toAnswers(v, items));
  return typed.length ? typed : undefined;
}

/** Form values -> answers: blanks dropped, numbers and yes/no typed; what cannot be typed stays as typed (the engine reports it). */
export function toAnswers(value: unknown, schema: JsonSchema | undefined): unknown {
  const type = typeOf(schema);
  if (value === undefined || value === null || value === '') return undefined;
  const items = schema?.items as JsonSchema | undefined;
  const choices = type === 'array' ? choiceValues(items) : undefined;
  if (choices && items) return choicesToAnswer(value, items, choices);
  if (type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const converted = toAnswers(v, props[k]);
      if (converted !== undefined) out[k] = converted;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (type === 'array' && Array.isArray(value)) {
    const items = schema?.items as JsonSchema | undefined;
    const isRows = typeOf(items) === 'object';
    // Rows keep their place even when empty (a row the citizen added is a row); list items drop blanks.
    return isRows ? value.map((row) => toAnswers(row, items) ?? {}) : value.map((v) => toAnswers(v, items)).filter((v) => v !== undefined);
  }
  if ((type === 'number' || type === 'integer') && typeof value === 'string') {
    const text = value.trim().replace(',', '.');
    const n = Number(text);
    return text !== '' && Number.isFinite(n) ? n : value;
  }
  if (type === 'boolean' && typeof value === 'string') return value === 'true' ? true : value === 'false' ? false : undefined;
  return value;
}

/** Answers -> form values (numbers and booleans as the inputs hold them). */
export function toFormValues(value: unknown, schema: JsonSchema | undefined): unknown {
  const type = typeOf(schema);
  if (value === undefined || value === null) return undefined;
  if (type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toFormValues(v, props[k])]));
  }
  if (type === 'array' && Array.isArray(value)) return value.map((v) => toFormValues(v, schema?.items as JsonSchema));
  if (type === 'number' || type === 'integer') return typeof value === 'number' ? String(value) : value;
  if (type === 'boolean' && typeof value === 'boolean') return String(value);
  return value;
}

/** Deep merge for prefill: `over` wins where `force` says (locked pointers), else only where `base` is empty. */
export function mergePrefill(base: Record<string, unknown>, prefill: Record<string, unknown>, locked: Set<string>, pointer = ''): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(prefill)) {
    const p = `${pointer}/${k}`;
    const cur = out[k];
    if (locked.has(p)) out[k] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) {
      out[k] = mergePrefill(cur as Record<string, unknown>, v as Record<string, unknown>, locked, p);
    } else if (cur === undefined || cur === null || cur === '' || (Array.isArray(cur) && cur.length === 0)) out[k] = v;
  }
  return out;
}

/** The step each top-level field is laid out in, to place an error's pointer. */
export function stepIndexByTopField(definition: ServiceDefinition): Map<string, number> {
  const map = new Map<string, number>();
  definition.ui.steps.forEach((s, i) => s.fields.forEach((f) => map.set(f.split('.')[0]!, i)));
  return map;
}

export function stepOfPointer(pointer: string, byTop: Map<string, number>): number | undefined {
  const top = pointer.split('/')[1];
  return top === undefined ? undefined : byTop.get(top.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of a field path in a given row ("nucleo[].nome", 1 -> /nucleo/1/nome). */
export function pointerOfPath(service: CompiledService, path: string, row?: number): string {
  const f = service.fields.get(path);
  if (!f) return `/${path.split('.').join('/')}`;
  return f.group ? `${f.pointer}/${row ?? 0}${f.rowSuffix}` : f.pointer;
}

/** react-hook-form's name of a field ("nucleo.1.nome"). */
export function formNameOf(pointer: string): string {
  return pointer.slice(1).split('/').join('.');
}

/** Value at a JSON pointer. */
export function valueAt(obj: unknown, pointer: string): unknown {
  if (!pointer) return obj;
  let cur: unknown = obj;
  for (const part of pointer.slice(1).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
