// Queue.push as the async-events service meets it. @forge/events checks a push before sending it (≤ 50 events, a
// body object each, delayInSeconds 0-900, ≤ 200 KB); the service checks again, so a push that bypasses the SDK's
// checks is refused too, with the statuses the SDK maps to its errors (413: PayloadTooBigError, else
// InternalServerError). A push to a queue no consumer module declares is refused as well: on Forge its events would
// never be consumed, which is worse than an error.
import type { AppManifest } from './app-manifest';
import type { QueueHandler, QueuePushRequest } from './handlers';
import { jsonResponse } from './http';
import { byteSize } from './invocation';
import { currentInvocation } from './invocation-context';
import { SlidingWindow } from './sliding-window';

/**
 * "A maximum of 50 events can be pushed per request, up to a maximum combined payload of 200 KB", delay ≤ 15 min;
 * "Event per minute 500" per installation; "Payload size for long running functions: 100 KB per individual event"
 * when the consumer's timeout is over 55 s ("Async events limits").
 */
export const QUEUE_LIMITS = { events: 50, payloadKb: 200, maxDelaySeconds: 900, eventsPerMinute: 500, longRunningEventKb: 100, cyclicPushes: 1_000 } as const;
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

function refusal(push: QueuePushRequest, manifest: AppManifest): Response | undefined {
  const bad = (message: string): Response => jsonResponse(400, { message });
  if (typeof push.queueName !== 'string' || !QUEUE_NAME.test(push.queueName)) return bad('Queue names can only contain alphanumeric characters, dashes and underscores.');
  const consumer = manifest.consumers.find((candidate) => candidate.queue === push.queueName);
  if (!consumer) return bad(`No consumer module in the manifest consumes the queue "${push.queueName}".`);
  if (!Array.isArray(push.payload) || push.payload.length === 0) return bad('No events pushed.');
  if (push.payload.length > QUEUE_LIMITS.events) return bad(`This push contains more than the ${QUEUE_LIMITS.events} events allowed.`);
  for (const event of push.payload) {
    if (event === null || typeof event !== 'object' || event.body === null || typeof event.body !== 'object' || Array.isArray(event.body)) {
      return bad('Event body must be an object.');
    }
    const delay = event.delayInSeconds;
    if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > QUEUE_LIMITS.maxDelaySeconds)) {
      return bad(`The delayInSeconds setting must be between 0 and ${QUEUE_LIMITS.maxDelaySeconds}.`);
    }
  }
  if (byteSize(push.payload) / 1024 > QUEUE_LIMITS.payloadKb) {
    return jsonResponse(413, { errorMessage: `The maximum payload size is ${QUEUE_LIMITS.payloadKb}KB.` });
  }
  const longRunning = (manifest.functions.get(consumer.function)?.timeoutSeconds ?? 55) > 55;
  if (longRunning && push.payload.some((event) => byteSize(event) / 1024 > QUEUE_LIMITS.longRunningEventKb)) {
    return jsonResponse(413, { errorMessage: `Events for a consumer with a timeout over 55 seconds are limited to ${QUEUE_LIMITS.longRunningEventKb}KB each.` });
  }
  return undefined;
}

export interface QueueGatewayOptions {
  manifest: AppManifest;
  handler: QueueHandler | undefined;
  onPush: () => void;
  now: () => number;
}

export function queueGateway({ manifest, handler, onPush, now }: QueueGatewayOptions): (path: string, text: string | undefined) => Promise<Response> {
  const perMinute = new SlidingWindow(QUEUE_LIMITS.eventsPerMinute, 60_000);
  return async (path, text) => {
    // Job statistics and cancellation are not modelled: every job is unknown, which the SDK reports as JobDoesNotExistError.
    if (!path.startsWith('/webhook/queue/publish/')) return jsonResponse(404, { message: 'Job not found (not modelled locally)' });
    if (!handler) throw new Error('local Forge runtime: Queue.push was called but no queue handler is installed');
    let push: QueuePushRequest;
    try {
      push = JSON.parse(text ?? '{}') as QueuePushRequest;
    } catch {
      return jsonResponse(400, { message: 'The push is not JSON.' });
    }
    const refused = refusal(push, manifest);
    if (refused) return refused;
    // "Cyclic invocation limit 1000": pushes descending from one initial invocation; the SDK maps 405 to
    // InvocationLimitReachedError.
    const chain = currentInvocation()?.chain;
    if (chain && chain.pushes >= QUEUE_LIMITS.cyclicPushes) return jsonResponse(405, { message: 'The limit on cyclic invocation has been reached.' });
    // The SDK turns a 429 into RateLimitError ("Too many requests.").
    if (perMinute.waitFor(push.payload.length, now()) > 0) return jsonResponse(429, { message: 'Too many requests.' });
    perMinute.spend(push.payload.length, now());
    if (chain) chain.pushes += 1;
    onPush();
    await handler(push);
    return jsonResponse(201, {});
  };
}
