// The management reports (docs/architecture.md, "Management reports"): compliance and request counts across
// customers, agreements and months, grouped by one dimension, contractual and internal (OLA) goals side by side, with
// the requests behind any figure and every counted goal for export. Built from the stored month entries alone — the
// same entries, the same instant and the same rules as an agreement's report (stored-report.ts), so each agreement's
// month here equals `report` of the CLI on the same histories.
import { countingInstant, outcomeOf, reportedGoals, type CycleOutcome } from '../engine/compliance-report';
import { calendarsOf } from '../engine/obligations';
import { inPeriod, nextMonth, type ReportPeriod } from '../engine/report-period';
import { openAtEnd, resolvedIn } from '../engine/request-summary';
import type { Agreement, ConfigBundle } from '../engine/types';
import { NO_RANK } from '../adapters/storage/issue-record';
import { summaryAt, type RequestMonth } from '../adapters/storage/request-month';
import { agreementPeriod, monthEntries } from './stored-report';
import { rollUpGroupOf } from '../engine/customer-group';

export const MANAGEMENT_DIMENSIONS = ['customer', 'group', 'environment', 'product', 'agreement', 'requestType', 'priority', 'goal', 'assignee', 'month'] as const;
export type ManagementDimension = (typeof MANAGEMENT_DIMENSIONS)[number];
/** Which goals: those promised to customers, the internal (OLA) ones, or both side by side. */
export type GoalScope = 'contractual' | 'internal' | 'both';
/** The most months one report covers: a year and its comparison year. */
export const MAX_MONTHS = 24;

export interface ManagementQuery {
  /** First and last month, both included (`YYYY-MM`, each agreement's month in its calendar's zone). */
  from: string;
  to: string;
  /** Only these customers' or agreements' requests (ids); absent or empty = all. */
  customers?: string[];
  agreements?: string[];
  scope: GoalScope;
  groupBy: ManagementDimension;
}

/** One goal kind's figures, as in the spec's `goals` entry: closed, met, breached, cancelled and compliance. */
export interface GoalFigures {
  closed: number;
  met: number;
  breached: number;
  cancelled: number;
  /** met / (met + breached), unrounded; null when both are 0. */
  compliance: number | null;
}

/** Requests created, resolved, and open at the end of the period (of each month when grouped by month). */
export interface RequestFigures {
  created: number;
  resolved: number;
  open: number;
}

export interface ManagementGroup {
  key: string;
  label: string;
  /** Null when grouped by goal: a request is not one goal's. */
  requests: RequestFigures | null;
  /** Null when the scope leaves that kind out. */
  contractual: GoalFigures | null;
  internal: GoalFigures | null;
}

export interface ManagementReport {
  from: string;
  to: string;
  months: string[];
  scope: GoalScope;
  groupBy: ManagementDimension;
  /** In the dimension's own order (months in order, priorities by rank, the rest by label). */
  groups: ManagementGroup[];
  totals: ManagementGroup;
  /** What the filters offer: the configuration's customers and agreements. */
  customers: Array<{ id: string; name: string }>;
  agreements: Array<{ id: string; name: string; customer: string }>;
}

/** A request's dimensions in one month, as every figure of it is grouped. */
export interface RequestDimensions {
  month: string;
  agreement: string;
  customer: string;
  /** The top of the customer's group (§6): a group of companies rolled up as one; the customer itself when in none. */
  group: string;
  environment: string;
  product: string | null;
  requestType: string | null;
  /** The priority at the evaluation instant, and its rank in the agreement's model (999: none). */
  priority: string | null;
  rank: number;
  assignee: string | null;
  assigneeName: string | null;
}

/** One request in one month of the report. */
export interface RequestFact extends RequestDimensions {
  issueKey: string;
  projectKey: string;
  summary: string | null;
  created: boolean;
  resolved: boolean;
  open: boolean;
  /** The status just before the month's end (or now, in the month under way). */
  status: string | null;
}

