// Escalations carried out by the breach watch on the strict local runtime and the JSM double: each one exactly once
// per cycle, at its instant, to the people it names and never the customer, whatever happens around it — duplicated
// events, overlapping runs, a crash between asking Jira and recording it, a refusal, a configuration change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ledgerKey, readDelivery, type EscalationDelivery } from '../../src/adapters/storage/escalation-ledger';
import { decodeCycles, type IssueRecord } from '../../src/adapters/storage/issue-record';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { JiraClient } from '../../src/adapters/jira/client';
import { currentConfiguration } from '../../src/adapters/storage/config-store';
import { carryOutEscalations } from '../../src/usecases/carry-out-escalations';
import { recomputeIssue } from '../../src/usecases/recompute-issue';
import type { WatchReport } from '../../src/usecases/watch-breaches';
import type { EscalationStatus } from '../../src/views/escalation-deliveries';
import { ISSUE_PROPERTY } from '../../src/app-identity';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const MINUTE = 60_000;

type Bundle = { agreements: Array<{ id: string; escalations?: unknown[] }> };
const demo = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as Bundle;

/**
 * ACME Production's P1 reply is due within 30 minutes (24×7): at 15 minutes the assignee and the service managers
 * hear of it, with a comment on the request shared with the customer; at the deadline the watchers and Sofie, who
 * is the reporter of the requests below and must never be told.
 */
const ESCALATIONS = [
  { id: 'response-half', goal: 'response', when: { elapsedPercent: 50 }, notify: ['assignee', 'group:service-managers'], comment: { visibility: 'public', text: 'Half of the time to reply is used.' } },
  { id: 'response-due', goal: 'response', when: { overdue: 'PT0S' }, notify: ['watchers', `user:${a.sofie}`] },
];

function configWith(escalations: unknown[]): Bundle {
  const bundle = structuredClone(demo);
  bundle.agreements.find((g) => g.id === 'acme-prod')!.escalations = escalations;
  return bundle;
}

let host: ForgeHost;
let version = 0;
const admin = { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } };

async function save(bundle: unknown): Promise<void> {
  const saved = await host.invoke<{ ok: boolean; errors?: unknown }>('adminResolver', 'admin/config/save', { bundle, expectedVersion: version }, admin);
  expect(saved).toMatchObject({ ok: true });
  version++;
  await host.drainQueue();
}

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  version = 0;
  await save(configWith(ESCALATIONS));
  // The demo's open ACME requests reached their escalations long ago: the first run sends those (late).
  await host.runSchedule();
});
afterEach(() => host.close());

const stored = (id: string): Promise<IssueRecord> => runAs(undefined, () => readIssueRecord(id)).then((r) => r!);
const ledger = (issueId: string, escalation: string, goal = 'response', cycle = 1): Promise<EscalationDelivery | undefined> =>
  runAs(undefined, () => readDelivery(ledgerKey(issueId, goal, cycle, escalation)));
const notificationsOf = (key: string) => host.double.notifications.filter((n) => n.issueKey === key);
const appComments = (key: string) => host.double.issueOrThrow(key).comments.filter((c) => c.author === host.double.state.site.appAccountId);
const adminStatus = () => host.invoke<{ ok: boolean; data: EscalationStatus }>('adminResolver', 'admin/escalations/status', {}, admin).then((r) => r.data);

/** A P1 incident of Sofie's (ACME Production), assigned to Lars, watched by Lars and by Sofie herself. */
async function raiseP1(summary = 'Payroll is down') {
  const request = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary, fieldValues: { environment: 'Production', product: 'Payroll' },
    contractPriority: { priority: 'p1' }, watchers: [a.sofie, a.lars],
  });
  host.double.assign(request.key, a.lars);
  await host.settle();
  return request;
}

async function runAt(instant: number): Promise<WatchReport> {
  host.advance(instant - host.clock.now);
  return (await host.runSchedule()) as WatchReport;
}

