import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, type JsonSchema, type ServiceDefinition, type Widget } from '@sportello/schemas';
import {
  WIDGETS, addField, addStep, describeStep, setTags, stepOfDropTarget, allFieldPaths, childrenOf, isRequired, moveChild, moveFieldToStep, moveStep, removeField, removeStep,
  schemaAt, setRequired, setStepCondition, setText, stepOfField, textOf,
} from './definition-edit';

const template = (name: string) => JSON.parse(readFileSync(new URL(`../../../schemas/templates/${name}.json`, import.meta.url), 'utf8')) as ServiceDefinition;

/** Freezes a value and everything in it: an edit that mutates its input throws (ES modules are strict). */
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) { Object.freeze(x); for (const v of Object.values(x)) deepFreeze(v); }
  return x;
}

const blank = (): ServiceDefinition => ({
  id: 'prova', version: '1.0.0', defaultLanguage: 'it', title: 'service.title',
  data: { type: 'object', properties: {} },
  ui: { steps: [{ id: 'domanda', title: 'step.domanda', fields: [] }], fields: {} },
  translations: { it: { 'service.title': 'Prova', 'step.domanda': 'Domanda' } },
});

const problemsOf = (def: ServiceDefinition) => { const r = compile(def); return r.ok ? [] : r.problems.map((p) => `${p.code} ${p.pointer}`); };

