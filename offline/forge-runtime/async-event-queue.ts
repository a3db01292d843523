// The async-events service's side of a queue (developer.atlassian.com/platform/forge/runtime-reference/async-events-api/):
// pushed events wait until their delay has passed on the runtime clock, are delivered to the consumer as AsyncEvents,
// and are retried within a 24-hour retention window — when the consumer returns an InvocationError (after its
// retryAfter, at most 900 s) or fails at app level (throws, times out; exponential backoff up to about 15 minutes).
// Past the window an event failing at app level is dropped.
import { randomUUID } from 'node:crypto';
import type { QueuePushRequest } from './handlers';
import type { InvocationChain } from './invocation-context';

/** "It begins when the Async Event is successfully enqueued and lasts for 24 hours." */
export const RETENTION_MS = 24 * 3_600_000;
/** "The maximum retryAfter value is 900 seconds … values exceeding this limit are lowered to 900 seconds." */
export const MAX_RETRY_AFTER_SECONDS = 900;
/** "The maximum retryData size is 4KB." */
export const MAX_RETRY_DATA_BYTES = 4_000;

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
  retentionWindow?: { startTime: string; remainingTimeMs: number };
}

/** What the consumer function receives (@forge/events AsyncEvent). */
export interface AsyncEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: RetryContext;
}

export interface QueuedEvent {
  event: AsyncEvent;
  enqueuedAt: number;
  dueAt: number;
  /** Deliveries so far. */
  attempts: number;
  /** The chain of pushes the event belongs to (the cyclic invocation limit follows it into its consumer). */
  chain: InvocationChain;
  /** Pushes are served in order among events due at the same instant. */
  sequence: number;
}

export interface DroppedEvent {
  event: AsyncEvent;
  reason: string;
}

/** A consumer's (or trigger's) request for a retry: what `new InvocationError(options)` returns. */
export interface RetryRequest {
  retryAfterSeconds: number;
  retryReason: string;
  retryData: unknown;
}

/**
 * Reads a function's result as a retry request. @forge/events' InvocationError constructor returns the plain object
 * `{ _retry: true, retryOptions }`, so a returned InvocationError is recognised by shape.
 */
export function retryRequest(result: unknown): RetryRequest | undefined {
  if (result === null || typeof result !== 'object' || (result as { _retry?: unknown })._retry !== true) return undefined;
  const options = ((result as { retryOptions?: unknown }).retryOptions ?? {}) as { retryAfter?: unknown; retryReason?: unknown; retryData?: unknown };
  const after = typeof options.retryAfter === 'number' && options.retryAfter > 0 ? options.retryAfter : 1;
  return {
    retryAfterSeconds: Math.min(after, MAX_RETRY_AFTER_SECONDS),
    retryReason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}

/** Backoff after an app-level failure: 15 s, doubling, capped at 15 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, 15 * 2 ** Math.max(0, attempts - 1));
}

export class AsyncEventQueue {
  private readonly events: QueuedEvent[] = [];
  private sequence = 0;
  readonly dropped: DroppedEvent[] = [];

  constructor(private readonly now: () => number) {}

  /** Takes a push as the service accepted it. */
  accept(push: QueuePushRequest, chain: InvocationChain): void {
    const now = this.now();
    for (const pushed of push.payload) {
      const event: AsyncEvent = { body: structuredClone(pushed.body), queueName: push.queueName, jobId: push.jobId, eventId: randomUUID() };
      if (pushed.delayInSeconds !== undefined) event.delayInSeconds = pushed.delayInSeconds;
      if (pushed.concurrency !== undefined) event.concurrency = structuredClone(pushed.concurrency);
      this.events.push({ event, enqueuedAt: now, dueAt: now + (pushed.delayInSeconds ?? 0) * 1000, attempts: 0, chain, sequence: this.sequence++ });
    }
  }

  /** Removes and returns the event due first (its delay or retry wait over), if any is due now. */
  takeDue(): QueuedEvent | undefined {
    const now = this.now();
    let best: QueuedEvent | undefined;
    for (const queued of this.events) {
      if (queued.dueAt > now) continue;
      if (!best || queued.dueAt < best.dueAt || (queued.dueAt === best.dueAt && queued.sequence < best.sequence)) best = queued;
    }
    if (best) this.events.splice(this.events.indexOf(best), 1);
    return best;
  }

  /** Schedules the next delivery of an event after a failed one, or drops it once the retention window is over. */
  retry(queued: QueuedEvent, afterSeconds: number, reason: string, retryData: unknown): void {
    const now = this.now();
    const dueAt = now + afterSeconds * 1000;
    const windowEnd = queued.enqueuedAt + RETENTION_MS;
    if (dueAt > windowEnd) {
      this.dropped.push({ event: queued.event, reason: `retention window exceeded after ${queued.attempts} deliveries (${reason})` });
      return;
    }
    const retryContext: RetryContext = {
      retryCount: queued.attempts,
      retryReason: reason,
      retryData,
      retentionWindow: { startTime: new Date(queued.enqueuedAt).toISOString(), remainingTimeMs: windowEnd - dueAt },
    };
    this.events.push({ ...queued, event: { ...queued.event, retryContext }, dueAt, sequence: this.sequence++ });
  }

  /** Events waiting (delayed, or waiting for a retry), in due order. */
  pending(): readonly QueuedEvent[] {
    return [...this.events].sort((a, b) => a.dueAt - b.dueAt || a.sequence - b.sequence);
  }

  clear(): void {
    this.events.length = 0;
  }
}