test('each reached escalation is carried out once, at its instant, to the people it names and never to the reporter', async () => {
  const request = await raiseP1();
  // Watched from the first escalation's instant, before the breach.
  expect((await stored(request.id)).watchAt).toBe(NOW + 15 * MINUTE);

  await runAt(NOW + 14 * MINUTE);
  expect(notificationsOf(request.key)).toEqual([]);

  await runAt(NOW + 15 * MINUTE);
  expect(notificationsOf(request.key)).toHaveLength(1);
  const [half] = notificationsOf(request.key);
  expect(half!.recipients.map((r) => [r.displayName, r.why])).toEqual([['Lars Nielsen', 'user'], ['Mette Hansen', 'group service-managers']]);
  expect(half!.subject).toBe(`${request.key}: Time to first response, 50 % of the time used`);
  expect(half!.textBody).toContain('reached the escalation response-half of Time to first response: 50 % of the time used, at Thu 26 Nov 2026, 10:15 (Europe/Copenhagen)');
  // The comment is shared with the customer as configured, and it is not an agent's reply: the reply is still owed.
  expect(appComments(request.key).map((c) => c.jsdPublic)).toEqual([true]);
  // (A public comment by an agent would complete the reply; an internal note by Lars makes the app read it all again.)
  host.double.addComment(request.key, { author: a.lars, body: 'Checking the payroll servers', public: false });
  await host.settle();
  const response = decodeCycles(await stored(request.id)).find((o) => o.goal === 'response')!;
  expect(response.state).toBe('running');

  const entry = await ledger(request.id, 'response-half');
  expect(entry).toMatchObject({ state: 'sent', notify: 'done', comment: 'done', sentAt: NOW + 15 * MINUTE, late: false, recipients: ['Lars Nielsen (assignee)', 'group service-managers'] });
  expect(entry!.problem).toBeUndefined();
  // Nothing left owed: the record is watched from the next escalation again.
  expect((await stored(request.id)).pendingEscalations).toBeUndefined();
  expect((await stored(request.id)).watchAt).toBeGreaterThan(NOW + 15 * MINUTE);
}, 20_000);

test('watchers are told, but neither the reporter who watches her own request nor any customer named as a user', async () => {
  const request = await raiseP1();
  await runAt(NOW + 15 * MINUTE);
  await runAt(NOW + 30 * MINUTE);
  const due = notificationsOf(request.key).filter((n) => n.subject.includes('the deadline passed'));
  expect(due).toHaveLength(1);
  expect(due[0]!.recipients.map((r) => r.displayName)).toEqual(['Lars Nielsen']);
  expect(host.double.notifications.flatMap((n) => n.recipients.map((r) => r.accountId))).not.toContain(a.sofie);
  expect(await ledger(request.id, 'response-due')).toMatchObject({ state: 'sent', recipients: ['Lars Nielsen (watcher)'] });

  // Later runs, and runs long after, send nothing more.
  await runAt(NOW + 35 * MINUTE);
  await runAt(NOW + 6 * 60 * MINUTE);
  expect(notificationsOf(request.key)).toHaveLength(2);
  expect(appComments(request.key)).toHaveLength(1);
});

test('duplicated and replayed events never send an escalation twice', async () => {
  const request = await raiseP1();
  host.advance(16 * MINUTE);
  // The same comment event delivered three times, and the created event replayed, each recomputing the request.
  host.double.addComment(request.key, { author: a.lars, body: 'Looking into it', public: false });
  await host.settle();
  const event = host.eventLog.at(-1)!.event;
  await host.handlers.onIssueEvent(structuredClone(event) as never);
  await host.handlers.onIssueEvent(structuredClone(event) as never);
  await host.replaySeededRequests();
  await host.runSchedule();
  await host.handlers.onIssueEvent(structuredClone(event) as never);
  await host.runSchedule();
  host.advance(5 * MINUTE);
  await host.runSchedule();
  expect(notificationsOf(request.key).map((n) => n.subject)).toEqual([`${request.key}: Time to first response, 50 % of the time used`]);
  expect(appComments(request.key)).toHaveLength(1);
});

