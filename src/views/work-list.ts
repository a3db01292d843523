// What the agents' work list shows: a project's open requests across all customers, most urgent first, each with
// what to do now, and what its filters can offer; requests no agreement measures are listed too, flagged with how to
// fix them. Every figure is computed at the moment it is shown.
import { atRiskPercentOf, isAtRisk } from '../engine/at-risk';
import { guidanceFor } from '../engine/guidance';
import { formatInstant } from '../engine/instant';
import type { ConfigBundle } from '../engine/types';
import { NO_DEADLINE, type IssueRecord } from '../adapters/storage/issue-record';
import { escalationSummary, type EscalationSummary } from './escalation-state';
import { latestPerGoal } from './commitments';
import { evaluationAt, howToFix } from './issue-panel';
import { lineageOf } from '../engine/customer-group';

export interface WorkItem {
  issueKey: string;
  summary: string;
  /** Jira's status of the request, as named there. */
  status: string | null;
  customer: { id: string; name: string } | null;
  agreement: { id: string; name: string } | null;
  priority: { id: string; name: string; rank: number } | null;
  assignee: { accountId: string; displayName: string } | null;
  nextGoal: { id: string; name: string; cycle: number } | null;
  state: string;
  deadline: string | null;
  breached: boolean;
  /** A running cycle past the site's at-risk share of its target (§8): the row turns amber before a breach. */
  atRisk: boolean;
  guidance: string;
  /** Escalations reached on its open cycles and the next one due; `level` colours the row (amber, red). */
  escalation: EscalationSummary;
  /** Every other obligation overdue or due sooner, in words (see guidanceFor). */
  alsoDue: string[];
  /** For a request no agreement measures: what to change so one does (empty for every measured request). */
  howToFix: string[];
  /** Each goal's standing, for the column per goal (JSM's SLA columns): its open cycle, else its latest. */
  goals: GoalCell[];
  /** The development issue the request was handed to, and where it stands in the agent's words (formats.md §9.5). */
  development: null | { key: string; stageText: string };
}

export interface GoalCell {
  goal: string;
  state: 'running' | 'at-risk' | 'paused' | 'met' | 'met-late' | 'breached';
  /** Business time left (negative: over) while open; null once closed. */
  remainingSeconds: number | null;
}

export interface WorkListFilters {
  customer?: string;
  /** An agreement id, or `none` for the requests no agreement measures. */
  agreement?: string;
  goal?: string;
  /** An account id, or `unassigned`. */
  assignee?: string;
  /** Only the requests handed to development whose fix is not yet available on their environment. */
  waitingForRelease?: boolean;
}

/** The orders an agent can choose; `urgency` is the advice (breached, then nearest deadline, then rank). */
export const WORK_LIST_ORDERS = ['urgency', 'request', 'customer', 'priority', 'status', 'assignee'] as const;
export type WorkListOrder = (typeof WORK_LIST_ORDERS)[number];

export interface WorkListView {
  order: WorkListOrder;
  descending: boolean;
  /** How many rows to show (the first of the order): thousands of open requests stay quick to rank and draw. */
  limit: number;
}

export const DEFAULT_VIEW: WorkListView = { order: 'urgency', descending: false, limit: 50 };

export interface WorkListAnswer {
  items: WorkItem[];
  /** How many match the filters; `items` holds the first `limit` of them. */
  matching: number;
  total: number;
  /** How many of `total` no agreement measures: misconfigured, listed and flagged rather than hidden. */
  unmeasured: number;
  options: {
    customers: Array<{ id: string; name: string }>;
    agreements: Array<{ id: string; name: string }>;
    goals: Array<{ id: string; name: string }>;
    assignees: Array<{ accountId: string; displayName: string }>;
  };
  /** The goals the rows measure, in the configuration's order: the columns of the view with a column per goal. */
  goals: Array<{ id: string; name: string; internal: boolean }>;
}

/** Breached first (longest overdue first), then the nearest deadline, then the priority's internal rank. */
export function byUrgency(a: IssueRecord, b: IssueRecord): number {
  return Number(b.breached) - Number(a.breached) || a.nextDeadline - b.nextDeadline || a.rank - b.rank || a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });
}

