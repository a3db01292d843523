// What the app keeps of one request for one month's reports (`request-month`): the request as it stood at the
// month's end — or, for the month under way, as it stands now — with the cycles that month counts, so a report is
// built from storage alone, however long ago the request was created. One entry per request and month the request
// matters to; the latest one of a request that runs on (unresolved, or a cycle still running) also stands for the
// months after it until the request changes again (`carry`).
import { advance } from '../../engine/advance';
import type { CalendarSet } from '../../engine/calendar';
import type { PeriodSummary, RequestSummary, StateAtPeriodEnd } from '../../engine/request-summary';
import type { CycleState, Obligation } from '../../engine/types';

/**
 * One cycle as the month keeps it, to the millisecond (a report carries running clocks on from here, so rounding
 * would show): [goal index, cycle, state index, started − created, ended − started or -1, target, elapsed,
 * reached − started or -1, calendar index]. The goal and calendar ids are listed once per entry.
 */
export type MonthCycle = [number, number, number, number, number, number, number, number, number];

export interface RequestMonth {
  issueId: string;
  issueKey: string;
  projectKey: string;
  month: string;
  agreement: string;
  customer?: string;
  environment?: string;
  product?: string;
  requestType?: string;
  assignee?: string;
  assigneeName?: string;
  summary?: string;
  created: number;
  /** The history and configuration it was computed from: the same guard as the request's record. */
  revision: number;
  configVersion: number;
  /** The month's end, or the instant of the computation while the month is under way. */
  evaluatedAt: number;
  /** `yes` on a request's latest entry when it counts in later months too (unresolved, or a cycle running). */
  carry?: 'yes';
  /** The priority at `evaluatedAt`, and its rank in the agreement's model (999 when it has none). */
  priority?: string;
  rank: number;
  /** Resolutions set within the month. */
  resolvedAt: number[];
  /** Status and priority "just before the end" (left out when none). */
  end: { resolved: boolean; status?: string; priority?: string };
  goals: string[];
  /** Indexes into `goals` of the internal (OLA) goals. */
  internalGoals: number[];
  calendars: string[];
  cycles: MonthCycle[];
}

const STATES: CycleState[] = ['running', 'paused', 'completed', 'cancelled'];

function indexIn(list: string[], value: string): number {
  let i = list.indexOf(value);
  if (i < 0) i = list.push(value) - 1;
  return i;
}

function encodeCycles(obligations: Obligation[], created: number): Pick<RequestMonth, 'goals' | 'internalGoals' | 'calendars' | 'cycles'> {
  const goals: string[] = [];
  const internal = new Set<number>();
  const calendars: string[] = [];
  const rel = (instant: number | null, base: number): number => (instant === null ? -1 : instant - base);
  const cycles = obligations.map((o): MonthCycle => {
    const goal = indexIn(goals, o.goal);
    if (o.internal) internal.add(goal);
    return [goal, o.cycle, STATES.indexOf(o.state), o.startedAt - created, rel(o.endedAt, o.startedAt), o.targetMs, o.elapsedMs, rel(o.reachedAt, o.startedAt), indexIn(calendars, o.calendar)];
  });
  return { goals, internalGoals: [...internal], calendars, cycles };
}

/** The cycles as obligations; what a report does not read (deadlines, pauses, escalations) is left empty. */
export function decodeMonthCycles(entry: Pick<RequestMonth, 'goals' | 'internalGoals' | 'calendars' | 'cycles' | 'created'>): Obligation[] {
  const internal = new Set(entry.internalGoals);
  return entry.cycles.map(([goal, cycle, state, started, ended, target, elapsed, reached, calendar]) => {
    const startedAt = entry.created + started;
    const reachedAt = reached < 0 ? null : startedAt + reached;
    const breached = elapsed > target;
    return {
      goal: entry.goals[goal] ?? String(goal),
      cycle,
      internal: internal.has(goal),
      state: STATES[state] ?? 'completed',
      startedAt,
      endedAt: ended < 0 ? null : startedAt + ended,
      targetMs: target,
      elapsedMs: elapsed,
      breached,
      breachedAt: breached ? reachedAt : null,
      reachedAt,
      deadline: null,
      calendar: entry.calendars[calendar] ?? '',
      pausedBy: null,
      escalations: [],
    };
  });
}

/** The request's facts that every month entry repeats (the dimensions of the management reports). */
export interface RequestFacts {
  issueId: string;
  issueKey: string;
  projectKey: string;
  customer?: string;
  environment?: string;
  product?: string;
  requestType?: string;
  assignee?: string;
  assigneeName?: string;
  summary?: string;
  created: number;
  revision: number;
  configVersion: number;
}

export const requestMonthKey = (issueId: string, month: string): string => `${issueId}:${month}`;

const present = <K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> =>
  value === null || value === undefined || value.trim() === '' ? {} : ({ [key]: value } as Record<K, string>);

function endOf(state: StateAtPeriodEnd): RequestMonth['end'] {
  return { resolved: state.resolved, ...present('status', state.status), ...present('priority', state.priority) };
}

export function toRequestMonth(
  facts: RequestFacts,
  month: string,
  agreement: string,
  summary: PeriodSummary,
  obligations: Obligation[],
  rank: number,
  carry: boolean,
): RequestMonth {
  return {
    ...facts,
    month,
    agreement,
    evaluatedAt: summary.evaluatedAt,
    ...(carry ? { carry: 'yes' as const } : {}),
    ...present('priority', summary.priority),
    rank,
    resolvedAt: summary.resolvedAt,
    end: endOf(summary.end),
    ...encodeCycles(obligations, facts.created),
  };
}

/**
 * The entry as a report's request, evaluated at `at`: an entry computed before `at` (the month under way, or one
 * carried into a later month) has its running clocks carried on, which is exact because nothing happened to the
 * request in between (anything that did would have written a newer entry).
 */
export function summaryAt(entry: RequestMonth, at: number, calendars: CalendarSet): RequestSummary {
  const decoded = decodeMonthCycles(entry);
  const obligations =
    entry.evaluatedAt < at ? advance({ issue: entry.issueKey, agreement: entry.agreement, obligations: decoded, next: null }, entry.evaluatedAt, at, calendars).obligations : decoded;
  return {
    key: entry.issueKey,
    agreement: entry.agreement,
    created: entry.created,
    resolvedAt: entry.resolvedAt,
    end: { resolved: entry.end.resolved, status: entry.end.status ?? null, priority: entry.end.priority ?? null },
    priority: entry.priority ?? null,
    obligations,
  };
}

/** A short digest of an entry's content (FNV-1a, 32 bits): what the record remembers per month. */
export function digestOf(entry: RequestMonth): string {
  const { evaluatedAt: _when, ...content } = entry;
  const text = JSON.stringify(content);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Report order: by creation, then by issue id (numeric where it is a number), as the CLI takes its input lines. */
export function byCreation(a: Pick<RequestMonth, 'created' | 'issueId'>, b: Pick<RequestMonth, 'created' | 'issueId'>): number {
  return a.created - b.created || a.issueId.length - b.issueId.length || (a.issueId < b.issueId ? -1 : a.issueId > b.issueId ? 1 : 0);
}
