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
  /** Impact × urgency → one of the model's priorities (§6); absent = priorities are chosen directly. */
  matrix?: PriorityMatrix;
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
  /** The goal's name as customers read it on the portal (§8); absent = its name. */
  customerLabel?: string;
  /** A supplier's (underpinning) goal: measured by the supplier's target rows, never shown to the customer (§6). */
  supplier?: string;
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
  /** The group (a customer id) this customer belongs to; its agreements are inherited (§6). */
  parent?: string;
  /** Where the customer works, each in its own zone (§6). */
  sites?: Site[];
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
  /** `site`: the request's site's zone (or own calendar) measures it (§6); absent = the calendars as written. */
  measureIn?: MeasureIn;
  /** The agreement whose period this one continues (§6): its `validFrom` is that one's `validTo`. */
  renews?: string;
  contract?: Contract;
  /** The monthly compliance report the customer receives (formats.md §7); absent = none is sent. */
  report?: ReportSchedule;
  /** How requests handed to development are followed (formats.md §9); absent = the agreement says nothing of it. */
  development?: DevelopmentTerms;
}

/**
 * An agreement's terms for requests that need development (formats.md §9.2): the status a request waits in while
 * development works (one every goal of the agreement pauses in), whether it is resolved once the fix reaches the
 * customer's environment, and the Jira Software project development issues are created in.
 */
export interface DevelopmentTerms {
  waitingStatus: string;
  resolveWhenAvailable: boolean;
  /** A Jira project key (`PAY`). */
  project: string;
}

/** The label language of a customer's report. */
export type ReportLanguage = 'en' | 'da';

/**
 * When and how an agreement's monthly report reaches the customer: on `day` of the month (in the agreement
 * calendar's zone) last month's report is issued and delivered as a request in JSM, raised on behalf of the first
 * recipient with the others as participants. Internal goals are never in it.
 */
export interface ReportSchedule {
  /** 1–28: every month has it. */
  day: number;
  /** Atlassian account ids of the customer's portal users; at least one. */
  recipients: string[];
  language: ReportLanguage;
  /** The JSM service desk and request type the delivery request is raised with. */
  serviceDeskId: string;
  requestTypeId: string;
  /**
   * Per goal, the share of its cycles (percent, above 0 and at most 100) the month must meet for the goal to be met;
   * a goal not listed must be met every time (100).
   */
  complianceTargets?: Record<string, number>;
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
  /** Underpinning contracts (§6); absent = none. */
  suppliers?: Supplier[];
  /** How the surfaces show obligations (§8); absent = the defaults. */
  settings?: BundleSettings;
}

/** Site-wide choices of how obligations are shown (§8). */
export interface BundleSettings {
  /** A running cycle is at risk (amber) once it has used this share of its target; absent = 80. */
  atRiskPercent?: number;
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
  /** A site id of the customer or of its groups (§6). */
  site?: string;
  /** Impact and urgency level ids at creation, when the priority model has a matrix (§6). */
  impact?: string;
  urgency?: string;
}

/** Timeline events with instants already parsed to epoch milliseconds. */
export type TimelineEvent =
  | { at: number; type: 'created'; status?: string; statusCategory?: StatusCategory }
  | { at: number; type: 'status'; from?: string; to: string; toCategory?: StatusCategory }
  | { at: number; type: 'comment'; visibility: CommentVisibility; author: CommentAuthor }
  | { at: number; type: 'resolution'; to: string | null }
  | { at: number; type: 'priority'; from?: string; to: string }
  | { at: number; type: 'field'; field: string; from?: string | null; to?: string | null }
  | { at: number; type: 'impact'; from?: string; to: string }
  | { at: number; type: 'urgency'; from?: string; to: string };

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
  /** Set only on a supplier goal's cycles (§6). */
  supplier?: string;
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
  /** The cycles of supplier goals, apart from the customer's; present only when the bundle has supplier goals (§6). */
  supplierObligations?: Obligation[];
}

// ---- Contract management (formats.md §6, a product extension beside the binding v1.1 contract) ----

/** One answer on an axis of a priority matrix, in the customer's words ("Just me", "My whole department"). */
export interface MatrixLevel {
  id: string;
  label: string;
  description?: string;
}

/** Impact × urgency → priority: `cells[impactId][urgencyId]` is a priority id of the model. */
export interface PriorityMatrix {
  impact: MatrixLevel[];
  urgency: MatrixLevel[];
  cells: Record<string, Record<string, string>>;
}

/** A place a customer works from, with its own zone and, if it wants, its own calendar. */
export interface Site {
  /** Unique across all customers, so a request names its site alone. */
  id: string;
  name?: string;
  timezone: string;
  calendar?: string;
  /** A JSM organization that is this site (the timeline mapping reads the site from it). */
  organizationId?: string;
}

export type MeasureIn = 'calendar' | 'site';

/** A calendar duration in years, months, weeks and days (`P3M`, `P30D`): dates move by it, business hours play no part. */
export type CalendarPeriod = string;

/** Who a contract reminder tells: the contract's owner, a Jira group or an account. */
export type ReminderTarget = 'owner' | `group:${string}` | `user:${string}`;

export interface ContractReminder {
  /** Unique within its contract. */
  id: string;
  /** The date it counts back from: the notice deadline or the end of the term. */
  before: 'notice' | 'end';
  offset: CalendarPeriod;
  notify: ReminderTarget[];
}

export type RenewalKind = 'automatic' | 'manual';

/** The contract behind an agreement or a supplier. Dates are local dates; `end` and `terminatedOn` are exclusive. */
export interface Contract {
  number: string;
  /** The contract manager's Atlassian account id. */
  owner: string;
  /**
   * The Jira issue that keeps the contract (`CON-12`): Jira sends notifications about an issue, so the reminders are
   * notifications about this one. Required when the contract has reminders.
   */
  issue?: string;
  start: CalendarDate;
  /** The first day after the (first) term; null = open-ended. */
  end: CalendarDate | null;
  noticePeriod?: CalendarPeriod;
  renewal: RenewalKind;
  /** How long each automatic renewal runs; absent = P1Y. */
  renewalTerm?: CalendarPeriod;
  /** The first day the contract no longer runs because it was terminated. */
  terminatedOn?: CalendarDate;
  reminders: ContractReminder[];
}

/** An underpinning contract: the supplier's own goals, measured on requests that wait for it. */
export interface Supplier {
  id: string;
  name?: string;
  /** The supplier's hours; a target row's own calendar overrides it. */
  calendar?: string;
  contract?: Contract;
  /** Rows for the supplier's goals, matched like an agreement's (request type, current priority id). */
  targets: TargetRow[];
}
