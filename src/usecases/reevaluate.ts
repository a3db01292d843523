// After a configuration is saved, every active request (a cycle open, or not yet resolved) is recomputed under it,
// on every service project of the site: open cycles follow the new contract, closed ones stay as they were
// reported. Two phases: the site's unresolved service requests as Jira lists them (so requests the app never stored,
// say from before it was installed, are included), then the stored records still behind (resolved requests with a
// cycle left open). The work runs in the queue consumer in pages, hands itself on before the invocation's time runs
// out, reports its progress for the admin to watch, and is resumed by the scheduled trigger if a run dies.
import type { Clock } from '../adapters/clock';
import type { JiraClient } from '../adapters/jira/client';
import { enqueue } from '../adapters/queue';
import { recordsBehind } from '../adapters/storage/issue-store';
import { currentReevaluation, saveProgress, startReevaluation as storeStart, type Reevaluation } from '../adapters/storage/reevaluation-store';
import { transientFailure } from '../adapters/transient';
import { attemptRecompute, recordProblem } from './attempt-recompute';

/** Leaves a margin below the consumer's 900 s for the page under way and the hand-over. */
export const REEVALUATION_BUDGET_MS = 600_000;
/**
 * Requests one invocation recomputes before pausing. A request costs about five of Jira's points; 500 every five
 * minutes is about half of an hour's allowance (65,000 points for a typical site), which leaves the rest for the
 * requests' own events and the breach watch while a large site is re-evaluated (50,000 requests in about 8 hours).
 */
export const REEVALUATION_SLICE = 500;
export const SLICE_PAUSE_SECONDS = 300;
/** When Jira says the allowance runs low (or refuses a page), the work waits the longest a queued job can. */
export const NEAR_LIMIT_PAUSE_SECONDS = 900;
/** A running re-evaluation that has not reported for this long died with its invocation. */
export const STALLED_AFTER_MS = 20 * 60_000;

/** What "the work" is when it starts: Jira's estimate of the site's unresolved service requests. */
export const ACTIVE_REQUESTS_JQL = 'projectType = "service_desk" AND resolution IS EMPTY';
const ACTIVE_REQUESTS_JQL_ORDERED = `${ACTIVE_REQUESTS_JQL} ORDER BY key ASC`;

/**
 * Starts applying configuration `version`: to the records not yet computed with it, or (`everything`, an admin's
 * "apply again") to every active record.
 */
export async function startReevaluation(version: number, startedBy: string, jira: JiraClient, now: number, everything = false): Promise<Reevaluation> {
  let estimate: number | undefined;
  try {
    estimate = await jira.approximateCount(ACTIVE_REQUESTS_JQL);
  } catch (error) {
    // Only the progress figure depends on it; the work itself does not.
    console.warn('no estimate of the re-evaluation', error);
  }
  const progress: Reevaluation = {
    version,
    below: everything ? version + 1 : version,
    startedAt: now,
    startedBy,
    state: 'running',
    done: 0,
    failed: 0,
    ...(estimate !== undefined ? { estimate } : {}),
    phase: 'requests',
    heartbeatAt: now,
  };
  await storeStart(progress);
  await enqueue({ kind: 'reevaluate', version });
  return progress;
}

export interface ReevaluationRun {
  recomputed: number;
  failed: number;
  /** Why the run ended: finished, handed on to a new invocation (now or after a pause), or superseded by a newer run. */
  ended: 'done' | 'handed-on' | 'paused' | 'superseded';
}

export async function continueReevaluation(version: number, jira: JiraClient, clock: Clock): Promise<ReevaluationRun> {
  const started = clock.now();
  const run: ReevaluationRun = { recomputed: 0, failed: 0, ended: 'superseded' };
  let progress = await currentReevaluation();
  if (!progress || progress.version !== version || progress.state === 'done') return run;
  // Claim the work: a second worker on the same version (a resumed one) makes one of the two stop here or later.
  const claimed: Reevaluation = { ...progress, heartbeatAt: started };
  if (!(await saveProgress(progress, claimed))) return run;
  progress = claimed;
  const during = `the re-evaluation for configuration version ${version}`;
  const pause = async (seconds: number): Promise<ReevaluationRun> => {
    await enqueue({ kind: 'reevaluate', version }, seconds);
    return { ...run, ended: 'paused' };
  };
  for (;;) {
    let page: Awaited<ReturnType<typeof nextPage>>;
    try {
      page = await nextPage(progress, jira);
    } catch (error) {
      // Jira's allowance spent (or a passing failure): wait, rather than fail and be retried at once.
      if (transientFailure(error)) return pause(NEAR_LIMIT_PAUSE_SECONDS);
      throw error;
    }
    let done = 0;
    let failed = 0;
    for (const { issueId, issueKey } of page.issues) {
      const now = clock.now();
      const attempt = await attemptRecompute(issueId, jira, now);
      if (attempt.result === 'failed') {
        failed++;
        await recordProblem(attempt, during, now, issueKey);
      } else {
        done++;
        // A request that failed earlier in this same re-evaluation and is done now counts once, as done.
        if (attempt.clearedFailure?.during === during) failed--;
      }
    }
    run.recomputed += done;
    run.failed += failed;
    const { cursor: _previous, ...rest } = progress;
    const counted = { ...rest, done: progress.done + done, failed: Math.max(0, progress.failed + failed), heartbeatAt: clock.now() };
    let next: Reevaluation;
    if (page.cursor !== undefined) next = { ...counted, cursor: page.cursor };
    else if (progress.phase === 'requests') next = { ...counted, phase: 'records' };
    else next = { ...counted, state: 'done', finishedAt: clock.now() };
    if (!(await saveProgress(progress, next))) return run;
    progress = next;
    if (progress.state === 'done') return { ...run, ended: 'done' };
    if (jira.nearLimit) return pause(NEAR_LIMIT_PAUSE_SECONDS);
    if (run.recomputed + run.failed >= REEVALUATION_SLICE) return pause(SLICE_PAUSE_SECONDS);
    if (clock.now() - started > REEVALUATION_BUDGET_MS) {
      await enqueue({ kind: 'reevaluate', version });
      return { ...run, ended: 'handed-on' };
    }
  }
}

/** The next page of the phase under way: issue ids (and keys, when known) with where the page after starts. */
async function nextPage(progress: Reevaluation, jira: JiraClient): Promise<{ issues: Array<{ issueId: string; issueKey?: string }>; cursor?: string }> {
  if (progress.phase === 'requests') {
    const page = await jira.searchIssueIds(ACTIVE_REQUESTS_JQL_ORDERED, progress.cursor);
    return { issues: page.ids.map((issueId) => ({ issueId })), ...(page.nextPageToken ? { cursor: page.nextPageToken } : {}) };
  }
  const page = await recordsBehind(progress.below, progress.cursor);
  return { issues: page.records.map((r) => ({ issueId: r.issueId, issueKey: r.issueKey })), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** Called by the scheduled trigger: a re-evaluation whose worker went quiet is handed to a new one. */
export async function resumeStalledReevaluation(now: number): Promise<boolean> {
  const progress = await currentReevaluation();
  if (!progress || progress.state !== 'running' || now - progress.heartbeatAt < STALLED_AFTER_MS) return false;
  // Touch it first, so the next run does not enqueue it again while this job waits in the queue.
  if (!(await saveProgress(progress, { ...progress, heartbeatAt: now }))) return false;
  await enqueue({ kind: 'reevaluate', version: progress.version });
  return true;
}
