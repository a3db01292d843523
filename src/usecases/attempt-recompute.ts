// One recompute as the event path, the breach watch and re-evaluation run it: a failure never escapes as an
// exception. A failure that may pass by itself (rate limits, throttling) is reported as transient, so the caller can
// hand the work back to the platform; the caller records the others where the admin sees them.
import type { JiraClient } from '../adapters/jira/client';
import { recordFailure, type RecomputeFailure } from '../adapters/storage/failure-store';
import { failureMessage, transientFailure, type TransientFailure } from '../adapters/transient';
import { recomputeIssue, type RecomputeOutcome } from './recompute-issue';

export interface FailedRecompute {
  issueId: string;
  result: 'failed';
  message: string;
  /** Set when a later attempt may succeed without anyone acting. */
  transient?: TransientFailure;
}

export type RecomputeAttempt = RecomputeOutcome | FailedRecompute;

export async function attemptRecompute(issueId: string, jira: JiraClient, now: number): Promise<RecomputeAttempt> {
  try {
    return await recomputeIssue(issueId, jira, now);
  } catch (error) {
    const transient = transientFailure(error);
    return { issueId, result: 'failed', message: failureMessage(error), ...(transient ? { transient } : {}) };
  }
}

/** Puts a failed recompute on the admin's list of problems; undefined when even that could not be stored. */
export async function recordProblem(failed: FailedRecompute, during: string, now: number, issueKey?: string): Promise<RecomputeFailure | undefined> {
  try {
    return await recordFailure({ issueId: failed.issueId, ...(issueKey ? { issueKey } : {}), during, message: failed.message }, now);
  } catch (error) {
    // Storage itself failing: the platform's log is the only place left to say it.
    console.error(`could not record the failure of ${failed.issueId} (${failed.message})`, error);
    return undefined;
  }
}
