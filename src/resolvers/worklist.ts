// The agents' work list: a project's open requests across all customers, most urgent first.
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { now } from '../adapters/clock';
import { guidanceFor } from '../engine/guidance';
import { formatInstant } from '../engine/instant';
import type { ConfigBundle } from '../engine/types';
import { JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { NO_DEADLINE, type IssueRecord } from '../adapters/storage/issue-record';
import { recordsByDeadline } from '../adapters/storage/issue-store';
import { evaluationOf } from '../views/issue-panel';
import { projectKeyOf } from './context';
import { enveloped, forbidden, notConfigured } from './envelope';
import { parsePayload } from './payload';

/** A project's open requests are read whole (10 pages of 100) so filters and ordering see all of them. */
const MAX_RECORDS = 1000;

const ListPayload = z
  .object({
    customer: z.string().optional(),
    agreement: z.string().optional(),
    goal: z.string().optional(),
    assignee: z.string().optional(),
    timezone: z.string().optional(),
  })
  .default({});

export interface WorkItem {
  issueKey: string;
  summary: string;
  customer: { id: string; name: string } | null;
  agreement: { id: string; name: string } | null;
  priority: { id: string; name: string; rank: number } | null;
  assignee: { accountId: string; displayName: string } | null;
  nextGoal: { id: string; name: string; cycle: number } | null;
  state: string;
  deadline: string | null;
  breached: boolean;
  guidance: string;
}

/** Breached first (longest overdue first), then the nearest deadline, then the priority's internal rank. */
export function byUrgency(a: IssueRecord, b: IssueRecord): number {
  return Number(b.breached) - Number(a.breached) || a.nextDeadline - b.nextDeadline || a.rank - b.rank || a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });
}

function workItem(bundle: ConfigBundle, record: IssueRecord, at: number, zone: string): WorkItem {
  const customer = bundle.customers.find((c) => c.id === record.customer);
  const agreement = bundle.agreements.find((x) => x.id === record.agreement);
  const model = bundle.priorityModels.find((m) => m.id === agreement?.priorityModel);
  const priority = model?.priorities.find((p) => p.id === record.priority);
  const goal = bundle.goals.find((g) => g.id === record.nextGoal);
  const guidance = guidanceFor(bundle, evaluationOf(record), at, zone);
  return {
    issueKey: record.issueKey,
    summary: record.summary,
    customer: customer ? { id: customer.id, name: customer.name ?? customer.id } : null,
    agreement: agreement ? { id: agreement.id, name: agreement.name ?? agreement.id } : null,
    priority: priority ? { id: priority.id, name: priority.name ?? priority.id, rank: priority.rank } : null,
    assignee: record.assignee ? { accountId: record.assignee, displayName: record.assigneeName || record.assignee } : null,
    nextGoal: goal ? { id: goal.id, name: goal.name ?? goal.id, cycle: record.nextCycle } : null,
    state: guidance.state,
    deadline: record.nextDeadline === NO_DEADLINE ? null : formatInstant(record.nextDeadline),
    breached: record.breached,
    guidance: guidance.text,
  };
}

export function defineWorklist(resolver: Resolver): Resolver {
  return resolver.define(
    'worklist/list',
    enveloped(async (request) => {
      const filters = parsePayload(ListPayload, request.payload);
      const projectKey = projectKeyOf(request);
      const jira = new JiraClient();
      // Agents edit requests; portal customers cannot, so this keeps the cross-customer list to the provider.
      if (!(await jira.userHasProjectPermission(projectKey, 'EDIT_ISSUES'))) throw forbidden(`Only agents of project ${projectKey} see the work list`);
      const stored = await currentConfiguration();
      if (!stored) throw notConfigured('Contract SLA has no configuration yet');
      const records: IssueRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await recordsByDeadline({ projectKey }, NO_DEADLINE, cursor);
        records.push(...page.records.filter((r) => r.openState === 'open'));
        cursor = page.cursor;
      } while (cursor && records.length < MAX_RECORDS);
      const matching = records
        .filter((r) => !filters.customer || r.customer === filters.customer)
        .filter((r) => !filters.agreement || r.agreement === filters.agreement)
        .filter((r) => !filters.goal || r.nextGoal === filters.goal)
        .filter((r) => !filters.assignee || (filters.assignee === 'unassigned' ? r.assignee === '' : r.assignee === filters.assignee))
        .sort(byUrgency);
      const at = now();
      const zone = filters.timezone ?? 'UTC';
      const { bundle } = stored;
      const distinct = <T>(values: T[], key: (v: T) => string): T[] => [...new Map(values.map((v) => [key(v), v])).values()];
      return {
        items: matching.map((r) => workItem(bundle, r, at, zone)),
        total: records.length,
        // What the filters can choose from: the values present among the open requests.
        options: {
          customers: distinct(records.filter((r) => r.customer), (r) => r.customer).map((r) => ({ id: r.customer, name: bundle.customers.find((c) => c.id === r.customer)?.name ?? r.customer })),
          agreements: distinct(records.filter((r) => r.agreement), (r) => r.agreement).map((r) => ({ id: r.agreement, name: bundle.agreements.find((x) => x.id === r.agreement)?.name ?? r.agreement })),
          goals: distinct(records.filter((r) => r.nextGoal), (r) => r.nextGoal).map((r) => ({ id: r.nextGoal, name: bundle.goals.find((g) => g.id === r.nextGoal)?.name ?? r.nextGoal })),
          assignees: distinct(records.filter((r) => r.assignee), (r) => r.assignee).map((r) => ({ accountId: r.assignee, displayName: r.assigneeName || r.assignee })),
        },
      };
    }),
  );
}
