// The priority matrix in the engine (formats.md §6): answers become the priority changes they cause, so a
// timeline with answers is evaluated exactly like one where the app had written those priority events itself.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { applyMatrix, matrixPriority, priorityInForce } from '../../src/engine/matrix';
import { evaluate } from '../../src/engine/obligations';
import { summarizeTimeline } from '../../src/engine/request-summary';
import type { ConfigBundle, PriorityMatrix, Timeline, TimelineEvent } from '../../src/engine/types';
import { at } from './helpers';

const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/contracts-config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/contracts-config.json must be valid');
const bundle: ConfigBundle = loaded.value;
const matrix = bundle.priorityModels[0]!.matrix!;

const IMPACTS = ['company', 'department', 'person'];
const URGENCIES = ['now', 'today', 'later'];
const CREATED = at('2026-11-24T08:00:00Z');

function issue(extra: Partial<Timeline['issue']> = {}): Timeline['issue'] {
  return { key: 'MX-1', requestType: 'Incident', customer: 'fjord-no', environment: 'Production', product: 'Payroll', created: CREATED, ...extra };
}

describe('matrixPriority', () => {
  test.each<[string | undefined, string | undefined, string | undefined]>([
    ['company', 'now', 'p1'],
    ['person', 'later', 'p4'],
    ['person', undefined, undefined],
    ['everyone', 'now', undefined],
    ['constructor', 'now', undefined],
    ['company', 'toString', undefined],
  ])('%s × %s → %s', (impact, urgency, expected) => {
    expect(matrixPriority(matrix, impact, urgency)).toBe(expected);
  });
});

describe('applyMatrix', () => {
  const timeline: Timeline = { issue: issue({ priority: 'p2' }), events: [{ at: CREATED, type: 'created' }] };

  test('without a matrix or without answers the timeline is the same object', () => {
    expect(applyMatrix(timeline, undefined)).toBe(timeline);
    expect(applyMatrix(timeline, matrix)).toBe(timeline);
    const answered = { ...timeline, events: [...timeline.events, { at: CREATED + 1, type: 'impact' as const, to: 'person' }] };
    expect(applyMatrix(answered, undefined)).toBe(answered);
  });

  test('an answer that changes the cell is followed by the priority event it causes, from the priority in force', () => {
    const answered: Timeline = {
      issue: issue({ priority: 'p1', impact: 'person', urgency: 'later' }),
      events: [{ at: CREATED, type: 'created' }, { at: CREATED + 60_000, type: 'urgency', from: 'later', to: 'now' }, { at: CREATED + 120_000, type: 'impact', to: 'person' }],
    };
    expect(applyMatrix(answered, matrix)).toEqual({
      issue: { ...answered.issue, priority: 'p4' },
      events: [
        { at: CREATED, type: 'created' },
        { at: CREATED + 60_000, type: 'urgency', from: 'later', to: 'now' },
        { at: CREATED + 60_000, type: 'priority', from: 'p4', to: 'p3' },
        { at: CREATED + 120_000, type: 'impact', to: 'person' },
      ],
    });
  });
});

const answerArb: fc.Arbitrary<Omit<TimelineEvent, 'at'>> = fc.oneof(
  fc.record({ type: fc.constant('impact' as const), to: fc.constantFrom(...IMPACTS, 'everyone') }),
  fc.record({ type: fc.constant('urgency' as const), to: fc.constantFrom(...URGENCIES) }),
  fc.record({ type: fc.constant('priority' as const), to: fc.constantFrom('p1', 'p2', 'p3', 'p4') }),
  fc.record({ type: fc.constant('status' as const), to: fc.constantFrom('In Progress', 'Waiting for supplier', 'Waiting for customer') }),
  fc.record({ type: fc.constant('resolution' as const), to: fc.constantFrom('Done', null) }),
);

const historyArb = fc.record({
  impact: fc.option(fc.constantFrom(...IMPACTS), { nil: undefined }),
  urgency: fc.option(fc.constantFrom(...URGENCIES), { nil: undefined }),
  priority: fc.option(fc.constantFrom('p2', 'p3'), { nil: undefined }),
  steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 * 3600 }), answerArb), { maxLength: 25 }),
});

/** What the app would write itself: the answers replaced by the priority each leaves in force (a plain walk). */
function asPriorityEvents(m: PriorityMatrix, timeline: Timeline): Timeline {
  const { issue: first } = timeline;
  let impact = first.impact;
  let urgency = first.urgency;
  const cellOf = () => (impact !== undefined && urgency !== undefined ? m.cells[impact]?.[urgency] : undefined);
  let priority = cellOf() ?? first.priority;
  const events: TimelineEvent[] = [];
  for (const event of timeline.events) {
    if (event.type === 'impact') impact = event.to;
    else if (event.type === 'urgency') urgency = event.to;
    else {
      if (event.type === 'priority') priority = event.to;
      events.push(event);
      continue;
    }
    const cell = cellOf();
    if (cell !== undefined && cell !== priority) events.push({ at: event.at, type: 'priority', to: cell });
    priority = cell ?? priority;
  }
  const { impact: _impact, urgency: _urgency, ...rest } = first;
  const initial = (first.impact !== undefined && first.urgency !== undefined ? m.cells[first.impact]?.[first.urgency] : undefined) ?? first.priority;
  return { issue: { ...rest, ...(initial !== undefined ? { priority: initial } : {}) }, events };
}

test('answers are evaluated exactly like the priority events they cause, at every instant', () => {
  fc.assert(
    fc.property(historyArb, fc.integer({ min: 0, max: 4 * 86400 }), ({ impact, urgency, priority, steps }, offset) => {
      let t = CREATED;
      const events: TimelineEvent[] = [{ at: t, type: 'created', status: 'Open' }];
      for (const [gap, step] of steps) {
        t += gap * 1000;
        events.push({ ...step, at: t } as TimelineEvent);
      }
      const answered: Timeline = { issue: issue({ ...(impact ? { impact } : {}), ...(urgency ? { urgency } : {}), ...(priority ? { priority } : {}) }), events };
      const written = asPriorityEvents(matrix, answered);
      const when = CREATED + offset * 1000;
      expect(evaluate(bundle, answered, when)).toEqual(evaluate(bundle, written, when));
      expect(priorityInForce(applyMatrix(answered, matrix), when).priority).toBe(priorityInForce(written, when).priority);
    }),
    { numRuns: 300 },
  );
});

test('a report counts a request under the priority its answers gave it', () => {
  const timeline: Timeline = {
    issue: issue({ impact: 'department', urgency: 'today' }),
    events: [{ at: CREATED, type: 'created', status: 'Open' }, { at: CREATED + 3_600_000, type: 'impact', to: 'company' }],
  };
  const summary = summarizeTimeline(bundle, timeline, { to: at('2026-12-01T00:00:00Z') }, at('2026-11-24T08:30:00Z'));
  expect(summary.end.priority).toBe('p2');
  expect(summary.priority).toBe('p3');
  expect(summary.agreement).toBe('fjord-group-2026');
});
