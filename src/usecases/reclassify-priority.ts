// An agent re-classifies a request in its agreement's own priority model. The choice is written to the app's
// "Contract priority" field, so it lands in the changelog and every later replay sees when it changed.
import type { JiraClient } from '../adapters/jira/client';
import { readSiteFields } from '../adapters/storage/site-store';
import type { StoredConfiguration } from '../adapters/storage/config-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { contractPriorityText } from '../timeline/contract-priority';
import { recomputeIssue } from './recompute-issue';

export type Reclassification =
  | { ok: true; record: IssueRecord; configuration: StoredConfiguration }
  | { ok: false; reason: 'not-configured' | 'no-agreement' | 'no-field'; message: string }
  | { ok: false; reason: 'not-in-model'; message: string };

export async function reclassifyPriority(issueId: string, priority: string, jira: JiraClient, now: number): Promise<Reclassification> {
  const before = await recomputeIssue(issueId, jira, now);
  const bundle = before.configuration?.bundle;
  if (!bundle || !before.record) return { ok: false, reason: 'not-configured', message: 'Contract SLA has no configuration yet' };
  const agreement = bundle.agreements.find((a) => a.id === before.record?.agreement);
  if (!agreement) return { ok: false, reason: 'no-agreement', message: 'no agreement applies to this request, so it has no contract priority' };
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  if (!model?.priorities.some((p) => p.id === priority)) {
    return { ok: false, reason: 'not-in-model', message: `"${priority}" is not a priority of ${model?.name ?? agreement.priorityModel}, the model of ${agreement.name ?? agreement.id}` };
  }
  const field = (await readSiteFields()).contractPriority;
  if (!field) return { ok: false, reason: 'no-field', message: 'The "Contract priority" field of the app is missing on this site; reinstall the app' };
  // Agents and queues read the name; the replay reads the id (contract-priority.ts).
  await jira.setAppFieldValue(field, issueId, contractPriorityText(priority, model.priorities.find((p) => p.id === priority)?.name), true);
  const after = await recomputeIssue(issueId, jira, now);
  if (!after.record || !after.configuration) return { ok: false, reason: 'not-configured', message: 'Contract SLA has no configuration yet' };
  return { ok: true, record: after.record, configuration: after.configuration };
}
