// An evaluation carried forward without replaying equals a replay at the later instant, as long as no event lies
// between the two: the law that lets every surface show figures right at the moment they are shown.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { advance } from '../../src/engine/advance';
import { calendarsOf, evaluate } from '../../src/engine/obligations';
import type { ConfigBundle, Timeline, TimelineEvent } from '../../src/engine/types';

const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/config.json must be valid');
const bundle: ConfigBundle = loaded.value;
const calendars = calendarsOf(bundle);

const START = Date.parse('2026-11-23T08:00:00Z');
const STATUSES = ['Open', 'In Progress', 'Waiting for customer', 'Waiting for release', 'Resolved'];

const eventArb: fc.Arbitrary<Omit<TimelineEvent, 'at'>> = fc.oneof(
  fc.record({ type: fc.constant('status' as const), to: fc.constantFrom(...STATUSES) }),
  fc.record({ type: fc.constant('comment' as const), visibility: fc.constantFrom('public' as const, 'internal' as const), author: fc.constantFrom('agent' as const, 'customer' as const) }),
  fc.record({ type: fc.constant('resolution' as const), to: fc.constantFrom('Done', null) }),
  fc.record({ type: fc.constant('priority' as const), to: fc.constantFrom('p1', 'p2') }),
);

const timelineArb: fc.Arbitrary<Timeline> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 * 3600 }), eventArb), { maxLength: 30 })
  .map((steps) => {
    let at = START;
    const events: TimelineEvent[] = [{ at, type: 'created', status: 'Open' }];
    for (const [gap, event] of steps) {
      at += gap * 1000;
      events.push({ ...event, at } as TimelineEvent);
    }
    return { issue: { key: 'SUP-1', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2', created: START }, events };
  });

test('advance(evaluate(t0), t0, t1) equals evaluate(t1) when no event lies after t0', () => {
  fc.assert(
    fc.property(timelineArb, fc.integer({ min: 0, max: 3 * 86400 }), fc.integer({ min: 0, max: 10 * 86400 }), (timeline, pause, ahead) => {
      const last = timeline.events[timeline.events.length - 1]!.at;
      const t0 = last + pause * 1000;
      const t1 = t0 + ahead * 1000;
      expect(advance(evaluate(bundle, timeline, t0), t0, t1, calendars)).toEqual(evaluate(bundle, timeline, t1));
    }),
    { numRuns: 200 },
  );
});

test.each([
  // [what, hours after the request was raised to advance from, to]: a P2 incident raised Monday 23 Nov 09:00 in Copenhagen.
  ['before the first response is due: nothing breached yet', 0.25, 0.75, false],
  ['across the first-response deadline (2 h of office time): breached at the deadline', 0.25, 3, true],
])('%s', (_what, fromHours, toHours, breached) => {
  const timeline: Timeline = {
    issue: { key: 'SUP-9', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2', created: START },
    events: [{ at: START, type: 'created', status: 'Open' }],
  };
  const from = START + fromHours * 3_600_000;
  const to = START + toHours * 3_600_000;
  const advanced = advance(evaluate(bundle, timeline, from), from, to, calendars);
  const response = advanced.obligations.find((o) => o.goal === 'response')!;
  expect(response.breached).toBe(breached);
  expect(advanced).toEqual(evaluate(bundle, timeline, to));
});

// Contract management (formats.md §6): supplier cycles and calendars read in a site's zone carry forward alike.
const contracts = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/contracts-config.json'), 'utf8')));
if (!contracts.ok) throw new Error('examples/contracts-config.json must be valid');
const contractsBundle: ConfigBundle = contracts.value;

const supplierEventArb: fc.Arbitrary<Omit<TimelineEvent, 'at'>> = fc.oneof(
  fc.record({ type: fc.constant('status' as const), to: fc.constantFrom('Open', 'In Progress', 'Waiting for supplier', 'Waiting for customer') }),
  fc.record({ type: fc.constant('impact' as const), to: fc.constantFrom('company', 'department', 'person') }),
  fc.record({ type: fc.constant('urgency' as const), to: fc.constantFrom('now', 'today', 'later') }),
  fc.record({ type: fc.constant('resolution' as const), to: fc.constantFrom('Done', null) }),
);

test('with supplier goals and a site measured in New York, advance still equals a later replay', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 6 * 3600 }), supplierEventArb), { maxLength: 20 }),
      fc.constantFrom('fjord-nyc', 'fjord-houston'),
      fc.integer({ min: 0, max: 3 * 86400 }),
      fc.integer({ min: 0, max: 10 * 86400 }),
      (steps, site, pause, ahead) => {
        let at = START;
        const events: TimelineEvent[] = [{ at, type: 'created', status: 'Open' }];
        for (const [gap, event] of steps) {
          at += gap * 1000;
          events.push({ ...event, at } as TimelineEvent);
        }
        const timeline: Timeline = {
          issue: { key: 'FJU-1', customer: 'fjord-us', environment: 'Production', product: 'Payroll', site, impact: 'department', urgency: 'today', created: START },
          events,
        };
        const t0 = at + pause * 1000;
        const t1 = t0 + ahead * 1000;
        const later = evaluate(contractsBundle, timeline, t1);
        expect(advance(evaluate(contractsBundle, timeline, t0), t0, t1, calendarsOf(contractsBundle))).toEqual(later);
        expect(later.supplierObligations).toBeDefined();
      },
    ),
    { numRuns: 150 },
  );
});
