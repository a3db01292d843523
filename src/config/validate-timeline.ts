// The one validator of an issue timeline (spec §2). Instants become epoch milliseconds here, and events are put in
// the order the engine applies them: by `at`, equal instants keeping their given order.
import { z } from 'zod';
import { parseInstant } from '../engine/instant';
import type { Timeline, TimelineEvent } from '../engine/types';
import { describeValue, toValidationIssues, type Validated } from './issues';
import { explainBadInstant } from './leaf-rules';
import { readPlainTimeline } from './plain-timeline';
import { closedObject, oneOf, parseWith, rule } from './zod-messages';

/** An ISO-8601 instant with an offset, as epoch milliseconds. */
const instant = z
  .string()
  .superRefine(rule(explainBadInstant))
  .transform((text) => parseInstant(text) as number); // defined: the refinement above let it through

const text = z.string();
const category = oneOf(['new', 'indeterminate', 'done'], 'status category');

// `impact` and `urgency`: a priority matrix's answers (formats.md §6).
const TYPES = ['created', 'status', 'comment', 'resolution', 'priority', 'field', 'impact', 'urgency'] as const satisfies readonly TimelineEvent['type'][];

/**
 * The fields of each event type, `at` among them so that an event's fields are known as a whole (any other field is
 * refused); `at` is also checked beside it (see `event`).
 */
const typed = z.looseObject({ type: oneOf(TYPES, 'event type') }).pipe(
  z.discriminatedUnion('type', [
    closedObject({ at: instant, type: z.literal('created'), status: text.optional(), statusCategory: category.optional() }),
    closedObject({ at: instant, type: z.literal('status'), from: text.optional(), to: text, toCategory: category.optional() }),
    closedObject({
      at: instant,
      type: z.literal('comment'),
      visibility: oneOf(['public', 'internal'], 'visibility'),
      author: oneOf(['agent', 'customer'], 'author'),
    }),
    // `to` must be present; null says the resolution was cleared.
    closedObject({ at: instant, type: z.literal('resolution'), to: text.nullable() }),
    closedObject({ at: instant, type: z.literal('priority'), from: text.optional(), to: text }),
    closedObject({ at: instant, type: z.literal('field'), field: text, from: text.nullable().optional(), to: text.nullable().optional() }),
    closedObject({ at: instant, type: z.literal('impact'), from: text.optional(), to: text }),
    closedObject({ at: instant, type: z.literal('urgency'), from: text.optional(), to: text }),
  ]),
);

/**
 * `at` and the typed fields are two independent halves of one intersection, so a bad instant and, say, a missing
 * `to` on the same event are both reported, and an unknown type is reported at `type` with the known ones. Both
 * halves read `at` to the same number (so they merge), and report a bad one identically (so it is said once).
 */
const event = z.intersection(z.object({ at: instant }), typed);

const timelineSchema = closedObject(
  {
    issue: closedObject({
      key: z.string().min(1),
      requestType: text.optional(),
      customer: text.optional(),
      environment: text.optional(),
      product: text.optional(),
      priority: text.optional(),
      created: instant,
      // Contract management (formats.md §6): the request's site, and the matrix answers at creation.
      site: text.optional(),
      impact: text.optional(),
      urgency: text.optional(),
    }),
    // A freshly created issue may have no events yet.
    events: z.array(event).default(() => []),
  },
  { error: (issue) => `expected an issue timeline (a JSON object), got ${describeValue(issue.input)}` },
);

// Compile-time proof that one parsed event is one of the engine's timeline events.
const _isEvent: (parsed: z.output<typeof event>) => TimelineEvent = (parsed) => parsed;
void _isEvent;

/** A timeline, or every issue found in it. Plainly valid input skips the schema (same value, a fraction of the time). */
export function validateTimeline(input: unknown): Validated<Timeline> {
  const plain = readPlainTimeline(input);
  return plain ? { ok: true, value: plain } : validateTimelineBySchema(input);
}

/** The schema alone: the reference for every message, and for the plain reader's values in its tests. */
export function validateTimelineBySchema(input: unknown): Validated<Timeline> {
  const { data, issues } = parseWith(timelineSchema, input);
  if (data === undefined || issues.length > 0) return { ok: false, issues: toValidationIssues(issues, ['issue', 'events']) };
  // Array.prototype.sort is stable (ES2019), which is exactly the "equal instants keep their order" rule.
  const events: TimelineEvent[] = [...data.events].sort((a, b) => a.at - b.at);
  return { ok: true, value: { issue: data.issue, events } };
}
