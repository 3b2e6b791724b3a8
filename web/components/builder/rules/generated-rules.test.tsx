// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Logic, ServiceDefinition } from '@sportello/schemas';
import { renderWithText } from '../test-utils';
import { condition, seed, withTarget } from './arbitraries';
import { conditionToLogic, type Condition } from './condition';
import { exprContext } from './context';
import { fixture } from './fixture';
import { RulesEditor } from './RulesEditor';

afterEach(cleanup);

type Node = Condition['rules'][number];
const isGroup = (n: Node): n is Condition => typeof n === 'object' && n !== null && 'rules' in n;

/** What the visual form shows, in reading order: each comparison's field, and each group's "and"/"or". */
function shape(q: Condition, out = { fields: [] as string[], combinators: [] as string[] }) {
  out.combinators.push(q.combinator);
  for (const n of q.rules) {
    if (isGroup(n)) shape(n, out);
    else {
      const r = n as { field: string; match?: unknown; value?: unknown };
      out.fields.push(r.field);
      // "some / every / no row where ...": the condition over the rows is a group of its own.
      if (r.match) shape(r.value as Condition, out);
    }
  }
  return out;
}

/** The rules editor on the fixture with one more rule, held by a parent as the builder's store holds it. */
function mount(rule: { target: string; when: Logic }) {
  const def: ServiceDefinition = { ...fixture, rules: [...fixture.rules!, { id: 'generata', type: 'require', field: rule.target, when: rule.when }] };
  const state = { def };
  function Harness() {
    const [current, setCurrent] = useState(def);
    return <RulesEditor definition={current} onChange={(next) => { state.def = next; setCurrent(next); }} />;
  }
  renderWithText(<Harness />);
  return state;
}

const written = (state: { def: ServiceDefinition }) => state.def.rules!.find((r) => r.id === 'generata')!.when;

describe('the rendered rule editor over generated rules', () => {
  test('a generated rule opens in the visual form it was built in, and an edit and its undo write the same JSON Logic', () => {
    fc.assert(fc.property(withTarget((_, ctx) => condition(ctx.fields)), ({ target, value: query }) => {
      cleanup();
      const logic = conditionToLogic(query, exprContext(fixture, target, (k: string) => k).fields)!;
      const state = mount({ target, when: logic });
      fireEvent.click(screen.getByRole('button', { name: 'Edit generata' }));
      // Read back visually, not sent to the Advanced view.
      expect(screen.getByRole('tab', { name: 'Visual' }).getAttribute('aria-selected')).toBe('true');
      const form = screen.getByRole('group', { name: 'Condition of generata' });
      const expected = shape(query);
      expect(within(form).getAllByLabelText('Field').map((s) => (s as HTMLSelectElement).value)).toEqual(expected.fields);
      const combine = within(form).getAllByLabelText('Combine with') as HTMLSelectElement[];
      expect(combine.map((s) => s.value)).toEqual(expected.combinators);

      // Through the visual form: the outer "and"/"or" switched writes new JSON Logic, switched back writes the original.
      const outer = combine[0]!;
      const before = outer.value;
      fireEvent.change(outer, { target: { value: before === 'and' ? 'or' : 'and' } });
      if (query.rules.length > 1) expect(written(state)).not.toEqual(logic);
      fireEvent.change(within(screen.getByRole('group', { name: 'Condition of generata' })).getAllByLabelText('Combine with')[0]!, { target: { value: before } });
      expect(written(state)).toEqual(logic);
    }), { seed, numRuns: 30 });
  });
});
