// What the strict local platform exposed, each proved on it: the app stores requests that have no assignee or no
// customer (Forge refuses empty strings), tracks service projects only, reads the portal choice JSM saves after the
// created event, honours Jira's Retry-After within the invocation, and never mistakes unreadable storage for an app
// that was never set up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PORTAL_CHOICE_PROPERTY } from '../../src/app-identity';
import { decodeCycles, type IssueRecord } from '../../src/adapters/storage/issue-record';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { recentFailures } from '../../src/adapters/storage/failure-store';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;

let host: ForgeHost;

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
});
afterEach(() => host.close());

const stored = (id: string): Promise<IssueRecord | undefined> => runAs(undefined, () => readIssueRecord(id));

test('an unassigned request of a reporter in no organization is stored, with the absent values left out', async () => {
  host.double.addUser({ accountId: 'qm:lone:1', displayName: 'Lone Customer', emailAddress: 'lone@example.com', accountType: 'customer', timeZone: 'Europe/Copenhagen', locale: 'da_DK' });
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.question, reporter: 'qm:lone:1', summary: 'Who do I ask?', organizationIds: [] });
  await host.settle();
  const record = (await stored(request.id))!;
  expect(record).toMatchObject({ issueKey: request.key, openState: 'closed', active: 'yes' });
  for (const absent of ['assignee', 'assigneeName', 'agreement', 'customer', 'environment', 'product', 'priority', 'nextGoal']) expect(record).not.toHaveProperty(absent);
});

test("an issue of a software project never reaches the app: the trigger's filter keeps service requests only", async () => {
  host.double.addProject({ id: '10100', key: 'DEV', name: 'Payroll development', serviceDeskId: '', projectTypeKey: 'software', administrators: [a.mette], agents: [a.lars] });
  const before = host.eventLog.length;
  const bug = host.double.createIssue({ projectKey: 'DEV', issueTypeId: '10004', summary: 'Export rounds wrongly', reporter: a.lars });
  await host.settle();
  expect(host.eventLog.length).toBe(before);
  expect(await stored(bug.id)).toBeUndefined();
  expect(host.app.log.filter((entry) => entry.outcome === 'filtered').length).toBeGreaterThan(0);
});

test('the portal choice JSM saves just after the created event is picked up a minute later', async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' } });
  await host.settle();
  expect((await stored(request.id))!.priority).toBeUndefined();
  // JSM stores the create panel's submission after the issue exists (setting a property emits no issue event).
  host.double.setProperty(request.key, PORTAL_CHOICE_PROPERTY, { priority: 'p1' });
  expect(await host.drainQueue()).toBe(0);
  host.advance(60_000);
  expect(await host.drainQueue()).toBe(1);
  const record = (await stored(request.id))!;
  expect(record.priority).toBe('p1');
  expect(decodeCycles(record).find((o) => o.goal === 'response')).toMatchObject({ targetMs: 30 * 60_000 });
});

test("Jira's 429 with Retry-After is waited out within the invocation: no retry of the event is needed", async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Slow', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  host.advance(5 * 60_000);
  host.faults.inject({ target: 'product', method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', status: 429, retryAfterSeconds: 1, times: 1 });
  host.double.addComment(request.key, { author: a.lars, body: 'On it.', public: true });
  await host.settle();
  expect(host.faults.pending()).toEqual([]);
  expect(host.app.log.filter((entry) => entry.outcome === 'retry-scheduled')).toEqual([]);
  expect(decodeCycles((await stored(request.id))!).find((o) => o.goal === 'response')).toMatchObject({ state: 'completed' });
});

test('storage that cannot be read is a failure to retry, never "no configuration": the retry computes the request', async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Throttled', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  host.advance(5 * 60_000);
  host.faults.inject({ target: 'kvs', operation: 'batchGet', status: 429, times: 4 });
  host.double.addComment(request.key, { author: a.lars, body: 'On it.', public: true });
  await host.settle();
  expect(host.app.log.some((entry) => entry.outcome === 'retry-scheduled')).toBe(true);
  expect(decodeCycles((await stored(request.id))!).find((o) => o.goal === 'response')).toMatchObject({ state: 'running' });
  host.advance(5 * 60_000);
  await host.settle();
  expect(decodeCycles((await stored(request.id))!).find((o) => o.goal === 'response')).toMatchObject({ state: 'completed' });
  expect(await runAs(undefined, () => recentFailures())).toEqual([]);
});
