// Requests the app could not recompute, kept where an admin sees them (never a silent skip): which request, at
// which step, Jira's or storage's own message, how often and since when. A later success clears the entry.
import kvs, { Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import { stored } from './kvs-retry';

export interface RecomputeFailure {
  issueId: string;
  issueKey?: string;
  /** What the app was doing: the event path, the breach watch, a re-evaluation. */
  during: string;
  message: string;
  attempts: number;
  firstFailedAt: number;
  lastFailedAt: number;
  /** When the breach watch tries the request again. */
  retryAt: number;
}

const failures = () => kvs.entity<RecomputeFailure>(ENTITY.recomputeFailure);

export function readFailure(issueId: string): Promise<RecomputeFailure | undefined> {
  return stored(() => failures().get(issueId));
}

/** Records one more failure of the request; the wait before the next attempt doubles, from 5 minutes up to 6 hours. */
export async function recordFailure(input: { issueId: string; issueKey?: string; during: string; message: string }, now: number): Promise<RecomputeFailure> {
  const previous = await readFailure(input.issueId);
  const attempts = (previous?.attempts ?? 0) + 1;
  const wait = Math.min(6 * 3_600_000, 5 * 60_000 * 2 ** (attempts - 1));
  const issueKey = input.issueKey ?? previous?.issueKey;
  const failure: RecomputeFailure = {
    issueId: input.issueId,
    ...(issueKey ? { issueKey } : {}),
    during: input.during,
    message: input.message.trim() || 'unknown error',
    attempts,
    firstFailedAt: previous?.firstFailedAt ?? now,
    lastFailedAt: now,
    retryAt: now + wait,
  };
  await stored(() => failures().set(input.issueId, failure));
  return failure;
}

export async function clearFailure(issueId: string): Promise<void> {
  await stored(() => failures().delete(issueId));
}

/**
 * Failures whose next attempt is due (`retryAt ≤ upTo`), the longest waiting first: the breach watch retries them,
 * which covers requests that have no record to watch yet (their first computation failed).
 */
export async function dueFailures(upTo: number, limit = 50): Promise<RecomputeFailure[]> {
  const page = await stored(() => failures().query().index(INDEX.byRetryAt).where(WhereConditions.between(0, upTo)).sort(Sort.ASC).limit(Math.min(limit, 100)).getMany());
  return page.results.map((r) => r.value);
}

/** The most recent failures first (the admin page's list). */
export async function recentFailures(limit = 50): Promise<RecomputeFailure[]> {
  const page = await stored(() => failures().query().index(INDEX.byFailedAt).where(WhereConditions.greaterThan(0)).sort(Sort.DESC).limit(Math.min(limit, 100)).getMany());
  return page.results.map((r) => r.value);
}
