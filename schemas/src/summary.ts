import type { CompiledService } from './compile/compiled-service.js';
import type { FieldInfo } from './compile/field-index.js';
import type { Evaluation, JsonValue } from './types.js';
import { textOf } from './messages/localize.js';
import { isHiddenPointer } from './evaluate/state.js';
import { escapePointerToken } from './paths.js';

/**
 * A readable account of one evaluation, step by step, for a designer or an operator checking a
 * citizen's report: `sportello evaluate --format summary` prints it (formatSummary), the builder's
 * trace shows the structure. Everything is named by its label in the evaluation's language.
 */
export interface SummaryField {
  path: string;
  pointer: string;
  label: string;
  /** The value as evaluated (a computed value included); undefined when unanswered. */
  value?: JsonValue;
  computed: boolean;
  /** Rows of a repeating group, each with its visible fields. */
  rows?: SummaryField[][];
  /** Fields of a section. */
  children?: SummaryField[];
}

export interface SummaryError { pointer: string; label: string; key: string; message: string }

export interface SummaryStep {
  id: string;
  title: string;
  visible: boolean;
  complete: boolean;
  /** The visible fields laid out in the step (hidden ones left out), with their answers. */
  fields: SummaryField[];
  /** Required and visible, but unanswered. */
  missing: Array<{ pointer: string; label: string }>;
  /** The other errors at fields of the step, with their messages. */
  errors: SummaryError[];
}

export interface EvaluationSummary {
  valid: boolean;
  language: string;
  steps: SummaryStep[];
  /** Values set by compute rules at visible fields (hidden ones left out). */
  computed: Array<{ pointer: string; label: string; value: JsonValue }>;
  /** Errors at no step's field (answers that are not an object, a field in no step). */
  otherErrors: SummaryError[];
  fee: null | { amountCents: number | null; euro: string | null; causale: string; dueDays: number | null; error?: string; errorMessage?: string };
  ranking: null | {
    score: number | null;
    excluded: boolean;
    keys: Array<{ id: string; label: string; direction: 'asc' | 'desc'; value: string | number | boolean | null }>;
    exclusions: Array<{ key: string; reason: string }>;
    error?: string;
    errorMessage?: string;
  };
  notices: string[];
}

