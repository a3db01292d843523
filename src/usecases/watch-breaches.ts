// Time without events: a running cycle breaches when its clock passes the target, which no Jira event announces.
// Every record keeps `watchAt`, the next instant its result changes by itself (the earliest breach still to come);
// the scheduled watch reads only records whose `watchAt` has passed (a range read of one index, proportional to
// what is due) and recomputes them, so each breach, the second and later ones too, is recorded at its instant.
// It also retries the recorded failures whose back-off has passed: a request whose first computation failed has no
// record to watch, and would otherwise wait for its next event.
import type { Clock } from '../adapters/clock';
import type { JiraClient } from '../adapters/jira/client';
import { dueFailures } from '../adapters/storage/failure-store';
import { dueRecords, postponeWatch } from '../adapters/storage/issue-store';
import { releaseLease, takeLease } from '../adapters/storage/lease-store';
import { attemptRecompute, recordProblem } from './attempt-recompute';
import { resumeStalledReevaluation } from './reevaluate';

/** Stays well inside the scheduled trigger's 900 s; what is left is picked up five minutes later. */
export const WATCH_BUDGET_MS = 600_000;
const LEASE = 'breach-watch';
/** Recorded failures retried per run, the longest waiting first. */
export const RETRIES_PER_RUN = 50;

export interface WatchReport {
  /** Another run held the lease: this one did nothing. */
  skipped?: true;
  recomputed: number;
  failed: number;
  /** Stopped for time with records still due. */
  handedOver: boolean;
}

export async function watchBreaches(jira: JiraClient, clock: Clock, runId: string): Promise<WatchReport> {
  const started = clock.now();
  // Runs can overlap on Forge (a long run, a duplicated invocation): the lease keeps them from working the same records.
  if (!(await takeLease(LEASE, runId, started, started + WATCH_BUDGET_MS + 60_000))) return { skipped: true, recomputed: 0, failed: 0, handedOver: false };
  const report: WatchReport = { recomputed: 0, failed: 0, handedOver: false };
  try {
    await resumeStalledReevaluation(started);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await dueRecords(started, cursor);
      for (const record of page.records) {
        if (seen.has(record.issueId)) continue;
        seen.add(record.issueId);
        const now = clock.now();
        const attempt = await attemptRecompute(record.issueId, jira, now);
        if (attempt.result !== 'failed') {
          report.recomputed++;
          continue;
        }
        report.failed++;
        const failure = await recordProblem(attempt, 'the breach watch', now, record.issueKey);
        // A request that keeps failing waits its turn (back-off) instead of heading every run's queue.
        await postponeWatch(record, failure?.retryAt ?? now + 5 * 60_000);
      }
      cursor = page.cursor;
      if (cursor && clock.now() - started > WATCH_BUDGET_MS) report.handedOver = true;
    } while (cursor && !report.handedOver);
    if (!report.handedOver) {
      // One page a run: failures are few, and each one retried records its next attempt further out (back-off).
      for (const failure of await dueFailures(started, RETRIES_PER_RUN)) {
        if (seen.has(failure.issueId)) continue;
        seen.add(failure.issueId);
        const now = clock.now();
        const attempt = await attemptRecompute(failure.issueId, jira, now);
        if (attempt.result !== 'failed') {
          report.recomputed++;
          continue;
        }
        report.failed++;
        await recordProblem(attempt, failure.during, now, failure.issueKey);
        if (clock.now() - started > WATCH_BUDGET_MS) break;
      }
    }
  } finally {
    await releaseLease(LEASE, runId);
  }
  return report;
}
