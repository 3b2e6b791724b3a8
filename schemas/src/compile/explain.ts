import type { Problem } from '../types.js';
import { interpolate } from '../messages/localize.js';
import { patternWords, problemTexts } from '../messages/problems.js';
import { unescapePointerToken } from '../paths.js';

/** A problem of `check` told to a designer: what is wrong, where, how to fix it, in their language. */
export interface ProblemExplanation {
  code: string;
  /** The place in the definition by name: the field by its label, the rule, step or transition by its id. */
  where: string;
  what: string;
  fix: string;
  /** The pointer's tokens decoded (`~1` is `/`, `~0` is `~`), joined by " › ": rules › 4 › when › / › 0. */
  path: string;
  pointer: string;
}

type Lang = 'it' | 'en';
type Def = Record<string, any>;

const WORDS: Record<Lang, Record<string, string>> = {
  it: {
    definition: 'la definizione', field: 'il campo', rule: 'la regola', step: 'il passo', fee: 'la tariffa', ranking: 'la graduatoria',
    exclusion: 'l\'esclusione', key: 'il criterio', state: 'lo stato', transition: 'la transizione', workflow: 'il flusso della pratica',
    translations: 'le traduzioni', prefill: 'la precompilazione di', condition: 'la condizione', metadata: 'i dati del servizio', office: 'il campo d\'ufficio', on: 'sul campo', position: 'posizione',
  },
  en: {
    definition: 'the definition', field: 'the field', rule: 'the rule', step: 'the step', fee: 'the fee', ranking: 'the ranking',
    exclusion: 'the exclusion', key: 'the ranking key', state: 'the state', transition: 'the transition', workflow: 'the workflow',
    translations: 'the translations', prefill: 'the prefill of', condition: 'the condition', metadata: 'the service\'s metadata', office: 'the office field', on: 'on the field', position: 'position',
  },
};

function textIn(def: Def, key: unknown, lang: string): string | undefined {
  if (typeof key !== 'string') return undefined;
  const t = def.translations ?? {};
  return t[lang]?.[key] ?? t[def.defaultLanguage]?.[key];
}

/** A field named by its label in the language (its path beside), or by its path alone. */
function fieldName(def: Def, path: string, lang: Lang): string {
  const label = textIn(def, def.ui?.fields?.[path]?.label, lang);
  return label ? `${WORDS[lang].field} "${label}" (${path})` : `${WORDS[lang].field} "${path}"`;
}

/** The field path a pointer into data (or officeData) names: properties joined by dots, items as []. */
function fieldPathOf(tokens: string[]): string {
  let path = '';
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'properties' && tokens[i + 1] !== undefined) path += (path ? '.' : '') + tokens[++i];
    else if (tokens[i] === 'items') path += '[]';
    else break;
  }
  return path;
}

function idAt(list: unknown, index: string | undefined): string | undefined {
  const item = Array.isArray(list) ? list[Number(index)] : undefined;
  return item && typeof item === 'object' && typeof item.id === 'string' ? item.id : undefined;
}