function read(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const token of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/**
 * The summary of `evaluation`, the result of evaluate(service, answers, ...) in its language.
 * Pure; the answers are only read.
 */
export function summarizeEvaluation(service: CompiledService, answers: unknown, evaluation: Evaluation): EvaluationSummary {
  const def = service.definition;
  const catalogue = { translations: def.translations, defaultLanguage: def.defaultLanguage };
  const lang = evaluation.language;
  const text = (key: string) => textOf(catalogue, key, lang);
  const hidden = new Set(evaluation.hidden);
  const labelOf = (field: FieldInfo | undefined, fallback: string) => (field?.ui.label ? text(field.ui.label) : field?.path ?? fallback);
  const valueAt = (pointer: string): unknown => (Object.prototype.hasOwnProperty.call(evaluation.computed, pointer) ? evaluation.computed[pointer] : read(answers, pointer));

  // Each pointer named in the summary, to find a field by an error's pointer (rows included).
  const fieldAt = new Map<string, FieldInfo>();
  const describe = (field: FieldInfo, pointer: string): SummaryField | undefined => {
    if (isHiddenPointer(hidden, pointer)) return undefined;
    fieldAt.set(pointer, field);
    const value = valueAt(pointer);
    const out: SummaryField = { path: field.path, pointer, label: labelOf(field, field.path), computed: Object.prototype.hasOwnProperty.call(evaluation.computed, pointer) };
    if (field.kind === 'object') {
      out.children = field.children.map((c) => service.fields.get(c)!).map((c) => describe(c, `${pointer}/${escapePointerToken(c.segments[c.segments.length - 1]!.name)}`)).filter((c): c is SummaryField => c !== undefined);
    } else if (field.kind === 'group') {
      const rows = Array.isArray(value) ? value : [];
      out.rows = rows.map((_, i) => field.children.map((c) => service.fields.get(c)!).map((c) => describe(c, `${pointer}/${i}/${escapePointerToken(c.segments[c.segments.length - 1]!.name)}`)).filter((c): c is SummaryField => c !== undefined));
    } else if (value !== undefined && value !== null && value !== '') out.value = value as JsonValue;
    return out;
  };

  const steps: SummaryStep[] = service.steps.map((step) => {
    const visible = evaluation.steps[step.index]?.visible ?? true;
    return {
      id: step.id, title: text(def.ui.steps[step.index]!.title), visible, complete: evaluation.steps[step.index]?.complete ?? false,
      fields: visible ? step.fields.map((f, i) => describe(f, step.pointers[i]!)).filter((f): f is SummaryField => f !== undefined) : [],
      missing: [], errors: [],
    };
  });

  /** The step whose laid-out pointer is the longest prefix of the error's pointer. */
  const stepOfPointer = (pointer: string): number | undefined => {
    for (let p = pointer; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
      const s = service.stepOfPointer.get(p);
      if (s !== undefined) return s;
    }
    return undefined;
  };
  const fieldOfPointer = (pointer: string): FieldInfo | undefined => {
    for (let p = pointer; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
      const f = fieldAt.get(p);
      if (f) return f;
    }
    return undefined;
  };
  const otherErrors: SummaryError[] = [];
  for (const e of evaluation.errors) {
    const label = labelOf(fieldOfPointer(e.pointer), e.pointer || '/');
    const s = stepOfPointer(e.pointer);
    const step = s === undefined ? undefined : steps[s];
    if (!step) { otherErrors.push({ pointer: e.pointer, label, key: e.key, message: e.message }); continue; }
    if (e.key === 'error.required') step.missing.push({ pointer: e.pointer, label });
    else step.errors.push({ pointer: e.pointer, label, key: e.key, message: e.message });
  }

  const computed = Object.entries(evaluation.computed)
    .filter(([pointer]) => !isHiddenPointer(hidden, pointer))
    .map(([pointer, value]) => ({ pointer, label: labelOf(fieldAt.get(pointer) ?? computedField(service, pointer), pointer), value }));

  const fee = evaluation.fee && {
    amountCents: evaluation.fee.amountCents,
    euro: evaluation.fee.amountCents === null ? null : (evaluation.fee.amountCents / 100).toFixed(2),
    causale: evaluation.fee.causale, dueDays: evaluation.fee.dueDays,
    ...(evaluation.fee.error ? { error: evaluation.fee.error, errorMessage: text(evaluation.fee.error) } : {}),
  };
  const r = evaluation.ranking;
  const ranking = r && {
    score: r.score, excluded: r.excluded,
    keys: r.keys.map((k) => ({ id: k.id, label: k.label, direction: k.direction, value: k.value })),
    exclusions: r.reasonKeys.map((key, i) => ({ key, reason: r.reasons[i]! })),
    ...(r.error ? { error: r.error, errorMessage: text(r.error) } : {}),
  };
  return { valid: evaluation.valid, language: lang, steps, computed, otherErrors, fee, ranking, notices: evaluation.notices.map((n) => n.message) };
}

/** The field a computed pointer names (a row's field too: /figli/0/quota is figli[].quota). */
function computedField(service: CompiledService, pointer: string): FieldInfo | undefined {
  const tokens = pointer.split('/').slice(1);
  let path = '';
  for (let i = 0; i < tokens.length; i++) {
    const f = service.fields.get(path + tokens[i]);
    if (!f) return undefined;
    if (i === tokens.length - 1) return f;
    if (f.kind === 'group') { path = `${f.path}[].`; i++; } else path = `${f.path}.`;
  }
  return undefined;
}

const WORDS = {
  it: {
    valid: 'Valida', yes: 'sì', no: 'no', step: 'Passo', hidden: 'nascosto', complete: 'completo', incomplete: 'incompleto',
    missing: 'Obbligatori senza risposta', errors: 'Errori', computed: 'Valori calcolati', fee: 'Importo', ranking: 'Graduatoria',
    keys: 'criteri', excluded: 'Esclusa', exclusions: 'Esclusioni', none: '(nessuna risposta)', rows: 'righe', row: 'riga', other: 'Altri errori',
    notices: 'Avvisi', due: 'da pagare entro {n} giorni', asc: 'crescente', desc: 'decrescente', computedMark: 'calcolato',
  },
  en: {
    valid: 'Valid', yes: 'yes', no: 'no', step: 'Step', hidden: 'hidden', complete: 'complete', incomplete: 'incomplete',
    missing: 'Required, not answered', errors: 'Errors', computed: 'Computed values', fee: 'Fee', ranking: 'Ranking',
    keys: 'keys', excluded: 'Excluded', exclusions: 'Exclusions', none: '(no answer)', rows: 'rows', row: 'row', other: 'Other errors',
    notices: 'Notices', due: 'due in {n} days', asc: 'ascending', desc: 'descending', computedMark: 'computed',
  },
};

/** An amount in cents as euro written in the language: 1.201,00 in Italian, 1,201.00 in English. */
function euroIn(language: string, cents: number): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true }).format(cents / 100);
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value));

