// The sandbox's first start with history (what `npm start` opens on): three months lived on the strict local runtime
// before Monday 7 December 2026, 10:00 in Copenhagen. Read back through the resolvers the surfaces call: the
// management report has October's requests of ACME and of Fjord; the schedules issued and delivered September's to
// November's reports, and each customer's portal lists its own organization's alone; issuing October again makes a
// new version with real figures; and the first resolver calls after the start are answered, not refused with 429 —
// the platform never refused a storage call on the way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { DemoSite } from '../../../offline/sandbox/demo-site';
import { HISTORY_CLOCK_START } from '../../../offline/sandbox/history';

jest.setTimeout(240_000);

interface Answer<T> {
  ok: boolean;
  data: T;
  errors?: unknown;
}
interface Figures {
  requests: { created: number; resolved: number; open: number };
  contractual: { met: number; breached: number };
}
interface ReportView {
  id: string;
  agreement: string;
  month: string;
  version: number;
  issuedBy: string;
  requests: { created: number; resolved: number; open: number };
  goals: Array<{ goal: string; met: number; breached: number }>;
  delivery: { state: string; requestKey?: string };
}

let stateDir: string;
let site: DemoSite;
let seconds: number;

beforeAll(async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), 'contract-sla-history-'));
  const started = Date.now();
  site = await DemoSite.open({ stateDir, history: true });
  seconds = (Date.now() - started) / 1000;
});

