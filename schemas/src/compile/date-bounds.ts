import type { JsonSchema, Problem } from '../types.js';
import { packIsoDate } from '../formats/iso-date.js';
import { escapePointerToken } from '../paths.js';
import { resolveRef, type FieldInfo } from './field-index.js';

/**
 * Date bounds: a date field's `dateBounds` keyword (see schemas/README.md, "Date bounds").
 *
 *   "dateBounds": { "notBefore": BOUND, "notAfter": BOUND }
 *   BOUND  = "today" | "today+30d" | "today-18y" | "2027-01-31"
 *          | { "date": "today-18y", "message": "error.maggiorenne" }
 *          | { "field": "dataInizio", "offset": "+1d", "message": "..." }
 *   OFFSET = "+" or "-", a whole number, a unit: d (days), w (weeks), m (months), y (years)
 *
 * Both bounds are inclusive: the value may be the bound itself. A month or year offset that lands
 * on a day its month lacks (29 February in a common year, 31 April) gives that month's last day,
 * so "notAfter": "today-18y" holds exactly when years_between(date, today) >= 18.
 */
export type DateBoundKind = 'notBefore' | 'notAfter';

export interface DateOffset { n: number; unit: 'd' | 'm' | 'y' }

export type DateBoundBase =
  | { kind: 'today'; offset: DateOffset }
  | { kind: 'date'; packed: number }
  | { kind: 'field'; field: FieldInfo; offset: DateOffset };

export type CompiledDateBound = DateBoundBase & { message?: string };

export interface CompiledDateBounds {
  field: FieldInfo;
  notBefore?: CompiledDateBound;
  notAfter?: CompiledDateBound;
}

const NO_OFFSET: DateOffset = { n: 0, unit: 'd' };

/** "+30d", "-18y", "+2w", "" (none): the offset, or undefined when it is not one. */
export function parseOffset(text: string): DateOffset | undefined {
  if (text === '') return NO_OFFSET;
  const m = /^([+-])(\d{1,5})([dwmy])$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return m[3] === 'w' ? { n: n * 7, unit: 'd' } : { n, unit: m[3] as 'd' | 'm' | 'y' };
}

/** "today", "today-18y", "2027-01-31": the bound, or undefined when the text is none of those. */
export function parseDateText(text: string): DateBoundBase | undefined {
  if (text.startsWith('today')) {
    const offset = parseOffset(text.slice(5));
    return offset ? { kind: 'today', offset } : undefined;
  }
  const packed = packIsoDate(text);
  return packed >= 0 ? { kind: 'date', packed } : undefined;
}

/** Whether a schema (its `$ref` resolved) is a date field: a string of format "date". */
export function isDateSchema(schema: JsonSchema | undefined): boolean {
  if (!schema || schema.format !== 'date') return false;
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
}

const BOUND_KEYS = new Set(['notBefore', 'notAfter']);
/** Ajv's date limits (ajv-formats' keywords): undocumented here, raw messages, off the fast path. */
export const FORMAT_LIMITS = ['formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'];

/**
 * Reads every field's `dateBounds`, reporting what is wrong with a pointer at it. Also refuses
 * Ajv's formatMinimum/formatMaximum anywhere in the data schema, with dateBounds as the fix.
 */
export function checkDateBounds(data: JsonSchema, fields: Map<string, FieldInfo>, basePointer: string, problems: Problem[], allowed: boolean): CompiledDateBounds[] {
  refuseFormatLimits(data, basePointer, problems, true);
  const out: CompiledDateBounds[] = [];
  for (const field of fields.values()) {
    const own = field.schema.dateBounds;
    const schema = resolveRef(field.schema, data);
    const spec = own ?? schema?.dateBounds;
    if (spec === undefined) continue;
    const at = own !== undefined ? `${field.schemaPointer}/dateBounds` : `${field.schemaPointer}/$ref`;
    const before = problems.length;
    if (!allowed) {
      problems.push({ pointer: at, code: 'dateBounds.officeData', message: `"${field.path}" is an office field: date bounds apply to the citizen's answers only (check office dates with a workflow guard)`, params: { name: field.path } });
      continue;
    }
    if (!isDateSchema(schema)) {
      problems.push({ pointer: at, code: 'dateBounds.notDate', message: `"${field.path}" has date bounds but is not a date: add "type": "string", "format": "date"`, params: { name: field.path } });
      continue;
    }
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
      problems.push({ pointer: at, code: 'dateBounds.invalid', message: `"dateBounds" is an object with "notBefore" and/or "notAfter"`, params: { name: field.path, value: JSON.stringify(spec) } });
      continue;
    }
    const compiled: CompiledDateBounds = { field };
    for (const [key, value] of Object.entries(spec as Record<string, unknown>)) {
      const where = `${at}/${escapePointerToken(key)}`;
      if (!BOUND_KEYS.has(key)) {
        problems.push({ pointer: where, code: 'dateBounds.unknownKey', message: `"${key}" is not a date bound: use "notBefore" or "notAfter"`, params: { name: field.path, key } });
        continue;
      }
      const bound = readBound(value, field, fields, data, where, problems);
      if (bound) compiled[key as DateBoundKind] = bound;
    }
    if (problems.length === before && (compiled.notBefore || compiled.notAfter)) out.push(compiled);
  }
  return out;
}

