// The consumer of the app's job queue (async events v2: the handler receives an AsyncEvent whose `body` is the job).
import { InvocationError, InvocationErrorCode, type AsyncEvent } from '@forge/events';
import { z } from 'zod';
import type { Clock } from '../adapters/clock';
import type { JiraClient } from '../adapters/jira/client';
import { attemptRecompute, recordProblem } from '../usecases/attempt-recompute';
import { continueReevaluation } from '../usecases/reevaluate';
import { currentConfiguration } from '../adapters/storage/config-store';
import { deliverReport } from '../usecases/deliver-report';
import { issueAndDeliver } from '../usecases/report-schedule';
import { releaseTargets } from '../usecases/release-notices';
import { CLAIM_MS } from '../usecases/carry-out-escalations';

const Job = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reevaluate'), version: z.number().int().min(1) }),
  z.object({ kind: z.literal('recompute'), issueId: z.string().min(1) }),
  z.object({ kind: z.literal('issue-report'), agreement: z.string().min(1), month: z.string().regex(/^\d{4}-\d{2}$/), claim: z.string().min(1).optional(), by: z.string().min(1).optional() }),
  z.object({ kind: z.literal('deliver-report'), report: z.string().min(1) }),
  z.object({
    kind: z.literal('release'),
    targets: z.array(z.object({ customer: z.string().min(1), environment: z.string().min(1), product: z.string().min(1) })).min(1).max(500),
    cursor: z.string().min(1).optional(),
  }),
]);

let releases = 0;

/** Async events are redelivered on request; a job that keeps failing for passing reasons gets a few more tries. */
const MAX_RETRIES = 4;

export async function handleJob(event: AsyncEvent, jira: JiraClient, clock: Clock) {
  const job = Job.safeParse(event.body);
  if (!job.success) {
    // A malformed job can never succeed; retrying it would only repeat the failure.
    console.error('ignored a malformed job', job.error.issues);
    return { ignored: true };
  }
  if (job.data.kind === 'reevaluate') return continueReevaluation(job.data.version, jira, clock);
  if (job.data.kind === 'issue-report') {
    const { agreement, month, claim, by } = job.data;
    return issueAndDeliver({ agreement, month, ...(claim ? { claim } : {}), ...(by ? { by } : {}) }, jira, clock.now());
  }
  if (job.data.kind === 'release') {
    const { targets, cursor } = job.data;
    const report = await releaseTargets(targets, jira, clock, `release-${clock.now()}-${++releases}`, cursor);
    // A notice Jira failed (or another worker holds) is tried again once its claim has lapsed; the ledger keeps it once.
    if ((report.failed > 0 || report.waiting > 0) && (event.retryContext?.retryCount ?? 0) < MAX_RETRIES) {
      return new InvocationError({ retryAfter: Math.min(900, CLAIM_MS / 1000 + 60), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    return report;
  }
  if (job.data.kind === 'deliver-report') {
    const configuration = await currentConfiguration();
    return configuration ? deliverReport(job.data.report, configuration, jira, clock.now()) : { ignored: true };
  }
  const now = clock.now();
  const attempt = await attemptRecompute(job.data.issueId, jira, now);
  if (attempt.result !== 'failed') return attempt;
  if (attempt.transient && (event.retryContext?.retryCount ?? 0) < MAX_RETRIES) {
    return new InvocationError({ retryAfter: Math.min(900, attempt.transient.retryAfterSeconds), retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
  }
  await recordProblem(attempt, 'a delayed re-check', now);
  return attempt;
}
