// Time without events: a running cycle breaches when its clock passes the target, which no Jira event announces.
// Every record keeps `watchAt`, the next instant its result changes by itself (the earliest breach or escalation
// still to come) or an escalation it reached is still to be carried out; the scheduled watch reads only records
// whose `watchAt` has passed (a range read of one index, proportional to what is due), recomputes them, and carries
// out their reached escalations, so each breach is recorded and each escalation sent at its instant.
// It also retries the recorded failures whose back-off has passed: a request whose first computation failed has no
// record to watch, and would otherwise wait for its next event.
import type { Clock } from '../adapters/clock';
import type { JiraClient } from '../adapters/jira/client';
import { dueFailures } from '../adapters/storage/failure-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { dueRecords, postponeWatch, readIssueRecord } from '../adapters/storage/issue-store';
import type { ConfigBundle } from '../engine/types';
import { releaseLease, takeLease } from '../adapters/storage/lease-store';
import { attemptRecompute, recordProblem, type RecomputeAttempt } from './attempt-recompute';
import { carryOutEscalations, type EscalationsReport } from './carry-out-escalations';
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
  /** What became of the reached escalations the run found. */
  escalations: EscalationsReport;
}

/** Carries out the escalations the freshly computed record owes; a failure leaves them owed for the next run. */
async function escalate(attempt: RecomputeAttempt, jira: JiraClient, runId: string, now: number, report: EscalationsReport): Promise<void> {
  if (attempt.result === 'failed' || attempt.result === 'deleted' || attempt.result === 'no-configuration') return;
  const bundle: ConfigBundle | undefined = attempt.configuration?.bundle;
  const record: IssueRecord | undefined = attempt.record ?? (await readIssueRecord(attempt.issueId));
  if (!bundle || !record?.pendingEscalations?.length) return;
  try {
    const done = await carryOutEscalations(record, bundle, jira, runId, now);
    report.sent += done.sent;
    report.failed += done.failed;
    report.unconfirmed += done.unconfirmed;
    report.waiting += done.waiting;
  } catch (error) {
    // Storage or Jira failing beyond its retries: the ledger and the record still say what is owed.
    report.failed++;
    console.error(`could not carry out the escalations of ${record.issueKey}`, error);
  }
}

export async function watchBreaches(jira: JiraClient, clock: Clock, runId: string): Promise<WatchReport> {
  const started = clock.now();
  // Runs can overlap on Forge (a long run, a duplicated invocation): the lease keeps them from working the same records.
  const escalations: EscalationsReport = { sent: 0, failed: 0, unconfirmed: 0, waiting: 0 };
  if (!(await takeLease(LEASE, runId, started, started + WATCH_BUDGET_MS + 60_000))) return { skipped: true, recomputed: 0, failed: 0, handedOver: false, escalations };
  const report: WatchReport = { recomputed: 0, failed: 0, handedOver: false, escalations };
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
          await escalate(attempt, jira, runId, clock.now(), escalations);
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
          await escalate(attempt, jira, runId, clock.now(), escalations);
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
