// Checks of single values (a time, a date, a zone, a duration), shared by the zod schemas and the plain checks.
// Each returns the message to report, or undefined when the value is fine. Well-formed values are written bare
// in messages (`2026-02-30 is not a real date`), malformed ones quoted so stray spaces show (`"9am" is not ...`).
import { explainBadDuration, parseDuration } from '../engine/duration';
import { isRealDate, parseInstant } from '../engine/instant';
import { parseTimeOfDay } from '../engine/time-of-day';
import { isKnownZone } from '../engine/zone';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function explainBadDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return `${JSON.stringify(text)} is not a date YYYY-MM-DD`;
  return isRealDate(+m[1]!, +m[2]!, +m[3]!) ? undefined : `${text} is not a real date`;
}

export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && explainBadDate(value) === undefined;
}

/** Start of an opening interval: `24:00` would be an empty tail of the day, so only ends may use it. */
export function explainBadStart(text: string): string | undefined {
  if (parseTimeOfDay(text) !== undefined) return undefined;
  if (text === '24:00') return '24:00 is allowed only as the end of an interval';
  return `${JSON.stringify(text)} is not a time HH:MM`;
}

export function explainBadEnd(text: string): string | undefined {
  return parseTimeOfDay(text, true) === undefined ? `${JSON.stringify(text)} is not a time HH:MM` : undefined;
}

export function explainBadZone(text: string): string | undefined {
  return isKnownZone(text) ? undefined : `unknown time zone ${JSON.stringify(text)}`;
}

export function explainBadTarget(text: string): string | undefined {
  return parseDuration(text) === undefined ? explainBadDuration(text) : undefined;
}

export function explainBadInstant(text: string): string | undefined {
  return parseInstant(text) === undefined
    ? `${JSON.stringify(text)} is not an ISO-8601 instant with an offset`
    : undefined;
}

/** An escalation's share of the target: more than nothing, at most all of it (spec §1). */
export function explainBadPercent(value: number): string | undefined {
  return value > 0 && value <= 100 ? undefined : `${value} is not a percentage above 0 and at most 100`;
}

/** The share of a target after which a running cycle is at risk: something, and less than all of it (§8). */
export function explainBadAtRiskPercent(value: number): string | undefined {
  return value > 0 && value < 100 ? undefined : `${value} is not a percentage above 0 and below 100`;
}

const NOTIFY_TARGETS = 'expected assignee, watchers, group:NAME or user:ACCOUNT_ID';

/** Who an escalation tells: `assignee`, `watchers`, `group:NAME`, `user:ACCOUNT_ID`; never the customer. */
export function explainBadNotifyTarget(text: string): string | undefined {
  if (text === 'assignee' || text === 'watchers') return undefined;
  const named = /^(group|user):(.*)$/s.exec(text);
  if (named) {
    if (named[2]!.trim() !== '') return undefined;
    return named[1] === 'group' ? `${JSON.stringify(text)} names no group; expected group:NAME` : `${JSON.stringify(text)} names no account; expected user:ACCOUNT_ID`;
  }
  if (text === 'customer' || text === 'reporter') return `an escalation never notifies the customer; ${NOTIFY_TARGETS}`;
  return `unknown notify target ${JSON.stringify(text)}; ${NOTIFY_TARGETS}`;
}

/** Text a person will read: whitespace alone says nothing. */
export function explainBlank(text: string): string | undefined {
  return text.trim() === '' ? 'must not be empty' : undefined;
}
