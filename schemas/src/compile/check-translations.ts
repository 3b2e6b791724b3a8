import { escapePointerToken } from '../paths.js';
import type { Problem, ServiceDefinition } from '../types.js';

const esc = escapePointerToken;

/** Every translation key the definition uses, with where it is used. */
export function usedKeys(def: ServiceDefinition): Array<{ key: string; pointer: string }> {
  const out: Array<{ key: string; pointer: string }> = [];
  const add = (key: string | undefined, pointer: string) => { if (key) out.push({ key, pointer }); };
  add(def.title, '/title');
  add(def.description, '/description');
  add(def.category, '/category');
  def.ui.steps.forEach((s, i) => { add(s.title, `/ui/steps/${i}/title`); add(s.description, `/ui/steps/${i}/description`); });
  for (const [path, ui] of Object.entries(def.ui.fields ?? {})) {
    const at = `/ui/fields/${esc(path)}`;
    for (const prop of ['label', 'help', 'placeholder', 'text', 'addLabel'] as const) add(ui[prop], `${at}/${prop}`);
    for (const [value, key] of Object.entries(ui.options ?? {})) add(key, `${at}/options/${esc(value)}`);
  }
  (def.rules ?? []).forEach((r, i) => add(r.message, `/rules/${i}/message`));
  if (def.fees) add(def.fees.causale, '/fees/causale');
  boundMessages(def.data, '/data', add);
  (def.ranking?.exclusions ?? []).forEach((e, i) => add(e.reason, `/ranking/exclusions/${i}/reason`));
  def.workflow?.states.forEach((s, i) => add(s.label, `/workflow/states/${i}/label`));
  def.workflow?.transitions.forEach((t, i) => {
    add(t.label, `/workflow/transitions/${i}/label`);
    if (t.guardMessage) add(t.guardMessage, `/workflow/transitions/${i}/guardMessage`);
    (t.actions ?? []).forEach((a, j) => {
      if ('subject' in a) add(a.subject, `/workflow/transitions/${i}/actions/${j}/subject`);
      if ('body' in a) add(a.body, `/workflow/transitions/${i}/actions/${j}/body`);
      if (a.type === 'payment') add(a.causale, `/workflow/transitions/${i}/actions/${j}/causale`);
    });
  });
  return out;
}

/** The message keys of date bounds ({"date"|"field": ..., "message": KEY}) anywhere in the data schema. */
function boundMessages(node: unknown, pointer: string, add: (key: string | undefined, pointer: string) => void): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const at = `${pointer}/${esc(key)}`;
    if (key === 'dateBounds' && value !== null && typeof value === 'object') {
      for (const [kind, bound] of Object.entries(value)) {
        const message = bound !== null && typeof bound === 'object' ? (bound as { message?: unknown }).message : undefined;
        if (typeof message === 'string') add(message, `${at}/${esc(kind)}/message`);
      }
    } else if (key === 'properties' || key === '$defs') {
      if (value !== null && typeof value === 'object') for (const [name, child] of Object.entries(value)) boundMessages(child, `${at}/${esc(name)}`, add);
    } else if (key === 'items') boundMessages(value, at, add);
  }
}

/** App IO limits (io-functions-commons MessageContent): checked here so a send never fails later. */
function checkAppIo(def: ServiceDefinition, problems: Problem[]): void {
  def.workflow?.transitions.forEach((t, i) => (t.actions ?? []).forEach((a, j) => {
    if (a.type !== 'appio') return;
    for (const [language, strings] of Object.entries(def.translations)) {
      const subject = strings[a.subject];
      const body = strings[a.body];
      const at = `/workflow/transitions/${i}/actions/${j}`;
      if (subject !== undefined && (subject.length < 10 || subject.length > 120)) {
        problems.push({ pointer: `${at}/subject`, code: 'workflow.appioSubjectLength', message: `App IO subject in "${language}" must be 10-120 characters (it has ${subject.length})`, params: { language, length: subject.length } });
      }
      if (body !== undefined && (body.length < 80 || body.length > 10000)) {
        problems.push({ pointer: `${at}/body`, code: 'workflow.appioBodyLength', message: `App IO message in "${language}" must be 80-10000 characters (it has ${body.length})`, params: { language, length: body.length } });
      }
    }
  }));
}

/**
 * A key missing in the default language is a problem (the wizard would show the raw key);
 * one missing in another language is a warning: the default language stands in until a
 * translator fills it, and the builder shows the count.
 */
export function checkTranslations(def: ServiceDefinition, problems: Problem[], warnings: Problem[]): void {
  if (!def.translations[def.defaultLanguage]) {
    problems.push({ pointer: '/translations', code: 'translation.noDefaultLanguage', message: `No translations for the default language "${def.defaultLanguage}"`, params: { language: def.defaultLanguage } });
  }
  const seen = new Set<string>();
  for (const { key, pointer } of usedKeys(def)) {
    for (const [language, strings] of Object.entries(def.translations)) {
      if (strings[key] !== undefined || seen.has(`${language}|${key}`)) continue;
      seen.add(`${language}|${key}`);
      const target = language === def.defaultLanguage ? problems : warnings;
      target.push({ pointer, code: 'translation.missing', message: `Missing "${language}" translation of "${key}"`, params: { language, key } });
    }
  }
  checkAppIo(def, problems);
}
