// The monthly report from schedule to customer on the strict local platform: the daily run issues last month's
// report on the agreement's day in its zone, exactly once however often it runs; the report is frozen (a later
// configuration change or a late event never alters it; issuing again makes a new, visible version); and it reaches
// the customer through JSM: a request raised for the first recipient, the others participating, the PDF attached
// to a public comment; nobody outside the customer's organization ever receives it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { issuedReportId, type IssuedReport } from '../../src/adapters/storage/issued-report';
import { readIssuedReport, readLedger, readSnapshot, reportsOfAgreement } from '../../src/adapters/storage/issued-report-store';
import { validateBundle } from '../../src/config/validate-bundle';
import { toComplianceReportJson } from '../../src/engine/compliance-report-json';
import type { ConfigBundle } from '../../src/engine/types';
import { storedReport } from '../../src/usecases/stored-report';
import type { ScheduleRun } from '../../src/usecases/report-schedule';
import { applyStep, DEMO_ACCOUNTS, planHistory } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import { pdfPages } from '../views/pdf-text';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as ConfigBundle;
const validated = validateBundle(config);
if (!validated.ok) throw new Error('examples/nordlys-config.json must be valid');
const bundle = validated.value;
const a = DEMO_ACCOUNTS;
const admin = { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };
const HOUR = 3_600_000;

let host: ForgeHost;

async function save(next: unknown): Promise<void> {
  const current = await host.invoke<{ ok: boolean; data: { version: number } }>('adminResolver', 'admin/config/get', {}, admin);
  const saved = await host.invoke<{ ok: boolean; errors?: unknown }>('adminResolver', 'admin/config/save', { bundle: next, expectedVersion: current.data.version }, admin);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  await host.drainQueue();
}

/** November played live: requests raised, answered, resolved; the breach watch every hour. */
async function playNovember(): Promise<void> {
  const keys: string[] = [];
  let watched = host.clock.now;
  for (const step of planHistory({ from: Date.parse('2026-11-02T07:00:00Z'), to: Date.parse('2026-11-30T23:00:00Z'), seed: 7, requestsPerDay: 2 })) {
    if (step.kind === 'priority') continue;
    host.advance(step.at - host.clock.now);
    if (host.clock.now - watched >= HOUR) {
      await host.runSchedule();
      watched = host.clock.now;
    }
    applyStep(host.double, step, keys);
    await host.settle();
  }
}

const at = (iso: string): void => host.advance(Date.parse(iso) - host.clock.now);
const daily = async (): Promise<ScheduleRun> => {
  const run = (await host.runReportSchedule()) as ScheduleRun;
  await host.drainQueue();
  return run;
};
const header = (id: string) => runAs(undefined, () => readIssuedReport(id)) as Promise<IssuedReport>;
const snapshotOf = async (id: string) => runAs(undefined, async () => readSnapshot((await readIssuedReport(id))!));
const ACME_NOV_1 = issuedReportId('acme-prod', '2026-11', 1);

beforeEach(async () => {
  host = new ForgeHost({ now: Date.parse('2026-11-02T07:00:00Z') });
  await save(config);
  await playNovember();
}, 120_000);
afterEach(() => host.close());

