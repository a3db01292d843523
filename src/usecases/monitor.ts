// The monitoring read: what is breached or comes due within the horizon (the `by-risk` index, most urgent first) and
// what was escalated within it (the ledger's `by-sent-at` index), limited to the projects the caller may browse,
// asked of Jira as them once per project. No read walks every record: both are range reads of an index.
import type { JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { sentSince, type EscalationDelivery } from '../adapters/storage/escalation-ledger';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { recordsAtRisk } from '../adapters/storage/issue-store';
import { monitoringView, type MonitoringGroupBy, type MonitoringView } from '../views/monitoring';

/** Records read at most (100 pages): beyond, the most urgent are shown and the view says more are at risk. */
export const MAX_AT_RISK = 10_000;
/** Escalations sent within the horizon read at most. */
export const MAX_ESCALATED = 2_000;

export interface MonitorOptions {
  horizonHours: number;
  groupBy: MonitoringGroupBy;
  customers?: readonly string[];
}

export type MonitorOutcome = { ok: true; view: MonitoringView } | { ok: false; reason: 'no-configuration' };

export async function monitor(jira: JiraClient, now: number, options: MonitorOptions): Promise<MonitorOutcome> {
  const configuration = await currentConfiguration();
  if (!configuration) return { ok: false, reason: 'no-configuration' };
  const horizonMs = options.horizonHours * 3_600_000;
  const records: IssueRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await recordsAtRisk(now + horizonMs, cursor);
    records.push(...page.records);
    cursor = page.cursor;
  } while (cursor && records.length < MAX_AT_RISK);
  const truncated = cursor !== undefined;
  const sent: EscalationDelivery[] = [];
  let sentCursor: string | undefined;
  do {
    const page = await sentSince(now - horizonMs, sentCursor);
    sent.push(...page.deliveries);
    sentCursor = page.cursor;
  } while (sentCursor && sent.length < MAX_ESCALATED);

  // Managers see the requests of the projects they may browse, whatever a record says.
  const projects = [...new Set([...records.map((r) => r.projectKey), ...sent.map((e) => e.projectKey)])];
  const allowed = new Set<string>();
  await Promise.all(projects.map(async (projectKey) => {
    if (await jira.userHolds('BROWSE_PROJECTS', { projectKey })) allowed.add(projectKey);
  }));
  const view = monitoringView(
    configuration.bundle,
    records.filter((r) => allowed.has(r.projectKey)),
    sent.filter((e) => allowed.has(e.projectKey)),
    { now, horizonMs, groupBy: options.groupBy, ...(options.customers ? { customers: options.customers } : {}), truncated: truncated || sentCursor !== undefined },
  );
  return { ok: true, view };
}