/** One cycle of a goal the period closes or counts. */
export interface GoalFact {
  request: RequestFact;
  goal: string;
  internal: boolean;
  cycle: number;
  /** Completed or cancelled within the month. */
  closed: boolean;
  /** Its outcome when the month counts it (spec §5), else null. */
  outcome: CycleOutcome | null;
  startedAt: number;
  endedAt: number | null;
  targetMs: number;
  elapsedMs: number;
  breachedAt: number | null;
}

export interface ManagementFacts {
  months: string[];
  requests: RequestFact[];
  goals: GoalFact[];
}

/** The months from `from` to `to`, both included; a RangeError when `to` is before `from` or the span is too long. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) {
    months.push(month);
    if (months.length > MAX_MONTHS) throw new RangeError(`at most ${MAX_MONTHS} months at once`);
  }
  if (months.length === 0) throw new RangeError(`${to} is before ${from}`);
  return months;
}

function selectedAgreements(bundle: ConfigBundle, query: Pick<ManagementQuery, 'customers' | 'agreements'>): Map<string, Agreement> {
  const customers = query.customers?.length ? new Set(query.customers) : null;
  const agreements = query.agreements?.length ? new Set(query.agreements) : null;
  return new Map(bundle.agreements.filter((a) => (!customers || customers.has(a.customer)) && (!agreements || agreements.has(a.id))).map((a) => [a.id, a]));
}

/**
 * The facts of the months from the entries of each (`entriesOf`: storage, or a bench's own), each request read at
 * its agreement's month end — or `now` while the month is under way — exactly as its agreement's report reads it.
 */
export async function managementFacts(
  bundle: ConfigBundle,
  query: Pick<ManagementQuery, 'from' | 'to' | 'customers' | 'agreements'>,
  now: number,
  entriesOf: (month: string) => Promise<RequestMonth[]> = monthEntries,
): Promise<ManagementFacts> {
  const months = monthsBetween(query.from, query.to);
  const agreements = selectedAgreements(bundle, query);
  const calendars = calendarsOf(bundle);
  const goalOrder = new Map(bundle.goals.map((g, i) => [g.id, i]));
  const tracked = new Map([...agreements.values()].map((a) => [a.id, new Map(reportedGoals(bundle, a, { internal: true }).map((g) => [g.id, g.internal]))]));
  const requests: RequestFact[] = [];
  const goals: GoalFact[] = [];
  for (const month of months) {
    const periods = new Map<string, ReportPeriod>();
    for (const entry of await entriesOf(month)) {
      const agreement = agreements.get(entry.agreement);
      if (!agreement) continue;
      let period = periods.get(agreement.id);
      if (!period) periods.set(agreement.id, (period = agreementPeriod(bundle, agreement.id, month)));
      const summary = summaryAt(entry, Math.min(now, period.to), calendars);
      const request: RequestFact = {
        month,
        agreement: agreement.id,
        customer: agreement.customer,
        group: rollUpGroupOf(bundle, agreement.customer),
        environment: agreement.environment,
        product: entry.product ?? null,
        requestType: entry.requestType ?? null,
        priority: summary.priority,
        rank: entry.rank,
        assignee: entry.assignee ?? null,
        assigneeName: entry.assigneeName ?? null,
        issueKey: entry.issueKey,
        projectKey: entry.projectKey,
        summary: entry.summary ?? null,
        created: inPeriod(period, summary.created),
        resolved: resolvedIn(period, summary),
        open: openAtEnd(period, summary),
        status: summary.end.status,
      };
      requests.push(request);
      const goalsOf = tracked.get(agreement.id)!;
      // Goal order, then cycle number: the order the agreement's report lists its cycles in.
      const obligations = [...summary.obligations].sort((a, b) => (goalOrder.get(a.goal) ?? Infinity) - (goalOrder.get(b.goal) ?? Infinity) || a.cycle - b.cycle);
      for (const o of obligations) {
        const internal = goalsOf.get(o.goal);
        if (internal === undefined) continue;
        const closed = (o.state === 'completed' || o.state === 'cancelled') && inPeriod(period, o.endedAt);
        const outcome = outcomeOf(o);
        const counted = outcome !== null && inPeriod(period, countingInstant(o, outcome)) ? outcome : null;
        if (!closed && counted === null) continue;
        goals.push({ request, goal: o.goal, internal, cycle: o.cycle, closed, outcome: counted, startedAt: o.startedAt, endedAt: o.endedAt, targetMs: o.targetMs, elapsedMs: o.elapsedMs, breachedAt: o.breachedAt });
      }
    }
  }
  return { months, requests, goals };
}

