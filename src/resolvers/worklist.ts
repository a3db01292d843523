// The agents' work list: a project's open requests across all customers, most urgent first.
import { z } from 'zod';
import { currentConfiguration } from '../adapters/storage/config-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { workListPage } from '../adapters/storage/issue-store';
import { recomputeIssue } from '../usecases/recompute-issue';
import { isKnownZone } from '../engine/zone';
import { DEFAULT_VIEW, WORK_LIST_ORDERS, workList, type DevelopmentRows } from '../views/work-list';
import { linksOfProject } from '../adapters/storage/development-store';
import { stageText } from '../views/development';
import { accountOf, projectKeyOf } from './context';
import type { SurfaceResolvers } from './define';
import { forbidden, notConfigured } from './envelope';
import { parsePayload } from './payload';

/** A project's active requests are read whole (pages of 100) so filters and ordering see all of them. */
const MAX_RECORDS = 10_000;
/** At most this many rows in one answer; "Show more" asks for the next. */
const MAX_SHOWN = 1000;

const ListPayload = z
  .object({
    customer: z.string().optional(),
    agreement: z.string().optional(),
    goal: z.string().optional(),
    /** An account id, `unassigned`, or `me` (the caller). */
    assignee: z.string().optional(),
    waitingForRelease: z.boolean().optional(),
    timezone: z.string().refine(isKnownZone, 'unknown time zone').optional(),
    order: z.enum(WORK_LIST_ORDERS).default('urgency'),
    descending: z.boolean().default(false),
    limit: z.number().int().min(1).max(MAX_SHOWN).default(DEFAULT_VIEW.limit),
  })
  .default({ order: DEFAULT_VIEW.order, descending: DEFAULT_VIEW.descending, limit: DEFAULT_VIEW.limit });

const AssignPayload = z.object({ issueKey: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'a request key such as SUP-7') });

/** The project's requests handed to development: the column's words, and whether each still waits for a release. */
async function developmentRows(projectKey: string): Promise<DevelopmentRows> {
  const rows = new Map<string, { key: string; stageText: string; waiting: boolean }>();
  let cursor: string | undefined;
  do {
    const page = await linksOfProject(projectKey, cursor);
    for (const link of page.links) rows.set(link.issueId, { key: link.devKey, stageText: stageText(link, null), waiting: link.stage !== 'available' && link.stage !== 'resolved' });
    cursor = page.cursor;
  } while (cursor && rows.size < MAX_RECORDS);
  return rows;
}

export function defineWorklist(surface: SurfaceResolvers): SurfaceResolvers {
  const define: SurfaceResolvers['define'] = (key, handler) => surface.define(key, handler);
  define('worklist/list', async ({ request, jira, now }) => {
    const { timezone, order, descending, limit, ...filters } = parsePayload(ListPayload, request.payload);
    if (filters.assignee === 'me') filters.assignee = accountOf(request);
    const projectKey = projectKeyOf(request);
    // Agents edit requests; portal customers cannot, so this keeps the cross-customer list to the provider.
    if (!(await jira.userHolds('EDIT_ISSUES', { projectKey }))) throw forbidden(`Only agents of project ${projectKey} see the work list`);
    const stored = await currentConfiguration();
    if (!stored) throw notConfigured('Contract SLA has no configuration yet');
    const records: IssueRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await workListPage(projectKey, cursor);
      records.push(...page.records);
      cursor = page.cursor;
    } while (cursor && records.length < MAX_RECORDS);
    return { ...workList(stored.bundle, records, filters, now, timezone ?? 'UTC', { order, descending, limit }, await developmentRows(projectKey)), me: accountOf(request) };
  });
  // "Assign to me" from the list: done as the agent, so Jira's own permissions decide; the row follows at once.
  define('worklist/assign-to-me', async ({ request, jira, now }) => {
    const { issueKey } = parsePayload(AssignPayload, request.payload);
    const projectKey = projectKeyOf(request);
    if (!issueKey.toUpperCase().startsWith(`${projectKey}-`)) throw forbidden(`${issueKey} is not a request of project ${projectKey}`);
    await jira.assignAsUser(issueKey, accountOf(request));
    await recomputeIssue(issueKey, jira, now);
    return { issueKey, assignee: accountOf(request) };
  });
  return surface;
}
