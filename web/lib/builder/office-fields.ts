import type { JsonSchema, ServiceDefinition } from '@sportello/schemas';

// Office fields (officeData): a JSON Schema of what operators fill during the istruttoria, rendered
// for them by @rjsf/core; rules, fee and ranking read them as $office.<name>. Their labels are the
// schema's own `title`/`description` (what rjsf shows), in the service's default language.

type Def = ServiceDefinition;
export const OFFICE_KINDS = ['text', 'textarea', 'number', 'currency', 'date', 'yesno', 'choice'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export function officeSchemaFor(kind: OfficeKind, title: string): JsonSchema {
  switch (kind) {
    case 'text': return { type: 'string', title, maxLength: 200 };
    case 'textarea': return { type: 'string', title, maxLength: 4000 };
    case 'number': return { type: 'integer', title };
    case 'currency': return { type: 'number', title, minimum: 0 };
    case 'date': return { type: 'string', title, format: 'date' };
    case 'yesno': return { type: 'boolean', title };
    case 'choice': return { type: 'string', title, oneOf: [{ const: 'a', title: 'A' }, { const: 'b', title: 'B' }] };
  }
}

export function officeKindOf(s: JsonSchema): OfficeKind {
  if (s.oneOf || s.enum) return 'choice';
  if (s.type === 'boolean') return 'yesno';
  if (s.format === 'date') return 'date';
  if (s.type === 'integer') return 'number';
  if (s.type === 'number') return 'currency';
  return (s.maxLength as number | undefined) && (s.maxLength as number) > 200 ? 'textarea' : 'text';
}

export const officeFields = (def: Def): Array<[string, JsonSchema]> =>
  Object.entries(((def.officeData?.properties as Record<string, JsonSchema>) ?? {}));

function withOffice(def: Def, properties: Record<string, JsonSchema>, required?: string[]): Def {
  const office: JsonSchema = { ...(def.officeData ?? { type: 'object' }), type: 'object', properties };
  if (required?.length) office.required = required; else delete office.required;
  if (!Object.keys(properties).length) { const { officeData: _o, ...rest } = def; return rest as Def; }
  return { ...def, officeData: office };
}
const requiredOf = (def: Def) => (def.officeData?.required as string[] | undefined) ?? [];

export function addOfficeField(def: Def, kind: OfficeKind, title: string): { definition: Def; name: string } {
  const props = Object.fromEntries(officeFields(def));
  let n = 1;
  while (`verifica${n}` in props) n++;
  const name = `verifica${n}`;
  return { definition: withOffice(def, { ...props, [name]: officeSchemaFor(kind, title) }, requiredOf(def)), name };
}

export function removeOfficeField(def: Def, name: string): Def {
  const props = Object.fromEntries(officeFields(def).filter(([k]) => k !== name));
  return withOffice(def, props, requiredOf(def).filter((r) => r !== name));
}

export function moveOfficeField(def: Def, from: number, to: number): Def {
  const list = officeFields(def);
  if (to < 0 || to >= list.length) return def;
  const [x] = list.splice(from, 1);
  list.splice(to, 0, x!);
  return withOffice(def, Object.fromEntries(list), requiredOf(def));
}

export interface OfficeProps {
  title?: string; description?: string; required?: boolean;
  minLength?: number; maxLength?: number; pattern?: string; minimum?: number; maximum?: number;
  options?: Array<{ value: string; label: string }>;
}

export function officePropsSchema(kind: OfficeKind, t: (k: string) => string): JsonSchema {
  const title = (k: string) => t(`builder.props.${k}`);
  const props: Record<string, JsonSchema> = {
    title: { type: 'string', title: title('label'), maxLength: 500 },
    description: { type: 'string', title: title('help'), maxLength: 2000 },
    required: { type: 'boolean', title: title('required') },
  };
  if (kind === 'text' || kind === 'textarea') {
    props.minLength = { type: 'integer', title: title('minLength'), minimum: 0 };
    props.maxLength = { type: 'integer', title: title('maxLength'), minimum: 1 };
    props.pattern = { type: 'string', title: title('pattern'), maxLength: 500 };
  }
  if (kind === 'number' || kind === 'currency') {
    props.minimum = { type: 'number', title: title('minimum') };
    props.maximum = { type: 'number', title: title('maximum') };
  }
  if (kind === 'choice') {
    props.options = {
      type: 'array', title: title('options'), minItems: 1,
      items: { type: 'object', required: ['value', 'label'], properties: {
        value: { type: 'string', title: title('optionValue'), pattern: '^[A-Za-z0-9_]+$', maxLength: 64 },
        label: { type: 'string', title: title('optionLabel'), maxLength: 500 },
      } },
    };
  }
  return { type: 'object', properties: props };
}

export function readOfficeProps(def: Def, name: string): OfficeProps {
  const s = ((def.officeData?.properties as Record<string, JsonSchema>) ?? {})[name] ?? {};
  const out: OfficeProps = { title: (s.title as string) ?? '', description: (s.description as string) ?? '', required: requiredOf(def).includes(name) };
  for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum'] as const) if (s[k] !== undefined) (out as Record<string, unknown>)[k] = s[k];
  if (Array.isArray(s.oneOf)) out.options = (s.oneOf as Array<{ const: unknown; title?: string }>).map((o) => ({ value: String(o.const), label: o.title ?? '' }));
  return out;
}

export function writeOfficeProps(def: Def, name: string, p: OfficeProps): Def {
  const list = officeFields(def);
  const s: JsonSchema = { ...(list.find(([k]) => k === name)?.[1] ?? {}) };
  const set = (k: string, v: unknown) => { if (v === undefined || v === '' || v === null) delete s[k]; else s[k] = v; };
  set('title', p.title); set('description', p.description);
  for (const k of ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum'] as const) if (k in s || p[k] !== undefined) set(k, p[k]);
  if (p.options && Array.isArray(s.oneOf)) {
    const opts = p.options.filter((o) => o.value);
    if (opts.length) s.oneOf = opts.map((o) => ({ const: o.value, title: o.label || o.value }));
  }
  const props = Object.fromEntries(list.map(([k, v]) => [k, k === name ? s : v]));
  const req = requiredOf(def).filter((r) => r !== name);
  if (p.required) req.push(name);
  return withOffice(def, props, req);
}
