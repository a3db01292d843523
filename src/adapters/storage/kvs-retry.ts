// Storage throttling (429 beyond the installation's read/write units per minute) and server errors are retried with
// back-off like Jira's; @forge/kvs itself does not retry. Every storage module calls the platform through here.
import { ForgeKvsAPIError } from '@forge/kvs';
import { DEFAULT_RETRY, withRetries, type Transient } from '../retry';

function transient(error: unknown): Transient | undefined {
  if (!(error instanceof ForgeKvsAPIError)) return undefined;
  const status = error.responseDetails.status;
  return status === 429 || status >= 500 ? {} : undefined;
}

export function stored<T>(operation: () => Promise<T>): Promise<T> {
  return withRetries(operation, transient, DEFAULT_RETRY);
}

/** A conditional write the platform refused because the condition (or a FAIL_IF_EXISTS key policy) did not hold. */
export function conditionFailed(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.code === 'KEY_CONFLICT');
}

/** A batch item the platform could not read for any reason other than its absence. */
export class StorageReadError extends Error {
  constructor(readonly keys: string[]) {
    super(`storage could not read ${keys.join(', ')}`);
    this.name = 'StorageReadError';
  }
}