/** Whether a goal kind is in the scope. */
export const inScope = (scope: GoalScope, internal: boolean): boolean => scope === 'both' || (scope === 'internal') === internal;

/** The key of a fact's group; goal facts group by their goal, request facts by their request's dimension. */
export function groupKey(dimension: ManagementDimension, request: RequestDimensions, goal?: string): string {
  switch (dimension) {
    case 'goal':
      return goal ?? '';
    case 'priority':
      return String(request.rank);
    case 'assignee':
      return request.assignee ?? '';
    case 'product':
      return request.product ?? '';
    case 'requestType':
      return request.requestType ?? '';
    default:
      return request[dimension];
  }
}

/** What a group is called: names from the configuration; a priority rank by the names it has in the models. */
function labeller(bundle: ConfigBundle, facts: ManagementFacts, dimension: ManagementDimension): (key: string) => string {
  const named = (list: Array<{ id: string; name?: string }>, none: string) => {
    const names = new Map(list.map((x) => [x.id, x.name ?? x.id]));
    return (key: string) => (key === '' ? none : (names.get(key) ?? key));
  };
  switch (dimension) {
    case 'customer':
    case 'group':
      return named(bundle.customers, 'No customer');
    case 'agreement':
      return named(bundle.agreements, 'No agreement');
    case 'goal':
      return named(bundle.goals, 'No goal');
    case 'assignee': {
      const names = new Map(facts.requests.map((r) => [r.assignee ?? '', r.assigneeName ?? r.assignee ?? 'Unassigned']));
      return (key) => (key === '' ? 'Unassigned' : (names.get(key) ?? key));
    }
    case 'priority':
      return (key) => {
        const rank = Number(key);
        if (rank === NO_RANK) return 'No priority';
        const names = new Set(bundle.priorityModels.flatMap((m) => m.priorities.filter((p) => p.rank === rank).map((p) => p.name ?? p.id)));
        return `Rank ${rank}${names.size > 0 ? ` (${[...names].join(', ')})` : ''}`;
      };
    case 'product':
      return (key) => (key === '' ? 'No product' : key);
    case 'requestType':
      return (key) => (key === '' ? 'No request type' : key);
    default:
      return (key) => key;
  }
}

const emptyGoals = (): GoalFigures => ({ closed: 0, met: 0, breached: 0, cancelled: 0, compliance: null });

function addGoal(figures: GoalFigures, fact: GoalFact): void {
  if (fact.closed) figures.closed++;
  if (fact.outcome) figures[fact.outcome]++;
}

const withCompliance = (f: GoalFigures): GoalFigures => ({ ...f, compliance: f.met + f.breached === 0 ? null : f.met / (f.met + f.breached) });

/**
 * Whether a request counts as open in a group: at the end of the period's last month, or of its own month when the
 * report is grouped by month (a request open through three months is one open request, not three).
 */
const countsOpen = (query: Pick<ManagementQuery, 'groupBy'>, months: string[], request: RequestFact): boolean =>
  request.open && (query.groupBy === 'month' || request.month === months[months.length - 1]);

interface Accumulator {
  requests: RequestFigures;
  contractual: GoalFigures;
  internal: GoalFigures;
}

