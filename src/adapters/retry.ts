// Transient failures of the platform (Jira's 429 and 5xx, storage throttling) are retried a few times with back-off,
// honouring Retry-After, within the invocation's time budget; what still fails is thrown for the caller to record
// (and, for product events, to hand back to Forge for a later retry).

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Back-off before the n-th retry when the platform names no wait: base × 2^(n−1), with jitter. */
  baseDelayMs: number;
  /** Waits longer than this are not waited out in the invocation: the failure goes back to the caller. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 10_000, sleep };

/** A failure worth retrying, with the wait the platform asked for (ms), if any. */
export interface Transient {
  retryAfterMs?: number;
}

export async function withRetries<T>(operation: () => Promise<T>, transient: (error: unknown) => Transient | undefined, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const retry = transient(error);
      if (!retry || attempt >= policy.attempts) throw error;
      const backOff = policy.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      const wait = retry.retryAfterMs ?? backOff;
      if (wait > policy.maxDelayMs) throw error;
      await policy.sleep(wait);
    }
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