test('two overlapping watch runs send it once; so do two workers racing on the same record', async () => {
  const request = await raiseP1();
  host.advance(15 * MINUTE);
  const runs = await host.runOverlappingSchedules(2);
  expect(runs.map((r) => (r.result as WatchReport).skipped ?? false).sort()).toEqual([false, true]);
  expect(notificationsOf(request.key)).toHaveLength(1);

  // A lease that expired under a long run lets a second run in: the ledger's claim still lets only one send.
  host.advance(15 * MINUTE);
  await runAs(undefined, () => recomputeIssue(request.id, new JiraClient(), host.clock.now));
  const record = await stored(request.id);
  const bundle = (await runAs(undefined, () => currentConfiguration()))!.bundle;
  expect(record.pendingEscalations?.map((p) => p.id)).toEqual(['response-due']);
  const reports = await Promise.all(['run-a', 'run-b'].map((runId) => runAs(undefined, () => carryOutEscalations(record, bundle, new JiraClient(), runId, host.clock.now))));
  expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
  expect(reports.map((r) => r.waiting).sort()).toEqual([0, 1]);
  expect(notificationsOf(request.key)).toHaveLength(2);
});

test('a crash between asking Jira to notify and recording it: taken over later, never sent twice, shown as unconfirmed', async () => {
  const request = await raiseP1();
  // Every write of the ledger after the claim fails: the run dies with Jira asked and nothing recorded.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  host.faults.inject({ target: 'kvs', entity: 'escalation-ledger', operation: 'transact', status: 500, times: 100 });
  await runAt(NOW + 15 * MINUTE);
  host.faults.clear();
  expect(logged).toHaveBeenCalledWith(`could not carry out the escalations of ${request.key}`, expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }));
  logged.mockRestore();
  expect(notificationsOf(request.key)).toHaveLength(1);
  expect(appComments(request.key)).toHaveLength(0);
  expect(await ledger(request.id, 'response-half')).toMatchObject({ state: 'claimed', notify: 'started', comment: 'pending' });

  // Within the claim nobody touches it; after it, the next run takes over: no second notification, the comment added.
  await runAt(NOW + 20 * MINUTE);
  expect(await ledger(request.id, 'response-half')).toMatchObject({ state: 'claimed' });
  await runAt(NOW + 26 * MINUTE);
  expect(notificationsOf(request.key)).toHaveLength(1);
  expect(appComments(request.key)).toHaveLength(1);
  const entry = await ledger(request.id, 'response-half');
  expect(entry).toMatchObject({ state: 'sent', notify: 'unconfirmed', comment: 'done', problem: 'unconfirmed', late: true });
  expect((await adminStatus()).unconfirmed.map((d) => [d.issueKey, d.escalation])).toEqual([[request.key, 'response-half']]);
});

test('a crash after the comment landed: the next worker finds it on the request and does not add it again', async () => {
  const request = await raiseP1();
  // The claim and the "comment started" write pass; the final write fails.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  host.faults.inject({ target: 'kvs', entity: 'escalation-ledger', operation: 'transact', status: 500, skip: 1, times: 100 });
  await runAt(NOW + 15 * MINUTE);
  host.faults.clear();
  expect(logged).toHaveBeenCalledWith(`could not carry out the escalations of ${request.key}`, expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }));
  logged.mockRestore();
  expect(await ledger(request.id, 'response-half')).toMatchObject({ state: 'claimed', notify: 'done', comment: 'started' });
  expect(appComments(request.key)).toHaveLength(1);
  await runAt(NOW + 26 * MINUTE);
  expect(appComments(request.key)).toHaveLength(1);
  expect(notificationsOf(request.key)).toHaveLength(1);
  const entry = await ledger(request.id, 'response-half');
  expect(entry).toMatchObject({ state: 'sent', notify: 'done', comment: 'done', commentId: appComments(request.key)[0]!.id });
  expect(entry!.problem).toBeUndefined();
});

