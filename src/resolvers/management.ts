// Resolvers of the management reports (the admin page's Management reports tab): the figures across customers, agreements and months,
// the requests behind any figure, and every counted goal as CSV or Excel. Thin: the caller is checked first, then
// the use case reads the stored month entries (never Jira) and the view renders the files.
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { currentConfiguration } from '../adapters/storage/config-store';
import { parseReportMonth } from '../engine/report-period';
import type { ConfigBundle } from '../engine/types';
import {
  aggregate,
  allGroupings,
  countedGoals,
  drillDown,
  managementFacts,
  MANAGEMENT_DIMENSIONS,
  MAX_MONTHS,
  monthsBetween,
  type ManagementQuery,
} from '../usecases/management-report';
import { goalsCsv, managementWorkbook, MAX_EXPORT_BYTES, MAX_XLSX_GOALS } from '../views/management-export';
import type { Invocation, SurfaceResolvers } from './define';
import { forbidden, invalid, notConfigured } from './envelope';
import { parsePayload } from './payload';
import { isSiteAdmin } from './permissions';

/** Rows a drill-down answers at most; the answer says how many there are in all. */
export const MAX_DRILL_ROWS = 500;

const Month = z.string().refine((m) => parseReportMonth(m) !== undefined, 'not a month written YYYY-MM (01–12), such as 2026-11');
const Ids = z.array(z.string().min(1)).max(500).optional();
const QueryFields = {
  from: Month,
  to: Month,
  customers: Ids,
  agreements: Ids,
  scope: z.enum(['contractual', 'internal', 'both']).default('both'),
  groupBy: z.enum(MANAGEMENT_DIMENSIONS).default('customer'),
};
const refineSpan = <T extends { from: string; to: string }>(q: T, ctx: z.RefinementCtx): void => {
  if (parseReportMonth(q.from) === undefined || parseReportMonth(q.to) === undefined) return;
  try {
    monthsBetween(q.from, q.to);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['to'], message: q.to < q.from ? `${q.to} is before ${q.from}` : `at most ${MAX_MONTHS} months at once` });
  }
};
const ReportPayload = z.object({ from: QueryFields.from, to: QueryFields.to, customers: Ids, agreements: Ids }).superRefine(refineSpan);
const DrillPayload = z
  .object({
    ...QueryFields,
    group: z.string().max(300),
    measure: z.enum(['created', 'resolved', 'open', 'closed', 'met', 'breached', 'cancelled']),
    kind: z.enum(['contractual', 'internal']).optional(),
  })
  .superRefine(refineSpan);
const ExportPayload = z.object({ ...QueryFields, format: z.enum(['csv', 'xlsx']) }).superRefine(refineSpan);

/** The figures cover every customer of the site: Jira administrators only. */
async function requireManager({ jira }: Invocation): Promise<void> {
  if (!(await isSiteAdmin(jira))) throw forbidden('Only Jira administrators can see the management reports: they cover every customer of the site');
}

async function configured(): Promise<ConfigBundle> {
  const stored = await currentConfiguration();
  if (!stored) throw notConfigured('Contract SLA has no configuration yet: a Jira administrator sets it up on the Contract SLA admin page');
  return stored.bundle;
}

const fileStem = (q: ManagementQuery): string => `contract-sla-goals-${q.from}${q.to === q.from ? '' : `-to-${q.to}`}`;

export function defineManagement(surface: SurfaceResolvers): SurfaceResolvers {
  surface.define('admin/management/report', async (invocation) => {
    await requireManager(invocation);
    const filters = parsePayload(ReportPayload, invocation.request.payload);
    const bundle = await configured();
    return allGroupings(bundle, filters, await managementFacts(bundle, filters, invocation.now));
  });

  surface.define('admin/management/drill', async (invocation) => {
    await requireManager(invocation);
    const query = parsePayload(DrillPayload, invocation.request.payload);
    const bundle = await configured();
    const rows = drillDown(query, await managementFacts(bundle, query, invocation.now));
    return { total: rows.length, rows: rows.slice(0, MAX_DRILL_ROWS) };
  });

  surface.define('admin/management/export', async (invocation) => {
    await requireManager(invocation);
    const { format, ...query } = parsePayload(ExportPayload, invocation.request.payload);
    const bundle = await configured();
    const facts = await managementFacts(bundle, query, invocation.now);
    const goals = countedGoals(query, facts);
    // Refused before it is made: a workbook past this would not fit one answer (bench/management.js).
    if (format === 'xlsx' && goals.length > MAX_XLSX_GOALS) {
      throw invalid([{ path: 'format', message: `${goals.length.toLocaleString('en-GB')} goals are more than one Excel download holds (${MAX_XLSX_GOALS.toLocaleString('en-GB')}); export CSV, or choose fewer months, customers or agreements` }]);
    }
    // CSV travels compressed (a year of 100,000 goals: some 16 MB of text, 1.6 MB compressed); the page inflates it.
    const bytes = format === 'csv' ? gzipSync(goalsCsv(goals)) : await managementWorkbook(aggregate(bundle, query, facts), goals);
    if (bytes.length > MAX_EXPORT_BYTES) {
      throw invalid([{ path: 'to', message: `the ${goals.length.toLocaleString('en-GB')} goals make a ${(bytes.length / 1_000_000).toFixed(1)} MB file, more than a page may download at once; choose fewer months, customers or agreements` }]);
    }
    return {
      fileName: `${fileStem(query)}.${format}`,
      type: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      goals: goals.length,
      gzip: format === 'csv',
      base64: Buffer.from(bytes).toString('base64'),
    };
  });
  return surface;
}