/** The report's figures from its facts. */
export function aggregate(bundle: ConfigBundle, query: ManagementQuery, facts: ManagementFacts): ManagementReport {
  const groups = new Map<string, Accumulator>();
  const fresh = (): Accumulator => ({ requests: { created: 0, resolved: 0, open: 0 }, contractual: emptyGoals(), internal: emptyGoals() });
  const at = (key: string): Accumulator => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = fresh()));
    return group;
  };
  const total = fresh();
  const countRequest = (into: RequestFigures, r: RequestFact): void => {
    if (r.created) into.created++;
    if (r.resolved) into.resolved++;
    if (countsOpen(query, facts.months, r)) into.open++;
  };
  for (const r of facts.requests) {
    countRequest(total.requests, r);
    if (query.groupBy !== 'goal') countRequest(at(groupKey(query.groupBy, r)).requests, r);
  }
  for (const g of facts.goals) {
    if (!inScope(query.scope, g.internal)) continue;
    addGoal(g.internal ? total.internal : total.contractual, g);
    const group = at(groupKey(query.groupBy, g.request, g.goal));
    addGoal(g.internal ? group.internal : group.contractual, g);
  }
  // Every month of the period and every goal the agreements report has a group, even with nothing in it.
  if (query.groupBy === 'month') for (const month of facts.months) at(month);
  if (query.groupBy === 'goal') {
    const agreements = selectedAgreements(bundle, query);
    for (const agreement of agreements.values()) for (const goal of reportedGoals(bundle, agreement, { internal: true })) if (inScope(query.scope, goal.internal)) at(goal.id);
  }
  const label = labeller(bundle, facts, query.groupBy);
  const goalOrder = new Map(bundle.goals.map((g, i) => [g.id, i]));
  const shown = (key: string, a: Accumulator): ManagementGroup => ({
    key,
    label: label(key),
    requests: query.groupBy === 'goal' ? null : a.requests,
    contractual: query.scope === 'internal' ? null : withCompliance(a.contractual),
    internal: query.scope === 'contractual' ? null : withCompliance(a.internal),
  });
  const order = (x: ManagementGroup, y: ManagementGroup): number => {
    if (query.groupBy === 'month') return x.key < y.key ? -1 : 1;
    if (query.groupBy === 'priority') return Number(x.key) - Number(y.key);
    if (query.groupBy === 'goal') return (goalOrder.get(x.key) ?? Infinity) - (goalOrder.get(y.key) ?? Infinity);
    // The ones without a value last, the rest by name.
    return Number(x.key === '') - Number(y.key === '') || x.label.localeCompare(y.label, 'en');
  };
  return {
    from: query.from,
    to: query.to,
    months: facts.months,
    scope: query.scope,
    groupBy: query.groupBy,
    groups: [...groups].map(([key, a]) => shown(key, a)).sort(order),
    totals: { ...shown('', total), key: 'total', label: 'All', requests: total.requests },
    customers: bundle.customers.map((c) => ({ id: c.id, name: c.name ?? c.id })),
    agreements: bundle.agreements.map((a) => ({ id: a.id, name: a.name ?? a.id, customer: a.customer })),
  };
}

/** The filters of a view: which months, customers and agreements (grouping and scope are chosen on the page). */
export type ManagementFilters = Pick<ManagementQuery, 'from' | 'to' | 'customers' | 'agreements'>;

/** Every grouping of the period's figures at once, both kinds of goal: the page regroups without asking again. */
export interface ManagementFigures extends Omit<ManagementReport, 'scope' | 'groupBy' | 'groups'> {
  groupings: Record<ManagementDimension, ManagementGroup[]>;
  /** The internal (OLA) goals' ids: grouped by goal, the page shows only the goals of the kind chosen. */
  internalGoals: string[];
}

