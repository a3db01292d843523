// Issue created / updated / commented / deleted: recompute the issue from its history, or forget it.
import { now } from '../adapters/clock';
import { JiraClient } from '../adapters/jira/client';
import { deleteIssueRecord } from '../adapters/storage/issue-store';
import { recomputeIssue, type RecomputeOutcome } from '../usecases/recompute-issue';

export interface IssueEvent {
  eventType: string;
  issue: { id: string; key?: string };
}

export async function handleIssueEvent(event: IssueEvent): Promise<RecomputeOutcome | { issueId: string; result: 'deleted' }> {
  if (event.eventType === 'avi:jira:deleted:issue') {
    await deleteIssueRecord(event.issue.id);
    return { issueId: event.issue.id, result: 'deleted' };
  }
  return recomputeIssue(event.issue.id, new JiraClient(), now());
}
