// Which agreement applies to a request that is not shared with the customer's organization, and who sees its
// commitments: the request belongs to its reporter's customer; JSM's own sharing decides who may look.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
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

const commitments = (accountId: string, key: string) =>
  host.invoke<{ ok: boolean; data?: { agreement: { id: string } | null }; errors?: Array<{ code: string }> }>('portalResolver', 'portal/commitments', {}, { accountId, moduleKey: 'contract-sla-portal-commitments', extension: { request: { key } } });

test("a request shared with no one is measured by its reporter's agreement, and only its reporter sees the commitments", async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Private matter', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' }, organizationIds: [] });
  await host.settle();
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toMatchObject({ customer: 'acme', agreement: 'acme-prod' });
  expect(await commitments(a.sofie, request.key)).toMatchObject({ ok: true, data: { agreement: { id: 'acme-prod' } } });
  // Her colleague in the same organization is not shown a request she did not share.
  expect(await commitments(a.anders, request.key)).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
});

test("a participant from another organization sees the commitments, and the request stays its reporter's customer's", async () => {
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Joint issue', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' }, participants: [a.karen] });
  await host.settle();
  expect(await runAs(undefined, () => readIssueRecord(request.id))).toMatchObject({ customer: 'acme', agreement: 'acme-prod' });
  expect(await commitments(a.karen, request.key)).toMatchObject({ ok: true, data: { agreement: { id: 'acme-prod' } } });
  // Karen's own colleague is neither a participant nor in the shared organization.
  expect(await commitments(a.jens, request.key)).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
});
