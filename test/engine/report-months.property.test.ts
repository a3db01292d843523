// Laws the app's stored month summaries rest on: one replay read at several instants is the same as a replay per
// instant; a request summarized for every month at once gives each month's report exactly as summarizeTimeline
// does at the month's end; and the month under way, carried to its end by advance(), is what the end will show when
// nothing else happens.
import fc from 'fast-check';
import { advance } from '../../src/engine/advance';
import { complianceReport } from '../../src/engine/compliance-report';
import { calendarsOf, evaluate, evaluateAtEach } from '../../src/engine/obligations';
import { summarizeTimeline, summarizeTimelineByPeriod } from '../../src/engine/request-summary';
import type { Timeline } from '../../src/engine/types';
import { bundle, FIRST, LAST, periods, requestsArb, timelineArb } from './report-arbitraries';

/** The timeline as Jira would have it at `now`: nothing has happened after it yet. */
const until = (timeline: Timeline, now: number): Timeline => ({ ...timeline, events: timeline.events.filter((e) => e.at <= now) });

const nowArb = fc.integer({ min: FIRST, max: LAST + 10 * 86_400_000 });

describe('month summaries', () => {
  test('evaluateAtEach gives, at every instant, what evaluate gives there', () => {
    fc.assert(
      fc.property(timelineArb('SUP-1'), fc.uniqueArray(fc.integer({ min: FIRST - 30 * 86_400_000, max: LAST }), { minLength: 1, maxLength: 6 }), (timeline, raw) => {
        const instants = [...raw].sort((a, b) => a - b);
        expect(evaluateAtEach(bundle, timeline, instants)).toEqual(instants.map((at) => evaluate(bundle, timeline, at)));
      }),
      { numRuns: 120 },
    );
  });

  test('a request summarized for all months at once reports each ended month as summarizeTimeline does at its end', () => {
    let counted = 0;
    fc.assert(
      fc.property(requestsArb, nowArb, fc.boolean(), (timelines, now, internal) => {
        const known = timelines.map((t) => until(t, now)).filter((t) => t.issue.created <= now);
        const byPeriod = known.map((t) => summarizeTimelineByPeriod(bundle, t, periods, now));
        periods.forEach((period, i) => {
          if (period.to > now) return;
          const expected = complianceReport(bundle, 'acme-prod', period, known.map((t) => summarizeTimeline(bundle, t, period, period.to)), { internal });
          const actual = complianceReport(bundle, 'acme-prod', period, byPeriod.map((s) => s[i]!), { internal });
          expect(actual).toEqual(expected);
          counted += expected.cycles.length + expected.requests.created;
        });
      }),
      { numRuns: 120 },
    );
    // A generator that stopped producing anything to count would make the law hold trivially.
    expect(counted).toBeGreaterThan(100);
  });

  test('the month under way, carried on to its end with advance(), is the report at its end when nothing else happens', () => {
    let counted = 0;
    fc.assert(
      fc.property(requestsArb, nowArb, (timelines, now) => {
        const i = periods.findIndex((p) => p.from <= now && now < p.to);
        fc.pre(i >= 0);
        const period = periods[i]!;
        const known = timelines.map((t) => until(t, now)).filter((t) => t.issue.created <= now);
        const calendars = calendarsOf(bundle);
        const carried = known.map((t) => {
          const summary = summarizeTimelineByPeriod(bundle, t, periods.slice(0, i + 1), now)[i]!;
          const evaluation = { issue: summary.key, agreement: summary.agreement, obligations: summary.obligations, next: null };
          return { ...summary, obligations: advance(evaluation, summary.evaluatedAt, period.to, calendars).obligations };
        });
        const expected = complianceReport(bundle, 'acme-prod', period, known.map((t) => summarizeTimeline(bundle, t, period, period.to)));
        expect(complianceReport(bundle, 'acme-prod', period, carried)).toEqual(expected);
        counted += expected.cycles.length + expected.requests.open.total;
      }),
      { numRuns: 120 },
    );
    expect(counted).toBeGreaterThan(30);
  });
});
