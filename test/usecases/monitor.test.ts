// Monitoring across customers on the strict local runtime: what is breached, what reaches an escalation or its
// deadline within the horizon, what was escalated — grouped, filtered by customer, for licensed users only, limited
// to the projects they may browse, and read from two indexes (never every record).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import type { MonitoringView } from '../../src/views/monitoring';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
const MINUTE = 60_000;
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const page = { moduleKey: 'contract-sla-monitoring', extension: { type: 'jira:globalPage' } };
const gadget = { moduleKey: 'contract-sla-monitoring-gadget', extension: { type: 'jira:dashboardGadget', gadgetConfiguration: {} } };

let host: ForgeHost;
beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved.ok).toBe(true);
  await host.drainQueue();
  await host.replaySeededRequests();
  await host.runSchedule();
});
afterEach(() => host.close());

const overview = async (payload: Record<string, unknown>, accountId: string = a.lars, module = page) => {
  const answer = await host.invoke<{ ok: boolean; data: MonitoringView; errors?: Array<{ code: string; path?: string }> }>('monitoringResolver', 'monitoring/overview', payload, { accountId, ...module });
  return answer;
};
const rowsOf = (view: MonitoringView, key: string) => view.groups.flatMap((g) => g.rows).filter((r) => r.issueKey === key).map((r) => [r.kind, r.goal.id, r.escalation?.id ?? null, r.at]);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

function raise(reporter: string, priority: string, summary: string) {
  return host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter, summary, fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority } });
}

test('across customers: an escalation coming due, then reached and sent, then the breach; each with its instant', async () => {
  const acme = raise(a.sofie, 'p1', 'Payroll is down');
  await host.settle();
  const before = (await overview({ horizonHours: 1 })).data;
  // P1 (30 min reply, 24×7): half of it at 10:15, the reply due 10:30, the internal triage at 11:00.
  expect(rowsOf(before, acme.key)).toEqual([
    ['escalation', 'response', 'response-half', iso(NOW + 15 * MINUTE)],
    ['deadline', 'response', null, iso(NOW + 30 * MINUTE)],
    ['deadline', 'triage-ola', null, iso(NOW + 60 * MINUTE)],
  ]);

  host.advance(15 * MINUTE);
  await host.runSchedule();
  host.advance(20 * MINUTE);
  await host.runSchedule();
  const after = (await overview({ horizonHours: 1 })).data;
  expect(rowsOf(after, acme.key)).toEqual([
    ['breached', 'response', null, iso(NOW + 30 * MINUTE)],
    ['deadline', 'triage-ola', null, iso(NOW + 60 * MINUTE)],
    ['escalated', 'response', 'response-half', iso(NOW + 15 * MINUTE)],
  ]);
  const escalated = after.groups.flatMap((g) => g.rows).find((r) => r.kind === 'escalated' && r.issueKey === acme.key)!;
  expect(escalated).toMatchObject({ customer: { id: 'acme', name: 'ACME A/S' }, agreement: { id: 'acme-prod' }, recipients: ['group service-managers'], late: false, escalation: { threshold: '50 % of the time used' } });
  expect(after.totals.breached).toBeGreaterThanOrEqual(1);
  expect(after.customers.map((c) => c.id)).toEqual(['acme', 'fjord', 'fjell', 'fjell-us']);
});

test('grouped by customer, agreement, assignee or goal; filtered by customer; the horizon bounds both ways', async () => {
  const acme = raise(a.sofie, 'p1', 'Payroll is down');
  const fjord = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.karen, summary: 'Trucks invisible', fieldValues: { environment: 'Production', product: 'Fleet' }, contractPriority: { priority: 'red' } });
  host.double.assign(fjord.key, a.lars);
  await host.settle();
  const byCustomer = (await overview({ horizonHours: 2 })).data;
  expect(byCustomer.groups.map((g) => g.key).sort()).toEqual(['acme', 'fjord']);
  for (const group of byCustomer.groups) expect(group.rows.every((r) => r.customer?.id === group.key)).toBe(true);
  expect(byCustomer.groups.find((g) => g.key === 'fjord')!.rows.some((r) => r.issueKey === fjord.key)).toBe(true);

  const byAssignee = (await overview({ horizonHours: 2, groupBy: 'assignee' })).data;
  expect(byAssignee.groups.find((g) => g.label === 'Lars Nielsen')!.rows.map((r) => r.issueKey)).toContain(fjord.key);
  expect(byAssignee.groups.find((g) => g.label === 'Unassigned')!.rows.map((r) => r.issueKey)).toContain(acme.key);
  const byGoal = (await overview({ horizonHours: 2, groupBy: 'goal' })).data;
  expect(byGoal.groups.map((g) => g.key)).toEqual(expect.arrayContaining(['response', 'triage-ola']));
  const byAgreement = (await overview({ horizonHours: 2, groupBy: 'agreement' })).data;
  expect(byAgreement.groups.map((g) => g.key)).toEqual(expect.arrayContaining(['acme-prod', 'fjord-prod']));

  const fjordOnly = (await overview({ horizonHours: 2, customers: ['fjord'] }, a.lars, gadget)).data;
  expect(fjordOnly.groups.map((g) => g.key)).toEqual(['fjord']);
  // Within an hour, a P3 request shows its internal triage (1 h) but not its reply (8 office hours); within a day, both.
  const slow = raise(a.anders, 'p3', 'A report looks odd');
  await host.settle();
  expect(rowsOf((await overview({ horizonHours: 1 })).data, slow.key).map((r) => r[1])).toEqual(['triage-ola']);
  expect(rowsOf((await overview({ horizonHours: 24 })).data, slow.key).map((r) => r[1])).toEqual(expect.arrayContaining(['triage-ola', 'response']));
});