function readBound(value: unknown, field: FieldInfo, fields: Map<string, FieldInfo>, data: JsonSchema, at: string, problems: Problem[]): CompiledDateBound | undefined {
  const invalid = () => {
    problems.push({ pointer: at, code: 'dateBounds.invalid', message: `${JSON.stringify(value)} is not a date bound: write "today", "today-18y", "today+30d", a date "2027-01-31", or {"field": "otherDate", "offset": "+1d"}`, params: { name: field.path, value: JSON.stringify(value) ?? String(value) } });
    return undefined;
  };
  if (typeof value === 'string') return parseDateText(value) ?? invalid();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return invalid();
  const spec = value as Record<string, unknown>;
  const extra = Object.keys(spec).filter((k) => !['date', 'field', 'offset', 'message'].includes(k));
  if (extra.length > 0 || (spec.date === undefined) === (spec.field === undefined)) return invalid();
  if (spec.message !== undefined && (typeof spec.message !== 'string' || spec.message === '')) return invalid();
  const message = spec.message as string | undefined;
  if (spec.date !== undefined) {
    if (typeof spec.date !== 'string' || spec.offset !== undefined) return invalid();
    const base = parseDateText(spec.date);
    return base ? { ...base, message } : invalid();
  }
  const offset = spec.offset === undefined ? NO_OFFSET : typeof spec.offset === 'string' ? parseOffset(spec.offset) : undefined;
  if (typeof spec.field !== 'string' || !offset) return invalid();
  const other = fields.get(spec.field);
  if (!other) {
    problems.push({ pointer: `${at}/field`, code: 'dateBounds.unknownField', message: `"${spec.field}" is not a field of the service`, params: { name: field.path, other: spec.field } });
    return undefined;
  }
  if (other === field) {
    problems.push({ pointer: `${at}/field`, code: 'dateBounds.sameField', message: `"${field.path}" cannot be bounded by itself`, params: { name: field.path } });
    return undefined;
  }
  if (!isDateSchema(resolveRef(other.schema, data))) {
    problems.push({ pointer: `${at}/field`, code: 'dateBounds.fieldNotDate', message: `"${spec.field}" is not a date field ("type": "string", "format": "date")`, params: { name: field.path, other: spec.field } });
    return undefined;
  }
  if (other.group !== undefined && other.group !== field.group) {
    problems.push({ pointer: `${at}/field`, code: 'dateBounds.otherGroup', message: `"${spec.field}" is in the rows of "${other.group}": a bound may read a field outside groups, or one of the same row`, params: { name: field.path, other: spec.field, group: other.group } });
    return undefined;
  }
  return { kind: 'field', field: other, offset, message };
}

const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);

function refuseFormatLimits(node: unknown, pointer: string, problems: Problem[], isSchema: boolean): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) { node.forEach((n, i) => refuseFormatLimits(n, `${pointer}/${i}`, problems, isSchema)); return; }
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${escapePointerToken(key)}`;
    if (isSchema && FORMAT_LIMITS.includes(key)) {
      problems.push({ pointer: at, code: 'schema.formatLimit', message: `"${key}" is not part of the format: bound a date with "dateBounds": {"notBefore": ..., "notAfter": ...}`, params: { keyword: key } });
    } else if (isSchema && SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, child] of Object.entries(value)) refuseFormatLimits(child, `${at}/${escapePointerToken(name)}`, problems, true);
    } else if (isSchema && (key === 'enum' || key === 'const' || key === 'default' || key === 'examples' || key === 'dateBounds')) {
      continue; // values, not schemas
    } else refuseFormatLimits(value, at, problems, isSchema);
  }
}
