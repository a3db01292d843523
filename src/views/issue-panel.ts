// What the issue panel shows: the next goal in words, every obligation, and which agreement applies and why.
import { advance } from '../engine/advance';
import { atRiskPercentOf, isAtRisk } from '../engine/at-risk';
import { guidanceFor } from '../engine/guidance';
import { calendarsOf } from '../engine/obligations';
import { splitCalendarKey } from '../engine/calendar';
import { formatInstant } from '../engine/instant';
import { formatCalendarDate, formatDateTime } from '../engine/wording';
import type { ConfigBundle, Evaluation, MatrixLevel, Obligation, PauseReason } from '../engine/types';
import { NO_DEADLINE, decodeCycles, type IssueRecord } from '../adapters/storage/issue-record';
import { escalationSummary, thresholdsOf, type EscalationSummary } from './escalation-state';

export interface ObligationView {
  goal: string;
  goalName: string;
  cycle: number;
  internal: boolean;
  state: Obligation['state'];
  startedAt: string;
  endedAt: string | null;
  targetSeconds: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  breached: boolean;
  breachedAt: string | null;
  deadline: string | null;
  calendar: { id: string; name: string; timezone: string };
  /** Why the clock stands still, as data each surface words its own way. */
  pausedBy: PauseView | null;
  /** Running and past the site's at-risk share of its target, not breached yet (§8): amber on every surface. */
  atRisk: boolean;
  /** The agreement's escalations of this goal on this cycle: when reached, or when due while it runs. */
  escalations: Array<{ id: string; threshold: string; reachedAt: string | null; dueAt: string | null }>;
}

/** A parking status, or a pausing action with the name the bundle gives it. */
export type PauseView = { kind: 'status'; status: string } | { kind: 'action'; action: string; name: string };

export interface AgreementView {
  id: string;
  name: string;
  customer: { id: string; name: string };
  environment: string;
  products: string[];
  priorityModel: { id: string; name: string };
  priority: { id: string; name: string; rank: number } | null;
  /** The priorities an agent may classify the request with: the agreement's own model, by rank. */
  priorityChoices: Array<{ id: string; name: string; rank: number; colour?: string; description?: string }>;
  calendar: { id: string; name: string; timezone: string };
  /** Why this agreement applies, one reason a line. */
  why: string[];
  /** The model's impact × urgency matrix (§6) and the answers in force; null when the model has none. */
  matrix: { impact: MatrixLevel[]; urgency: MatrixLevel[]; cells: Record<string, Record<string, string>>; answers: { impact: string | null; urgency: string | null } } | null;
}

export interface IssuePanelView {
  issueKey: string;
  computedAt: string;
  configVersion: number;
  agreement: AgreementView | null;
  /** When no agreement applies: what an admin or agent can do about it. */
  howToFix: string[];
  guidance: { state: string; text: string; goal: string | null; cycle: number | null; deadline: string | null; remainingSeconds: number | null; alsoDue: string[] };
  obligations: ObligationView[];
  /** Supplier goals' cycles (§6): the provider's own business, listed apart and never shown to customers. */
  supplierObligations: ObligationView[];
  /** Escalations reached on open cycles and the next one due; `level` colours the panel (amber, red). */
  escalation: EscalationSummary;
  /** A very long history's oldest cycles, counted rather than listed (see FoldedCycles). */
  earlierCycles: Array<{ goal: string; goalName: string; cycles: number; met: number; breached: number; cancelled: number }>;
}

const iso = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms));

export function evaluationOf(record: IssueRecord): Evaluation {
  return {
    issue: record.issueKey,
    agreement: record.agreement ?? null,
    obligations: decodeCycles(record),
    next: record.nextGoal ? { goal: record.nextGoal, cycle: record.nextCycle, deadline: record.nextDeadline === NO_DEADLINE ? null : record.nextDeadline } : null,
  };
}

