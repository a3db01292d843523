// The daily run of the report schedules (formats.md §7). Forge runs scheduled triggers at most daily, never retries
// them, and may run one twice: each agreement whose day has come in its own zone has last month's report claimed
// once in the ledger and issued by a queued job (up to 900 s for a large month); reports still to reach their
// customer are handed to the queue again once their back-off has passed.
import { DateTime } from 'luxon';
import { enqueue } from '../adapters/queue';
import type { JiraClient } from '../adapters/jira/client';
import { currentConfiguration, type StoredConfiguration } from '../adapters/storage/config-store';
import { issuedReportId, type IssuedReport } from '../adapters/storage/issued-report';
import { claimScheduled, readIssuedReport, reportsToDeliver, reserveScheduledVersion } from '../adapters/storage/issued-report-store';
import { monthOf, previousMonth } from '../engine/report-period';
import { deliverReport, type DeliveryOutcome } from './deliver-report';
import { inForceDuring, issueReport } from './issue-report';
import { agreementZone } from './request-months';

/** A claim whose job never issued the report (it failed for good) is taken over after this long. */
export const STALE_CLAIM_MS = 60 * 60_000;
/** Deliveries tried at most this often; then the admin page shows the failure until someone issues again. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** Back-off before the next delivery attempt: 15 minutes, doubling, at most a day. */
export function nextDeliveryAt(header: IssuedReport): number {
  if (header.delivery.attempts === 0 || header.delivery.lastAttemptAt === undefined) return header.issuedAt;
  return header.delivery.lastAttemptAt + Math.min(24 * 60, 15 * 2 ** (header.delivery.attempts - 1)) * 60_000;
}

export interface ScheduleRun {
  /** `agreement month` of every report this run claimed and queued. */
  queued: string[];
  /** Reports handed to the queue again for delivery. */
  deliveries: string[];
}

/** The month whose report is due on `now` for a schedule's day, in the agreement's zone; undefined before the day. */
export function dueMonth(day: number, zone: string, now: number): string | undefined {
  const local = DateTime.fromMillis(now, { zone });
  return local.day >= day ? previousMonth(monthOf(now, zone)) : undefined;
}

export async function runReportSchedules(now: number, runId: string): Promise<ScheduleRun> {
  const run: ScheduleRun = { queued: [], deliveries: [] };
  const configuration = await currentConfiguration();
  if (!configuration) return run;
  const issued = (agreement: string, month: string) => async (version: number) => (await readIssuedReport(issuedReportId(agreement, month, version))) !== undefined;
  for (const agreement of configuration.bundle.agreements) {
    const zone = agreementZone(configuration.bundle, agreement.id);
    if (!agreement.report || zone === undefined) continue;
    const month = dueMonth(agreement.report.day, zone, now);
    if (month === undefined || !inForceDuring(agreement, month)) continue;
    if (!(await claimScheduled(agreement.id, month, runId, now, STALE_CLAIM_MS, issued(agreement.id, month)))) continue;
    await enqueue({ kind: 'issue-report', agreement: agreement.id, month, claim: runId });
    run.queued.push(`${agreement.id} ${month}`);
  }
  for (const header of await reportsToDeliver()) {
    if (header.delivery.attempts >= MAX_DELIVERY_ATTEMPTS || nextDeliveryAt(header) > now) continue;
    // A report issued just now is delivered by its own job.
    if (header.delivery.attempts === 0 && now - header.issuedAt < STALE_CLAIM_MS) continue;
    await enqueue({ kind: 'deliver-report', report: header.id });
    run.deliveries.push(header.id);
  }
  return run;
}

export interface IssueJob {
  agreement: string;
  month: string;
  /** The run holding the schedule's claim; absent for an admin's issue. */
  claim?: string;
  /** The admin who asked (an issue that is not the schedule's). */
  by?: string;
}

export interface IssueOutcome {
  report?: string;
  skipped?: string;
  delivery?: DeliveryOutcome;
}

/** The queued work of issuing one report, then delivering it when the agreement has a schedule. */
export async function issueAndDeliver(job: IssueJob, jira: JiraClient, now: number, configuration?: StoredConfiguration): Promise<IssueOutcome> {
  const stored = configuration ?? (await currentConfiguration());
  if (!stored) return { skipped: 'no configuration' };
  let version: number | undefined;
  if (job.claim !== undefined) {
    version = await reserveScheduledVersion(job.agreement, job.month, job.claim);
    if (version === undefined) return { skipped: 'another run holds the claim' };
  }
  const header = await issueReport(stored, { agreementId: job.agreement, month: job.month, issuedBy: job.claim !== undefined ? 'schedule' : (job.by ?? 'admin'), ...(version !== undefined ? { version } : {}) }, now);
  if (header.delivery.state !== 'pending' && header.delivery.state !== 'request-created') return { report: header.id };
  return { report: header.id, delivery: await deliverReport(header.id, stored, jira, now) };
}