/** The summary as text, a line per fact, indented by step (Italian words unless the language is English). */
export function formatSummary(summary: EvaluationSummary): string {
  const w = WORDS[summary.language === 'en' ? 'en' : 'it'];
  const lines: string[] = [];
  const errorCount = summary.steps.reduce((n, s) => n + s.missing.length + s.errors.length, summary.otherErrors.length);
  lines.push(`${w.valid}: ${summary.valid ? w.yes : w.no}${errorCount ? ` (${w.errors.toLowerCase()}: ${errorCount})` : ''}`);
  for (const n of summary.notices) lines.push(`${w.notices}: ${n}`);
  const field = (f: SummaryField, indent: string): void => {
    const name = `${f.label} (${f.path})`;
    if (f.children) {
      lines.push(`${indent}${name}:`);
      f.children.forEach((c) => field(c, `${indent}  `));
    } else if (f.rows) {
      lines.push(`${indent}${name}: ${f.rows.length} ${f.rows.length === 1 ? w.row : w.rows}`);
      f.rows.forEach((row, i) => {
        lines.push(`${indent}  ${w.row} ${i + 1}:`);
        row.forEach((c) => field(c, `${indent}    `));
      });
    } else lines.push(`${indent}${name}: ${f.value === undefined ? w.none : show(f.value)}${f.computed ? ` (${w.computedMark})` : ''}`);
  };
  summary.steps.forEach((s, i) => {
    const state = !s.visible ? w.hidden : s.complete ? w.complete : w.incomplete;
    lines.push('', `${w.step} ${i + 1} "${s.title}" (${s.id}): ${state}`);
    if (!s.visible) return;
    s.fields.forEach((f) => field(f, '  '));
    if (s.missing.length) lines.push(`  ${w.missing}: ${s.missing.map((m) => `${m.label} (${m.pointer})`).join(', ')}`);
    if (s.errors.length) {
      lines.push(`  ${w.errors}:`);
      s.errors.forEach((e) => lines.push(`    ${e.label} (${e.pointer}): ${e.message} [${e.key}]`));
    }
  });
  if (summary.otherErrors.length) {
    lines.push('', `${w.other}:`);
    summary.otherErrors.forEach((e) => lines.push(`  ${e.label} (${e.pointer || '/'}): ${e.message} [${e.key}]`));
  }
  if (summary.computed.length) {
    lines.push('', `${w.computed}:`);
    summary.computed.forEach((c) => lines.push(`  ${c.label} (${c.pointer}) = ${show(c.value)}`));
  }
  if (summary.fee) {
    const f = summary.fee;
    const amount = f.amountCents === null ? (f.error ? `${f.errorMessage ?? f.error} [${f.error}]` : '-') : `${euroIn(summary.language, f.amountCents)} EUR`;
    lines.push('', `${w.fee}: ${amount} — ${f.causale}${f.dueDays !== null ? `, ${w.due.replace('{n}', String(f.dueDays))}` : ''}`);
  }
  if (summary.ranking) {
    const r = summary.ranking;
    lines.push('', `${w.ranking}:${r.error ? ` ${r.errorMessage ?? r.error} [${r.error}]` : ''}`);
    r.keys.forEach((k, i) => lines.push(`  ${i + 1}. ${k.label} (${k.id}, ${w[k.direction]}) = ${show(k.value)}`));
    if (r.excluded) {
      lines.push(`  ${w.excluded}:`);
      r.exclusions.forEach((e) => lines.push(`    ${e.reason} [${e.key}]`));
    }
  }
  return lines.join('\n');
}
