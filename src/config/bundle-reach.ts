// Business durations the engine can compute (spec §1 targets, §3 escalations): every one must be reached well within
// the engine's reach on the calendar that measures it, or every request of its agreement would fail. Estimated from
// the calendar's ordinary weekly hours; plain TypeScript on the raw input, skipping what zod or the reference checks
// report (malformed durations, unknown calendars).
import { REACH_YEARS } from '../engine/calendar';
import { parseDuration } from '../engine/duration';
import { parseTimeOfDay } from '../engine/time-of-day';
import { WEEKDAYS } from '../engine/types';
import { formatPath, issueAt, type PathIssue, type PathSegment } from './issues';
import { fieldOf, isRecord, itemsOf, recordsOf, textOf, type RawRecord } from './raw';

/**
 * The most a duration may take of a calendar's ordinary weekly hours: half the engine's reach, which leaves room
 * for holidays (the estimate leaves them out) and for a cycle starting late in a year.
 */
export const DURATION_YEARS = REACH_YEARS / 2;

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
const YEAR = 365.2425 * 86_400_000;

/** Open minutes of a day's well-formed intervals, overlaps counted once. */
function dayMinutes(hours: unknown): number {
  const spans: Array<[number, number]> = [];
  for (const interval of itemsOf(hours)) {
    if (!Array.isArray(interval) || interval.length !== 2) continue;
    const start = parseTimeOfDay(textOf(interval[0]) ?? '');
    const end = parseTimeOfDay(textOf(interval[1]) ?? '', true);
    if (start !== undefined && end !== undefined && end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = 0;
  for (const [start, end] of spans) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

interface Measure {
  id: string;
  /** Open milliseconds in an ordinary week (no holidays, no DST change). */
  weekly: number;
}

/** Each calendar's weekly open time by id (the first of duplicates); a calendar whose week is mistyped has none. */
function measuresOf(bundle: RawRecord): Map<string, Measure> {
  const out = new Map<string, Measure>();
  for (const [, calendar] of recordsOf(fieldOf(bundle, 'calendars'))) {
    const id = textOf(fieldOf(calendar, 'id'));
    const week = fieldOf(calendar, 'week');
    if (id === undefined || out.has(id) || !isRecord(week)) continue;
    const days = WEEKDAYS.map((day) => fieldOf(week, day));
    if (days.some((hours) => hours !== undefined && !Array.isArray(hours))) continue;
    out.set(id, { id, weekly: days.reduce<number>((sum, hours) => sum + dayMinutes(hours), 0) * MINUTE });
  }
  return out;
}

/** `39.5 h` or `45 min`: a week's open time as an admin would say it. */
function weeklyText(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 1) return `${Number(hours.toFixed(1))} h`;
  return `${Math.round(ms / MINUTE)} min`;
}

/** `1,940`: whole numbers with thousands separators, whatever the host's locale. */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Why `ms` of business time cannot be computed on the calendar; undefined when it can. */
function beyondReach(what: string, ms: number, calendar: Measure): string | undefined {
  const on = `on calendar ${calendar.id}`;
  if (calendar.weekly === 0) return ms > 0 ? `${what} ${on} is never reached: the calendar is open 0 hours a week` : undefined;
  const years = (ms / calendar.weekly) * (WEEK / YEAR);
  if (years <= DURATION_YEARS) return undefined;
  const take = Math.round(years) <= DURATION_YEARS ? `just over ${DURATION_YEARS}` : `about ${grouped(years)}`;
  return (
    `${what} ${on} (≈ ${weeklyText(calendar.weekly)} a week) would take ${take} years; ` +
    `a duration may take at most ${DURATION_YEARS} years of its calendar's weekly hours ` +
    `(the engine computes up to ${REACH_YEARS} years ahead, with room for holidays)`
  );
}

interface Row {
  path: PathSegment[];
  goal: string | undefined;
  text: string;
  ms: number;
  calendar: Measure;
  /** Whether the target itself is computable (an escalation's sum is judged only then). */
  reachable: boolean;
}

function checkTargets(agreement: RawRecord, path: PathSegment[], measures: Map<string, Measure>, out: PathIssue[]): Row[] {
  const rows: Row[] = [];
  const agreementCalendar = textOf(fieldOf(agreement, 'calendar'));
  for (const [t, row] of recordsOf(fieldOf(agreement, 'targets'))) {
    const text = textOf(fieldOf(row, 'target'));
    const ms = text === undefined ? undefined : parseDuration(text);
    const calendarId = fieldOf(row, 'calendar') === undefined ? agreementCalendar : textOf(fieldOf(row, 'calendar'));
    const calendar = calendarId === undefined ? undefined : measures.get(calendarId);
    if (text === undefined || ms === undefined || calendar === undefined) continue;
    const rowPath = [...path, 'targets', t];
    const problem = beyondReach(`${text} of business time`, ms, calendar);
    if (problem !== undefined) out.push(issueAt([...rowPath, 'target'], problem, text));
    rows.push({ path: rowPath, goal: textOf(fieldOf(row, 'goal')), text, ms, calendar, reachable: problem === undefined });
  }
  return rows;
}

/** `remaining` on its own, `overdue` added to each target of the goal: the business time an escalation reaches at. */
function checkEscalation(escalation: RawRecord, path: PathSegment[], rows: Row[], out: PathIssue[]): void {
  const when = fieldOf(escalation, 'when');
  if (!isRecord(when)) return;
  const goal = textOf(fieldOf(escalation, 'goal'));
  const measured = rows.filter((row) => row.goal === goal && row.reachable);
  for (const threshold of ['remaining', 'overdue'] as const) {
    const text = textOf(fieldOf(when, threshold));
    const ms = text === undefined ? undefined : parseDuration(text);
    if (text === undefined || ms === undefined) continue;
    for (const row of measured) {
      const problem =
        threshold === 'remaining'
          ? beyondReach(`${text} of business time`, ms, row.calendar)
          : beyondReach(`${text} of business time after the target ${row.text} (${formatPath(row.path)})`, row.ms + ms, row.calendar);
      if (problem === undefined) continue;
      // One message per threshold: the first target it cannot be computed for says enough.
      out.push(issueAt([...path, 'when', threshold], problem, text));
      break;
    }
  }
}

export function checkReach(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  const measures = measuresOf(bundle);
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) {
    const path = ['agreements', i];
    const rows = checkTargets(agreement, path, measures, out);
    for (const [e, escalation] of recordsOf(fieldOf(agreement, 'escalations'))) {
      checkEscalation(escalation, [...path, 'escalations', e], rows, out);
    }
  }
  return out;
}
