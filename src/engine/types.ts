// The concepts of the configuration bundle and the issue timeline, named as in spec/formats.md.
// These are the *validated* shapes: every list present, references resolved by id, matcher filters normalised.

/** `HH:MM`, 24-hour; `24:00` only as an end. */
export type TimeOfDay = string;
/** A half-open opening interval `[start, end)` in wall-clock time. */
export type OpeningInterval = [TimeOfDay, TimeOfDay];
/** `YYYY-MM-DD`. */
export type CalendarDate = string;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Record<Weekday, OpeningInterval[]>;

export interface HolidayPreset {
  /** ISO 3166 country code understood by date-holidays, optionally with a state (`DE-BY`). */
  country: string;
  /** date-holidays types to include, e.g. `public`, `bank`. */
  types: string[];
}

export interface HolidayDay {
  date: CalendarDate;
  name?: string;
  /** Special opening hours for that date; absent = closed all day. */
  hours?: OpeningInterval[];
}

export interface HolidayCollection {
  id: string;
  name?: string;
  preset?: HolidayPreset;
  days: HolidayDay[];
}

export interface Calendar {
  id: string;
  name?: string;
  timezone: string;
  week: WeeklyHours;
  holidays: string[];
}

export interface Priority {
  id: string;
  name?: string;
  rank: number;
  description?: string;
  colour?: string;
}

export interface PriorityModel {
  id: string;
  name?: string;
  priorities: Priority[];
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type CommentVisibility = 'public' | 'internal';
export type CommentAuthor = 'agent' | 'customer';

/** What an action listens for. Absent filters match anything. */
export type ActionMatcher =
  | { event: 'created' }
  | { event: 'status'; from?: string[]; to?: string[]; toCategory?: StatusCategory }
  | { event: 'comment'; visibility?: CommentVisibility; author?: CommentAuthor }
  | { event: 'resolution'; set?: boolean }
  | { event: 'priority'; to?: string[] }
  | { event: 'field'; field: string; to?: string[] };

export type ActionEvent = ActionMatcher['event'];
export const ACTION_EVENTS: readonly ActionEvent[] = ['created', 'status', 'comment', 'resolution', 'priority', 'field'];

export interface Action {
  id: string;
  name?: string;
  when: ActionMatcher;
}

export interface ActionModel {
  id: string;
  name?: string;
  /** Statuses in which every goal of this model parks its clock. */
  pauseInStatuses: string[];
}

export interface Goal {
  id: string;
  name?: string;
  actionModel: string;
  /** Internal (OLA) goals are never shown to customers. */
  internal: boolean;
  start: string[];
  stop: string[];
  pause: string[];
  resume: string[];
  cancel: string[];
  guidance?: string;
}

export interface ProductInstallation {
  name: string;
  version?: string;
}

export interface Environment {
  name: string;
  products: ProductInstallation[];
}

export interface Customer {
  id: string;
  name?: string;
  /** The JSM organization this customer is. */
  organizationId?: string;
  environments: Environment[];
}

export interface TargetRow {
  goal: string;
  /** Absent = any request type. */
  requestTypes?: string[];
  /** Absent = any priority of the agreement's model. */
  priorities?: string[];
  /** ISO-8601 duration of business time. */
  target: string;
  /** Overrides the agreement's calendar for this row. */
  calendar?: string;
}

/** Exactly one threshold: a share of the target, business time before the deadline, or after it (spec §1, §3). */
export type EscalationWhen = { elapsedPercent: number } | { remaining: string } | { overdue: string };

/** Who an escalation tells; the customer never. */
export type NotifyTarget = 'assignee' | 'watchers' | `group:${string}` | `user:${string}`;

export interface EscalationComment {
  visibility: CommentVisibility;
  text: string;
}

export interface Escalation {
  /** Unique within its agreement. */
  id: string;
  /** A goal the agreement has a target row for. */
  goal: string;
  when: EscalationWhen;
  notify: NotifyTarget[];
  comment?: EscalationComment;
}

export interface Agreement {
  id: string;
  name?: string;
  customer: string;
  environment: string;
  /** Empty = any product. */
  products: string[];
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  priorityModel: string;
  calendar: string;
  targets: TargetRow[];
  /** In the agreement's order; empty = none (v1.1). */
  escalations: Escalation[];
}

export interface ConfigBundle {
  version: 1;
  holidayCollections: HolidayCollection[];
  calendars: Calendar[];
  priorityModels: PriorityModel[];
  actions: Action[];
  actionModels: ActionModel[];
  goals: Goal[];
  customers: Customer[];
  agreements: Agreement[];
}

// ---- Issue timeline (spec §2) ----

export interface TimelineIssue {
  key: string;
  requestType?: string;
  customer?: string;
  environment?: string;
  product?: string;
  /** Priority id at creation. */
  priority?: string;
  /** Epoch milliseconds. */
  created: number;
}

/** Timeline events with instants already parsed to epoch milliseconds. */
export type TimelineEvent =
  | { at: number; type: 'created'; status?: string; statusCategory?: StatusCategory }
  | { at: number; type: 'status'; from?: string; to: string; toCategory?: StatusCategory }
  | { at: number; type: 'comment'; visibility: CommentVisibility; author: CommentAuthor }
  | { at: number; type: 'resolution'; to: string | null }
  | { at: number; type: 'priority'; from?: string; to: string }
  | { at: number; type: 'field'; field: string; from?: string | null; to?: string | null };

export interface Timeline {
  issue: TimelineIssue;
  /** Sorted by `at`, equal instants in their given order. */
  events: TimelineEvent[];
}

// ---- Evaluation (spec §4, `simulate`) ----

export type CycleState = 'running' | 'paused' | 'completed' | 'cancelled';

/** Why an open cycle is not running. */
export type PauseReason = { kind: 'status'; status: string } | { kind: 'action'; action: string };

/** One escalation on one cycle: when the cycle reached its threshold, or when it will while it runs. */
export interface EscalationState {
  id: string;
  reachedAt: number | null;
  /** Set only while the cycle runs and the threshold is not reached. */
  dueAt: number | null;
}

/** One cycle of one goal, in epoch milliseconds (the CLI and the stores format it). */
export interface Obligation {
  goal: string;
  cycle: number;
  internal: boolean;
  state: CycleState;
  startedAt: number;
  endedAt: number | null;
  targetMs: number;
  elapsedMs: number;
  breached: boolean;
  breachedAt: number | null;
  /**
   * The instant elapsed time reached the target, once it has: the breach instant when it ran over, and also set
   * when elapsed equals the target exactly (the clock stopped right there), so a later instant knows when it breached.
   */
  reachedAt: number | null;
  deadline: number | null;
  /** The target row's calendar in force at the evaluation instant (or at close). */
  calendar: string;
  /** Set while paused. */
  pausedBy: PauseReason | null;
  /** The agreement's escalations of this goal, in the agreement's order. */
  escalations: EscalationState[];
}

export interface NextGoal {
  goal: string;
  cycle: number;
  deadline: number | null;
}

export interface Evaluation {
  issue: string;
  agreement: string | null;
  obligations: Obligation[];
  next: NextGoal | null;
}