test('on its day in its zone the report is issued once, equal to the report from storage, and delivered as a request with the PDF', async () => {
  // 2 December: ACME's day (the 3rd) has not come.
  at('2026-12-02T10:00:00Z');
  expect(await daily()).toEqual({ queued: [], deliveries: [] });
  // 3 December 00:30 in Copenhagen (still the 2nd in UTC): the day has come where the agreement lives.
  at('2026-12-02T23:30:00Z');
  expect((await daily()).queued).toEqual(['acme-prod 2026-11']);
  const issued = await header(ACME_NOV_1);
  expect(issued).toMatchObject({ agreement: 'acme-prod', month: '2026-11', version: 1, issuedBy: 'schedule', delivery: { state: 'delivered', attempts: 1 } });
  const snapshot = await snapshotOf(ACME_NOV_1);
  const period = { to: Date.parse('2026-11-30T23:00:00Z') };
  expect(snapshot.report).toEqual(toComplianceReportJson(await runAs(undefined, () => storedReport(bundle, 'acme-prod', '2026-11', period.to, { internal: false }))));
  expect(snapshot.report.goals.map((g) => g.goal)).toEqual(['response', 'resolution', 'update']);
  expect(snapshot.report.requests.created).toBeGreaterThan(5);
  expect(snapshot.trend.map((t) => t.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
  expect(snapshot.complianceTargets).toEqual({ response: 90, resolution: 90, update: 100 });

  // The request: raised for Sofie (first recipient), Anders participating, shared with ACME, the app's own letter.
  const request = host.double.issue(issued.delivery.requestKey!)!;
  expect(request.reporter).toBe(a.sofie);
  expect(request.customFields.customfield_10003).toEqual([a.anders]);
  expect(request.customFields.customfield_10002).toEqual(['12']);
  expect(request.properties['contract-sla-report']).toEqual({ agreement: 'acme-prod', month: '2026-11' });
  const comment = request.comments.at(-1)!;
  expect(comment.jsdPublic).toBe(true);
  expect(JSON.stringify(comment.body)).toContain('Serviceniveaurapporten for november 2026 er vedhæftet (version 1).');
  const [attachment] = request.attachments!;
  expect(attachment).toMatchObject({ filename: 'service-level-report-acme-prod-2026-11-v1.pdf', mimeType: 'application/pdf', public: true });
  expect(comment.attachmentIds).toEqual([attachment!.id]);
  const text = (await pdfPages(Buffer.from(attachment!.content, 'base64'))).join('\n');
  expect(text).toContain('Serviceniveaurapport');
  expect(text).toContain('ACME A/S');
  expect(text).toContain(`${snapshot.report.requests.created}\nOprettet`);
  // JSM's own rule decides who sees it: both recipients, and not Fjord's customers.
  expect(host.double.canSee({ accountId: a.anders }, request)).toBe(true);
  expect(host.double.canSee({ accountId: a.karen }, request)).toBe(false);
  // A customer's reply on it starts no SLA clock: the app never measures its own letters.
  host.double.addComment(request.key, { author: a.sofie, body: 'Tak for rapporten.', public: true });
  await host.settle();
  const letter = await runAs(undefined, () => readIssueRecord(request.id));
  expect(letter).toMatchObject({ letter: true });
  expect(letter?.agreement).toBeUndefined();
  // Nor is it flagged on the agents' work list as a request to fix: it is the app's own letter.
  const list = await host.invoke<{ data: { items: Array<{ issueKey: string }> } }>('worklistResolver', 'worklist/list', { agreement: 'none' }, {
    accountId: a.lars, extension: { project: { key: request.key.split('-')[0], id: '10000' } },
  });
  expect(list.data.items.map((i) => i.issueKey)).not.toContain(request.key);

  // The same day again, the next day, two overlapping runs: nothing more is issued or sent.
  expect(await daily()).toEqual({ queued: [], deliveries: [] });
  at('2026-12-04T09:00:00Z');
  await host.runOverlappingSchedules(2, 'report-schedule');
  await host.drainQueue();
  expect((await runAs(undefined, () => reportsOfAgreement('acme-prod'))).map((r) => r.id)).toEqual([ACME_NOV_1]);
  expect(host.double.toJSON().issues.filter((i) => i.properties['contract-sla-report'] !== undefined)).toHaveLength(1);
});

test('two runs at once on the day claim the month once', async () => {
  at('2026-12-05T06:00:00Z');
  const runs = await host.runOverlappingSchedules(2, 'report-schedule');
  await host.drainQueue();
  const queued = runs.flatMap((run) => (run.result as ScheduleRun).queued);
  expect(queued.sort()).toEqual(['acme-prod 2026-11', 'fjord-prod 2026-11']);
  expect(await runAs(undefined, () => readLedger('fjord-prod', '2026-11'))).toMatchObject({ versions: 1, scheduledVersion: 1 });
  expect((await header(issuedReportId('fjord-prod', '2026-11', 1))).delivery.state).toBe('delivered');
});

test('frozen: a configuration change and a late event leave the issued report as it was; issuing again makes version 2 on the same request', async () => {
  at('2026-12-03T07:00:00Z');
  await daily();
  const before = await snapshotOf(ACME_NOV_1);
  // A stricter contract, then a late reply on a November request.
  const stricter = structuredClone(config);
  stricter.agreements[0]!.targets = stricter.agreements[0]!.targets.map((row) => ({ ...row, target: 'PT1M' }));
  await save(stricter);
  const november = host.double.toJSON().issues.find((i) => i.created < Date.parse('2026-11-30T00:00:00Z') && i.reporter === a.sofie)!;
  host.double.addComment(november.key, { author: a.lars, body: 'One more thing from last month.', public: true });
  await host.settle();
  expect(await snapshotOf(ACME_NOV_1)).toEqual(before);

  // An admin issues a corrected report: version 2, beside version 1, on the month's request.
  host.advance(HOUR);
  const issued = await host.invoke<{ ok: boolean; data: { queued: boolean } }>('adminResolver', 'admin/reports/issue', { agreement: 'acme-prod', month: '2026-11' }, admin);
  expect(issued).toMatchObject({ ok: true, data: { queued: true } });
  await host.drainQueue();
  const second = await header(issuedReportId('acme-prod', '2026-11', 2));
  const first = await header(ACME_NOV_1);
  expect(second).toMatchObject({ version: 2, issuedBy: a.mette, delivery: { state: 'delivered', requestKey: first.delivery.requestKey } });
  expect(await snapshotOf(ACME_NOV_1)).toEqual(before);
  const request = host.double.issue(first.delivery.requestKey!)!;
  expect(request.attachments!.map((x) => x.filename)).toEqual(['service-level-report-acme-prod-2026-11-v1.pdf', 'service-level-report-acme-prod-2026-11-v2.pdf']);
  expect(JSON.stringify(request.comments.at(-1)!.body)).toContain('Rettet rapport, version 2');
  // The stricter targets re-target cycles still open; every cycle that had closed stays as it was reported.
  const closed = before.report.cycles.filter((c) => c.endedAt !== null);
  expect(closed.length).toBeGreaterThan(20);
  expect((await snapshotOf(second.id)).report.cycles.filter((c) => c.endedAt !== null)).toEqual(expect.arrayContaining(closed));
});

test('nobody outside the organization receives it: the delivery fails, says why, and no request is raised', async () => {
  const wrong = structuredClone(config);
  wrong.agreements[0]!.report!.recipients = [a.sofie, a.karen];
  await save(wrong);
  at('2026-12-03T07:00:00Z');
  await daily();
  const issued = await header(ACME_NOV_1);
  expect(issued.delivery).toMatchObject({ state: 'failed', attempts: 1, error: `${a.karen} is not a member of the customer's JSM organization 12: the report was not sent` });
  expect(host.double.toJSON().issues.some((i) => i.properties['contract-sla-report'] !== undefined)).toBe(false);
  // Fixed the next day: the daily run delivers it once its back-off has passed.
  await save(config);
  at('2026-12-04T07:00:00Z');
  expect((await daily()).deliveries).toEqual([ACME_NOV_1]);
  expect((await header(ACME_NOV_1)).delivery.state).toBe('delivered');
});

test('a month that is not over cannot be issued, and the admin is told when it can', async () => {
  at('2026-12-03T07:00:00Z');
  const refused = await host.invoke<{ ok: boolean; errors: Array<{ path: string; message: string }> }>('adminResolver', 'admin/reports/issue', { agreement: 'acme-prod', month: '2026-12' }, admin);
  expect(refused).toEqual({ ok: false, errors: [{ code: 'INVALID', path: 'month', message: '2026-12 is not over yet in Europe/Copenhagen: its report can be issued once it is' }] });
  // Only Jira administrators issue reports.
  const agent = await host.invoke<{ ok: boolean; errors: Array<{ code: string }> }>('adminResolver', 'admin/reports/issue', { agreement: 'acme-prod', month: '2026-11' }, { ...admin, accountId: a.lars });
  expect(agent).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
});

test("on the portal a customer finds their organization's reports, and only theirs", async () => {
  at('2026-12-05T07:00:00Z');
  await daily();
  const portal = (accountId: string) => ({ accountId, moduleKey: 'contract-sla-portal-reports', extension: { type: 'jiraServiceManagement:portalProfilePanel' } });
  type List = { ok: true; data: { organizations: string[]; reports: Array<{ id: string; agreementName: string; requestPath: string | null; delivery: { requestKey?: string } }> } };
  const sofie = await host.invoke<List>('portalResolver', 'portal/reports/list', {}, portal(a.sofie));
  const karen = await host.invoke<List>('portalResolver', 'portal/reports/list', {}, portal(a.karen));
  expect(sofie.data.organizations).toEqual(['ACME A/S']);
  expect(sofie.data.reports.map((r) => r.id)).toEqual([ACME_NOV_1]);
  expect(karen.data.reports.map((r) => r.id)).toEqual([issuedReportId('fjord-prod', '2026-11', 1)]);
  const acme = sofie.data.reports[0]!;
  expect(acme.requestPath).toBe(`/servicedesk/customer/portal/1/${acme.delivery.requestKey}`);
  // Another organization's report is refused like one that does not exist.
  const stolen = await host.invoke<{ ok: boolean; errors: Array<{ code: string }> }>('portalResolver', 'portal/reports/pdf', { report: karen.data.reports[0]!.id }, portal(a.sofie));
  expect(stolen).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  const own = await host.invoke<{ ok: true; data: { fileName: string; base64: string } }>('portalResolver', 'portal/reports/pdf', { report: acme.id }, portal(a.anders));
  expect(own.data.fileName).toBe('service-level-report-acme-prod-2026-11-v1.pdf');
  // The download is the very PDF that was attached to the request.
  const attached = host.double.issue(acme.delivery.requestKey!)!.attachments![0]!;
  expect(own.data.base64).toBe(attached.content);
  // An agent has no portal profile: the module is not open to licensed users' resolvers outside JSM's portal? It is;
  // but an account in no organization sees no report.
  const lars = await host.invoke<List>('portalResolver', 'portal/reports/list', {}, portal(a.lars));
  expect(lars.data.reports).toEqual([]);
});
