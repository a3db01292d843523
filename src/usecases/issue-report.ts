// Issuing an agreement's report for a month: built from the stored month entries at the month's end (the CLI's
// `report` on the same histories), with the names and targets the document shows and the trend of the months
// before, then frozen as a new version. Nothing issued is ever rewritten; issuing again makes the next version.
import type { StoredConfiguration } from '../adapters/storage/config-store';
import { issuedReportId, type GoalFigures, type IssuedReport, type ReportSnapshot } from '../adapters/storage/issued-report';
import { readIssuedReport, reportsOfAgreement, SnapshotWriter, takeVersion } from '../adapters/storage/issued-report-store';
import { toComplianceReportJson, toCycleJson } from '../engine/compliance-report-json';
import { formatInstant } from '../engine/instant';
import { nextMonth, previousMonth } from '../engine/report-period';
import type { Agreement, ConfigBundle } from '../engine/types';
import { countsOf, goalListName, pdfListsAll } from '../views/report/goal-list';
import { agreementPeriod, storedReport } from './stored-report';

/** Months of trend a report shows before its own. */
export const TREND_MONTHS = 5;

export class ReportNotReady extends Error {}

export interface IssueRequest {
  agreementId: string;
  month: string;
  /** `schedule`, or the admin's account id. */
  issuedBy: string;
  /** The version to issue (the schedule reserves its own); the next free one when absent. */
  version?: number;
}

function agreementOf(bundle: ConfigBundle, id: string): Agreement {
  const agreement = bundle.agreements.find((a) => a.id === id);
  if (!agreement) throw new RangeError(`unknown agreement "${id}"`);
  return agreement;
}

/** Whether an agreement was in force at some point of a month (its validity dates overlap the month's). */
export function inForceDuring(agreement: Agreement, month: string): boolean {
  return agreement.validFrom < `${nextMonth(month)}-01` && (agreement.validTo === null || agreement.validTo > `${month}-01`);
}

/** The goals' figures of the months before `month`, oldest first: as issued (latest version), else as stored. */
async function trendBefore(bundle: ConfigBundle, agreementId: string, month: string): Promise<ReportSnapshot['trend']> {
  const months: string[] = [];
  for (let m = previousMonth(month); months.length < TREND_MONTHS; m = previousMonth(m)) months.unshift(m);
  const issued = await reportsOfAgreement(agreementId, { from: months[0]!, to: months[months.length - 1]! });
  const latest = new Map<string, IssuedReport>();
  for (const header of issued) if ((latest.get(header.month)?.version ?? 0) < header.version) latest.set(header.month, header);
  const trend: ReportSnapshot['trend'] = [];
  for (const m of months) {
    const header = latest.get(m);
    if (header) {
      trend.push({ month: m, goals: header.goals });
      continue;
    }
    const period = agreementPeriod(bundle, agreementId, m);
    // Only the figures: the month's cycles are counted and let go.
    const report = await storedReport(bundle, agreementId, m, period.to, { internal: false }, () => undefined);
    trend.push({ month: m, goals: report.goals.map((g): GoalFigures => ({ goal: g.goal, met: g.met, breached: g.breached, compliance: g.compliance })) });
  }
  return trend;
}

/**
 * Issues (and freezes) the next version of an agreement's report for a month that is over. The month's entries are
 * read and counted a page at a time and its cycles stored part by part as they are counted, so the job holds one
 * page and one part, not the month.
 */
export async function issueReport(configuration: StoredConfiguration, request: IssueRequest, now: number): Promise<IssuedReport> {
  const { bundle } = configuration;
  const agreement = agreementOf(bundle, request.agreementId);
  const period = agreementPeriod(bundle, agreement.id, request.month);
  if (now < period.to) throw new ReportNotReady(`${request.month} is not over yet in ${period.timezone}: its report can be issued from ${formatInstant(period.to)}`);
  const trend = await trendBefore(bundle, agreement.id, request.month);
  const version = request.version ?? (await takeVersion(agreement.id, request.month));
  const id = issuedReportId(agreement.id, request.month, version);
  const existing = await readIssuedReport(id);
  if (existing) return existing;
  const parts = new SnapshotWriter(id);
  const report = await storedReport(bundle, agreement.id, request.month, period.to, { internal: false }, (cycles) => parts.add(cycles.map(toCycleJson)));
  const customer = bundle.customers.find((c) => c.id === agreement.customer);
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const schedule = agreement.report;
  const snapshot: ReportSnapshot = {
    format: 1,
    id,
    agreement: { id: agreement.id, name: agreement.name ?? agreement.id },
    customer: { id: agreement.customer, name: customer?.name ?? agreement.customer, organizationId: customer?.organizationId ?? null },
    environment: agreement.environment,
    month: request.month,
    version,
    issuedAt: formatInstant(now),
    issuedBy: request.issuedBy,
    configVersion: configuration.version,
    language: schedule?.language ?? 'en',
    report: toComplianceReportJson(report),
    goalNames: Object.fromEntries(bundle.goals.filter((g) => report.goals.some((r) => r.goal === g.id)).map((g) => [g.id, g.name ?? g.id])),
    priorities: Object.fromEntries((model?.priorities ?? []).map((p) => [p.id, { name: p.name ?? p.id, rank: p.rank }])),
    complianceTargets: Object.fromEntries(report.goals.map((g) => [g.goal, schedule?.complianceTargets?.[g.goal] ?? 100])),
    trend,
  };
  const counts = countsOf(snapshot.report.goals);
  const header = await parts.finish(snapshot, {
    ...(pdfListsAll(counts) ? {} : { goalList: goalListName(snapshot, counts) }),
    id,
    agreement: agreement.id,
    customer: agreement.customer,
    month: request.month,
    version,
    issuedAt: now,
    issuedBy: request.issuedBy,
    goals: report.goals.map((g) => ({ goal: g.goal, met: g.met, breached: g.breached, compliance: g.compliance })),
    requests: { created: report.requests.created, resolved: report.requests.resolved, open: report.requests.open.total },
    delivery: { state: schedule ? 'pending' : 'not-scheduled', attempts: 0 },
    ...(schedule ? { deliveryDue: 'yes' as const } : {}),
  });
  return header;
}
