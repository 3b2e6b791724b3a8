import type { JsonSchema, ServiceDefinition } from '@sportello/schemas';
import { numberRuleProps, readRules, setOrDelete, stringRuleProps, writeNumberRules, writeStringRules, type FieldProps, type Translate } from './field-props';

// Office fields (officeData): a JSON Schema of what operators fill during the istruttoria, rendered
// for them by @rjsf/core; rules, fee and ranking read them as $office.<name>. Their labels are the
// schema's own `title`/`description` (what rjsf shows), in the service's default language: the
// engine's format has no UI or translation keys for office fields (ui.fields names only data fields,
// and translations count only the keys the definition uses), so they are not translated. Their
// validation is the citizen fields' (same panel properties, same Ajv and Italian formats), except
// date bounds, which the engine allows on the citizen's answers only (dateBounds.officeData).

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

/** The office panel's values: the citizen fields' (labels are literal here, see the header). The name is renamed apart (renameOfficeField). */
export type OfficeProps = Pick<FieldProps, 'required' | 'minLength' | 'maxLength' | 'pattern' | 'format' | 'minimum' | 'maximum' | 'minimumExcluded' | 'maximumExcluded' | 'multipleOf' | 'options'>
  & { title?: string; description?: string };

/** A name rules can read as $office.<name>: letters, digits and _, not starting with a digit. */
export const OFFICE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The JSON Schema of an office field's properties: the citizen fields' validation for its kind. */
export function officePropsSchema(kind: OfficeKind, t: Translate): JsonSchema {
  const title = (k: string) => t(`builder.props.${k}`);
  const props: Record<string, JsonSchema> = {
    title: { type: 'string', title: title('label'), maxLength: 500 },
    description: { type: 'string', title: title('help'), maxLength: 2000 },
    required: { type: 'boolean', title: title('required') },
  };
  if (kind === 'text' || kind === 'textarea') Object.assign(props, stringRuleProps(t));
  if (kind === 'number' || kind === 'currency') Object.assign(props, numberRuleProps(t));
  if (kind === 'choice') {
    props.options = {
      type: 'array', title: title('options'), minItems: 1, maxItems: 500,
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
  const kind = officeKindOf(s);
  if (kind !== 'date' && kind !== 'choice') Object.assign(out, readRules(s));
  if (Array.isArray(s.oneOf)) out.options = (s.oneOf as Array<{ const: unknown; title?: string }>).map((o) => ({ value: String(o.const), label: o.title ?? '' }));
  return out;
}

export function writeOfficeProps(def: Def, name: string, p: OfficeProps): Def {
  const list = officeFields(def);
  const s: JsonSchema = structuredClone(list.find(([k]) => k === name)?.[1] ?? {});
  const kind = officeKindOf(s);
  setOrDelete(s, 'title', p.title); setOrDelete(s, 'description', p.description);
  if (kind === 'text' || kind === 'textarea') writeStringRules(s, p);
  if (kind === 'number' || kind === 'currency') writeNumberRules(s, p);
  if (p.options && Array.isArray(s.oneOf)) {
    const seen = new Set<string>();
    const opts = p.options.filter((o) => o.value && !seen.has(o.value) && seen.add(o.value));
    if (opts.length) s.oneOf = opts.map((o) => ({ const: o.value, title: o.label || o.value }));
  }
  const props = Object.fromEntries(list.map(([k, v]) => [k, k === name ? s : v]));
  const req = requiredOf(def).filter((r) => r !== name);
  if (p.required) req.push(name);
  return withOffice(def, props, req);
}

/**
 * Renames an office field and every reading of it ($office.<name> in rules, conditions, fee,
 * ranking, workflow guards: any string equal to it or under it). A name that is not valid or
 * already taken leaves the definition as it is.
 */
export function renameOfficeField(def: Def, from: string, to: string): Def {
  const list = officeFields(def);
  if (!OFFICE_NAME.test(to) || list.some(([k]) => k === to) || !list.some(([k]) => k === from)) return def;
  const props = Object.fromEntries(list.map(([k, v]) => [k === from ? to : k, v]));
  const req = requiredOf(def).map((r) => (r === from ? to : r));
  const old = `$office.${from}`;
  const rewrite = (v: unknown): unknown => {
    if (typeof v === 'string') return v === old || v.startsWith(`${old}.`) ? `$office.${to}${v.slice(old.length)}` : v;
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
    return v;
  };
  const { officeData: _o, translations, data, ...rest } = def;
  return withOffice({ ...(rewrite(rest) as Def), data, translations }, props, req);
}
