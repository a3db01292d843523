// What the app stores per issue: the evaluation, compact enough that an issue with thousands of events stays far
// below the 240 KiB entity limit, plus the summary fields the indexes, JQL and the work list need.
import { formatInstant } from '../../engine/instant';
import { nextOf } from '../../engine/obligations';
import type { CycleState, EscalationState, Evaluation, Obligation, PauseReason } from '../../engine/types';

/** Stored instead of "no deadline" so range queries on the deadline index still order such issues last. */
export const NO_DEADLINE = 8_640_000_000_000_000;
/** Rank given to an issue whose priority has no rank (unknown or unset): after every real rank. */
export const NO_RANK = 999;

const STATES: CycleState[] = ['running', 'paused', 'completed', 'cancelled'];

/**
 * One cycle as an array: [goal index, cycle, state index, started, ended, target s, elapsed s, reachedAt, deadline,
 * calendar index, paused-by, escalations]. `reachedAt` is the instant elapsed time reached the target (the breach
 * instant once elapsed runs over; see Obligation.reachedAt). `started` is in seconds after the issue's creation; `ended`, `reachedAt`
 * and `deadline` in seconds after the cycle's start (small numbers); -1 stands for null. Trailing fields at their
 * default (-1, -1, 0, '', []) are left out, which keeps an issue with thousands of cycles far below the entity limit.
 * `escalations` holds two numbers per escalation, in order: its index into the record's `escalations` ids, then its
 * state in seconds after the cycle's start: r ≥ 0 reached at r, -1 neither reached nor due, -2 - d due at d (an
 * escalation is never both reached and due, so one number says which).
 */
export type CompactCycle = [number, number, number, number, number, number, number, number?, number?, number?, string?, number[]?];

/**
 * What Jira shows of a record: the `contract-sla` issue property (JQL, queues) and the "Next SLA deadline" field.
 * Jira is written only when this changes, and the record remembers what Jira was last confirmed to show.
 */
export interface JiraView {
  nextDeadline: string | null;
  breached: 'yes' | 'no';
  rank: number;
  nextGoal: string | null;
  agreement: string | null;
  /**
   * The request's escalation state for JQL and Jira Automation: `breached` when an open cycle is, `reached` when an
   * open cycle reached an escalation, else `none`; the ids reached on open cycles; when the latest was reached.
   */
  escalation: 'none' | 'reached' | 'breached';
  escalations: string[];
  escalatedAt: string | null;
  /**
   * Per goal, as JSM's `breached()` and its SLA columns give them (goal ids, each listed once): goals with a breached
   * cycle (open or completed), goals running or paused now, goals whose cycles all completed within their target.
   */
  goalsBreached: string[];
  goalsRunning: string[];
  goalsPaused: string[];
  goalsMet: string[];
  /** Goals whose running cycle is past the site's at-risk share (formats.md §8); the watch rewrites it when one turns. */
  goalsAtRisk: string[];
  /** The earliest deadline of a running cycle of a contractual goal (what the customer was promised), and of an internal one. */
  contractDeadline: string | null;
  internalDeadline: string | null;
}

/**
 * One request's obligations as stored. Forge refuses empty strings in string attributes, so a value that is absent
 * (no assignee, no agreement, no customer yet…) is left out rather than stored as ''.
 */