describe('definition edits', () => {
  test('a field of every widget can be added to a step, compiles, and leaves the old copy untouched', () => {
    let def = deepFreeze(blank());
    const paths: string[] = [];
    for (const widget of WIDGETS) {
      const before = def;
      const { definition, path } = addField(def, widget, { step: 0 }, `Nuovo ${widget}`);
      expect(definition).not.toBe(before);
      expect(definition.ui.fields![path]!.widget).toBe(widget);
      expect(textOf(definition, definition.ui.fields![path]!.label ?? definition.ui.fields![path]!.text)).toBe(`Nuovo ${widget}`);
      expect(definition.ui.steps[0]!.fields.at(-1)).toBe(path);
      expect(schemaAt(definition.data, path) === null).toBe(widget === 'static');
      def = deepFreeze(definition);
      paths.push(path);
    }
    expect(new Set(paths).size).toBe(WIDGETS.length);
    expect(problemsOf(def)).toEqual([]);
    // Inside a group: the field lives in its rows, named parent[].child, at the asked place.
    const group = paths[WIDGETS.indexOf('group')]!;
    const a = addField(def, 'text', { parent: group }, 'A');
    const b = addField(a.definition, 'number', { parent: group, index: 0 }, 'B');
    expect(a.path).toBe(`${group}[].campo1`);
    expect(childrenOf(b.definition, group)).toEqual([`${group}[].campo2`, `${group}[].campo1`]);
    expect(problemsOf(b.definition)).toEqual([]);
  });

  test('hostile places and widgets change nothing', () => {
    const def = deepFreeze(blank());
    expect(addField(def, 'text', { parent: 'nonEsiste' }, 'x')).toEqual({ definition: def, path: '' });
    expect(addField(def, 'slider' as Widget, { step: 0 }, 'x')).toEqual({ definition: def, path: '' });
    expect(addField(def, 'text', { step: 7 }, 'x').definition.ui.steps[0]!.fields).toEqual([]);
    expect(moveStep(def, 0, 5)).toBe(def);
    expect(moveStep(def, -1, 0)).toBe(def);
    expect(removeStep(def, 0)).toBe(def); // a wizard needs one step
    expect(moveFieldToStep(def, 'x', 3)).toBe(def);
    expect(moveChild(def, 'nonEsiste', 0, 1)).toBe(def);
    // Names that are Object.prototype's own are not fields.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(schemaAt(def.data, name)).toBeNull();
      expect(schemaAt(def.data, `${name}.x`)).toBeNull();
      expect(isRequired(def, name)).toBe(false);
    }
  });

  test('removing a field takes its children, UI, places, required, prefill and rules on it; nothing else', () => {
    const def = deepFreeze(template('contributo-affitto'));
    const next = removeField(def, 'nucleo');
    expect(allFieldPaths(next).filter((p) => p.startsWith('nucleo'))).toEqual([]);
    expect(Object.keys(next.ui.fields ?? {}).filter((p) => p === 'nucleo' || p.startsWith('nucleo[].'))).toEqual([]);
    expect(next.ui.steps.flatMap((s) => s.fields)).not.toContain('nucleo');
    expect((next.rules ?? []).some((r) => r.field === 'nucleo' || r.field?.startsWith('nucleo[].'))).toBe(false);
    expect((next.prefill ?? []).some((p) => p.field.startsWith('nucleo'))).toBe(false);
    expect((next.data.required as string[] | undefined) ?? []).not.toContain('nucleo');
    // Everything not under it is as it was.
    const others = allFieldPaths(def).filter((p) => !p.startsWith('nucleo'));
    expect(allFieldPaths(next)).toEqual(others);
    expect(next.translations).toEqual(def.translations);
  });

  test('steps: add, move, show-if and remove (with their fields and rules)', () => {
    let def = deepFreeze(addStep(blank(), 'Secondo'));
    expect(def.ui.steps.map((s) => s.id)).toEqual(['domanda', 'passo1']);
    expect(textOf(def, 'step.passo1')).toBe('Secondo');
    const added = addField(def, 'yesno', { step: 1 }, 'Sì o no');
    def = setStepCondition(added.definition, 'passo1', { '==': [{ var: added.path }, true] });
    expect(def.rules).toEqual([{ id: 'mostra_passo1', type: 'show', step: 'passo1', when: { '==': [{ var: 'campo1' }, true] } }]);
    expect(setStepCondition(def, 'passo1', null).rules).toEqual([]);
    expect(stepOfField(def, 'campo1')).toBe(1);
    const moved = moveStep(def, 1, 0);
    expect(moved.ui.steps.map((s) => s.id)).toEqual(['passo1', 'domanda']);
    const removed = removeStep(def, 1);
    expect(removed.ui.steps.map((s) => s.id)).toEqual(['domanda']);
    expect(allFieldPaths(removed)).toEqual([]);
    expect(removed.rules).toEqual([]);
    expect(problemsOf(removed)).toEqual([]);
  });

  test('required on a row field is its rows\' required list; setting it twice changes nothing', () => {
    const def = deepFreeze(template('contributo-affitto'));
    const path = allFieldPaths(def).find((p) => p.startsWith('nucleo[].') && !isRequired(def, p))!;
    const on = setRequired(def, path, true);
    expect(isRequired(on, path)).toBe(true);
    expect(setRequired(on, path, true)).toBe(on);
    expect(((schemaAt(on.data, 'nucleo')!.items as JsonSchema).required as string[])).toContain(path.split('.').at(-1));
    expect(isRequired(setRequired(on, path, false), path)).toBe(false);
  });

  test('texts: huge, odd and new-language strings are kept as given', () => {
    const def = deepFreeze(blank());
    const huge = 'è'.repeat(1_000_000);
    expect(textOf(setText(def, 'service.title', huge), 'service.title')).toBe(huge);
    const odd = setText(def, 'chiave con spazi/e ~ tilde', '<script>x</script>', 'de');
    expect(odd.translations.de).toEqual({ 'chiave con spazi/e ~ tilde': '<script>x</script>' });
    expect(textOf(odd, 'chiave con spazi/e ~ tilde', 'fr')).toBe('');
    expect(textOf(def, undefined)).toBe('');
  });

  test('deeply nested sections are listed without overflowing', () => {
    let inner: JsonSchema = { type: 'string' };
    for (let i = 0; i < 300; i++) inner = { type: 'object', properties: { s: inner } };
    const def = { ...blank(), data: { type: 'object', properties: { s: inner } } } as ServiceDefinition;
    const paths = allFieldPaths(def);
    expect(paths).toHaveLength(301);
    expect(schemaAt(def.data, paths.at(-1)!)).toEqual({ type: 'string' });
  });

  test('a new address has its parts labelled, a new file field says the types it takes; both compile', () => {
    const labels = { street: 'Via e numero civico', cap: 'CAP', comune: 'Comune', provincia: 'Provincia (sigla)' };
    const a = addField(deepFreeze(blank()), 'address', { step: 0 }, 'Residenza', labels);
    for (const [part, text] of Object.entries(labels)) expect(textOf(a.definition, a.definition.ui.fields![`${a.path}.${part}`]!.label)).toBe(text);
    const f = addField(a.definition, 'file', { step: 0 }, 'Documento');
    expect(f.definition.ui.fields![f.path]!.accept).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(problemsOf(f.definition)).toEqual([]);
    // Without labels (an older caller) the parts are left to the engine, as before.
    const bare = addField(blank(), 'address', { step: 0 }, 'Residenza');
    expect(Object.keys(bare.definition.ui.fields!)).toEqual([bare.path]);
  });

  test('a step\'s description and the service\'s tags', () => {
    const def = deepFreeze(blank());
    const described = describeStep(def, 0, 'Chi presenta la domanda');
    expect(described.ui.steps[0]!.description).toBe('step.domanda.description');
    expect(textOf(described, 'step.domanda.description')).toBe('Chi presenta la domanda');
    expect(problemsOf(described)).toEqual([]);
    expect('description' in describeStep(described, 0, '').ui.steps[0]!).toBe(false);
    expect(describeStep(def, 5, 'x')).toBe(def);
    const tagged = setTags(def, ' Scuola, bonus-famiglie,, scuola ,');
    expect(tagged.tags).toEqual(['scuola', 'bonus-famiglie']);
    expect(problemsOf(tagged)).toEqual([]);
    expect('tags' in setTags(tagged, ' , ')).toBe(false);
    // A tag that is not a slug is the server's problem at its place, not silently changed.
    expect(problemsOf(setTags(def, 'due parole'))).toEqual([expect.stringMatching(/ \/tags\/0$/)]);
  });

  test('a step dragged (by keyboard too) over another step\'s field or drop zone moves to that step', () => {
    const a = addField(addStep(blank(), 'Secondo'), 'text', { step: 1 }, 'Nome');
    const def = a.definition;
    expect(stepOfDropTarget(def, 'step:passo1')).toBe(1);
    expect(stepOfDropTarget(def, 'drop:0')).toBe(0);
    expect(stepOfDropTarget(def, `field:${a.path}`)).toBe(1);
    for (const odd of ['drop:7', 'drop:-1', 'drop:x', 'step:nessuno', 'field:nessuno', 'palette:text']) expect(stepOfDropTarget(def, odd)).toBe(-1);
  });
});
