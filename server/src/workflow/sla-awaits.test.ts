import { describe, expect, it } from 'vitest';
import type { Workflow } from '@sportello/schemas';
import { DEFAULT_WORKFLOW } from './default-workflow.js';
import { enterState, initialSla, replyDueAt } from './sla.js';

const DAY = 86_400_000;
const T0 = new Date('2026-12-01T09:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe('a state that awaits the citizen\'s reply', () => {
  it('waits for the citizen (the clock to conclude stops) even without waitsForCitizen, and its slaDays is the reply window', () => {
    const workflow: Workflow = {
      initial: 'a', concludeDays: 30,
      states: [{ id: 'a', label: 'a', slaDays: 5 }, { id: 'w', label: 'w', slaDays: 10, awaits: 'observations' }],
      transitions: [{ id: 'ask', from: 'a', to: 'w', label: 't' }, { id: 'reply', from: 'w', to: 'a', label: 't', roles: ['citizen'] }],
    };
    const waiting = enterState(workflow, 'w', at(2), initialSla(workflow, at(0)));
    expect(waiting).toEqual({ dueAt: null, concludeDueAt: at(30), suspendedAt: at(2) });
    expect(enterState(workflow, 'a', at(6), waiting).concludeDueAt).toEqual(at(34));
    expect(replyDueAt(workflow, 'w', at(2))).toEqual(at(12));
  });

  it('the default workflow: integration and observations have a reply window, a payment request has none (the office records it whenever it comes)', () => {
    expect(DEFAULT_WORKFLOW.states.filter((s) => s.awaits).map((s) => [s.id, s.awaits])).toEqual([['integration_requested', 'integration'], ['denial_notice', 'observations']]);
    expect(replyDueAt(DEFAULT_WORKFLOW, 'integration_requested', at(0))).toEqual(at(30));
    expect(replyDueAt(DEFAULT_WORKFLOW, 'denial_notice', at(0))).toEqual(at(10));
    expect(replyDueAt(DEFAULT_WORKFLOW, 'payment_requested', at(0))).toBeNull();
  });
});