test('a refused notification is retried with back-off, shown to the admin meanwhile, and sent once it is accepted', async () => {
  const request = await raiseP1();
  host.faults.inject({ target: 'product', method: 'POST', path: new RegExp(`/issue/${request.key}/notify`), status: 400, times: 2 });
  const first = await runAt(NOW + 15 * MINUTE);
  expect(first.escalations).toMatchObject({ sent: 0, failed: 1 });
  expect(await ledger(request.id, 'response-half')).toMatchObject({ state: 'failed', attempts: 1, retryAt: NOW + 20 * MINUTE, notify: 'pending', problem: 'failed' });
  const status = await adminStatus();
  expect(status.failed.map((d) => [d.issueKey, d.escalation, d.retryAt])).toEqual([[request.key, 'response-half', new Date(NOW + 20 * MINUTE).toISOString().replace('.000', '')]]);
  expect(status.failed[0]!.lastError).toContain('Jira answered 400');
  // The record waits for the back-off rather than being read by every run.
  expect((await stored(request.id)).watchAt).toBe(NOW + 20 * MINUTE);

  await runAt(NOW + 20 * MINUTE);
  expect(await ledger(request.id, 'response-half')).toMatchObject({ state: 'failed', attempts: 2, retryAt: NOW + 30 * MINUTE });
  await runAt(NOW + 30 * MINUTE);
  expect(notificationsOf(request.key).filter((n) => n.subject.includes('50 %'))).toHaveLength(1);
  expect(await ledger(request.id, 'response-half')).toMatchObject({ state: 'sent', late: true });
  expect((await adminStatus()).failed).toEqual([]);
});

test('a configuration change between runs never re-sends what was sent; a new escalation already passed is sent once, late', async () => {
  const request = await raiseP1();
  await runAt(NOW + 16 * MINUTE);
  expect(notificationsOf(request.key)).toHaveLength(1);

  // The same escalation, now at 40 % and telling someone else, and a new one at 20 % (passed at 10:06).
  const changed = [
    { ...ESCALATIONS[0], when: { elapsedPercent: 40 }, notify: [`user:${a.mette}`] },
    ESCALATIONS[1],
    { id: 'response-early', goal: 'response', when: { elapsedPercent: 20 }, notify: ['assignee'] },
  ];
  host.advance(10 * MINUTE);
  await save(configWith(changed));
  await host.runSchedule();
  await runAt(NOW + 30 * MINUTE);
  const subjects = notificationsOf(request.key).map((n) => n.subject);
  expect(subjects.filter((s) => s.includes('50 %') || s.includes('40 %'))).toHaveLength(1);
  expect(subjects.filter((s) => s.includes('20 %'))).toEqual([`[late] ${request.key}: Time to first response, 20 % of the time used`]);
  expect(await ledger(request.id, 'response-early')).toMatchObject({ state: 'sent', late: true });
});

test('an escalation reached while the watch could not run is sent when it runs again, marked late', async () => {
  const request = await raiseP1();
  await runAt(NOW + 2 * 60 * MINUTE);
  const [half, due] = notificationsOf(request.key);
  expect(half!.subject).toBe(`[late] ${request.key}: Time to first response, 50 % of the time used`);
  expect(half!.textBody).toContain('Sent late, at Thu 26 Nov 2026, 12:00');
  expect(due!.subject).toContain('[late]');
  const comment = appComments(request.key)[0]!;
  expect(JSON.stringify(comment.body)).toContain('Added late');
});

