import type { JsonSchema, Problem, ServiceDefinition, Widget } from '../types.js';
import { didYouMean, nearField, resolveRef, type FieldInfo } from './field-index.js';
import { escapePointerToken, pointerOf } from '../paths.js';

function types(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
}

function constsOf(schema: JsonSchema | undefined): unknown[] | undefined {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as JsonSchema[]).map((s) => s.const);
  return undefined;
}

/** The values of a choice: its own enum / oneOf of consts, or its items' (a multiple choice). */
function enumOf(schema: JsonSchema): unknown[] | undefined {
  return constsOf(schema) ?? constsOf(schema.items as JsonSchema | undefined);
}

/** Which data shapes each widget can edit: a mismatch would render a control that cannot answer. */
function widgetFits(widget: Widget, field: FieldInfo, data: JsonSchema): boolean {
  const schema = resolveRef(field.schema, data); // a "$ref" field is the type it refers to
  if (schema === undefined) return true; // a $ref to nothing: schema.badRef says so
  const t = types(schema);
  const has = (...names: string[]) => names.some((n) => t.includes(n));
  switch (widget) {
    case 'text': case 'textarea': case 'email': case 'date': return has('string');
    case 'number': case 'currency': return has('number', 'integer');
    case 'yesno': return has('boolean');
    case 'checkbox': return has('boolean') || (field.kind === 'list' && enumOf(schema) !== undefined);
    case 'select': case 'radio': return enumOf(schema) !== undefined;
    case 'file': return has('string') || field.kind === 'list';
    case 'group': return field.kind === 'group';
    case 'address': case 'section': return field.kind === 'object';
    case 'static': return false;
  }
}

export interface StepLayout { id: string; pointers: string[]; paths: string[] }

/** Checks steps and per-field UI; returns each step's pointer prefixes. */
export function checkUi(def: ServiceDefinition, fields: Map<string, FieldInfo>, problems: Problem[]): { steps: StepLayout[]; placed: Set<string> } {
  const uiFields = def.ui.fields ?? {};
  const isStatic = (path: string) => !fields.has(path) && uiFields[path]?.widget === 'static';
  const placed = new Map<string, string>();
  const ids = new Set<string>();
  const steps = def.ui.steps.map((step, s) => {
    if (ids.has(step.id)) problems.push({ pointer: `/ui/steps/${s}/id`, code: 'step.duplicateId', message: `Step id "${step.id}" is used twice`, params: { id: step.id } });
    ids.add(step.id);
    const pointers: string[] = [];
    const paths: string[] = [];
    step.fields.forEach((path, i) => {
      const at = `/ui/steps/${s}/fields/${i}`;
      if (isStatic(path)) return;
      const field = fields.get(path);
      if (!field) {
        const suggestion = nearField(path, fields);
        return problems.push({ pointer: at, code: 'step.unknownField', message: `Step "${step.id}" shows "${path}", which is not a field of the service${didYouMean(suggestion)}`, params: suggestion ? { step: step.id, name: path, suggestion } : { step: step.id, name: path } });
      }
      if (field.group) return problems.push({ pointer: at, code: 'step.rowField', message: `"${path}" belongs to the rows of "${field.group}": place the group in the step`, params: { name: path, group: field.group } });
      if (placed.has(path)) return problems.push({ pointer: at, code: 'step.duplicateField', message: `"${path}" is placed in steps "${placed.get(path)}" and "${step.id}"`, params: { name: path } });
      placed.set(path, step.id);
      pointers.push(pointerOf(path));
      paths.push(path);
    });
    return { id: step.id, pointers, paths };
  });
  for (const [path, ui] of Object.entries(uiFields)) {
    const at = `/ui/fields/${escapePointerToken(path)}`;
    const field = fields.get(path);
    if (!field) {
      if (ui.widget !== 'static') {
        const suggestion = nearField(path, fields);
        problems.push({ pointer: at, code: 'ui.unknownField', message: `UI settings for "${path}", which is not a field of the service${didYouMean(suggestion)}`, params: suggestion ? { name: path, suggestion } : { name: path } });
      }
      else if (!ui.text) problems.push({ pointer: at, code: 'ui.staticWithoutText', message: `Static element "${path}" has no text`, params: { name: path } });
      continue;
    }
    if (ui.widget && !widgetFits(ui.widget, field, def.data)) {
      problems.push({ pointer: `${at}/widget`, code: 'ui.widgetMismatch', message: `Widget "${ui.widget}" cannot edit "${path}" (${types(field.schema).join('|') || field.kind})`, params: { widget: ui.widget, name: path } });
    }
    const values = enumOf(resolveRef(field.schema, def.data) ?? field.schema);
    for (const value of Object.keys(ui.options ?? {})) {
      if (!values?.some((v) => String(v) === value)) {
        problems.push({ pointer: `${at}/options/${value}`, code: 'ui.unknownOption', message: `"${value}" is not one of the values of "${path}"`, params: { name: path, value } });
      }
    }
  }
  return { steps, placed: new Set(placed.keys()) };
}