/** A supplier's cycles carried forward to `now`, each goal named with its supplier (`Nordhost Datacenter: Fix`). */
function supplierViews(bundle: ConfigBundle, record: IssueRecord, now: number): ObligationView[] {
  if (!record.supplierCycles) return [];
  const stored: Evaluation = { issue: record.issueKey, agreement: record.agreement ?? null, obligations: decodeCycles({ ...record.supplierCycles, created: record.created }), next: null };
  const current = advance(stored, record.computedAt, now, calendarsOf(bundle));
  return obligationViews(bundle, current.obligations, record.agreement).map((view) => {
    const supplierId = bundle.goals.find((g) => g.id === view.goal)?.supplier;
    const supplier = bundle.suppliers?.find((s) => s.id === supplierId);
    return { ...view, goalName: supplier ? `${supplier.name ?? supplier.id}: ${view.goalName}` : view.goalName };
  });
}

/** The stored evaluation carried forward to `now`: what is true at the moment it is shown. */
export function evaluationAt(bundle: ConfigBundle, record: IssueRecord, now: number): Evaluation {
  return advance(evaluationOf(record), record.computedAt, now, calendarsOf(bundle));
}

/** A calendar as shown; one re-zoned to a request's site (`cph-office@America/New_York`, §6) says whose hours it counts. */
function calendarView(bundle: ConfigBundle, id: string): ObligationView['calendar'] {
  const { id: base, zone } = splitCalendarKey(id);
  const calendar = bundle.calendars.find((c) => c.id === base);
  const name = calendar?.name ?? base;
  if (zone === undefined || zone === calendar?.timezone) return { id, name, timezone: calendar?.timezone ?? 'UTC' };
  return { id, name: `${name}, in ${zone.split('/').pop()!.replace(/_/g, ' ')} time`, timezone: zone };
}

function pauseView(bundle: ConfigBundle, pause: PauseReason | null): PauseView | null {
  if (pause === null) return null;
  if (pause.kind === 'status') return pause;
  return { kind: 'action', action: pause.action, name: bundle.actions.find((a) => a.id === pause.action)?.name ?? pause.action };
}

export function obligationViews(bundle: ConfigBundle, obligations: Obligation[], agreementId?: string | null): ObligationView[] {
  const thresholds = thresholdsOf(bundle, agreementId);
  const atRiskPercent = atRiskPercentOf(bundle);
  return obligations.map((o) => {
    const goal = bundle.goals.find((g) => g.id === o.goal);
    const reason = pauseView(bundle, o.pausedBy);
    return {
      goal: o.goal,
      goalName: goal?.name ?? o.goal,
      cycle: o.cycle,
      internal: o.internal,
      state: o.state,
      startedAt: formatInstant(o.startedAt),
      endedAt: iso(o.endedAt),
      targetSeconds: Math.floor(o.targetMs / 1000),
      elapsedSeconds: Math.floor(o.elapsedMs / 1000),
      remainingSeconds: Math.floor(o.targetMs / 1000) - Math.floor(o.elapsedMs / 1000),
      breached: o.breached,
      breachedAt: iso(o.breachedAt),
      deadline: iso(o.deadline),
      calendar: calendarView(bundle, o.calendar),
      pausedBy: reason,
      atRisk: isAtRisk(o, atRiskPercent),
      escalations: o.escalations.map((e) => ({ id: e.id, threshold: thresholds.get(e.id) ?? e.id, reachedAt: iso(e.reachedAt), dueAt: iso(e.dueAt) })),
    };
  });
}

