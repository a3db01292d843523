// Contract reminders sent by the hourly run on the strict local runtime and the JSM double: each occurrence exactly
// once, at its hour, about the contract's issue, to its owner and the groups it names (never a customer), whatever
// happens around it — runs at every hour, overlapping runs, a crash between asking Jira and recording it, a refusal,
// a run that could not happen in time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReminder, reminderKey, type ReminderDelivery } from '../../src/adapters/storage/reminder-ledger';
import type { RemindersRun } from '../../src/usecases/send-contract-reminders';
import { nextReminderWork } from '../../src/usecases/send-contract-reminders';
import type { ReminderStatus } from '../../src/views/reminder-deliveries';
import type { ContractsView } from '../../src/views/contracts';
import { DEMO_ACCOUNTS } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const HOUR = 3_600_000;
/**
 * The demo's ACME Production contract (ACME-2026-01, CON-1) renews automatically on 1 January 2027 unless notice is
 * given a month before: its notice deadline is 1 December 2026 and its reminder three days earlier, at 00:00 on
 * Saturday 28 November in Copenhagen. Fjord's (FJ-2026-03, CON-2) has its notice deadline on 1 January 2027 and a
 * reminder 30 days earlier, at 00:00 on 2 December.
 */
const ACME_DUE = Date.parse('2026-11-27T23:00:00Z');
const FJORD_DUE = Date.parse('2026-12-01T23:00:00Z');

type Bundle = { agreements: Array<{ id: string; contract?: { reminders: Array<{ notify?: string[] }> } }> };
const demo = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as Bundle;

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
  await save(demo);
});
afterEach(() => host.close());

/** The hourly run at an instant. */
async function runAt(instant: number): Promise<RemindersRun> {
  host.advance(instant - host.clock.now);
  return (await host.runSchedule('contract-reminders')) as RemindersRun;
}
const notificationsOf = (key: string) => host.double.notifications.filter((n) => n.issueKey === key);
const ledger = (contract: string, reminder: string, anchor: string): Promise<ReminderDelivery | undefined> =>
  runAs(undefined, () => readReminder(reminderKey(contract, reminder, anchor)));
const acmeEntry = () => ledger('agreement:acme-prod', 'notice-in-3-days', '2026-12-01');
const adminStatus = () => host.invoke<{ ok: boolean; data: ReminderStatus }>('adminResolver', 'admin/reminders/status', {}, admin).then((r) => r.data);

test('sent once at its hour, about the contract issue, to the owner and the group it names', async () => {
  expect(await runAt(ACME_DUE - HOUR)).toEqual({ sent: 0, failed: 0, unconfirmed: 0, waiting: 0 });
  expect(notificationsOf('CON-1')).toEqual([]);

  expect(await runAt(ACME_DUE)).toEqual({ sent: 1, failed: 0, unconfirmed: 0, waiting: 0 });
  const [sent, ...more] = notificationsOf('CON-1');
  expect(more).toEqual([]);
  expect(sent).toMatchObject({ at: ACME_DUE, subject: 'Contract ACME-2026-01: notice deadline 1 Dec 2026 (ACME A/S)' });
  expect(sent!.textBody).toBe(
    'Contract ACME-2026-01 with ACME A/S (agreement ACME Production, acme-prod): the notice deadline is 1 Dec 2026, the last day to give 1 month\' notice for the contract to end after 31 Dec 2026. It renews automatically for 1 year (to 31 Dec 2027) unless notice is given.\n\n' +
      'This is the reminder notice-in-3-days, 3 days before the notice deadline.',
  );
  // Mette owns the contract and is the service managers' group: one e-mail.
  expect(sent!.recipients.map((r) => [r.displayName, r.why])).toEqual([['Mette Hansen', 'user']]);
  expect(await acmeEntry()).toMatchObject({ state: 'sent', notify: 'done', sentAt: ACME_DUE, late: false, issueKey: 'CON-1', recipients: ['Mette Hansen (contract owner)', 'group service-managers'] });

  // Every later hour until the deadline is over finds it sent.
  for (const instant of [ACME_DUE + HOUR, ACME_DUE + 2 * HOUR, Date.parse('2026-12-01T20:00:00Z')]) expect((await runAt(instant)).sent).toBe(0);
  expect(notificationsOf('CON-1')).toHaveLength(1);
  expect((await adminStatus()).recent.map((r) => [r.number, r.reminder, r.anchor])).toEqual([['ACME-2026-01', 'notice-in-3-days', '2026-12-01']]);
});

