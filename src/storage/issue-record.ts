// What the app stores per issue: the evaluation, compact enough that an issue with thousands of events stays far
// below the 240 KiB entity limit, plus the summary fields the indexes, JQL and the work list need.
import { nextOf } from '../engine/evaluate';
import type { CycleState, Evaluation, Obligation, PauseReason } from '../engine/types';

/** Stored instead of "no deadline" so range queries on the deadline index still order such issues last. */
export const NO_DEADLINE = 8_640_000_000_000_000;
/** Rank given to an issue whose priority has no rank (unknown or unset): after every real rank. */
export const NO_RANK = 999;

const STATES: CycleState[] = ['running', 'paused', 'completed', 'cancelled'];

/**
 * One cycle as an array: [goal index, cycle, state index, started, ended, target s, elapsed s, breachedAt, deadline,
 * internal (0/1), calendar index, paused-by]. Instants are seconds after the issue's creation (small numbers);
 * -1 stands for null.
 */
export type CompactCycle = [number, number, number, number, number, number, number, number, number, number, number, string];

export interface IssueRecord {
  issueId: string;
  issueKey: string;
  projectKey: string;
  summary: string;
  /** Account id of the assignee; empty when unassigned. */
  assignee: string;
  assigneeName: string;
  agreement: string;
  customer: string;
  requestType: string;
  environment: string;
  product: string;
  /** `YYYY-MM` of creation (UTC), for monthly reports per agreement. */
  createdMonth: string;
  created: number;
  /** Jira's `updated` of the history this was computed from: an older history never overwrites a newer one. */
  revision: number;
  configVersion: number;
  computedAt: number;
  /** Earliest deadline among running cycles; a breached cycle's deadline is its breach instant, so it sorts first. */
  nextDeadline: number;
  nextGoal: string;
  nextCycle: number;
  breached: boolean;
  /** `open` while a cycle runs or is paused: the partition the breach detection scans. */
  openState: 'open' | 'closed';
  rank: number;
  priority: string;
  /** Goal and calendar ids referenced by index from the cycles. */
  goals: string[];
  calendars: string[];
  cycles: CompactCycle[];
}

const rel = (instant: number | null, base: number): number => (instant === null ? -1 : Math.round((instant - base) / 1000));
const abs = (offset: number, base: number): number | null => (offset === -1 ? null : base + offset * 1000);

function encodePause(reason: PauseReason | null): string {
  if (reason === null) return '';
  return reason.kind === 'status' ? `s:${reason.status}` : `a:${reason.action}`;
}

function decodePause(text: string): PauseReason | null {
  if (text === '') return null;
  return text.startsWith('s:') ? { kind: 'status', status: text.slice(2) } : { kind: 'action', action: text.slice(2) };
}

function indexIn(list: string[], value: string): number {
  let i = list.indexOf(value);
  if (i < 0) i = list.push(value) - 1;
  return i;
}

export function encodeCycles(obligations: Obligation[], created: number): Pick<IssueRecord, 'goals' | 'calendars' | 'cycles'> {
  const goals: string[] = [];
  const calendars: string[] = [];
  const cycles = obligations.map((o): CompactCycle => [
    indexIn(goals, o.goal),
    o.cycle,
    STATES.indexOf(o.state),
    rel(o.startedAt, created),
    rel(o.endedAt, created),
    Math.round(o.targetMs / 1000),
    Math.round(o.elapsedMs / 1000),
    rel(o.breachedAt, created),
    rel(o.deadline, created),
    o.internal ? 1 : 0,
    indexIn(calendars, o.calendar),
    encodePause(o.pausedBy),
  ]);
  return { goals, calendars, cycles };
}

export function decodeCycles(record: Pick<IssueRecord, 'goals' | 'calendars' | 'cycles' | 'created'>): Obligation[] {
  const base = record.created;
  return record.cycles.map(([goal, cycle, state, started, ended, target, elapsed, breachedAt, deadline, internal, calendar, paused]) => ({
    goal: record.goals[goal] ?? String(goal),
    cycle,
    internal: internal === 1,
    state: STATES[state] ?? 'completed',
    startedAt: abs(started, base) ?? base,
    endedAt: abs(ended, base),
    targetMs: target * 1000,
    elapsedMs: elapsed * 1000,
    breached: elapsed > target,
    breachedAt: abs(breachedAt, base),
    deadline: abs(deadline, base),
    calendar: record.calendars[calendar] ?? '',
    pausedBy: decodePause(paused),
  }));
}

/** Closed cycles already stored are history: a configuration change never rewrites them. */
export function keepFrozenCycles(fresh: Evaluation, stored: Obligation[] | undefined): Evaluation {
  if (!stored) return fresh;
  const frozen = stored.filter((o) => o.state === 'completed' || o.state === 'cancelled');
  if (frozen.length === 0) return fresh;
  const key = (o: Obligation): string => `${o.goal}#${o.cycle}`;
  const frozenKeys = new Set(frozen.map(key));
  const obligations = [...frozen, ...fresh.obligations.filter((o) => !frozenKeys.has(key(o)))];
  const order = new Map(fresh.obligations.map((o, i) => [o.goal, i]));
  obligations.sort((a, b) => (order.get(a.goal) ?? 1e9) - (order.get(b.goal) ?? 1e9) || a.goal.localeCompare(b.goal) || a.cycle - b.cycle);
  return { ...fresh, obligations, next: nextOf(obligations) };
}
