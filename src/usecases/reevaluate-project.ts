// After the configuration changes, every issue of the project whose cycles may still move is recomputed.
// The work runs in a queue consumer (up to 900 s) in pages of 100 issues, and hands itself on to the next
// invocation before its time runs out, so a project of any size is covered.
import { Queue } from '@forge/events';
import { REEVALUATION_QUEUE } from '../app-identity';
import type { JiraClient } from '../adapters/jira/client';
import { recomputeIssue } from './recompute-issue';

export interface ReevaluationJob extends Record<string, unknown> {
  projectKey: string;
  /** Enhanced-search token of the next page; absent on the first invocation. */
  nextPageToken?: string;
  /** Issues recomputed so far by earlier invocations. */
  done?: number;
}

/** Leaves a margin below the consumer's 900 s for the page under way and the hand-over. */
export const TIME_BUDGET_MS = 600_000;

export function reevaluationJql(projectKey: string): string {
  // Unresolved requests are the ones whose cycles can still move; a resolved request with a cycle left open is
  // picked up by the breach watch when that cycle's deadline passes.
  return `project = "${projectKey.replace(/"/g, '')}" AND resolution = EMPTY ORDER BY key ASC`;
}

export async function enqueueReevaluation(job: ReevaluationJob): Promise<void> {
  await new Queue({ key: REEVALUATION_QUEUE }).push({ body: job });
}

export interface ReevaluationProgress {
  recomputed: number;
  handedOn: boolean;
}

export async function reevaluateProject(job: ReevaluationJob, jira: JiraClient, clock: () => number): Promise<ReevaluationProgress> {
  const started = clock();
  let token = job.nextPageToken;
  let recomputed = 0;
  do {
    const page = await jira.searchIssueKeys(reevaluationJql(job.projectKey), token);
    for (const key of page.keys) {
      await recomputeIssue(key, jira, clock());
      recomputed++;
    }
    token = page.nextPageToken;
    if (token && clock() - started > TIME_BUDGET_MS) {
      await enqueueReevaluation({ projectKey: job.projectKey, nextPageToken: token, done: (job.done ?? 0) + recomputed });
      return { recomputed, handedOn: true };
    }
  } while (token);
  return { recomputed, handedOn: false };
}