export interface IssueRecord {
  issueId: string;
  issueKey: string;
  projectKey: string;
  summary?: string;
  /** Account id of the assignee. */
  assignee?: string;
  assigneeName?: string;
  /** Account id of the reporter: an escalation never notifies them. */
  reporter?: string;
  agreement?: string;
  customer?: string;
  requestType?: string;
  environment?: string;
  /** The request form's Environment when the customer's portal choice promised another, which counts (see measuredEnvironment). */
  formEnvironment?: string;
  product?: string;
  /** The request's site (§6), when its organization is one of its customer's sites. */
  site?: string;
  /** The priority matrix's answers in force (level ids), when the agreement's model has a matrix. */
  impact?: string;
  urgency?: string;
  created: number;
  /** Orders the histories of one issue (Jira's `updated`, then changes within its millisecond): see historyRevision. */
  revision: number;
  configVersion: number;
  computedAt: number;
  /** Earliest deadline among running cycles; a breached cycle's deadline is its breach instant, so it sorts first. */
  nextDeadline: number;
  nextGoal?: string;
  nextCycle: number;
  breached: boolean;
  /** The request's status as Jira names it now (the work list's status column). */
  status?: string;
  /** A request the app raised itself to deliver a report: no agreement measures it, and it is nobody's to fix. */
  letter?: true;
  /** `open` while a cycle runs or is paused. */
  openState: 'open' | 'closed';
  /** Whether the request has been resolved (its last resolution event set one). */
  resolved: boolean;
  /** `yes` while a configuration change could still alter the record: a cycle is open or the request unresolved. */
  active?: 'yes';
  /** The project key while the request is active: the partition of the work list's index. */
  workList?: string;
  /**
   * When the breach watch next reads the record: the earlier of `clockWatchAt` and the first reached escalation
   * still to carry out (at once, or after its back-off). Absent when nothing is due.
   */
  watchAt?: number;
  /** The next instant the record changes without any event (a breach, an escalation reached); absent when none. */
  clockWatchAt?: number;
  /**
   * The first instant a manager should look at the request (the monitoring index): the earliest breach of an open
   * cycle, else the earliest deadline or escalation due of a running one. Absent when nothing is open or all is
   * paused without a breach.
   */
  riskAt?: number;
  /** Goals whose running cycle was past the site's at-risk share when computed (formats.md §8), for queues. */
  atRiskGoals?: string[];
  /** Escalations reached and not yet carried out (notified, commented), in the order they were reached. */
  pendingEscalations?: PendingEscalation[];
  /** Escalations of open cycles already carried out, as `goal#cycle#id` (what the ledger says is sent). */
  sentEscalations?: string[];
  rank: number;
  priority?: string;
  /** What Jira was last confirmed to show; absent until the first successful write. */
  shown?: JiraView;
  /** Goal and calendar ids referenced by index from the cycles. */
  goals: string[];
  /** Indexes into `goals` of the internal (OLA) goals. */
  internalGoals: number[];
  calendars: string[];
  /** Escalation ids referenced by index from the cycles; absent when no cycle has one (and in records before v1.1). */
  escalations?: string[];
  cycles: CompactCycle[];
  /** The oldest closed cycles, folded into counts per goal when a very long history would not fit otherwise. */
  folded?: FoldedCycles[];
  /** Supplier goals' cycles (§6), apart from the customer's and encoded the same way; absent when there are none. */
  supplierCycles?: StoredCycles;
  /**
   * The months whose report entries (`request-month`) this computation stands behind, each with a digest of what was
   * written, so the next computation writes only the months that changed. Absent in records before reports.
   */
  months?: Record<string, string>;
}

/** A reached escalation that the breach watch still has to carry out. */
export interface PendingEscalation {
  goal: string;
  cycle: number;
  id: string;
  reachedAt: number;
  /** Not before this instant: a failed attempt's back-off, or another worker's claim. */
  notBefore?: number;
}

/** The key of one escalation of one cycle within a record (the ledger adds the request). */
export const escalationKey = (e: { goal: string; cycle: number; id: string }): string => `${e.goal}#${e.cycle}#${e.id}`;

/** When the watch should next read a record: its clocks' next change, or the first escalation it may carry out. */
export function watchInstant(clockWatchAt: number | undefined, pending: readonly PendingEscalation[] | undefined): number | undefined {
  let earliest = clockWatchAt;
  for (const p of pending ?? []) {
    const at = Math.max(p.reachedAt, p.notBefore ?? 0);
    if (earliest === undefined || at < earliest) earliest = at;
  }
  return earliest;
}

/**
 * A goal's oldest closed cycles, summarised: a request with thousands of cycles (a reply a day for years) keeps its
 * recent cycles in full and counts the rest, so its record always fits in one stored value. Folded cycles are history:
 * they are never computed again, whatever the configuration.
 */
export interface FoldedCycles {
  goal: string;
  /** Cycles 1 to `through` are folded. */
  through: number;
  met: number;
  breached: number;
  cancelled: number;
}

/**
 * The cycles' share of a stored value: well under the 240 KiB limit, leaving room for the rest of the record.
 * Beyond it the oldest closed cycles are folded.
 */
export const CYCLES_BUDGET_BYTES = 160 * 1024;

