// The app's one queue: long or delayed work handed to the `jobs` consumer (up to 900 s a run).
import { Queue } from '@forge/events';
import { JOB_QUEUE } from '../app-identity';

export type Job =
  /** Apply a saved configuration to every active request (see usecases/reevaluate). */
  | { kind: 'reevaluate'; version: number }
  /** Recompute one request again shortly: JSM saves the portal's create panel after the created event. */
  | { kind: 'recompute'; issueId: string }
  /** Issue (and deliver) an agreement's report for a month: the schedule's (with its claim) or an admin's. */
  | { kind: 'issue-report'; agreement: string; month: string; claim?: string; by?: string }
  /** Deliver an issued report again after a failure. */
  | { kind: 'deliver-report'; report: string }
  /**
   * Tell the requests waiting for a fix what these customer environments' products now run (formats.md §9.5), one
   * after the other; `cursor` continues the first one's slice.
   */
  | { kind: 'release'; targets: Array<{ customer: string; environment: string; product: string }>; cursor?: string };

/** Pushes one job, optionally after a delay (at most 900 s, the platform's limit). */
export async function enqueue(job: Job, delayInSeconds?: number): Promise<void> {
  await new Queue({ key: JOB_QUEUE }).push({ body: job, ...(delayInSeconds ? { delayInSeconds: Math.min(900, delayInSeconds) } : {}) });
}
