// Issue created / updated / commented / deleted (service projects only: see the trigger's filter in manifest.yml):
// recompute the request from its history, or forget it. A failure that may pass by itself is handed back to Forge
// for a retry (at most four); what still fails is recorded for the admin, never dropped.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import type { JiraClient } from '../adapters/jira/client';
import { enqueue } from '../adapters/queue';
import { markDeleted } from '../adapters/storage/issue-store';
import { attemptRecompute, recordProblem, type RecomputeAttempt } from '../usecases/attempt-recompute';

export interface IssueEvent {
  eventType: string;
  issue: { id: string; key?: string };
  /** Present when Forge delivers the event again after the handler asked for a retry. */
  retryContext?: { retryCount: number };
}

/** Forge retries a product event at most four times. */
const MAX_RETRIES = 4;
/** JSM saves the portal create panel's choice just after the created event: look again a minute later. */
const PORTAL_RECHECK_SECONDS = 60;

export type IssueEventOutcome = RecomputeAttempt | { issueId: string; result: 'deleted' } | ReturnType<typeof retryLater>;

function retryLater(seconds: number) {
  return new InvocationError({ retryAfter: Math.min(900, seconds), retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
}

export async function handleIssueEvent(event: IssueEvent, jira: JiraClient, now: number): Promise<IssueEventOutcome> {
  if (event.eventType === 'avi:jira:deleted:issue') {
    await markDeleted(event.issue.id, now);
    return { issueId: event.issue.id, result: 'deleted' };
  }
  const attempt = await attemptRecompute(event.issue.id, jira, now);
  if (attempt.result === 'failed') {
    if (attempt.transient && (event.retryContext?.retryCount ?? 0) < MAX_RETRIES) return retryLater(attempt.transient.retryAfterSeconds);
    await recordProblem(attempt, 'the issue event', now, event.issue.key);
    return attempt;
  }
  if (event.eventType === 'avi:jira:created:issue' && attempt.record && !attempt.portalChoiceFound) {
    await enqueue({ kind: 'recompute', issueId: attempt.issueId }, PORTAL_RECHECK_SECONDS);
  }
  return attempt;
}