export function jiraViewOf(record: IssueRecord | undefined): JiraView {
  if (!record?.agreement) {
    return {
      nextDeadline: null, breached: 'no', rank: NO_RANK, nextGoal: null, agreement: null, escalation: 'none', escalations: [], escalatedAt: null,
      goalsBreached: [], goalsRunning: [], goalsPaused: [], goalsMet: [], goalsAtRisk: [], contractDeadline: null, internalDeadline: null,
    };
  }
  const reached: Array<{ id: string; at: number }> = [];
  const breached = new Set<string>();
  const running = new Set<string>();
  const paused = new Set<string>();
  const completed = new Set<string>();
  let contract: number | null = null;
  let internal: number | null = null;
  for (const o of decodeCycles(record)) {
    if (o.breached) breached.add(o.goal);
    if (o.state === 'completed') completed.add(o.goal);
    if (o.state === 'paused') paused.add(o.goal);
    if (o.state === 'running') {
      running.add(o.goal);
      if (o.deadline !== null && o.internal) internal = internal === null ? o.deadline : Math.min(internal, o.deadline);
      if (o.deadline !== null && !o.internal) contract = contract === null ? o.deadline : Math.min(contract, o.deadline);
    }
    if (o.state !== 'running' && o.state !== 'paused') continue;
    for (const e of o.escalations) if (e.reachedAt !== null) reached.push({ id: e.id, at: e.reachedAt });
  }
  const latest = reached.reduce<number | null>((at, e) => (at === null || e.at > at ? e.at : at), null);
  const sorted = (goals: Iterable<string>): string[] => [...goals].sort();
  return {
    nextDeadline: record.nextDeadline === NO_DEADLINE ? null : formatInstant(record.nextDeadline),
    breached: record.breached ? 'yes' : 'no',
    rank: record.rank,
    nextGoal: record.nextGoal ?? null,
    agreement: record.agreement,
    escalation: record.breached ? 'breached' : reached.length > 0 ? 'reached' : 'none',
    escalations: [...new Set(reached.map((e) => e.id))],
    escalatedAt: latest === null ? null : formatInstant(latest),
    goalsBreached: sorted(breached),
    goalsRunning: sorted(running),
    goalsPaused: sorted(paused),
    // Met: every cycle of the goal completed, none breached (a reopened goal with an open cycle is not met yet).
    goalsMet: sorted([...completed].filter((g) => !breached.has(g) && !running.has(g) && !paused.has(g))),
    goalsAtRisk: sorted(record.atRiskGoals ?? []),
    contractDeadline: contract === null ? null : formatInstant(contract),
    internalDeadline: internal === null ? null : formatInstant(internal),
  };
}

