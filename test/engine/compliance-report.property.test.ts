// Laws of the compliance report over random histories of the example contract (examples/config.json, Copenhagen
// office hours with Danish holidays): evaluated at one common instant, every cycle with an outcome counts in exactly
// one month, and a month's counts are the sums of its cycles.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { complianceReport, countingInstant, outcomeOf } from '../../src/engine/compliance-report';
import { evaluate } from '../../src/engine/obligations';
import { reportPeriod } from '../../src/engine/report-period';
import { summarizeTimeline } from '../../src/engine/request-summary';
import type { ConfigBundle, Timeline, TimelineEvent } from '../../src/engine/types';

const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/config.json must be valid');
const bundle: ConfigBundle = loaded.value;

const MONTHS = ['2026-10', '2026-11', '2026-12', '2027-01'];
const ZONE = 'Europe/Copenhagen';
const periods = MONTHS.map((m) => reportPeriod(m, ZONE));
const FIRST = periods[0]!.from;
const LAST = periods[periods.length - 1]!.to;
const STATUSES = ['Open', 'In Progress', 'Waiting for customer', 'Waiting for release'];

const eventArb: fc.Arbitrary<Omit<TimelineEvent, 'at'>> = fc.oneof(
  fc.record({ type: fc.constant('status' as const), to: fc.constantFrom(...STATUSES) }),
  fc.record({ type: fc.constant('comment' as const), visibility: fc.constantFrom('public' as const, 'internal' as const), author: fc.constantFrom('agent' as const, 'customer' as const) }),
  fc.record({ type: fc.constant('resolution' as const), to: fc.constantFrom('Done', null) }),
  fc.record({ type: fc.constant('priority' as const), to: fc.constantFrom('p1', 'p2') }),
);

/** A request created in September–January (some before the first month), its events hours to days apart. */
const timelineArb = (key: string): fc.Arbitrary<Timeline> =>
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

const requestsArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => timelineArb(`SUP-${i + 1}`))));

describe('compliance report laws', () => {
  test('at one common instant, each cycle with an outcome counts in exactly one month, the month of its instant', () => {
    // Across all runs, so a generator that stopped producing counted cycles would fail the test rather than pass it.
    let cyclesSeen = 0;
    fc.assert(
      fc.property(requestsArb, fc.integer({ min: 0, max: 40 * 86_400 }), fc.boolean(), (timelines, afterEnd, internal) => {
        const at = LAST + afterEnd * 1000;
        // Independently: the cycles of acme-prod with an outcome whose instant falls in the four months.
        const expected = new Set<string>();
        for (const timeline of timelines) {
          const evaluation = evaluate(bundle, timeline, at);
          if (evaluation.agreement !== 'acme-prod') continue;
          for (const o of evaluation.obligations) {
            const outcome = outcomeOf(o);
            if (outcome === null || (o.internal && !internal)) continue;
            const instant = countingInstant(o, outcome)!;
            if (instant >= FIRST && instant < LAST) expected.add(`${timeline.issue.key} ${o.goal}#${o.cycle}`);
          }
        }
        const counted: string[] = [];
        let summed = 0;
        for (const period of periods) {
          const report = complianceReport(bundle, 'acme-prod', period, timelines.map((t) => summarizeTimeline(bundle, t, period, at)), { internal });
          const perGoal = report.goals.reduce((sum, g) => sum + g.met + g.breached + g.cancelled, 0);
          expect(perGoal).toBe(report.cycles.length);
          for (const g of report.goals) {
            const mine = report.cycles.filter((c) => c.goal === g.goal);
            expect([g.met, g.breached, g.cancelled]).toEqual(['met', 'breached', 'cancelled'].map((o) => mine.filter((c) => c.outcome === o).length));
            expect(g.compliance).toBe(g.met + g.breached === 0 ? null : g.met / (g.met + g.breached));
          }
          summed += perGoal;
          counted.push(...report.cycles.map((c) => `${c.issue} ${c.goal}#${c.cycle}`));
        }
        cyclesSeen += expected.size;
        expect(summed).toBe(expected.size);
        expect(counted.length).toBe(new Set(counted).size);
        expect(new Set(counted)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
    expect(cyclesSeen).toBeGreaterThan(500);
  });

  test('requests: a creation counts in its month only; a resolved request once in each month it was resolved in', () => {
    fc.assert(
      fc.property(requestsArb, (timelines) => {
        const ours = timelines.filter((t) => evaluate(bundle, t, t.issue.created).agreement === 'acme-prod');
        let created = 0;
        let resolvedSomewhere = 0;
        for (const period of periods) {
          const report = complianceReport(bundle, 'acme-prod', period, timelines.map((t) => summarizeTimeline(bundle, t, period, period.to)));
          created += report.requests.created;
          resolvedSomewhere += report.requests.resolved;
          const byStatus = Object.values(report.requests.open.byStatus).reduce((a, b) => a + b, 0);
          // Every generated request has a status and a priority, so the breakdowns add up to the total.
          expect(byStatus).toBe(report.requests.open.total);
          expect(Object.values(report.requests.open.byPriority).reduce((a, b) => a + b, 0)).toBe(report.requests.open.total);
        }
        expect(created).toBe(ours.filter((t) => t.issue.created >= FIRST && t.issue.created < LAST).length);
        // A request resolved in two months counts in both; never twice in one.
        const months = ours.map((t) => new Set(t.events.filter((e) => e.type === 'resolution' && e.to !== null && e.at >= FIRST && e.at < LAST).map((e) => periods.findIndex((p) => e.at >= p.from && e.at < p.to))).size);
        expect(resolvedSomewhere).toBe(months.reduce((a, b) => a + b, 0));
      }),
      { numRuns: 120 },
    );
  });
});
