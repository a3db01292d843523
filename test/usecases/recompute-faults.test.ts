// Nothing lost, nothing double-counted when a step of the event path fails half-way. A fault is injected before or
// after each write (the record, the issue property, the field value, the confirmation that Jira shows the record),
// lasting through every retry inside the invocation; the event is then handed back to Forge, whose retry completes
// it. In every case the stored record is what the engine says for the history, Jira shows exactly the stored record,
// and no failure is left on the admin's list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ISSUE_PROPERTY } from '../../src/app-identity';
import { decodeCycles, jiraViewOf, type IssueRecord } from '../../src/adapters/storage/issue-record';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { recentFailures } from '../../src/adapters/storage/failure-store';
import type { FaultSpec } from '../../offline/forge-runtime';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;
/** Every attempt the invocation makes of one call fails: the event itself fails and goes back to Forge. */
const ALL_ATTEMPTS = 4;

let host: ForgeHost;

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
});
afterEach(() => host.close());

const stored = (id: string): Promise<IssueRecord> => runAs(undefined, () => readIssueRecord(id)).then((r) => r!);

const record = { target: 'kvs' as const, entity: 'issue-obligations', operation: ['transact' as const, 'set' as const] };
const property = { target: 'product', method: 'PUT', path: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}' } as const;
const field = { target: 'product', method: 'POST', path: '/rest/api/3/app/field/value' } as const;

test.each<[string, FaultSpec]>([
  ['the record write fails before it lands', { ...record, when: 'before', status: 503, times: ALL_ATTEMPTS }],
  ['the record write lands but the app hears it failed', { ...record, when: 'after', status: 500, times: ALL_ATTEMPTS }],
  ['the issue property write fails', { ...property, when: 'before', status: 503, times: ALL_ATTEMPTS }],
  ['the issue property lands but the app hears it failed', { ...property, when: 'after', status: 500, times: ALL_ATTEMPTS }],
  ['the field value write fails', { ...field, when: 'before', status: 503, times: ALL_ATTEMPTS }],
  ['the field value lands but the app hears it failed', { ...field, when: 'after', status: 429, retryAfterSeconds: 1, times: ALL_ATTEMPTS }],
  // The second write of the record is the confirmation that Jira shows it.
  ['the confirmation that Jira shows the record fails', { ...record, skip: 1, when: 'before', status: 503, times: ALL_ATTEMPTS }],
  ['the confirmation lands but the app hears it failed', { ...record, skip: 1, when: 'after', status: 500, times: ALL_ATTEMPTS }],
])('%s: the retry completes it, and Jira shows the stored record', async (_case, fault) => {
  // A P2 incident measured in office hours (Mon–Thu 08:00–16:00 in Copenhagen), raised Thursday at 10:00.
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll is slow', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  const before = await stored(request.id);
  expect(decodeCycles(before).find((o) => o.goal === 'response')!.state).toBe('running');

  // At 16:30, after hours, the agent's reply completes the first response: the record and what Jira shows change.
  // Nothing else moves until the office opens, so the retry computes exactly what was stored: only what Jira was
  // confirmed to show tells the retry that Jira still has to be written.
  host.advance(6.5 * 3_600_000);
  host.faults.inject(fault);
  host.double.addComment(request.key, { author: a.lars, body: 'We are on it.', public: true });
  await host.settle();
  expect(host.faults.pending()).toEqual([]);
  expect(host.app.log.some((entry) => entry.outcome === 'retry-scheduled')).toBe(true);

  // Forge delivers the event again after the wait the app asked for.
  host.advance(15 * 60_000);
  await host.settle();
  const after = await stored(request.id);
  expect(decodeCycles(after).find((o) => o.goal === 'response')).toMatchObject({ state: 'completed', elapsedMs: 6 * 3_600_000, breached: true });
  expect(host.double.issue(request.key)!.properties[ISSUE_PROPERTY]).toEqual(jiraViewOf(after));
  expect(after.shown).toEqual(jiraViewOf(after));
  expect(await runAs(undefined, () => recentFailures())).toEqual([]);
}, 30_000);

test('a failure that outlasts every retry is recorded for the admin, and the breach watch completes it later', async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Exports stuck', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p1' } });
  await host.settle();
  host.advance(5 * 60_000);
  // Jira refuses to say what the issue looks like, for good: not something a retry fixes.
  host.faults.inject({ target: 'product', method: 'GET', path: '/rest/api/3/issue/{issueIdOrKey}', status: 400, times: 1 });
  host.double.addComment(request.key, { author: a.lars, body: 'Looking.', public: true });
  await host.settle();
  const [failure] = await runAs(undefined, () => recentFailures());
  expect(failure).toMatchObject({ issueId: request.id, issueKey: request.key, during: 'the issue event', attempts: 1 });
  expect(failure!.message).toContain('400');

  // The request's first response is due at 09:30: the watch computes it then, and the failure is cleared.
  host.advance(30 * 60_000);
  await host.runSchedule();
  expect(decodeCycles(await stored(request.id)).find((o) => o.goal === 'response')).toMatchObject({ state: 'completed' });
  expect(await runAs(undefined, () => recentFailures())).toEqual([]);
});
