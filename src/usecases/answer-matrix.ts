// An agent changes a request's impact or urgency (the questions of its agreement's priority matrix, formats.md §6).
// The answers are written to the app's "Contract impact" and "Contract urgency" fields, so they land in the changelog:
// every later replay sees when each changed, and the engine turns a change into a priority change at that instant.
import type { JiraClient } from '../adapters/jira/client';
import type { StoredConfiguration } from '../adapters/storage/config-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { readSiteFields } from '../adapters/storage/site-store';
import { answerText } from '../timeline/contract-priority';
import { recomputeIssue } from './recompute-issue';

export interface MatrixAnswers {
  impact: string;
  urgency: string;
}

export type AnswerOutcome =
  | { ok: true; record: IssueRecord; configuration: StoredConfiguration }
  | { ok: false; reason: 'not-configured' | 'no-field'; message: string }
  | { ok: false; reason: 'invalid'; problems: Array<{ path: 'impact' | 'urgency' | 'agreement'; message: string }> };

export async function answerMatrix(issueId: string, answers: MatrixAnswers, jira: JiraClient, now: number): Promise<AnswerOutcome> {
  const before = await recomputeIssue(issueId, jira, now);
  const bundle = before.configuration?.bundle;
  if (!bundle || !before.record) return { ok: false, reason: 'not-configured', message: 'Contract SLA has no configuration yet' };
  const agreement = bundle.agreements.find((a) => a.id === before.record?.agreement);
  if (!agreement) return { ok: false, reason: 'invalid', problems: [{ path: 'agreement', message: 'no agreement applies to this request, so it has no priority matrix' }] };
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const matrix = model?.matrix;
  if (!matrix) return { ok: false, reason: 'invalid', problems: [{ path: 'agreement', message: `${model?.name ?? agreement.priorityModel}, the model of ${agreement.name ?? agreement.id}, has no impact × urgency matrix` }] };
  const problems = (['impact', 'urgency'] as const).flatMap((axis) =>
    matrix[axis].some((level) => level.id === answers[axis]) ? [] : [{ path: axis, message: `"${answers[axis]}" is not one of the ${axis} answers of ${model.name ?? model.id}: ${matrix[axis].map((l) => l.id).join(', ')}` }],
  );
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
  const fields = await readSiteFields();
  const impactField = fields.contractImpact;
  const urgencyField = fields.contractUrgency;
  if (!impactField || !urgencyField) return { ok: false, reason: 'no-field', message: 'The "Contract impact" or "Contract urgency" field of the app is missing on this site; reinstall the app' };
  // Only what changed is written: an unchanged answer adds nothing to the history.
  for (const axis of ['impact', 'urgency'] as const) {
    if (before.record[axis] === answers[axis]) continue;
    await jira.setAppFieldValue(axis === 'impact' ? impactField : urgencyField, issueId, answerText(matrix, axis, answers[axis]), true);
  }
  const after = await recomputeIssue(issueId, jira, now);
  if (!after.record || !after.configuration) return { ok: false, reason: 'not-configured', message: 'Contract SLA has no configuration yet' };
  return { ok: true, record: after.record, configuration: after.configuration };
}
