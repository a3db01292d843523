// A deleted request ends with no record and no error, whatever order the events arrive in: an update delivered
// after the delete, and a created event held while the request was deleted, both leave nothing behind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JiraClient } from '../../src/adapters/jira/client';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { recentFailures } from '../../src/adapters/storage/failure-store';
import { recomputeIssue } from '../../src/usecases/recompute-issue';
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

const raise = () => host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Gone soon', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });

test('an update delivered after the delete: no record, no error, no failure recorded', async () => {
  const request = raise();
  await host.settle();
  const updated = host.eventLog.find((e) => e.event.issue.id === request.id)!.event;
  host.double.deleteIssue(request.key);
  await host.settle();
  // Forge delivers the older event late, after the delete.
  const outcome = await runAs(undefined, () => host.handlers.onIssueEvent({ ...updated, eventType: 'avi:jira:updated:issue' } as never));
  expect(outcome).toMatchObject({ result: 'deleted' });
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toBeUndefined();
  expect(await runAs(undefined, () => recentFailures())).toEqual([]);
});

test('a created event held while the request is deleted does not write its record back', async () => {
  // A fresh site: the request is raised before the app knows of it, so no record exists yet.
  host.close();
  host = new ForgeHost({ now: NOW });
  const request = raise();
  await host.settle();
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toBeUndefined();
  // A computation that read the request from Jira, then waited (a slow invocation, a retry) past the delete.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let read!: () => void;
  const readDone = new Promise<void>((resolve) => (read = resolve));
  class Held extends JiraClient {
    override async readIssueHistory(...args: Parameters<JiraClient['readIssueHistory']>) {
      const history = await super.readIssueHistory(...args);
      read();
      await gate;
      return history;
    }
  }
  const late = runAs(undefined, () => recomputeIssue(request.id, new Held(), host.clock.now));
  await readDone;
  host.double.deleteIssue(request.key);
  await host.settle();
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toBeUndefined();
  release();
  expect(await late).toMatchObject({ result: 'newer-stored' });
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toBeUndefined();
});

test('a delete of a request the app never stored is no error', async () => {
  const outcome = await runAs(undefined, () => host.handlers.onIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: '999999', key: 'SUP-999' } } as never));
  expect(outcome).toEqual({ issueId: '999999', result: 'deleted' });
});
