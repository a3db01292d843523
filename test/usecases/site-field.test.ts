// A request's site (formats.md §6) from its JSM organization, or from a "Site" request field that names one of the
// customer's sites (by id or name): the field, when it names one, wins over the organization's; a name of no site of
// the customer or its groups changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAs } from '../../offline/forge-runtime';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { ForgeHost } from '../../offline/sandbox/forge-host';
import { decodeCycles } from '../../src/adapters/storage/issue-record';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { siteNamed } from '../../src/engine/site';
import type { ConfigBundle } from '../../src/engine/types';

const root = path.join(__dirname, '../..');
const a = DEMO_ACCOUNTS;
const NOW = Date.parse('2026-11-26T09:00:00Z');
const demo = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as ConfigBundle;
// Fjell Shipping US has a second site, in Houston, without an organization of its own: requests name it in the field.
const bundle: ConfigBundle = {
  ...demo,
  customers: demo.customers.map((c) => (c.id === 'fjell-us' ? { ...c, sites: [...(c.sites ?? []), { id: 'fjell-hou', name: 'Houston office', timezone: 'America/Chicago' }] } : c)),
};

test.each([
  ['fjell-us', 'Houston office', 'fjell-hou'],
  ['fjell-us', 'houston OFFICE ', 'fjell-hou'],
  ['fjell-us', 'fjell-nyc', 'fjell-nyc'],
  ['fjell-us', 'Oslo office', undefined],
  ['fjell-us', '', undefined],
  ['fjell-us', undefined, undefined],
  // Another customer's site is no site of ACME's.
  ['acme', 'Houston office', undefined],
] as const)('for %s, the field text %j names site %s', (customer, text, site) => {
  expect(siteNamed(bundle, customer, text)).toBe(site);
});

let host: ForgeHost;
beforeEach(async () => {
  host = new ForgeHost({ now: NOW });
  host.double.addCustomField({ kind: 'select', id: 'customfield_10070', name: 'Site', options: ['New York office', 'Houston office', 'Oslo office'].map((value, i) => ({ id: String(10080 + i), value })) });
  const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
  expect(saved).toMatchObject({ ok: true });
  await host.drainQueue();
});
afterEach(() => host.close());

async function raisedWithSite(site: string | undefined) {
  const created = host.double.createRequest({
    requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.nora, summary: 'Export fails', fieldValues: { environment: 'Production', product: 'Payroll', Site: site },
    contractPriority: { priority: 'p2', agreement: 'fjell-group-prod', impact: 'company', urgency: 'today' },
  });
  await host.settle();
  const record = (await runAs(undefined, () => readIssueRecord(created.id)))!;
  return { site: record.site, calendar: decodeCycles(record).find((o) => o.goal === 'response')?.calendar };
}

test.each([
  ['Houston office', 'fjell-hou', 'cph-office@America/Chicago'],
  [undefined, 'fjell-nyc', 'cph-office@America/New_York'],
  ['Oslo office', 'fjell-nyc', 'cph-office@America/New_York'],
])('the Site field %j: the request is measured at %s (%s)', async (field, site, calendar) => {
  expect(await raisedWithSite(field)).toEqual({ site, calendar });
});
