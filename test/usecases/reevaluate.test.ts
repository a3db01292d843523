// Applying a saved configuration to the site's requests: every active request of every service project, with the
// progress an admin watches, resumed by the scheduled trigger after the worker died, and stopped by a newer save.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { currentReevaluation, type Reevaluation } from '../../src/adapters/storage/reevaluation-store';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as { version: number };
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;
const HOUR = 3_600_000;

let host: ForgeHost;

async function save(bundle: unknown, expectedVersion: number): Promise<void> {
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle, expectedVersion }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
}

const progress = (): Promise<Reevaluation | undefined> => runAs(undefined, () => currentReevaluation());
// The service project's requests: the contracts project's issues are no requests.
const unresolved = () => host.double.toJSON().issues.filter((issue) => issue.resolutionId === null && issue.key.startsWith('SUP-'));
const versions = () => Promise.all(unresolved().map((issue) => runAs(undefined, () => readIssueRecord(issue.id)).then((r) => r?.configVersion)));

beforeEach(() => {
  // Requests raised before the app was configured: the app has stored none of them yet.
  host = new ForgeHost({ now: NOW });
  for (let i = 0; i < 130; i++) {
    host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.serviceRequest, reporter: i % 2 ? a.anders : a.karen, summary: `Account ${i}`, fieldValues: { environment: 'Production', product: 'Payroll' } });
  }
});
afterEach(() => host.close());

test('a save applies the configuration to every unresolved request, in pages, and reports how far it came', async () => {
  await host.settle();
  await save(config, 0);
  expect(await progress()).toMatchObject({ version: 1, state: 'running', done: 0, estimate: unresolved().length });
  await host.drainQueue();
  expect(await progress()).toMatchObject({ version: 1, state: 'done', done: unresolved().length, failed: 0 });
  expect(new Set(await versions())).toEqual(new Set([1]));
});

test('a worker that dies part-way is resumed by the scheduled trigger, from where it got to, and nothing is counted twice', async () => {
  await host.settle();
  await save(config, 0);
  // The worker's every progress report after its first page fails for good, until its job is dropped.
  host.faults.inject({ target: 'kvs', entity: 'reevaluation', operation: 'transact', skip: 1, status: 400, code: 'BAD_REQUEST', times: 1000 });
  for (let hour = 0; hour < 26; hour++) {
    await host.drainQueue().catch(() => undefined);
    host.advance(HOUR);
  }
  expect(host.app.queue.pending()).toEqual([]);
  const stalled = (await progress())!;
  expect(stalled).toMatchObject({ state: 'running', done: 0 });
  host.faults.clear();

  await host.runSchedule();
  await host.drainQueue();
  expect(await progress()).toMatchObject({ version: 1, state: 'done', done: unresolved().length, failed: 0 });
  expect(new Set(await versions())).toEqual(new Set([1]));
});

test('a newer save supersedes a re-evaluation under way: its worker stops, the newer one finishes', async () => {
  await host.settle();
  await save(config, 0);
  // A different configuration (the same one again would make no version and apply nothing).
  const renamed = structuredClone(config) as unknown as { calendars: Array<{ name?: string }> };
  renamed.calendars[0]!.name = 'Office hours (renamed)';
  await save(renamed, 1);
  await host.drainQueue();
  expect(await progress()).toMatchObject({ version: 2, state: 'done', done: unresolved().length });
  expect(new Set(await versions())).toEqual(new Set([2]));
});

test("when Jira says the app's allowance runs low, the re-evaluation waits a quarter of an hour instead of spending the rest", async () => {
  // A small hourly allowance: the 130 requests cost about 700 points, more than 80 % of it, so Jira's near-limit header comes first.
  host.close();
  host = new ForgeHost({ now: NOW, jiraRateLimit: { pointsPerHour: 750 } });
  for (let i = 0; i < 130; i++) {
    host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.serviceRequest, reporter: i % 2 ? a.anders : a.karen, summary: `Account ${i}`, fieldValues: { environment: 'Production', product: 'Payroll' } });
  }
  await host.settle();
  await save(config, 0);
  await host.drainQueue();
  const paused = (await progress())!;
  expect(paused).toMatchObject({ version: 1, state: 'running', failed: 0 });
  expect(paused.done).toBeGreaterThan(0);
  // The work waits, queued with the longest delay a job may have, and nothing was refused by Jira meanwhile.
  expect(host.app.queue.pending().map((e) => e.dueAt - host.clock.now)).toEqual([900_000]);
  expect(host.jiraRateLimit.counters.rateLimited).toBe(0);

  // The allowance resets on the hour; the waiting work carries on and finishes.
  for (let i = 0; i < 8 && (await progress())!.state !== 'done'; i++) {
    host.advance(HOUR);
    await host.drainQueue();
  }
  expect(await progress()).toMatchObject({ version: 1, state: 'done', done: unresolved().length, failed: 0 });
  expect(new Set(await versions())).toEqual(new Set([1]));
});