/** Where a pointer lands in the definition, in words. */
function whereOf(def: Def, tokens: string[], lang: Lang): string {
  const w = WORDS[lang];
  const [head, a, b, c] = tokens;
  switch (head) {
    case undefined: return w.definition!;
    case 'data': case 'officeData': {
      const path = fieldPathOf(tokens.slice(1));
      if (!path) return w.definition!;
      return head === 'officeData' ? `${w.office} "${path}"` : fieldName(def, path, lang);
    }
    case 'rules': {
      const rule = Array.isArray(def.rules) ? def.rules[Number(a)] : undefined;
      const id = idAt(def.rules, a) ?? `#${Number(a) + 1}`;
      const target = b === 'fields' && Array.isArray(rule?.fields) ? rule.fields[Number(c)] : rule?.field;
      const on = typeof target === 'string' ? `, ${w.on} ${fieldName(def, target, lang).replace(`${w.field} `, '')}` : '';
      return `${w.rule} "${id}"${on}`;
    }
    case 'ui': {
      if (a === 'steps') {
        const step = Array.isArray(def.ui?.steps) ? def.ui.steps[Number(b)] : undefined;
        const title = textIn(def, step?.title, lang);
        const name = `${w.step} ${title ? `"${title}" (${step?.id})` : `"${step?.id ?? Number(b) + 1}"`}`;
        return c === 'fields' && tokens[4] !== undefined ? `${name}, ${w.field} ${w.position} ${Number(tokens[4]) + 1}` : name;
      }
      if (a === 'fields' && b !== undefined) return fieldName(def, b, lang);
      return w.definition!;
    }
    case 'conditions': return a ? `${w.condition} "${a}"` : w.definition!;
    case 'fees': return w.fee!;
    case 'ranking':
      if (a === 'exclusions') return `${w.exclusion} "${idAt(def.ranking?.exclusions, b) ?? Number(b) + 1}"`;
      if (a === 'keys') return `${w.key} "${idAt(def.ranking?.keys, b) ?? Number(b) + 1}"`;
      return w.ranking!;
    case 'workflow':
      if (a === 'states') return `${w.state} "${idAt(def.workflow?.states, b) ?? Number(b) + 1}"`;
      if (a === 'transitions') return `${w.transition} "${idAt(def.workflow?.transitions, b) ?? Number(b) + 1}"`;
      return w.workflow!;
    case 'translations': return a ? `${w.translations} "${a}"` : w.translations!;
    case 'prefill': {
      const item = Array.isArray(def.prefill) ? def.prefill[Number(a)] : undefined;
      return typeof item?.field === 'string' ? `${w.prefill} ${fieldName(def, item.field, lang)}` : w.definition!;
    }
    default: return w.metadata!;
  }
}

/** Problems of a name that is no field, which may carry the name meant (`suggestion`). */
const NEAR_NAMES = new Set(['rule.unknownField', 'step.unknownField', 'ui.unknownField']);

function hintFor(params: Record<string, unknown>, lang: Lang): string {
  const { name, suggestion } = params;
  if (typeof suggestion !== 'string') return '';
  if (typeof name === 'string' && name.includes('/')) {
    return lang === 'it'
      ? `: i campi si nominano senza "/", con i punti tra le sezioni (scrivete "${suggestion}")`
      : `: fields are named without "/", with dots between sections (write "${suggestion}")`;
  }
  return lang === 'it' ? ` (forse "${suggestion}"?)` : ` (did you mean "${suggestion}"?)`;
}

/** Params a text can use beyond the problem's own: the loop of a cycle, allowed values, a pattern's words. */
function paramsFor(problem: Problem, lang: Lang): Record<string, unknown> {
  const params: Record<string, unknown> = { ...(problem.params ?? {}) };
  const fields = params.fields;
  if (Array.isArray(fields)) params.loop = (problem.code === 'rule.cycle' ? [...fields, fields[0]] : fields).join(' -> ');
  if (Array.isArray(params.allowedValues)) params.allowed = params.allowedValues.map((v) => JSON.stringify(v)).join(', ');
  if (problem.code === 'schema.pattern') {
    params.expected = (typeof params.expected === 'string' && patternWords[lang][params.expected]) || (lang === 'it' ? 'nella forma richiesta' : 'of the expected form');
  }
  if (NEAR_NAMES.has(problem.code)) params.hint = hintFor(params, lang);
  if ('value' in params) params.value = JSON.stringify(params.value);
  return params;
}

/**
 * Explains a problem or warning of compile() (the `check` command, the builder's list) for a
 * designer in `locale` (it or en; another language gets Italian, the engine's first language):
 * what is wrong and how to fix it from the engine's catalogue (messages/problems.ts), where by
 * the names a designer sees (a field's label, a rule's id), and the pointer decoded.
 */
export function explainProblem(definition: unknown, problem: Problem, locale = 'it'): ProblemExplanation {
  const lang: Lang = locale === 'en' ? 'en' : 'it';
  const def: Def = definition !== null && typeof definition === 'object' && !Array.isArray(definition) ? (definition as Def) : {};
  const tokens = problem.pointer.split('/').slice(1).map(unescapePointerToken);
  const text = problemTexts[problem.code]?.[lang];
  const params = paramsFor(problem, lang);
  return {
    code: problem.code,
    where: whereOf(def, tokens, lang),
    what: text?.what ? interpolate(text.what, params) : problem.message,
    fix: text ? interpolate(text.fix, params) : '',
    path: tokens.join(' › '),
    pointer: problem.pointer,
  };
}
