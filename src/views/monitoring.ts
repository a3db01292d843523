// What managers see across customers (the monitoring page and the dashboard gadget): what is breached, what reaches
// an escalation or its deadline within the horizon, and what was escalated within it, grouped by customer,
// agreement, assignee or goal. Built from the records the `by-risk` index returns and the ledger's `by-sent-at`
// entries, each carried forward to the moment it is shown.
import type { EscalationDelivery } from '../adapters/storage/escalation-ledger';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { formatInstant } from '../engine/instant';
import type { ConfigBundle } from '../engine/types';
import { thresholdsOf } from './escalation-state';
import { evaluationAt } from './issue-panel';
import { lineageOf, rollUpGroupOf } from '../engine/customer-group';

/** Breached; its deadline within the horizon; an escalation due within it; escalated (sent) within it. */
export type RiskKind = 'breached' | 'deadline' | 'escalation' | 'escalated';
export const RISK_KINDS: readonly RiskKind[] = ['breached', 'escalation', 'deadline', 'escalated'];

/** `group`: the top of each customer's group (§6), so a group of companies is seen as one. */
export type MonitoringGroupBy = 'customer' | 'group' | 'agreement' | 'assignee' | 'goal';

export interface MonitoringRow {
  kind: RiskKind;
  issueKey: string;
  summary: string;
  customer: { id: string; name: string } | null;
  agreement: { id: string; name: string } | null;
  assignee: { accountId: string; displayName: string } | null;
  goal: { id: string; name: string };
  cycle: number;
  /** When it breached, falls due, reaches the escalation, or when the escalation was sent. */
  at: string;
  /** The escalation concerned (escalation, escalated). */
  escalation?: { id: string; threshold: string };
  /** Escalated rows: who was told, and whether it was sent late. */
  recipients?: string[];
  late?: boolean;
}

export interface MonitoringGroup {
  key: string;
  label: string;
  counts: Record<RiskKind, number>;
  rows: MonitoringRow[];
}

export interface MonitoringView {
  at: string;
  horizonHours: number;
  groupBy: MonitoringGroupBy;
  totals: Record<RiskKind, number>;
  groups: MonitoringGroup[];
  /** The configuration's customers, for choosing which to show. */
  customers: Array<{ id: string; name: string }>;
  /** More was at risk than one answer carries: the most urgent are shown. */
  truncated: boolean;
}

export interface MonitoringOptions {
  now: number;
  horizonMs: number;
  groupBy: MonitoringGroupBy;
  /** Only these customers (ids); all when absent or empty. */
  customers?: readonly string[];
  truncated?: boolean;
}

const zeroCounts = (): Record<RiskKind, number> => ({ breached: 0, deadline: 0, escalation: 0, escalated: 0 });
const UNKNOWN = '(none)';

function named(list: Array<{ id: string; name?: string }>, id: string | undefined): { id: string; name: string } | null {
  if (id === undefined) return null;
  const found = list.find((x) => x.id === id);
  return { id, name: found?.name ?? id };
}

/** The rows of one record at `now`: each open cycle breached, and each deadline or escalation due by the horizon. */
function recordRows(bundle: ConfigBundle, record: IssueRecord, now: number, until: number): MonitoringRow[] {
  const evaluation = evaluationAt(bundle, record, now);
  const thresholds = thresholdsOf(bundle, record.agreement);
  const base = {
    issueKey: record.issueKey,
    summary: record.summary ?? '',
    customer: named(bundle.customers, record.customer),
    agreement: named(bundle.agreements, record.agreement),
    assignee: record.assignee ? { accountId: record.assignee, displayName: record.assigneeName ?? record.assignee } : null,
  };
  const rows: MonitoringRow[] = [];
  for (const o of evaluation.obligations) {
    if (o.state !== 'running' && o.state !== 'paused') continue;
    const goal = named(bundle.goals, o.goal)!;
    if (o.breached) {
      rows.push({ ...base, kind: 'breached', goal, cycle: o.cycle, at: formatInstant(o.breachedAt ?? now) });
      continue;
    }
    if (o.state !== 'running') continue;
    if (o.deadline !== null && o.deadline <= until) rows.push({ ...base, kind: 'deadline', goal, cycle: o.cycle, at: formatInstant(o.deadline) });
    for (const e of o.escalations) {
      if (e.dueAt !== null && e.dueAt <= until) rows.push({ ...base, kind: 'escalation', goal, cycle: o.cycle, at: formatInstant(e.dueAt), escalation: { id: e.id, threshold: thresholds.get(e.id) ?? e.id } });
    }
  }
  return rows;
}