describe('shown where people work', () => {
  const project = { id: '10000', key: 'SUP' };
  type Summary = { level: string; reached: Array<{ id: string; at: string }>; next: { id: string; at: string } | null };
  const panel = (issue: { id: string; key: string }) =>
    host.invoke<{ ok: boolean; data: { escalation: Summary; obligations: Array<{ goal: string; escalations: Array<{ id: string; reachedAt: string | null; dueAt: string | null }> }> } }>(
      'issuePanelResolver', 'issue/obligations', { timezone: 'Europe/Copenhagen' }, { accountId: a.lars, extension: { issue, project } });
  const row = async (key: string) => {
    const list = await host.invoke<{ ok: boolean; data: { items: Array<{ issueKey: string; escalation: Summary }> } }>('worklistResolver', 'worklist/list', {}, { accountId: a.lars, extension: { project } });
    return list.data.items.find((i) => i.issueKey === key)!.escalation;
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

  test('the issue panel and the work list: the next escalation, then amber once reached, then red once breached; the portal never', async () => {
    const request = await raiseP1();
    const issue = { id: request.id, key: request.key };
    expect((await panel(issue)).data.escalation).toEqual({ level: 'none', reached: [], next: expect.objectContaining({ id: 'response-half', at: iso(NOW + 15 * MINUTE) }) });
    expect((await row(request.key)).level).toBe('none');

    // Carried forward to the moment it is shown: reached at 10:15 even before the watch runs.
    host.advance(20 * MINUTE);
    const amber = (await panel(issue)).data;
    expect(amber.escalation).toEqual({ level: 'reached', reached: [expect.objectContaining({ id: 'response-half', at: iso(NOW + 15 * MINUTE) })], next: expect.objectContaining({ id: 'response-due', at: iso(NOW + 30 * MINUTE) }) });
    expect(amber.obligations.find((o) => o.goal === 'response')!.escalations).toEqual([
      { id: 'response-half', threshold: '50 % of the time used', reachedAt: iso(NOW + 15 * MINUTE), dueAt: null },
      { id: 'response-due', threshold: 'the deadline passed', reachedAt: null, dueAt: iso(NOW + 30 * MINUTE) },
    ]);
    expect((await row(request.key)).level).toBe('reached');

    await runAt(NOW + 31 * MINUTE);
    expect((await panel(issue)).data.escalation).toMatchObject({ level: 'breached', next: null });
    expect(await row(request.key)).toMatchObject({ level: 'breached', reached: [{ id: 'response-half' }, { id: 'response-due' }] });

    const portal = await host.invoke<{ ok: boolean; data: { obligations: Array<Record<string, unknown>> } }>('portalResolver', 'portal/commitments', {}, {
      accountId: a.sofie, moduleKey: 'contract-sla-portal-commitments', extension: { request: { key: request.key } },
    });
    expect(portal.ok).toBe(true);
    expect(portal.data.obligations.length).toBeGreaterThan(0);
    expect(JSON.stringify(portal.data)).not.toContain('escalation');
  });
});

test('the contract-sla issue property carries the escalation state for JQL and Jira Automation: none, reached, breached', async () => {
  const request = await raiseP1();
  const property = () => host.double.issueOrThrow(request.key).properties[ISSUE_PROPERTY] as Record<string, unknown>;
  expect(property()).toMatchObject({ escalation: 'none', escalations: [], escalatedAt: null, breached: 'no' });
  await runAt(NOW + 15 * MINUTE);
  expect(property()).toMatchObject({ escalation: 'reached', escalations: ['response-half'], escalatedAt: '2026-11-26T09:15:00Z', breached: 'no' });
  await runAt(NOW + 31 * MINUTE);
  expect(property()).toMatchObject({ escalation: 'breached', escalations: ['response-half', 'response-due'], escalatedAt: '2026-11-26T09:30:00Z', breached: 'yes' });
  // A reply ends the cycle: nothing open is escalated any more.
  host.double.addComment(request.key, { author: a.lars, body: 'We are on it', public: true });
  await host.settle();
  expect(property()).toMatchObject({ escalation: 'none', escalations: [], escalatedAt: null });
});