/** Whether Jira shows `b` already: every value compared (a view stored before a value existed differs, so it is written). */
export function sameView(a: JiraView | undefined, b: JiraView | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

export type StoredCycles = Pick<IssueRecord, 'goals' | 'internalGoals' | 'calendars' | 'escalations' | 'cycles' | 'folded'>;

const rel = (instant: number | null, base: number): number => (instant === null ? -1 : Math.floor((instant - base) / 1000));
const abs = (offset: number, base: number): number | null => (offset === -1 ? null : base + offset * 1000);

function encodePause(reason: PauseReason | null): string {
  if (reason === null) return '';
  return reason.kind === 'status' ? `s:${reason.status}` : `a:${reason.action}`;
}

function decodePause(text: string): PauseReason | null {
  if (text === '') return null;
  return text.startsWith('s:') ? { kind: 'status', status: text.slice(2) } : { kind: 'action', action: text.slice(2) };
}

function encodeEscalations(escalations: EscalationState[], base: number, ids: string[]): number[] {
  const out: number[] = [];
  for (const e of escalations) {
    const state = e.reachedAt !== null ? rel(e.reachedAt, base) : e.dueAt !== null ? -2 - rel(e.dueAt, base) : -1;
    out.push(indexIn(ids, e.id), state);
  }
  return out;
}

function decodeEscalations(pairs: number[], base: number, ids: string[]): EscalationState[] {
  const out: EscalationState[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const [index, state] = [pairs[i]!, pairs[i + 1]!];
    out.push({ id: ids[index] ?? String(index), reachedAt: state >= 0 ? abs(state, base) : null, dueAt: state <= -2 ? abs(-2 - state, base) : null });
  }
  return out;
}

type OptionalFields = [number, number, number, string, number[]];
const OPTIONAL_DEFAULTS: OptionalFields = [-1, -1, 0, '', []];

/** The optional fields without those at the end that hold their default. */
function withoutDefaults(fields: OptionalFields): [number?, number?, number?, string?, number[]?] {
  const isDefault = (i: number): boolean => {
    const value = fields[i];
    return Array.isArray(value) ? value.length === 0 : value === OPTIONAL_DEFAULTS[i];
  };
  let last = fields.length;
  while (last > 0 && isDefault(last - 1)) last--;
  return fields.slice(0, last) as [number?, number?, number?, string?, number[]?];
}

function indexIn(list: string[], value: string): number {
  let i = list.indexOf(value);
  if (i < 0) i = list.push(value) - 1;
  return i;
}

/**
 * The cycles as stored: those already folded left out (their counts carried over from `folded`), and, when the rest
 * would outgrow CYCLES_BUDGET_BYTES, the oldest closed ones folded too, oldest first.
 */
export function encodeCycles(obligations: Obligation[], created: number, folded: FoldedCycles[] = []): StoredCycles {
  const through = new Map(folded.map((f) => [f.goal, f.through]));
  let kept = obligations.filter((o) => o.cycle > (through.get(o.goal) ?? 0));
  let stored = encodeDetailed(kept, created);
  let summary = folded;
  while (JSON.stringify(stored.cycles).length > CYCLES_BUDGET_BYTES) {
    // Fold a tenth of the closed cycles each round: few rounds even for enormous histories.
    const closed = kept.filter((o) => o.state === 'completed' || o.state === 'cancelled').sort((a, b) => a.startedAt - b.startedAt);
    if (closed.length === 0) break;
    summary = foldInto(summary, kept, closed.slice(0, Math.max(1, Math.ceil(closed.length / 10))));
    const folding = new Map(summary.map((f) => [f.goal, f.through]));
    kept = kept.filter((o) => o.cycle > (folding.get(o.goal) ?? 0));
    stored = encodeDetailed(kept, created);
  }
  return summary.length > 0 ? { ...stored, folded: summary } : stored;
}

/**
 * Folds, per goal, every cycle up to the newest of `oldest` (a goal's folded range always runs from its first cycle),
 * counting how each ended. Only closed cycles can be among them: a goal's one open cycle is its newest.
 */
function foldInto(folded: FoldedCycles[], candidates: Obligation[], oldest: Obligation[]): FoldedCycles[] {
  const byGoal = new Map(folded.map((f) => [f.goal, { ...f }]));
  const upTo = new Map<string, number>();
  for (const o of oldest) upTo.set(o.goal, Math.max(upTo.get(o.goal) ?? 0, o.cycle));
  for (const o of candidates) {
    const limit = upTo.get(o.goal);
    const entry = byGoal.get(o.goal) ?? { goal: o.goal, through: 0, met: 0, breached: 0, cancelled: 0 };
    if (limit === undefined || o.cycle <= entry.through || o.cycle > limit) continue;
    if (o.breached) entry.breached++;
    else if (o.state === 'cancelled') entry.cancelled++;
    else entry.met++;
    byGoal.set(o.goal, entry);
  }
  for (const [goal, limit] of upTo) byGoal.get(goal)!.through = Math.max(byGoal.get(goal)!.through, limit);
  return [...byGoal.values()];
}

function encodeDetailed(obligations: Obligation[], created: number): StoredCycles {
  const goals: string[] = [];
  const internalGoals = new Set<number>();
  const calendars: string[] = [];
  const escalations: string[] = [];
  const cycles = obligations.map((o): CompactCycle => {
    const goal = indexIn(goals, o.goal);
    if (o.internal) internalGoals.add(goal);
    const started = rel(o.startedAt, created);
    const base = created + started * 1000;
    const cycle: CompactCycle = [goal, o.cycle, STATES.indexOf(o.state), started, rel(o.endedAt, base), Math.floor(o.targetMs / 1000), Math.floor(o.elapsedMs / 1000)];
    cycle.push(...withoutDefaults([rel(o.reachedAt ?? o.breachedAt, base), rel(o.deadline, base), indexIn(calendars, o.calendar), encodePause(o.pausedBy), encodeEscalations(o.escalations, base, escalations)]));
    return cycle;
  });
  // Without escalations the record stays exactly what it was before v1.1, so such records are not rewritten.
  return { goals, internalGoals: [...internalGoals], calendars, ...(escalations.length > 0 ? { escalations } : {}), cycles };
}

/** A record before v1.1 has no escalations: its cycles decode with none, and the next recompute fills in the open ones. */
export function decodeCycles(record: StoredCycles & Pick<IssueRecord, 'created'>): Obligation[] {
  const internal = new Set(record.internalGoals);
  const escalationIds = record.escalations ?? [];
  return record.cycles.map(([goal, cycle, state, started, ended, target, elapsed, reachedAt = -1, deadline = -1, calendar = 0, paused = '', escalations = []]) => {
    const startedAt = record.created + started * 1000;
    return {
      goal: record.goals[goal] ?? String(goal),
      cycle,
      internal: internal.has(goal),
      state: STATES[state] ?? 'completed',
      startedAt,
      endedAt: abs(ended, startedAt),
      targetMs: target * 1000,
      elapsedMs: elapsed * 1000,
      breached: elapsed > target,
      breachedAt: elapsed > target ? abs(reachedAt, startedAt) : null,
      reachedAt: elapsed >= target ? abs(reachedAt, startedAt) : null,
      deadline: abs(deadline, startedAt),
      calendar: record.calendars[calendar] ?? '',
      pausedBy: decodePause(paused),
      escalations: decodeEscalations(escalations, startedAt, escalationIds),
    };
  });
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