afterAll(async () => {
  await site?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const as = (name: string): string => site.person(name).accountId;
const admin = <T>(functionKey: string, payload: unknown = {}): Promise<Answer<T>> =>
  site.invoke({ surface: 'admin' }, as('mette'), functionKey, payload) as Promise<Answer<T>>;
const portalReports = async (name: string): Promise<ReportView[]> =>
  ((await site.invoke({ surface: 'portal-reports' }, as(name), 'portal/reports/list', {})) as Answer<{ reports: ReportView[] }>).data.reports;

test('the first start ends at its clock start, and the first resolver calls after it are answered (no 429 on the way)', async () => {
  console.log(`first start with three months of history: ${seconds.toFixed(1)} s`);
  expect(site.now).toBe(HISTORY_CLOCK_START);
  expect(new Date(site.now).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  const overview = (await site.invoke({ surface: 'monitoring' }, as('mette'), 'monitoring/overview', {})) as Answer<{ groups: Array<{ key: string; rows: unknown[] }> }>;
  expect(overview.ok).toBe(true);
  expect(overview.data.groups.map((g) => g.key).sort()).toEqual(['acme', 'fjord']);
  const worklist = (await site.invoke({ surface: 'worklist' }, as('lars'), 'worklist/list', {})) as Answer<{ items: unknown[] }>;
  expect(worklist.ok).toBe(true);
  expect(worklist.data.items.length).toBeGreaterThan(5);
  expect(site.host.runtime.counters.storage.rateLimited).toBe(0);
});

test('the management report for October has the requests of ACME and of Fjord, with goals met and breached', async () => {
  const answer = await admin<{ totals: Figures; groupings: { customer: Array<{ key: string } & Figures> } }>('admin/management/report', { from: '2026-10', to: '2026-10' });
  expect(answer.ok).toBe(true);
  const byCustomer = Object.fromEntries(answer.data.groupings.customer.map((g) => [g.key, g.requests.created]));
  // The seeded plan raises the same requests on every first start.
  expect(byCustomer).toEqual({ acme: 33, fjord: 38 });
  expect(answer.data.totals.contractual.met).toBeGreaterThan(100);
  expect(answer.data.totals.contractual.breached).toBeGreaterThan(5);
});

test('the desk’s agents take the requests they answer, so the report reads by assignee', async () => {
  type Group = { key: string; label: string } & Figures;
  const answer = await admin<{ groupings: { assignee: Group[] } }>('admin/management/report', { from: '2026-10', to: '2026-10' });
  const byAssignee = Object.fromEntries(answer.data.groupings.assignee.map((g) => [g.label, g.requests.created]));
  // Every October request was answered in October or early November, by Lars or Mette.
  expect(Object.keys(byAssignee).sort()).toEqual(['Lars Nielsen', 'Mette Hansen']);
  expect(byAssignee['Lars Nielsen']! + byAssignee['Mette Hansen']!).toBe(33 + 38);
});

test('the three months are a service desk’s: every request type, priority and environment, on working days in office hours', async () => {
  type Group = { key: string } & Figures;
  const answer = await admin<{ totals: Figures; groupings: Record<'requestType' | 'priority' | 'environment' | 'month', Group[]> }>('admin/management/report', { from: '2026-09', to: '2026-11' });
  const keys = (dimension: 'requestType' | 'priority' | 'environment' | 'month') => answer.data.groupings[dimension].map((g) => g.key).sort();
  expect(keys('month')).toEqual(['2026-09', '2026-10', '2026-11']);
  expect(keys('requestType')).toEqual(['Incident', 'Question', 'Service request']);
  expect(keys('environment')).toEqual(['Production', 'Test', 'UAT']);
  expect(answer.data.groupings.priority.length).toBeGreaterThanOrEqual(4);
  for (const month of answer.data.groupings.month) expect(month.requests.created).toBeGreaterThan(50);
  expect(answer.data.totals.requests.resolved).toBeGreaterThan(0.9 * answer.data.totals.requests.created);
  // Raised on working days between 07:30 and 17:00 in Copenhagen, as Jira recorded them (the app's own letters aside).
  const raised = site.double.toJSON().issues.filter((i) => i.key.startsWith('SUP-') && i.properties['contract-sla-report'] === undefined);
  const inOfficeHours = raised.filter((i) => {
    const local = DateTime.fromMillis(i.created, { zone: 'Europe/Copenhagen' });
    const minutes = local.hour * 60 + local.minute;
    return local.weekday <= 5 && minutes >= 7 * 60 + 30 && minutes < 17 * 60;
  });
  expect(raised.length).toBeGreaterThan(250);
  expect(inOfficeHours.length).toBe(raised.length);
});

test('the schedules issued and delivered each month’s report on its day, and each customer finds only its own', async () => {
  const sofie = await portalReports('sofie');
  expect(sofie.map((r) => [r.id, r.issuedBy, r.delivery.state])).toEqual([
    ['acme-prod:2026-11:1', 'schedule', 'delivered'],
    ['acme-prod:2026-10:1', 'schedule', 'delivered'],
    ['acme-prod:2026-09:1', 'schedule', 'delivered'],
  ]);
  for (const report of sofie) expect(report.requests.created).toBeGreaterThan(10);
  const karen = await portalReports('karen');
  expect(karen.map((r) => r.id)).toEqual(['fjord-prod:2026-11:1', 'fjord-prod:2026-10:1', 'fjord-prod:2026-09:1']);
  // The delivered request is in Sofie's portal: raised for her in ACME's organization.
  const delivered = site.request(sofie[1]!.delivery.requestKey!);
  expect(site.double.canSee({ accountId: as('sofie') }, delivered)).toBe(true);
  expect(site.double.canSee({ accountId: as('karen') }, delivered)).toBe(false);
});

test('issuing Fjord’s October again makes version 2 with the month’s real figures', async () => {
  const issued = await admin<{ queued: boolean }>('admin/reports/issue', { agreement: 'fjord-prod', month: '2026-10' });
  expect(issued).toMatchObject({ ok: true, data: { queued: true } });
  const list = await admin<{ agreements: Array<{ id: string; reports: ReportView[] }> }>('admin/reports/list');
  const october = list.data.agreements.find((a) => a.id === 'fjord-prod')!.reports.filter((r) => r.month === '2026-10');
  expect(october.map((r) => r.version)).toEqual([2, 1]);
  const [again, scheduled] = october as [ReportView, ReportView];
  expect(again.requests).toEqual(scheduled.requests);
  expect(again.requests.created).toBe(27);
  expect(again.goals.reduce((n, g) => n + g.met, 0)).toBeGreaterThan(20);
  expect(again.goals.reduce((n, g) => n + g.breached, 0)).toBeGreaterThan(0);
});
