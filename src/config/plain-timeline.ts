// The common, well-formed timeline read without the schema: a report validates 100,000 timelines, and zod spends
// tens of microseconds on each. It accepts only what the schema surely accepts and returns exactly the schema's
// value; anything else (every mistake, every unusual shape) goes to the schema, which alone writes messages.
import { parseInstant } from '../engine/instant';
import type { StatusCategory, Timeline, TimelineEvent, TimelineIssue } from '../engine/types';

type Plain = Record<string, unknown>;
type EventOf<T extends TimelineEvent['type']> = Extract<TimelineEvent, { type: T }>;

/** A JSON object: the schema would also take other objects, but those are rare enough to leave to it. */
function isPlain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const has = (record: Plain, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/** Thrown inside the reader when the input needs the schema; never escapes. */
const DECLINE = Symbol('decline');

function text(record: Plain, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw DECLINE;
  return value;
}

function instant(record: Plain, key: string): number {
  const ms = parseInstant(text(record, key));
  if (ms === undefined) throw DECLINE;
  return ms;
}

/** Copies the optional text fields that are present; a present field of another type declines. */
function optionalTexts<T extends object>(target: T, record: Plain, keys: readonly string[]): T {
  for (const key of keys) if (has(record, key)) (target as Plain)[key] = text(record, key);
  return target;
}

function nullableText(record: Plain, key: string): string | null {
  const value = record[key];
  if (value === null) return null;
  if (typeof value !== 'string') throw DECLINE;
  return value;
}

function oneOf<T extends string>(record: Plain, key: string, values: readonly T[]): T {
  const value = text(record, key);
  if (!(values as readonly string[]).includes(value)) throw DECLINE;
  return value as T;
}

/** Declines a record with a field the schema does not know (the schema refuses it, with the nearest known name). */
function onlyFields(record: Plain, known: readonly string[]): void {
  for (const key in record) if (!known.includes(key)) throw DECLINE;
}

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];
const ISSUE_TEXTS = ['requestType', 'customer', 'environment', 'product', 'priority', 'site', 'impact', 'urgency'] as const;
const ISSUE_FIELDS = ['key', 'created', ...ISSUE_TEXTS];
const TIMELINE_FIELDS = ['issue', 'events'];
/** The fields of each event type, as the schema knows them. */
const EVENT_FIELDS: Readonly<Record<TimelineEvent['type'], readonly string[]>> = {
  created: ['at', 'type', 'status', 'statusCategory'],
  status: ['at', 'type', 'from', 'to', 'toCategory'],
  comment: ['at', 'type', 'visibility', 'author'],
  resolution: ['at', 'type', 'to'],
  priority: ['at', 'type', 'from', 'to'],
  field: ['at', 'type', 'field', 'from', 'to'],
  impact: ['at', 'type', 'from', 'to'],
  urgency: ['at', 'type', 'from', 'to'],
};

function issueOf(value: unknown): TimelineIssue {
  if (!isPlain(value)) throw DECLINE;
  onlyFields(value, ISSUE_FIELDS);
  const key = text(value, 'key');
  if (key.length === 0) throw DECLINE;
  return optionalTexts<TimelineIssue>({ key, created: instant(value, 'created') }, value, ISSUE_TEXTS);
}

function eventOf(value: unknown): TimelineEvent {
  if (!isPlain(value)) throw DECLINE;
  const at = instant(value, 'at');
  const type = value.type;
  if (typeof type !== 'string' || !has(EVENT_FIELDS, type)) throw DECLINE;
  onlyFields(value, EVENT_FIELDS[type as TimelineEvent['type']]);
  switch (type) {
    case 'created': {
      const event = optionalTexts<EventOf<'created'>>({ at, type: 'created' }, value, ['status']);
      if (has(value, 'statusCategory')) event.statusCategory = oneOf(value, 'statusCategory', CATEGORIES);
      return event;
    }
    case 'status': {
      const event = optionalTexts<EventOf<'status'>>({ at, type: 'status', to: text(value, 'to') }, value, ['from']);
      if (has(value, 'toCategory')) event.toCategory = oneOf(value, 'toCategory', CATEGORIES);
      return event;
    }
    case 'comment':
      return { at, type: 'comment', visibility: oneOf(value, 'visibility', ['public', 'internal']), author: oneOf(value, 'author', ['agent', 'customer']) };
    case 'resolution':
      // `to` must be present: null says the resolution was cleared.
      if (!has(value, 'to')) throw DECLINE;
      return { at, type: 'resolution', to: nullableText(value, 'to') };
    case 'priority':
      return optionalTexts<EventOf<'priority'>>({ at, type: 'priority', to: text(value, 'to') }, value, ['from']);
    case 'impact':
    case 'urgency':
      return optionalTexts<EventOf<'impact' | 'urgency'>>({ at, type, to: text(value, 'to') }, value, ['from']);
    case 'field': {
      const event: EventOf<'field'> = { at, type: 'field', field: text(value, 'field') };
      if (has(value, 'from')) event.from = nullableText(value, 'from');
      if (has(value, 'to')) event.to = nullableText(value, 'to');
      return event;
    }
    default:
      throw DECLINE;
  }
}

/** The timeline when the input is plainly valid (events in the engine's order), else undefined: ask the schema. */
export function readPlainTimeline(input: unknown): Timeline | undefined {
  try {
    if (!isPlain(input)) return undefined;
    onlyFields(input, TIMELINE_FIELDS);
    const issue = issueOf(input.issue);
    const raw = has(input, 'events') ? input.events : [];
    if (!Array.isArray(raw)) return undefined;
    // A loop rather than map: map skips the holes of a sparse list, which the schema refuses.
    const events: TimelineEvent[] = [];
    for (let i = 0; i < raw.length; i++) events.push(eventOf(raw[i]));
    // Array.prototype.sort is stable (ES2019): equal instants keep their order, as the schema's path does.
    let sorted = true;
    for (let i = 1; i < events.length && sorted; i++) if (events[i]!.at < events[i - 1]!.at) sorted = false;
    return { issue, events: sorted ? events : events.sort((a, b) => a.at - b.at) };
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}
