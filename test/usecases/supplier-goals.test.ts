// Supplier goals (formats.md §6) through the app on the strict local runtime: a request that waits for the supplier
// starts the supplier's goal, measured on the supplier's hours with its own target; agents see it in the issue panel,
// apart from the customer's obligations; the customer's portal never shows it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import type { IssuePanelView } from '../../src/views/issue-panel';
import type { PortalCommitments } from '../../src/resolver-contract';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
// Thursday 26 November 2026, 10:00 in Copenhagen.
const NOW = Date.parse('2026-11-26T09:00:00Z');
type Bundle = { actions: unknown[]; actionModels: unknown[]; goals: unknown[]; suppliers?: unknown[] };
const demo = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as Bundle;
// Nordlys hands a request to its hosting supplier by moving it to "Waiting for release"; the supplier owes a fix in 2 hours, around the clock.
const bundle: Bundle = {
  ...demo,
  actions: [...demo.actions, { id: 'to-supplier', name: 'Handed to the supplier', when: { event: 'status', to: ['Waiting for release'] } }, { id: 'from-supplier', name: 'Back from the supplier', when: { event: 'status', to: ['In Progress'] } }],
  // The customer's clock parks while the request waits for the supplier; the supplier's runs.
  actionModels: [...demo.actionModels, { id: 'supplier', name: 'Supplier', pauseInStatuses: [] }],
  goals: [...demo.goals, { id: 'supplier-fix', name: 'Fix by supplier', actionModel: 'supplier', supplier: 'nordhost', start: ['to-supplier'], stop: ['from-supplier'], cancel: ['resolved'] }],
  suppliers: [{ id: 'nordhost', name: 'Nordhost Datacenter', calendar: 'always', targets: [{ goal: 'supplier-fix', target: 'PT2H' }] }],
};

let host: ForgeHost;
beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  const saved = await host.invoke<{ ok: boolean; errors?: unknown }>('adminResolver', 'admin/config/save', { bundle, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved).toMatchObject({ ok: true });
  await host.drainQueue();
});
afterEach(() => host.close());

test("waiting for the supplier starts its goal: the agent sees it apart, on the supplier's hours; the customer never", async () => {
  const created = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Servers unreachable', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
  await host.settle();
  host.advance(30 * 60_000);
  host.double.transition(created.key, 'Waiting for release', { by: a.lars });
  await host.settle();
  host.advance(30 * 60_000);
  const extension = { issue: { id: created.id, key: created.key }, project: { key: 'SUP', id: '10000', type: 'service_desk' } };
  const panel = await host.invoke<{ ok: boolean; data: IssuePanelView }>('issuePanelResolver', 'issue/obligations', {}, { accountId: a.lars, extension });
  expect(panel.ok).toBe(true);
  expect(panel.data.supplierObligations.map((o) => [o.goalName, o.state, o.targetSeconds, o.elapsedSeconds, o.deadline, o.calendar.id])).toEqual([
    ['Nordhost Datacenter: Fix by supplier', 'running', 7_200, 1_800, '2026-11-26T11:30:00Z', 'always'],
  ]);
  // The customer's obligations never list it, nor does the customer's next goal name it.
  expect(panel.data.obligations.map((o) => o.goal)).not.toContain('supplier-fix');
  expect(panel.data.guidance.goal).not.toBe('supplier-fix');
  // Back from the supplier within its target: met.
  host.double.transition(created.key, 'In Progress', { by: a.lars });
  await host.settle();
  const after = await host.invoke<{ data: IssuePanelView }>('issuePanelResolver', 'issue/obligations', {}, { accountId: a.lars, extension });
  expect(after.data.supplierObligations.map((o) => [o.state, o.breached])).toEqual([['completed', false]]);

  const portal = await host.invoke<{ ok: boolean; data: PortalCommitments }>('portalResolver', 'portal/commitments', {}, { accountId: a.sofie, moduleKey: 'contract-sla-portal-commitments', extension: { request: { key: created.key }, portal: { id: '1' } } });
  expect(portal.ok).toBe(true);
  expect(JSON.stringify(portal.data)).not.toMatch(/supplier|Nordhost/i);
});
