// Resolvers of the compliance reports. On the admin page: every agreement with its schedule and its issued reports,
// a report issued now (queued: a large month takes longer than a resolver may run), and any version's PDF. On the
// customer's portal: the reports of the caller's own organizations, and only theirs.
import { z } from 'zod';
import { enqueue } from '../adapters/queue';
import { currentConfiguration } from '../adapters/storage/config-store';
import type { IssuedReport } from '../adapters/storage/issued-report';
import { readIssuedReport, reportsOfAgreement, reportsOfCustomer } from '../adapters/storage/issued-report-store';
import { parseReportMonth, previousMonth, monthOf } from '../engine/report-period';
import type { ConfigBundle } from '../engine/types';
import { inForceDuring } from '../usecases/issue-report';
import { dueMonth } from '../usecases/report-schedule';
import { agreementPeriod } from '../usecases/stored-report';
import { agreementZone } from '../usecases/request-months';
import { issuedReportView, newestFirst, type ReportPdf } from '../views/issued-reports';
import { reportGoalList, reportPdf, type GoalListDownload } from '../views/report-pdf-file';
import { accountOf } from './context';
import { callersCustomers } from './portal';
import type { Invocation, SurfaceResolvers } from './define';
import { forbidden, invalid, notConfigured, notFound } from './envelope';
import { parsePayload } from './payload';
import { requireConfigurationReader, requireSiteAdmin } from './permissions';

const Month = z.string().refine((m) => parseReportMonth(m) !== undefined, 'not a month written YYYY-MM (01–12), such as 2026-11');
const IssuePayload = z.object({ agreement: z.string().min(1), month: Month });
const ReportPayload = z.object({ report: z.string().min(1).max(600) });

async function configured(): Promise<ConfigBundle> {
  const stored = await currentConfiguration();
  if (!stored) throw notConfigured('Contract SLA has no configuration yet');
  return stored.bundle;
}

async function pdfOf(header: IssuedReport): Promise<ReportPdf> {
  const pdf = await reportPdf(header);
  if ('tooLarge' in pdf) {
    throw invalid([{ path: 'report', message: `the PDF is ${(pdf.tooLarge / 1_000_000).toFixed(1)} MB, more than a page may download at once${attachedOn(header)}` }]);
  }
  return pdf;
}

/** Where a file too large for one answer can be had instead. */
const attachedOn = (header: IssuedReport): string => (header.delivery.requestKey ? `; open it on ${header.delivery.requestKey}, where it is attached` : '');

async function goalListOf(header: IssuedReport): Promise<GoalListDownload> {
  const list = await reportGoalList(header);
  if (!list) throw invalid([{ path: 'report', message: 'the PDF of this report lists every goal of the month itself: there is no separate list' }]);
  if ('tooLarge' in list) throw invalid([{ path: 'report', message: `the list of goals is ${(list.tooLarge / 1_000_000).toFixed(1)} MB, more than a page may download at once${attachedOn(header)}` }]);
  return list;
}

export function defineAdminReports(surface: SurfaceResolvers): SurfaceResolvers {
  surface.define('admin/reports/list', async ({ request, jira, now }) => {
    await requireConfigurationReader(request, jira);
    const bundle = await configured();
    const agreements = [];
    for (const agreement of bundle.agreements) {
      const zone = agreementZone(bundle, agreement.id);
      const reports = (await reportsOfAgreement(agreement.id)).sort(newestFirst).map(issuedReportView);
      agreements.push({
        id: agreement.id,
        name: agreement.name ?? agreement.id,
        customer: bundle.customers.find((c) => c.id === agreement.customer)?.name ?? agreement.customer,
        schedule: agreement.report ?? null,
        // The month "issue now" offers first: the one last ended in the agreement's zone.
        lastMonth: zone ? previousMonth(monthOf(now, zone)) : null,
        nextScheduled: agreement.report && zone ? (dueMonth(agreement.report.day, zone, now) ?? null) : null,
        reports,
      });
    }
    return { agreements };
  });

  surface.define('admin/reports/issue', async ({ request, jira, now }) => {
    await requireSiteAdmin(jira);
    const { agreement: id, month } = parsePayload(IssuePayload, request.payload);
    const bundle = await configured();
    const agreement = bundle.agreements.find((a) => a.id === id);
    if (!agreement) throw invalid([{ path: 'agreement', message: `there is no agreement "${id}"` }]);
    const period = agreementPeriod(bundle, id, month);
    if (now < period.to) throw invalid([{ path: 'month', message: `${month} is not over yet in ${period.timezone}: its report can be issued once it is` }]);
    if (!inForceDuring(agreement, month)) throw invalid([{ path: 'month', message: `the agreement ${id} was not in force in ${month}` }]);
    await enqueue({ kind: 'issue-report', agreement: id, month, by: accountOf(request) });
    return { queued: true, agreement: id, month };
  });

  surface.define('admin/reports/pdf', async ({ request, jira }) => {
    await requireConfigurationReader(request, jira);
    const { report } = parsePayload(ReportPayload, request.payload);
    const header = await readIssuedReport(report);
    if (!header) throw notFound(`There is no report ${report}`);
    return pdfOf(header);
  });

  // A month too long for the PDF's lists: every goal counted, as delivered beside the PDF (views/report/goal-list.ts).
  surface.define('admin/reports/goals', async ({ request, jira }) => {
    await requireConfigurationReader(request, jira);
    const { report } = parsePayload(ReportPayload, request.payload);
    const header = await readIssuedReport(report);
    if (!header) throw notFound(`There is no report ${report}`);
    return goalListOf(header);
  });
  return surface;
}

export function definePortalReports(surface: SurfaceResolvers): SurfaceResolvers {
  surface.define('portal/reports/list', async ({ request, jira }) => {
    const bundle = await configured();
    const customers = await callersCustomers(request, jira, bundle);
    const names = new Map(bundle.agreements.map((a) => [a.id, a.name ?? a.id]));
    const reports = (await Promise.all(customers.map((c) => reportsOfCustomer(c)))).flat().sort(newestFirst);
    return {
      organizations: customers.map((id) => bundle.customers.find((c) => c.id === id)?.name ?? id),
      goalNames: Object.fromEntries(bundle.goals.map((g) => [g.id, g.name ?? g.id])),
      reports: reports.map((header) => ({ ...issuedReportView(header), agreementName: names.get(header.agreement) ?? header.agreement })),
    };
  });

  /** A report of the caller's own organizations; another organization's and one that does not exist look the same. */
  const callersReport = async ({ request, jira }: Invocation): Promise<IssuedReport> => {
    const { report } = parsePayload(ReportPayload, request.payload);
    const bundle = await configured();
    const header = await readIssuedReport(report);
    if (!header || !(await callersCustomers(request, jira, bundle)).includes(header.customer)) throw forbidden('This report is not your organization’s');
    return header;
  };
  surface.define('portal/reports/pdf', async (invocation) => pdfOf(await callersReport(invocation)));
  // A large month's complete goal list, which also came with the report on its JSM request.
  surface.define('portal/reports/goals', async (invocation) => goalListOf(await callersReport(invocation)));
  return surface;
}