/** What the work list shows of a request handed to development, by request id. */
export type DevelopmentRows = ReadonlyMap<string, { key: string; stageText: string; waiting: boolean }>;

function workItem(bundle: ConfigBundle, record: IssueRecord, now: number, zone: string, development: DevelopmentRows): WorkItem {
  const handedOver = development.get(record.issueId);
  const customer = bundle.customers.find((c) => c.id === record.customer);
  const agreement = bundle.agreements.find((x) => x.id === record.agreement);
  const model = bundle.priorityModels.find((m) => m.id === agreement?.priorityModel);
  const priority = model?.priorities.find((p) => p.id === record.priority);
  const goal = bundle.goals.find((g) => g.id === record.nextGoal);
  const evaluation = evaluationAt(bundle, record, now);
  const guidance = guidanceFor(bundle, evaluation, now, zone);
  return {
    issueKey: record.issueKey,
    summary: record.summary ?? '',
    status: record.status ?? null,
    customer: customer ? { id: customer.id, name: customer.name ?? customer.id } : null,
    agreement: agreement ? { id: agreement.id, name: agreement.name ?? agreement.id } : null,
    priority: priority ? { id: priority.id, name: priority.name ?? priority.id, rank: priority.rank } : null,
    assignee: record.assignee ? { accountId: record.assignee, displayName: record.assigneeName ?? record.assignee } : null,
    nextGoal: goal ? { id: goal.id, name: goal.name ?? goal.id, cycle: record.nextCycle } : null,
    state: guidance.state,
    deadline: record.nextDeadline === NO_DEADLINE ? null : formatInstant(record.nextDeadline),
    breached: record.breached,
    atRisk: evaluation.obligations.some((o) => isAtRisk(o, atRiskPercentOf(bundle))),
    guidance: guidance.text,
    escalation: escalationSummary(bundle, record.agreement, evaluation.obligations),
    alsoDue: guidance.alsoDue,
    howToFix: howToFix(bundle, record),
    goals: latestPerGoal(evaluation.obligations).map((o): GoalCell => ({
      goal: o.goal,
      state: o.state === 'completed' ? (o.breached ? 'met-late' : 'met') : o.breached ? 'breached' : o.state === 'paused' ? 'paused' : isAtRisk(o, atRiskPercentOf(bundle)) ? 'at-risk' : 'running',
      remainingSeconds: o.state === 'running' || o.state === 'paused' ? Math.floor(o.targetMs / 1000) - Math.floor(o.elapsedMs / 1000) : null,
    })),
    development: handedOver ? { key: handedOver.key, stageText: handedOver.stageText } : null,
  };
}

/** An unresolved request no agreement measures (the app's own report letters aside): it belongs on the list, flagged. */
const unmeasured = (r: IssueRecord): boolean => !r.agreement && !r.resolved && !r.letter;

/** `none` picks the unmeasured requests; an agreement id, those it measures. */
function agreementMatches(r: IssueRecord, agreement: string | undefined): boolean {
  if (!agreement) return true;
  return agreement === NO_AGREEMENT ? unmeasured(r) : r.agreement === agreement;
}

export const NO_AGREEMENT = 'none';

const distinct = <T>(values: T[], key: (v: T) => string): T[] => [...new Map(values.map((v) => [key(v), v])).values()];

const text = (value: string | undefined): string => value ?? '\uffff';

/** The comparison for an order other than urgency; ties fall back to urgency, so the advice still decides. */
function comparatorOf(bundle: ConfigBundle, order: WorkListOrder): (a: IssueRecord, b: IssueRecord) => number {
  const customerName = (r: IssueRecord) => text(bundle.customers.find((c) => c.id === r.customer)?.name ?? r.customer);
  switch (order) {
    case 'urgency':
      return byUrgency;
    case 'request':
      return (a, b) => a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });
    case 'customer':
      return (a, b) => customerName(a).localeCompare(customerName(b), 'en') || byUrgency(a, b);
    case 'priority':
      return (a, b) => a.rank - b.rank || byUrgency(a, b);
    case 'status':
      return (a, b) => text(a.status).localeCompare(text(b.status), 'en') || byUrgency(a, b);
    case 'assignee':
      return (a, b) => text(a.assigneeName ?? a.assignee).localeCompare(text(b.assigneeName ?? b.assignee), 'en') || byUrgency(a, b);
  }
}