function sentRow(bundle: ConfigBundle, entry: EscalationDelivery): MonitoringRow {
  return {
    kind: 'escalated',
    issueKey: entry.issueKey,
    summary: entry.summary ?? '',
    customer: named(bundle.customers, entry.customer),
    agreement: named(bundle.agreements, entry.agreement),
    assignee: entry.assignee ? { accountId: entry.assignee, displayName: entry.assigneeName ?? entry.assignee } : null,
    goal: named(bundle.goals, entry.goal)!,
    cycle: entry.cycle,
    at: formatInstant(entry.sentAt ?? entry.lastAttemptAt),
    escalation: { id: entry.escalation, threshold: thresholdsOf(bundle, entry.agreement).get(entry.escalation) ?? entry.escalation },
    recipients: entry.recipients ?? [],
    late: entry.late === true,
  };
}

function groupOf(bundle: ConfigBundle, row: MonitoringRow, by: MonitoringGroupBy): { key: string; label: string } {
  switch (by) {
    case 'customer':
      return { key: row.customer?.id ?? UNKNOWN, label: row.customer?.name ?? 'No customer' };
    case 'group': {
      if (!row.customer) return { key: UNKNOWN, label: 'No customer' };
      const top = rollUpGroupOf(bundle, row.customer.id);
      return { key: top, label: named(bundle.customers, top)?.name ?? top };
    }
    case 'agreement':
      return { key: row.agreement?.id ?? UNKNOWN, label: row.agreement?.name ?? 'No agreement' };
    case 'assignee':
      return { key: row.assignee?.accountId ?? UNKNOWN, label: row.assignee?.displayName ?? 'Unassigned' };
    case 'goal':
      return { key: row.goal.id, label: row.goal.name };
  }
}

/** Breached first (the oldest first), then what comes due soonest; what was escalated, the latest first. */
function byUrgency(a: MonitoringRow, b: MonitoringRow): number {
  const rank = (r: MonitoringRow): number => (r.kind === 'breached' ? 0 : r.kind === 'escalated' ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.kind === 'escalated') return b.at.localeCompare(a.at) || a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });
  return a.at.localeCompare(b.at) || a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });
}

export function monitoringView(bundle: ConfigBundle, records: readonly IssueRecord[], sent: readonly EscalationDelivery[], options: MonitoringOptions): MonitoringView {
  const { now, horizonMs, groupBy } = options;
  const wanted = options.customers && options.customers.length > 0 ? new Set(options.customers) : undefined;
  const rows = [...records.flatMap((r) => recordRows(bundle, r, now, now + horizonMs)), ...sent.filter((e) => e.sentAt !== undefined).map((e) => sentRow(bundle, e))].filter(
    // A group chosen takes its members' rows too.
    (row) => !wanted || (row.customer !== null && lineageOf(bundle, row.customer.id).some((id) => wanted.has(id))),
  );
  rows.sort(byUrgency);
  const totals = zeroCounts();
  const groups = new Map<string, MonitoringGroup>();
  for (const row of rows) {
    totals[row.kind]++;
    const { key, label } = groupOf(bundle, row, groupBy);
    const group = groups.get(key) ?? { key, label, counts: zeroCounts(), rows: [] };
    group.counts[row.kind]++;
    group.rows.push(row);
    groups.set(key, group);
  }
  const severity = (g: MonitoringGroup): number[] => [-g.counts.breached, -(g.counts.escalation + g.counts.deadline), -g.counts.escalated];
  const ordered = [...groups.values()].sort((a, b) => {
    const [x, y] = [severity(a), severity(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return a.label.localeCompare(b.label);
  });
  return {
    at: formatInstant(now),
    horizonHours: horizonMs / 3_600_000,
    groupBy,
    totals,
    groups: ordered,
    customers: bundle.customers.map((c) => ({ id: c.id, name: c.name ?? c.id })),
    truncated: options.truncated === true,
  };
}
