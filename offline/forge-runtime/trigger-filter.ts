// Whether a trigger module receives a product event (developer.atlassian.com/platform/forge/events-reference/product_events/):
// it must subscribe to the event type; `ignoreSelf` drops events the app caused; `expression` must evaluate to true,
// and an evaluation error is handled by `onError` (IGNORE_AND_LOG by default: dropped, and logged). Events larger than
// 200 kB are not delivered at all ("Known issues").
import type { TriggerModule } from './app-manifest';
import { ExpressionEvaluationError } from './event-expression';
import { byteSize } from './invocation';

export const MAX_EVENT_BYTES = 200_000;

export type FilterDecision =
  | { deliver: true; log?: string }
  | { deliver: false; reason: 'not-subscribed' | 'too-large' | 'ignore-self' | 'expression-false' | 'expression-error'; log?: string };

export function filterEvent(trigger: TriggerModule, event: { eventType?: unknown; selfGenerated?: unknown }): FilterDecision {
  if (typeof event.eventType !== 'string' || !trigger.events.includes(event.eventType)) return { deliver: false, reason: 'not-subscribed' };
  if (byteSize(event) > MAX_EVENT_BYTES) return { deliver: false, reason: 'too-large', log: `${event.eventType} is larger than 200 kB and is not delivered` };
  if (trigger.ignoreSelf && event.selfGenerated === true) return { deliver: false, reason: 'ignore-self' };
  if (!trigger.expression) return { deliver: true };
  try {
    return trigger.expression.evaluate(event) ? { deliver: true } : { deliver: false, reason: 'expression-false' };
  } catch (error) {
    if (!(error instanceof ExpressionEvaluationError)) throw error;
    const message = `trigger ${trigger.key}: filter.expression failed: ${error.message}`;
    const log = trigger.onError.endsWith('_AND_LOG') ? { log: message } : {};
    return trigger.onError.startsWith('RECEIVE') ? { deliver: true, ...log } : { deliver: false, reason: 'expression-error', ...log };
  }
}
