import { describe, expect, test } from 'vitest';
import { compile, type Rule, type ServiceDefinition } from '@sportello/schemas';
import { fixture } from '@/components/builder/rules/fixture';
import { renameDataName, showIfRuleId } from './field-name';

const withRules = (...rules: Rule[]): ServiceDefinition => ({ ...fixture, rules: [...fixture.rules!, ...rules] });
const showIf = (field: string, id = showIfRuleId(field)): Rule => ({ id, type: 'show', field, when: { '==': [{ var: 'haFigli' }, true] } });
const ok = (r: ReturnType<typeof renameDataName>) => { if (!r.ok) throw new Error(r.code); return r.definition; };

describe('renameDataName', () => {
  test('the panel\'s "show only if" rule follows its field, its group\'s columns too', () => {
    const def = withRules(showIf('dataInizio'), showIf('figli[].eta'));
    const renamed = ok(renameDataName(def, 'dataInizio', 'dataAvvio'));
    expect(renamed.rules!.slice(-2).map((r) => [r.id, r.field])).toEqual([['mostra_dataAvvio', 'dataAvvio'], ['mostra_figli_eta', 'figli[].eta']]);
    const group = ok(renameDataName(def, 'figli', 'minori'));
    expect(group.rules!.slice(-1).map((r) => [r.id, r.field])).toEqual([['mostra_minori_eta', 'minori[].eta']]);
    expect(compile(group).ok).toBe(true);
  });

  test('a rule id that is not the panel\'s, or one already taken, stays', () => {
    const def = withRules(showIf('dataInizio', 'mioId'), showIf('note'), { ...showIf('cognome'), id: 'mostra_testo' });
    const renamed = ok(renameDataName(def, 'note', 'testo'));
    expect(renamed.rules!.slice(-3).map((r) => r.id)).toEqual(['mioId', 'mostra_note', 'mostra_testo']);
    expect(renamed.rules![renamed.rules!.length - 2]!.field).toBe('testo');
  });

  test('a refused name is the engine\'s refusal, and the same name no change', () => {
    expect(renameDataName(fixture, 'note', 'cognome')).toEqual({ ok: false, code: 'field.nameTaken' });
    expect(renameDataName(fixture, 'note', 'note')).toEqual({ ok: true, definition: fixture, path: 'note' });
  });
});