test('two runs at the same hour (a duplicated invocation) send it once', async () => {
  host.advance(ACME_DUE - host.clock.now);
  const runs = await host.runOverlappingSchedules(2, 'contract-reminders');
  const reports = runs.map((r) => r.result as RemindersRun);
  expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
  expect(notificationsOf('CON-1')).toHaveLength(1);
});

test('a crash between asking Jira and recording it: taken over by a later run, never sent twice, shown as unconfirmed', async () => {
  // Every write of the ledger after the claim fails: the run dies with Jira asked and nothing recorded.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  host.faults.inject({ target: 'kvs', entity: 'reminder-ledger', operation: 'transact', status: 500, times: 100 });
  expect(await runAt(ACME_DUE)).toMatchObject({ sent: 0, failed: 1 });
  host.faults.clear();
  expect(logged).toHaveBeenCalledWith('could not send the reminder agreement:acme-prod/notice-in-3-days/2026-12-01', expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }));
  logged.mockRestore();
  expect(notificationsOf('CON-1')).toHaveLength(1);
  expect(await acmeEntry()).toMatchObject({ state: 'claimed', notify: 'started' });

  // Within the claim nobody touches it; the next hourly run finds it expired, and takes over without asking Jira again.
  expect(await runAt(ACME_DUE + 5 * 60_000)).toMatchObject({ sent: 0, waiting: 1 });
  expect(await runAt(ACME_DUE + HOUR)).toMatchObject({ sent: 0, unconfirmed: 1 });
  expect(notificationsOf('CON-1')).toHaveLength(1);
  expect(await acmeEntry()).toMatchObject({ state: 'sent', notify: 'unconfirmed', problem: 'unconfirmed' });
  expect((await adminStatus()).unconfirmed.map((r) => [r.number, r.reminder, r.issueKey])).toEqual([['ACME-2026-01', 'notice-in-3-days', 'CON-1']]);
  expect((await runAt(ACME_DUE + 2 * HOUR)).unconfirmed).toBe(0);
});

test('a refusal is retried with back-off, shown to the admin meanwhile, and sent once Jira accepts', async () => {
  host.faults.inject({ target: 'product', method: 'POST', path: /\/issue\/CON-1\/notify/, status: 400, times: 2 });
  expect(await runAt(ACME_DUE)).toMatchObject({ sent: 0, failed: 1 });
  expect(await acmeEntry()).toMatchObject({ state: 'failed', attempts: 1, retryAt: ACME_DUE + 5 * 60_000, notify: 'pending', problem: 'failed' });
  const status = await adminStatus();
  expect(status.failed.map((r) => [r.number, r.reminder, r.attempts, r.retryAt])).toEqual([['ACME-2026-01', 'notice-in-3-days', 1, '2026-11-27T23:05:00Z']]);
  expect(status.failed[0]!.lastError).toContain('Jira answered 400');
  // The sandbox's clock asks when to run next: at the retry.
  expect(await runAs(undefined, () => nextReminderWork(host.clock.now))).toBe(ACME_DUE + 5 * 60_000);

  expect(await runAt(ACME_DUE + HOUR)).toMatchObject({ failed: 1 });
  expect(await acmeEntry()).toMatchObject({ state: 'failed', attempts: 2, retryAt: ACME_DUE + HOUR + 10 * 60_000 });
  expect(await runAt(ACME_DUE + 2 * HOUR)).toMatchObject({ sent: 1 });
  expect(notificationsOf('CON-1')).toHaveLength(1);
  const entry = await acmeEntry();
  expect(entry).toMatchObject({ state: 'sent', notify: 'done', attempts: 2, late: false });
  expect(entry).not.toHaveProperty('problem');
  expect(entry).not.toHaveProperty('lastError');
  expect((await adminStatus()).failed).toEqual([]);
});