test("grouped by customer group: a member's request counts under its group, and choosing the group takes its members", async () => {
  const member = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.nora, summary: 'Export fails', fieldValues: { environment: 'Production', product: 'Payroll' },
    contractPriority: { priority: 'p1', agreement: 'fjell-group-prod', impact: 'company', urgency: 'stopped' },
  });
  raise(a.sofie, 'p1', 'Payroll is down');
  await host.settle();
  // Within a day the member's reply (1 business hour from 08:00 in New York) comes due.
  const byGroup = (await overview({ horizonHours: 24, groupBy: 'group' })).data;
  expect(byGroup.groups.map((g) => [g.key, g.label])).toEqual(expect.arrayContaining([['acme', 'ACME A/S'], ['fjell', 'Fjell Group']]));
  // No member is a group of its own there.
  expect(byGroup.groups.map((g) => g.key)).not.toContain('fjell-us');
  expect(byGroup.groups.find((g) => g.key === 'fjell')!.rows.map((r) => [r.issueKey, r.customer?.id])).toContainEqual([member.key, 'fjell-us']);
  const groupOnly = (await overview({ horizonHours: 24, customers: ['fjell'] })).data;
  expect(new Set(groupOnly.groups.flatMap((g) => g.rows.map((r) => r.customer?.id)))).toEqual(new Set(['fjell-us']));
});

test('reads two index ranges, not every record: one page of what is at risk and one of what was sent', async () => {
  for (let i = 0; i < 30; i++) raise(a.anders, 'p5', `Slow ${i}`);
  raise(a.sofie, 'p1', 'Payroll is down');
  await host.settle();
  const counters = host.runtime.counters.storage;
  const queriesBefore = counters.byOperation['/api/v1/entity/query']?.requests ?? 0;
  const readBefore = counters.readUnits;
  const view = (await overview({ horizonHours: 1 })).data;
  expect(view.totals.escalation + view.totals.deadline).toBeGreaterThan(0);
  // The configuration read, then one query of each index.
  expect((counters.byOperation['/api/v1/entity/query']?.requests ?? 0) - queriesBefore).toBe(2);
  // The 30 slow requests (some 40 open records in all) are not read: a few units, not one per record.
  expect(counters.readUnits - readBefore).toBeLessThan(15);
});

test('for licensed users who may browse the project; customers never; a bad payload names its field', async () => {
  raise(a.sofie, 'p1', 'Payroll is down');
  await host.settle();
  await expect(overview({}, a.sofie)).rejects.toMatchObject({ code: 'MODULE_NOT_AVAILABLE' });
  // Lars, an agent of SUP, sees it; an agent of no project sees nothing of SUP.
  host.double.addUser({ accountId: '712020:outsider', displayName: 'Olga Outsider', emailAddress: 'olga@nordlys-it.dk', accountType: 'atlassian', timeZone: 'Europe/Copenhagen' });
  const other = host.double.addProject({ id: '10001', key: 'OPS', name: 'Operations', serviceDeskId: '2', administrators: ['712020:outsider'], agents: ['712020:outsider'] });
  expect(other.key).toBe('OPS');
  const outsider = await overview({ horizonHours: 8 }, '712020:outsider');
  expect(outsider.ok).toBe(true);
  expect(outsider.data.groups).toEqual([]);
  expect((await overview({ horizonHours: 8 })).data.groups.length).toBeGreaterThan(0);
  const bad = await overview({ horizonHours: 500, groupBy: 'colour' });
  expect(bad.ok).toBe(false);
  expect(bad.errors!.map((e) => e.path).sort()).toEqual(['payload.groupBy', 'payload.horizonHours']);
});
