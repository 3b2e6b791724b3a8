import type { JsonSchema, ServiceDefinition } from '@sportello/schemas';
import { allFieldPaths, schemaAt, textOf } from './definition-edit';

/** One readable change: an i18n key under builder.diff and its parameters. */
export interface Change { key: string; params: Record<string, string | number> }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed from `before` (a published version) to `after` (the working copy), in the words a
 * designer uses: steps, fields, validation, rules, fee, ranking, workflow, translations.
 */
export function summarizeChanges(before: ServiceDefinition, after: ServiceDefinition): Change[] {
  const out: Change[] = [];
  const push = (key: string, params: Record<string, string | number> = {}) => out.push({ key, params });
  const label = (d: ServiceDefinition, p: string) => textOf(d, d.ui.fields?.[p]?.label ?? d.ui.fields?.[p]?.text) || p;

  if (textOf(before, before.title) !== textOf(after, after.title)) push('title', { from: textOf(before, before.title), to: textOf(after, after.title) });
  if (textOf(before, before.description) !== textOf(after, after.description)) push('description');
  if (before.version !== after.version) push('semver', { from: before.version, to: after.version });

  const stepsB = new Map(before.ui.steps.map((s) => [s.id, s]));
  const stepsA = new Map(after.ui.steps.map((s) => [s.id, s]));
  for (const [id, s] of stepsA) if (!stepsB.has(id)) push('stepAdded', { step: textOf(after, s.title) || id });
  for (const [id, s] of stepsB) if (!stepsA.has(id)) push('stepRemoved', { step: textOf(before, s.title) || id });
  for (const [id, s] of stepsA) {
    const b = stepsB.get(id);
    if (!b) continue;
    if (textOf(before, b.title) !== textOf(after, s.title)) push('stepRenamed', { from: textOf(before, b.title) || id, to: textOf(after, s.title) || id });
    if (!same(b.fields, s.fields)) push('stepFields', { step: textOf(after, s.title) || id });
  }
  const orderB = before.ui.steps.map((s) => s.id).filter((id) => stepsA.has(id));
  const orderA = after.ui.steps.map((s) => s.id).filter((id) => stepsB.has(id));
  if (!same(orderB, orderA)) push('stepsReordered');

  // Data fields and static texts alike.
  const fieldsB = new Set([...allFieldPaths(before), ...Object.keys(before.ui.fields ?? {})]);
  const fieldsA = new Set([...allFieldPaths(after), ...Object.keys(after.ui.fields ?? {})]);
  for (const p of fieldsA) if (!fieldsB.has(p)) push('fieldAdded', { field: label(after, p) });
  for (const p of fieldsB) if (!fieldsA.has(p)) push('fieldRemoved', { field: label(before, p) });
  for (const p of fieldsA) {
    if (!fieldsB.has(p)) continue;
    const sb = leaf(schemaAt(before.data, p)); const sa = leaf(schemaAt(after.data, p));
    if (!same(sb, sa)) push('fieldValidation', { field: label(after, p) });
    if (!same({ ...before.ui.fields?.[p], order: undefined }, { ...after.ui.fields?.[p], order: undefined })) push('fieldDisplay', { field: label(after, p) });
    if (label(before, p) !== label(after, p)) push('fieldLabel', { from: label(before, p), to: label(after, p) });
  }
  if (!same(requiredOf(before.data), requiredOf(after.data))) push('required');

  const rulesB = new Map((before.rules ?? []).map((r) => [r.id, r]));
  const rulesA = new Map((after.rules ?? []).map((r) => [r.id, r]));
  for (const id of rulesA.keys()) if (!rulesB.has(id)) push('ruleAdded', { rule: id });
  for (const id of rulesB.keys()) if (!rulesA.has(id)) push('ruleRemoved', { rule: id });
  for (const [id, r] of rulesA) if (rulesB.has(id) && !same(rulesB.get(id), r)) push('ruleChanged', { rule: id });

  if (!same(before.prefill, after.prefill)) push('prefill');
  if (!before.fees && after.fees) push('feeAdded');
  else if (before.fees && !after.fees) push('feeRemoved');
  else if (!same(before.fees, after.fees)) push('feeChanged');
  if (!same(before.ranking, after.ranking)) push('ranking');
  if (!same(before.workflow, after.workflow)) push('workflow');
  if (!same(before.officeData, after.officeData)) push('officeFields');

  const langs = new Set([...Object.keys(before.translations), ...Object.keys(after.translations)]);
  for (const l of langs) {
    const b = before.translations[l] ?? {}; const a = after.translations[l] ?? {};
    if (!before.translations[l]) { push('languageAdded', { language: l }); continue; }
    if (!after.translations[l]) { push('languageRemoved', { language: l }); continue; }
    const changed = Object.keys(a).filter((k) => Object.hasOwn(b, k) && a[k] !== b[k]).length;
    const added = Object.keys(a).filter((k) => !Object.hasOwn(b, k)).length;
    const removed = Object.keys(b).filter((k) => !Object.hasOwn(a, k)).length;
    if (changed || added || removed) push('texts', { language: l, changed, added, removed });
  }
  return out;
}

/** A field's own schema without its children (their changes are reported on them). */
function leaf(s: JsonSchema | null): JsonSchema | null {
  if (!s) return null;
  const { properties: _p, items, required: _r, ...rest } = s;
  if (items && typeof items === 'object') { const { properties: _ip, required: _ir, ...itemRest } = items as JsonSchema; return { ...rest, items: itemRest }; }
  return rest;
}

function requiredOf(s: JsonSchema | undefined, prefix = ''): string[] {
  const out: string[] = [];
  for (const r of (s?.required as string[] | undefined) ?? []) out.push(prefix + r);
  for (const [k, v] of Object.entries((s?.properties as Record<string, JsonSchema>) ?? {})) {
    if (v.type === 'object') out.push(...requiredOf(v, `${prefix}${k}.`));
    if (v.type === 'array') out.push(...requiredOf(v.items as JsonSchema, `${prefix}${k}[].`));
  }
  return out.sort();
}
