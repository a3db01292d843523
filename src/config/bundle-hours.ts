// Opening hours that zod cannot judge one value at a time: an interval's end after its start, no two intervals of
// a day overlapping, and a calendar open at least once a week. Runs on the raw input; malformed times are skipped
// here because the schema already reports them.
import { WEEKDAYS } from '../engine/types';
import { parseTimeOfDay } from '../engine/time-of-day';
import { formatPath, issueAt, type PathIssue, type PathSegment } from './issues';
import { isCalendarDate } from './leaf-rules';
import { fieldOf, isRecord, itemsOf, recordsOf, textOf, type RawRecord } from './raw';

interface Span {
  index: number;
  start: number;
  end: number;
  startText: string;
  endText: string;
  /** `09:00–12:00`, as messages name it. */
  text: string;
}

/** The well-formed intervals of a day (both ends valid times), with their list index. */
function spansOf(intervals: unknown): Span[] {
  const out: Span[] = [];
  itemsOf(intervals).forEach((interval, index) => {
    if (!Array.isArray(interval) || interval.length !== 2) return;
    const startText = textOf(interval[0]);
    const endText = textOf(interval[1]);
    if (startText === undefined || endText === undefined) return;
    const start = parseTimeOfDay(startText);
    const end = parseTimeOfDay(endText, true);
    if (start === undefined || end === undefined) return;
    out.push({ index, start, end, startText, endText, text: `${startText}–${endText}` });
  });
  return out;
}

/** One day's intervals (weekly hours or a holiday's special hours). */
export function checkDayHours(intervals: unknown, path: PathSegment[], out: PathIssue[]): void {
  const ordered: Span[] = [];
  for (const span of spansOf(intervals)) {
    const at = [...path, span.index];
    if (span.end < span.start) out.push(issueAt(at, `end ${span.endText} is before start ${span.startText}`, [span.startText, span.endText]));
    else if (span.end === span.start) out.push(issueAt(at, `empty interval ${span.text}: end must be after start`, [span.startText, span.endText]));
    else ordered.push(span);
  }
  // Sweep in time order; an overlap is reported at the interval that starts later (the one to move or shorten),
  // naming both in time order. Equal starts: the one listed later is the culprit.
  ordered.sort((a, b) => a.start - b.start || a.index - b.index);
  let reach: Span | undefined;
  for (const span of ordered) {
    if (reach !== undefined && span.start < reach.end) {
      out.push(issueAt([...path, span.index], `${reach.text} overlaps ${span.text}`, span.text));
    }
    if (reach === undefined || span.end > reach.end) reach = span;
  }
}

function checkCalendar(calendar: RawRecord, path: PathSegment[], out: PathIssue[]): void {
  const week = fieldOf(calendar, 'week');
  if (!isRecord(week)) return; // missing or mistyped: the schema says so
  let intervals = 0;
  for (const day of WEEKDAYS) {
    const hours = fieldOf(week, day);
    checkDayHours(hours, [...path, 'week', day], out);
    intervals += itemsOf(hours).length;
    if (hours !== undefined && !Array.isArray(hours)) intervals += 1; // mistyped day: not "never open", just wrong
  }
  if (intervals === 0) out.push(issueAt(path, 'the calendar is never open (no opening hours on any day)'));
}

function checkHolidayDays(collection: RawRecord, path: PathSegment[], out: PathIssue[]): void {
  const seen = new Map<string, number>();
  for (const [index, day] of recordsOf(fieldOf(collection, 'days'))) {
    const hours = fieldOf(day, 'hours');
    if (hours !== undefined) checkDayHours(hours, [...path, 'days', index, 'hours'], out);
    // Two entries for one date would leave it to chance which hours apply.
    const date = fieldOf(day, 'date');
    if (!isCalendarDate(date)) continue;
    const first = seen.get(date);
    if (first === undefined) seen.set(date, index);
    else out.push(issueAt([...path, 'days', index, 'date'], `duplicate date ${date} (also ${formatPath([...path, 'days', first])})`, date));
  }
}

export function checkHours(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  for (const [index, calendar] of recordsOf(fieldOf(bundle, 'calendars'))) checkCalendar(calendar, ['calendars', index], out);
  for (const [index, collection] of recordsOf(fieldOf(bundle, 'holidayCollections'))) {
    checkHolidayDays(collection, ['holidayCollections', index], out);
  }
  return out;
}
