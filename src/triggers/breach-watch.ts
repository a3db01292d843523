// Every five minutes: issues whose next deadline has passed without an event are recomputed, so they are marked
// breached (entity property, field, work list) at the deadline and not only at the next comment.
import { now } from '../adapters/clock';
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { JiraClient } from '../adapters/jira/client';
import { ENTITY, INDEX } from '../adapters/storage/entities';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { recomputeIssue } from '../usecases/recompute-issue';

/** Stays well inside the scheduled trigger's 900 s; what is left is picked up five minutes later. */
const TIME_BUDGET_MS = 600_000;

export async function watchBreaches(): Promise<{ recomputed: number }> {
  const started = now();
  const jira = new JiraClient();
  const notYetBreached = new Filter<IssueRecord>().and('breached', FilterConditions.equalTo(false));
  let recomputed = 0;
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<IssueRecord>(ENTITY.issueObligations)
      .query()
      .index(INDEX.byOpenDeadline, { partition: ['open'] })
      .where(WhereConditions.lessThanEqualTo(started))
      .filters(notYetBreached)
      .sort(Sort.ASC)
      .limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const { value } of page.results) {
      await recomputeIssue(value.issueId, jira, now());
      recomputed++;
    }
    cursor = page.nextCursor;
  } while (cursor && now() - started < TIME_BUDGET_MS);
  return { recomputed };
}
