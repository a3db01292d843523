// The progress of applying a saved configuration to the stored requests: what the admin watches ("1,200 of about
// 3,000 requests, 2 failed") and what a resumed run continues from. One record, the latest re-evaluation; a newer
// save supersedes it.
import kvs, { Filter, FilterConditions } from '@forge/kvs';
import { CURRENT, ENTITY } from './entities';
import { conditionFailed, stored } from './kvs-retry';

export interface Reevaluation {
  /** The configuration version being applied. */
  version: number;
  /**
   * Which active records it recomputes: those computed with a version below this one. After a save that is the
   * new version (only records not yet under it); an admin's "apply again" takes every record (version + 1).
   */
  below: number;
  startedAt: number;
  startedBy: string;
  state: 'running' | 'done';
  /** Requests recomputed so far, and those that failed (each also listed among the recompute failures). */
  done: number;
  failed: number;
  /** Unresolved service requests on the site when it started (Jira's approximate count): the size of the work. */
  estimate?: number;
  /**
   * First the site's unresolved service requests from Jira (which includes those the app has not stored yet), then
   * the stored records still behind (resolved requests with a cycle left open).
   */
  phase: 'requests' | 'records';
  /** Where the next page starts: Jira's page token in the first phase, the storage cursor in the second. */
  cursor?: string;
  /** The last time a worker reported: a running re-evaluation that goes quiet is resumed by the scheduled trigger. */
  heartbeatAt: number;
  finishedAt?: number;
}

const reevaluations = () => kvs.entity<Reevaluation>(ENTITY.reevaluation);

export function currentReevaluation(): Promise<Reevaluation | undefined> {
  return stored(() => reevaluations().get(CURRENT));
}

/** Starts (or restarts, for a newer version) the re-evaluation; an older version's progress is replaced. */
export async function startReevaluation(progress: Reevaluation): Promise<void> {
  await stored(() => reevaluations().set(CURRENT, progress));
}

/**
 * Records progress, on the condition that the stored progress is still this version's and unchanged since it was
 * read (`heartbeatAt`): a superseded or duplicated worker learns it must stop (false) instead of overwriting.
 */
export async function saveProgress(previous: Reevaluation, next: Reevaluation): Promise<boolean> {
  const same = new Filter<Reevaluation>().and('version', FilterConditions.equalTo(previous.version)).and('heartbeatAt', FilterConditions.equalTo(previous.heartbeatAt));
  try {
    await stored(() => kvs.transact().set(CURRENT, next, { entityName: ENTITY.reevaluation, conditions: same }).execute());
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