function agreementView(bundle: ConfigBundle, record: IssueRecord, zone: string): AgreementView | null {
  const agreement = bundle.agreements.find((a) => a.id === record.agreement);
  if (!agreement) return null;
  const customer = bundle.customers.find((c) => c.id === agreement.customer);
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const priority = model?.priorities.find((p) => p.id === record.priority);
  const customerName = customer?.name ?? agreement.customer;
  // A member of a group measured by the group's agreement (§6), and a request from a site measured in its hours.
  const member = record.customer !== undefined && record.customer !== agreement.customer ? bundle.customers.find((c) => c.id === record.customer) : undefined;
  const site = record.site === undefined ? undefined : bundle.customers.flatMap((c) => c.sites ?? []).find((s) => s.id === record.site);
  const why = [
    member
      ? `Customer ${member.name ?? member.id}, a member of ${customerName}, which holds the agreement (${member.name ?? member.id} has none of its own for ${agreement.environment})`
      : `Customer ${customerName}${customer?.organizationId ? ` (JSM organization ${customer.organizationId})` : ''}`,
    ...(site ? [agreement.measureIn === 'site' ? `Site ${site.name ?? site.id}: measured in its hours (${site.timezone}${site.calendar ? `, calendar ${site.calendar}` : ''})` : `Site ${site.name ?? site.id} (${site.timezone}); the agreement measures in its own calendar's zone`] : []),
    record.formEnvironment
      ? `Environment ${agreement.environment}, as the customer chose it with the priority on the portal (the request form says ${record.formEnvironment}; changing the Environment field corrects it)`
      : `Environment ${agreement.environment}`,
    agreement.products.length > 0 ? `Product ${record.product} is covered (${agreement.products.join(', ')})` : 'Covers every product',
    // Sentences say dates and times in words, in the viewer's zone: never raw ISO text.
    `Valid from ${formatCalendarDate(agreement.validFrom)}${agreement.validTo ? ` until ${formatCalendarDate(agreement.validTo)}` : ''}; the request was created ${formatDateTime(record.created, zone)}`,
    priority ? `Priority ${priority.name ?? priority.id} of model ${model?.name ?? model?.id} (rank ${priority.rank})` : 'No contract priority chosen yet',
  ];
  return {
    id: agreement.id,
    name: agreement.name ?? agreement.id,
    customer: { id: agreement.customer, name: customerName },
    environment: agreement.environment,
    products: agreement.products,
    priorityModel: { id: agreement.priorityModel, name: model?.name ?? agreement.priorityModel },
    priority: priority ? { id: priority.id, name: priority.name ?? priority.id, rank: priority.rank } : null,
    priorityChoices: [...(model?.priorities ?? [])]
      .sort((x, y) => x.rank - y.rank)
      .map((p) => ({ id: p.id, name: p.name ?? p.id, rank: p.rank, ...(p.colour ? { colour: p.colour } : {}), ...(p.description ? { description: p.description } : {}) })),
    calendar: calendarView(bundle, agreement.calendar),
    why,
    matrix: model?.matrix ? { ...model.matrix, answers: { impact: record.impact ?? null, urgency: record.urgency ?? null } } : null,
  };
}

/** Concrete steps when no agreement applies, from what the request is missing. */
export function howToFix(bundle: ConfigBundle, record: IssueRecord): string[] {
  if (record.agreement) return [];
  const steps: string[] = [];
  const customer = bundle.customers.find((c) => c.id === record.customer);
  if (!customer) steps.push("Add the request's JSM organization to a customer on the Contract SLA admin page (customer → organization id)");
  if (!record.environment) steps.push('Fill in the Environment field of the request');
  if (customer && record.environment) {
    const forCustomer = bundle.agreements.filter((a) => a.customer === customer.id && a.environment === record.environment);
    if (forCustomer.length === 0) steps.push(`Create an agreement for ${customer.name ?? customer.id}, environment ${record.environment}`);
    else steps.push(`Check the products and validity of ${forCustomer.map((a) => a.name ?? a.id).join(', ')}: none covers product "${record.product ?? '(none)'}" on ${formatInstant(record.created).slice(0, 10)}`);
  }
  return steps;
}

export function issuePanelView(bundle: ConfigBundle, record: IssueRecord, now: number, zone: string): IssuePanelView {
  const evaluation = evaluationAt(bundle, record, now);
  const guidance = guidanceFor(bundle, evaluation, now, zone);
  return {
    issueKey: record.issueKey,
    computedAt: formatInstant(record.computedAt),
    configVersion: record.configVersion,
    agreement: agreementView(bundle, record, zone),
    howToFix: howToFix(bundle, record),
    guidance: {
      state: guidance.state,
      text: guidance.text,
      goal: guidance.goal,
      cycle: guidance.cycle,
      deadline: iso(guidance.deadline),
      remainingSeconds: guidance.remainingMs === null ? null : Math.floor(guidance.remainingMs / 1000),
      alsoDue: guidance.alsoDue,
    },
    obligations: obligationViews(bundle, evaluation.obligations, record.agreement),
    supplierObligations: supplierViews(bundle, record, now),
    escalation: escalationSummary(bundle, record.agreement, evaluation.obligations),
    earlierCycles: (record.folded ?? []).map((f) => ({
      goal: f.goal,
      goalName: bundle.goals.find((g) => g.id === f.goal)?.name ?? f.goal,
      cycles: f.through,
      met: f.met,
      breached: f.breached,
      cancelled: f.cancelled,
    })),
  };
}