test('after a time the app could not run: a reminder still of use is sent late, one whose deadline passed is not', async () => {
  // Nothing ran from Thursday until 10 December: ACME's deadline (1 December) is over; Fjord's (1 January) is not.
  expect(await runAt(Date.parse('2026-12-10T08:00:00Z'))).toEqual({ sent: 1, failed: 0, unconfirmed: 0, waiting: 0 });
  expect(notificationsOf('CON-1')).toEqual([]);
  const [fjord] = notificationsOf('CON-2');
  expect(fjord!.subject).toBe('[late] Contract FJ-2026-03: notice deadline 1 Jan 2027 (Fjord Logistik ApS)');
  expect(fjord!.textBody).toContain('It is renewed by hand: without a renewal it expires then.');
  expect(fjord!.textBody).toContain('Sent late, at Thu 10 Dec 2026, 09:00: it was due at Wed 2 Dec 2026, 00:00 (Europe/Copenhagen).');
  expect(await ledger('agreement:fjord-prod', 'notice-in-30-days', '2027-01-01')).toMatchObject({ state: 'sent', late: true, dueAt: FJORD_DUE });
  expect(await acmeEntry()).toBeUndefined();
});

test('a customer named in a reminder is never told: Jira sends it only to people who may edit the contract issue', async () => {
  const bundle = structuredClone(demo);
  bundle.agreements.find((g) => g.id === 'acme-prod')!.contract!.reminders[0]!.notify = ['owner', `user:${a.sofie}`, `user:${a.lars}`];
  await save(bundle);
  await runAt(ACME_DUE);
  // Lars works in the service desk, not in the contracts project: he may not edit CON-1 either.
  expect(notificationsOf('CON-1').map((n) => n.recipients.map((r) => r.displayName))).toEqual([['Mette Hansen']]);
  expect((await acmeEntry())!.recipients).toEqual(['Mette Hansen (contract owner)', 'Sofie Jensen', 'Lars Nielsen']);
});

describe('the contracts page (contracts/list)', () => {
  type Listed = { ok: boolean; data?: ContractsView; errors?: Array<{ code: string }> };
  const list = (accountId: string) => host.invoke<Listed>('monitoringResolver', 'contracts/list', {}, { accountId, moduleKey: 'contract-sla-monitoring', extension: { type: 'jira:globalPage' } });

  test('a contract manager sees every contract with its state, term, next date and reminders; after the run, the reminder as sent', async () => {
    const before = (await list(a.mette)).data!;
    expect(before.contracts.map((c) => [c.number, c.state, c.term.start, c.term.lastDay, c.noticeDeadline, c.next])).toEqual([
      ['ACME-2026-01', 'active', '2026-01-01', '2026-12-31', '2026-12-01', { date: '2026-12-01', kind: 'notice' }],
      ['FJ-2026-03', 'active', '2026-03-01', '2027-02-28', '2027-01-01', { date: '2027-01-01', kind: 'notice' }],
    ]);
    const acme = before.contracts[0]!;
    expect(acme).toMatchObject({ key: 'agreement:acme-prod', kind: 'agreement', party: { id: 'acme', name: 'ACME A/S' }, owner: { accountId: a.mette, name: 'Mette Hansen' }, issueKey: 'CON-1', renewal: 'automatic', timezone: 'Europe/Copenhagen' });
    expect(acme.reminders).toEqual([{ id: 'notice-in-3-days', before: 'notice', offset: 'P3D', notify: expect.any(Array), next: { anchor: '2026-12-01', at: '2026-11-27T23:00:00Z' }, last: null }]);

    await runAt(ACME_DUE);
    const after = (await list(a.mette)).data!;
    // The next occurrence is the renewed term's; the last one is the one just sent.
    expect(after.contracts[0]!.reminders[0]).toMatchObject({ next: { anchor: '2027-12-01' }, last: { state: 'sent', sentAt: '2026-11-27T23:00:00Z', late: false } });
  });

  test('an agent who owns no contract and may not browse the contracts project sees none; a customer is refused', async () => {
    expect((await list(a.lars)).data!.contracts).toEqual([]);
    // The platform itself refuses: the page declares no unlicensed access, so a portal customer never reaches it.
    await expect(list(a.sofie)).rejects.toThrow(/not available to customer users/);
  });
});