/** The customers to filter by: those present and the groups above them, a group said as one (`Fjell Group (group)`). */
function customerChoices(bundle: ConfigBundle, present: string[]): Array<{ id: string; name: string }> {
  const wanted = new Set(present.flatMap((id) => lineageOf(bundle, id)));
  const groups = new Set(bundle.customers.flatMap((c) => (c.parent !== undefined && wanted.has(c.parent) ? [c.parent] : [])));
  const known = bundle.customers.filter((c) => wanted.has(c.id)).map((c) => ({ id: c.id, name: `${c.name ?? c.id}${groups.has(c.id) ? ' (group)' : ''}` }));
  // A customer the configuration no longer names still filters its own requests.
  const unknown = present.filter((id) => !bundle.customers.some((c) => c.id === id)).map((id) => ({ id, name: id }));
  return [...known, ...unknown];
}

/** The work list of the requests with an open obligation among `records`, filtered and ordered. */
export function workList(bundle: ConfigBundle, records: IssueRecord[], filters: WorkListFilters, now: number, zone: string, view: WorkListView = DEFAULT_VIEW, development: DevelopmentRows = new Map()): WorkListAnswer {
  // Open obligations, and the requests nothing measures: a misconfigured request must not disappear from the list.
  const open = records.filter((r) => r.openState === 'open' || unmeasured(r));
  // A customer filter that names a group takes its members' requests too (§6: the list rolls up by group).
  const ofCustomer = (r: IssueRecord): boolean => !filters.customer || (r.customer !== undefined && lineageOf(bundle, r.customer).includes(filters.customer));
  const matching = open
    .filter(ofCustomer)
    .filter((r) => agreementMatches(r, filters.agreement))
    .filter((r) => !filters.goal || r.nextGoal === filters.goal)
    .filter((r) => !filters.assignee || (filters.assignee === 'unassigned' ? r.assignee === undefined : r.assignee === filters.assignee))
    .filter((r) => !filters.waitingForRelease || development.get(r.issueId)?.waiting === true);
  const compare = comparatorOf(bundle, view.order);
  matching.sort(view.descending ? (a, b) => compare(b, a) : compare);
  const items = matching.slice(0, view.limit).map((r) => workItem(bundle, r, now, zone, development));
  const measured = new Set(items.flatMap((i) => i.goals.map((g) => g.goal)));
  // The agreement choices follow the customer chosen: only that customer's agreements are offered.
  const forCustomer = open.filter(ofCustomer);
  const present = <K extends 'customer' | 'agreement' | 'nextGoal' | 'assignee'>(key: K) => distinct(open.filter((r) => r[key] !== undefined), (r) => r[key]!);
  return {
    // Guidance is worded for the rows shown only: that is the work of drawing thousands of requests.
    items,
    matching: matching.length,
    total: open.length,
    unmeasured: open.filter(unmeasured).length,
    // What the filters can choose from: the values present among the open requests.
    options: {
      // Each customer present, and each group above one (its whole family of requests), in the bundle's order.
      customers: customerChoices(bundle, present('customer').map((r) => r.customer!)),
      agreements: [
        ...distinct(forCustomer.filter((r) => r.agreement !== undefined), (r) => r.agreement!).map((r) => ({ id: r.agreement!, name: bundle.agreements.find((x) => x.id === r.agreement)?.name ?? r.agreement! })),
        ...(forCustomer.some(unmeasured) ? [{ id: NO_AGREEMENT, name: 'No agreement (to fix)' }] : []),
      ],
      goals: present('nextGoal').map((r) => ({ id: r.nextGoal!, name: bundle.goals.find((g) => g.id === r.nextGoal)?.name ?? r.nextGoal! })),
      assignees: present('assignee').map((r) => ({ accountId: r.assignee!, displayName: r.assigneeName ?? r.assignee! })),
    },
    goals: bundle.goals.filter((g) => measured.has(g.id)).map((g) => ({ id: g.id, name: g.name ?? g.id, internal: g.internal })),
  };
}
