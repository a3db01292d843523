import { customerFacing } from '../../src/views/commitments';
import type { Obligation } from '../../src/engine/types';

const cycle = (goal: string, n: number, state: Obligation['state'], internal = false): Obligation =>
  ({ goal, cycle: n, state, internal, startedAt: 0, endedAt: null, targetMs: 1, elapsedMs: 0, breached: false, breachedAt: null, reachedAt: null, deadline: null, calendar: 'c', pausedBy: null, escalations: [] }) as Obligation;

describe('what a customer is shown of the obligations', () => {
  it.each<[string, Obligation[], string[]]>([
    ['one line per goal: the open cycle over closed ones', [cycle('update', 1, 'completed'), cycle('update', 2, 'running')], ['update#2']],
    ['else the latest closed one', [cycle('update', 1, 'completed'), cycle('update', 2, 'completed')], ['update#2']],
    ['a paused cycle is open too', [cycle('resolution', 1, 'paused'), cycle('resolution', 2, 'completed')], ['resolution#1']],
    ['never a cancelled cycle, nor an internal goal', [cycle('response', 1, 'cancelled'), cycle('triage', 1, 'running', true), cycle('resolution', 1, 'running')], ['resolution#1']],
    ['goals keep their order', [cycle('response', 1, 'completed'), cycle('resolution', 1, 'running'), cycle('update', 1, 'running')], ['response#1', 'resolution#1', 'update#1']],
  ])('%s', (_, obligations, expected) => expect(customerFacing(obligations).map((o) => `${o.goal}#${o.cycle}`)).toEqual(expected));
});