/** The figures by every dimension, from one read of the facts (each grouping is a pass over them, not a read). */
export function allGroupings(bundle: ConfigBundle, filters: ManagementFilters, facts: ManagementFacts): ManagementFigures {
  const by = (groupBy: ManagementDimension) => aggregate(bundle, { ...filters, scope: 'both', groupBy }, facts);
  const { scope: _scope, groupBy: _groupBy, groups: _groups, ...common } = by('customer');
  return {
    ...common,
    groupings: Object.fromEntries(MANAGEMENT_DIMENSIONS.map((d) => [d, by(d).groups])) as Record<ManagementDimension, ManagementGroup[]>,
    internalGoals: bundle.goals.filter((g) => g.internal).map((g) => g.id),
  };
}

/** What a figure counts: requests created, resolved or open; or goals closed, met, breached or cancelled. */
export type Measure = 'created' | 'resolved' | 'open' | 'closed' | 'met' | 'breached' | 'cancelled';
export const REQUEST_MEASURES: readonly Measure[] = ['created', 'resolved', 'open'];

export interface DrillQuery extends ManagementQuery {
  /** The group's key (`total` for the whole report), the measure, and for goal measures which kind. */
  group: string;
  measure: Measure;
  kind?: 'contractual' | 'internal';
}

/** One row behind a figure: the request, and for a goal measure its cycle. */
export interface DrillRow {
  issueKey: string;
  summary: string | null;
  month: string;
  agreement: string;
  customer: string;
  priority: string | null;
  assignee: string | null;
  status: string | null;
  goal: string | null;
  cycle: number | null;
  internal: boolean | null;
  outcome: CycleOutcome | null;
  targetMs: number | null;
  elapsedMs: number | null;
  breachedAt: number | null;
}

/** The rows behind one figure of the report, in the order of its facts (month, then creation). */
export function drillDown(query: DrillQuery, facts: ManagementFacts): DrillRow[] {
  const inGroup = (request: RequestFact, goal?: string): boolean => query.group === 'total' || groupKey(query.groupBy, request, goal) === query.group;
  const base = (r: RequestFact) => ({
    issueKey: r.issueKey,
    summary: r.summary,
    month: r.month,
    agreement: r.agreement,
    customer: r.customer,
    priority: r.priority,
    assignee: r.assigneeName ?? r.assignee,
    status: r.status,
  });
  if (REQUEST_MEASURES.includes(query.measure)) {
    if (query.groupBy === 'goal' && query.group !== 'total') return [];
    const measure = query.measure as 'created' | 'resolved' | 'open';
    // The total's open requests are those open at the end of the span, whatever the grouping (as its figure says).
    const openRule = query.group === 'total' ? { groupBy: 'customer' as const } : query;
    const picked = (r: RequestFact) => (measure === 'open' ? countsOpen(openRule, facts.months, r) : r[measure]);
    return facts.requests
      .filter((r) => picked(r) && inGroup(r))
      .map((r) => ({ ...base(r), goal: null, cycle: null, internal: null, outcome: null, targetMs: null, elapsedMs: null, breachedAt: null }));
  }
  const wanted = (g: GoalFact): boolean => (query.measure === 'closed' ? g.closed : g.outcome === query.measure);
  return facts.goals
    .filter((g) => inScope(query.scope, g.internal) && (query.kind === undefined || (query.kind === 'internal') === g.internal) && wanted(g) && inGroup(g.request, g.goal))
    .map((g) => ({ ...base(g.request), goal: g.goal, cycle: g.cycle, internal: g.internal, outcome: g.outcome, targetMs: g.targetMs, elapsedMs: g.elapsedMs, breachedAt: g.breachedAt }));
}

/** Every goal the period counts (the spec's counted cycles), with its request's dimensions: what the exports list. */
export function countedGoals(query: Pick<ManagementQuery, 'scope'>, facts: ManagementFacts): GoalFact[] {
  return facts.goals.filter((g) => g.outcome !== null && inScope(query.scope, g.internal));
}
