// A stored record never goes backwards, in history or in configuration: two computations of one request are
// interleaved at the use-case level (one held after reading, the other run to the end), and whichever writes last,
// the newer result stays.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JiraClient } from '../../src/adapters/jira/client';
import type { IssueRecord } from '../../src/adapters/storage/issue-record';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { decodeCycles } from '../../src/adapters/storage/issue-record';
import { recomputeIssue } from '../../src/usecases/recompute-issue';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as { agreements: Array<{ id: string; targets: Array<{ goal: string; target: string }> }> };
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;

/** A gate a computation waits at until the test opens it; `reached` tells the test it is waiting there. */
class Gate {
  private opened!: () => void;
  private arrived!: () => void;
  readonly open = new Promise<void>((resolve) => (this.opened = resolve));
  readonly reached = new Promise<void>((resolve) => (this.arrived = resolve));
  async pass(): Promise<void> {
    this.arrived();
    await this.open;
  }
  let(): void {
    this.opened();
  }
}

/** A Jira client whose history read is held twice: before Jira is read, and after, before the result is used. */
class HeldJira extends JiraClient {
  readonly beforeRead = new Gate();
  readonly afterRead = new Gate();
  override async readIssueHistory(...args: Parameters<JiraClient['readIssueHistory']>) {
    await this.beforeRead.pass();
    const history = await super.readIssueHistory(...args);
    await this.afterRead.pass();
    return history;
  }
}

let host: ForgeHost;

async function save(bundle: unknown, expectedVersion: number): Promise<void> {
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle, expectedVersion }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
}

const stored = (id: string): Promise<IssueRecord> => runAs(undefined, () => readIssueRecord(id)).then((r) => r!);
const resolutionTarget = (record: IssueRecord): number => decodeCycles(record).find((o) => o.goal === 'resolution')!.targetMs;

beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  await save(config, 0);
});
afterEach(() => host.close());

test('an event computed with configuration v1, held while v2 is saved and applied, does not replace the v2 result', async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Payroll export stops', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  expect(resolutionTarget(await stored(request.id))).toBe(16 * 3_600_000);

  // The event of an agent's reply has read the stored record and configuration v1, and waits to read Jira.
  const held = new HeldJira();
  const late = runAs(undefined, () => recomputeIssue(request.id, held, host.clock.now));
  await held.beforeRead.reached;
  host.advance(60_000);
  host.double.addComment(request.key, { author: a.lars, body: 'Looking into it now.', public: true });
  await host.settle();
  // Meanwhile an admin raises the resolution target to 24 h, and re-evaluation stores the request under v2.
  const v2 = structuredClone(config);
  for (const t of v2.agreements[0]!.targets) if (t.goal === 'resolution' && t.target === 'PT16H') t.target = 'PT24H';
  await save(v2, 1);
  const afterV2 = await stored(request.id);
  expect(afterV2.configVersion).toBe(2);
  expect(resolutionTarget(afterV2)).toBe(24 * 3_600_000);

  held.beforeRead.let();
  held.afterRead.let();
  expect(await late).toMatchObject({ result: 'newer-stored' });
  expect(await stored(request.id)).toEqual(afterV2);
});

test('two changes in the same millisecond: the computation of the first does not replace that of the second', async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Login fails', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  host.advance(60_000);
  // A computation that read the record before the first change, and Jira after it: its result differs from what it read.
  const held = new HeldJira();
  const first = runAs(undefined, () => recomputeIssue(request.id, held, host.clock.now));
  await held.beforeRead.reached;
  host.double.transition(request.key, 'In Progress', { by: a.lars });
  await host.settle();
  held.beforeRead.let();
  await held.afterRead.reached;
  // The agent's reply lands in the very same millisecond (the site's clock has not moved) and is stored.
  host.double.addComment(request.key, { author: a.lars, body: 'Looking into it now.', public: true });
  await host.settle();
  const withReply = await stored(request.id);
  expect(decodeCycles(withReply).find((o) => o.goal === 'response')).toMatchObject({ state: 'completed' });

  held.afterRead.let();
  expect(await first).toMatchObject({ result: 'newer-stored' });
  expect(await stored(request.id)).toEqual(withReply);
});

test('an older history, held while a newer one is stored, is refused', async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Slow reports', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  host.advance(60_000);
  const held = new HeldJira();
  const older = runAs(undefined, () => recomputeIssue(request.id, held, host.clock.now));
  await held.beforeRead.reached;
  host.double.addComment(request.key, { author: a.lars, body: 'First reply.', public: true });
  await host.settle();
  held.beforeRead.let();
  await held.afterRead.reached;
  host.advance(60_000);
  host.double.transition(request.key, 'Waiting for customer', { by: a.lars });
  await host.settle();
  const newer = await stored(request.id);
  held.afterRead.let();
  expect(await older).toMatchObject({ result: 'newer-stored' });
  expect(await stored(request.id)).toEqual(newer);
});
