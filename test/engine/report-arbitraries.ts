// Random request histories of the example contract (examples/config.json: Copenhagen office hours with Danish
// holidays) around four report months, shared by the report laws.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { reportPeriod } from '../../src/engine/report-period';
import type { ConfigBundle, Timeline, TimelineEvent } from '../../src/engine/types';

const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/config.json must be valid');
export const bundle: ConfigBundle = loaded.value;

export const MONTHS = ['2026-10', '2026-11', '2026-12', '2027-01'];
const ZONE = 'Europe/Copenhagen';
export const periods = MONTHS.map((m) => reportPeriod(m, ZONE));
export const FIRST = periods[0]!.from;
export const LAST = periods[periods.length - 1]!.to;
const STATUSES = ['Open', 'In Progress', 'Waiting for customer', 'Waiting for release'];

const eventArb: fc.Arbitrary<Omit<TimelineEvent, 'at'>> = fc.oneof(
  fc.record({ type: fc.constant('status' as const), to: fc.constantFrom(...STATUSES) }),
  fc.record({ type: fc.constant('comment' as const), visibility: fc.constantFrom('public' as const, 'internal' as const), author: fc.constantFrom('agent' as const, 'customer' as const) }),
  fc.record({ type: fc.constant('resolution' as const), to: fc.constantFrom('Done', null) }),
  fc.record({ type: fc.constant('priority' as const), to: fc.constantFrom('p1', 'p2') }),
);

/** A request created in September–January (some before the first month), its events hours to days apart. */
export const timelineArb = (key: string): fc.Arbitrary<Timeline> =>
  fc
    .record({
      created: fc.integer({ min: FIRST - 20 * 86_400_000, max: LAST }).map((t) => Math.floor(t / 60_000) * 60_000),
      environment: fc.constantFrom('Production', 'Production', 'Production', 'UAT'),
      priority: fc.constantFrom('p1', 'p2'),
      requestType: fc.constantFrom('Incident', 'Service request'),
      steps: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * 86_400 }), eventArb), { maxLength: 12 }),
    })
    .map(({ created, environment, priority, requestType, steps }) => {
      let at = created;
      const events: TimelineEvent[] = [{ at, type: 'created', status: 'Open' }];
      for (const [gap, event] of steps) {
        at += gap * 1000;
        events.push({ ...event, at } as TimelineEvent);
      }
      return { issue: { key, requestType, customer: 'acme', environment, product: 'Payroll', priority, created }, events };
    });

export const requestsArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => timelineArb(`SUP-${i + 1}`))));
