// Whether a failure may go away by itself (rate limits, server errors, throttled storage), so the work is worth
// handing back to the platform for a retry, rather than recording as a problem for an admin.
import { ForgeKvsAPIError } from '@forge/kvs';
import { JiraRequestError } from './jira/errors';
import { StorageReadError } from './storage/kvs-retry';

export interface TransientFailure {
  /** Seconds to wait before retrying, as the platform asked or a default. */
  retryAfterSeconds: number;
}

export function transientFailure(error: unknown): TransientFailure | undefined {
  if (error instanceof JiraRequestError && error.transient) return { retryAfterSeconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 30_000) / 1000)) };
  if (error instanceof StorageReadError) return { retryAfterSeconds: 30 };
  if (error instanceof ForgeKvsAPIError && (error.responseDetails.status === 429 || error.responseDetails.status >= 500)) return { retryAfterSeconds: 30 };
  return undefined;
}

/** A failure in words for the admin: Jira's or storage's own message, never a stack. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
