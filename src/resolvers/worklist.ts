// The agents' work list: a project's open requests across all customers, most urgent first.
import { z } from 'zod';
import { currentConfiguration } from '../adapters/storage/config-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { workListPage } from '../adapters/storage/issue-store';
import { isKnownZone } from '../engine/zone';
import { workList } from '../views/work-list';
import { projectKeyOf } from './context';
import type { SurfaceResolvers } from './define';
import { forbidden, notConfigured } from './envelope';
import { parsePayload } from './payload';

/** A project's active requests are read whole (10 pages of 100) so filters and ordering see all of them. */
const MAX_RECORDS = 1000;

const ListPayload = z
  .object({
    customer: z.string().optional(),
    agreement: z.string().optional(),
    goal: z.string().optional(),
    assignee: z.string().optional(),
    timezone: z.string().refine(isKnownZone, 'unknown time zone').optional(),
  })
  .default({});

export function defineWorklist(surface: SurfaceResolvers): SurfaceResolvers {
  const define: SurfaceResolvers['define'] = (key, handler) => surface.define(key, handler);
  define('worklist/list', async ({ request, jira, now }) => {
    const { timezone, ...filters } = parsePayload(ListPayload, request.payload);
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
    return workList(stored.bundle, records, filters, now, timezone ?? 'UTC');
  });
  return surface;
}
