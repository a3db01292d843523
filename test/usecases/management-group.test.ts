// Management figures roll up by customer group (formats.md §6): a member's own agreement and its group's are one
// group under the group's name, while the customer dimension keeps them apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { aggregate, drillDown, type GoalFact, type ManagementFacts, type RequestFact } from '../../src/usecases/management-report';
import { rollUpGroupOf } from '../../src/engine/customer-group';
import type { ConfigBundle } from '../../src/engine/types';

const demo = JSON.parse(readFileSync(path.join(__dirname, '../../examples/nordlys-config.json'), 'utf8')) as ConfigBundle;
// Fjell Shipping US gets a UAT agreement of its own beside the group's Production one.
const bundle: ConfigBundle = { ...demo, agreements: [...demo.agreements, { ...demo.agreements.find((a) => a.id === 'fjell-group-prod')!, id: 'fjell-us-uat', customer: 'fjell-us', environment: 'UAT' }] };

function request(issueKey: string, agreement: string, customer: string): RequestFact {
  return {
    month: '2026-11', agreement, customer, group: rollUpGroupOf(bundle, customer), environment: 'Production', product: 'Payroll', requestType: 'Incident', priority: 'p1', rank: 1,
    assignee: null, assigneeName: null, issueKey, projectKey: 'SUP', summary: null, created: true, resolved: true, open: false, status: 'Resolved',
  };
}
function goal(r: RequestFact, outcome: 'met' | 'breached'): GoalFact {
  return { request: r, goal: 'response', internal: false, cycle: 1, closed: true, outcome, startedAt: 0, endedAt: 1, targetMs: 3_600_000, elapsedMs: outcome === 'met' ? 1 : 7_200_000 } as GoalFact;
}

const member = request('SUP-1', 'fjell-us-uat', 'fjell-us');
const group = request('SUP-2', 'fjell-group-prod', 'fjell');
const acme = request('SUP-3', 'acme-prod', 'acme');
const facts: ManagementFacts = { months: ['2026-11'], requests: [member, group, acme], goals: [goal(member, 'met'), goal(group, 'breached'), goal(acme, 'met')] };
const query = { from: '2026-11', to: '2026-11', scope: 'contractual' as const };

test('by customer group: the member and the group are one line under the group; ACME, in no group, is its own', () => {
  const report = aggregate(bundle, { ...query, groupBy: 'group' }, facts);
  expect(report.groups.map((g) => [g.key, g.label, g.requests?.created, g.contractual?.met, g.contractual?.breached])).toEqual(
    expect.arrayContaining([
      ['fjell', 'Fjell Group', 2, 1, 1],
      ['acme', 'ACME A/S', 1, 1, 0],
    ]),
  );
  expect(report.groups).toHaveLength(2);
});

test('by customer they stay apart, and the requests behind the group figure are both', () => {
  expect(aggregate(bundle, { ...query, groupBy: 'customer' }, facts).groups.map((g) => g.key).sort()).toEqual(['acme', 'fjell', 'fjell-us']);
  expect(drillDown({ ...query, groupBy: 'group', group: 'fjell', measure: 'created' }, facts).map((r) => r.issueKey).sort()).toEqual(['SUP-1', 'SUP-2']);
});
