// Customer groups and sites in the engine (formats.md §6): lineages, the group a customer rolls up under in reports
// and the work list, a group's members, the site a request names, and the customer and site an organization is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { lineageOf, membersOf, rollUpGroupOf, usesGroups } from '../../src/engine/customer-group';
import { organizationOwner, siteOf } from '../../src/engine/site';
import type { ConfigBundle } from '../../src/engine/types';

const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/contracts-config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/contracts-config.json must be valid');
const bundle: ConfigBundle = loaded.value;

test.each([
  ['fjord-us', ['fjord-us', 'fjord-americas', 'fjord'], 'fjord'],
  ['fjord-dk', ['fjord-dk', 'fjord'], 'fjord'],
  ['fjord', ['fjord'], 'fjord'],
  ['stranger', ['stranger'], 'stranger'],
])('%s: lineage %j, rolls up under %s', (customer, lineage, group) => {
  expect(lineageOf(bundle, customer)).toEqual(lineage);
  expect(rollUpGroupOf(bundle, customer)).toBe(group);
});

test("a group's members, the group first, then every customer under it in bundle order", () => {
  expect(membersOf(bundle, 'fjord')).toEqual(['fjord', 'fjord-americas', 'fjord-us', 'fjord-dk', 'fjord-no']);
  expect(membersOf(bundle, 'fjord-americas')).toEqual(['fjord-americas', 'fjord-us']);
  expect(membersOf(bundle, 'fjord-no')).toEqual(['fjord-no']);
});

test('a cycle (which validation refuses) ends the lineage where it closes', () => {
  const cyclic: ConfigBundle = { ...bundle, customers: [{ id: 'a', environments: [], parent: 'b' }, { id: 'b', environments: [], parent: 'a' }] };
  expect(lineageOf(cyclic, 'a')).toEqual(['a', 'b']);
  expect(usesGroups(cyclic)).toBe(true);
  expect(usesGroups({ ...bundle, customers: [{ id: 'a', environments: [] }] })).toBe(false);
});

test.each<[string, string | undefined, string | null]>([
  ['fjord-us', 'fjord-nyc', 'fjord-nyc'],
  ['fjord-us', 'fjord-bergen', null],
  ['fjord-no', 'fjord-bergen', 'fjord-bergen'],
  ['fjord-us', undefined, null],
  ['fjord-us', 'atlantis', null],
])('a request of %s naming site %s is at %s', (customer, site, expected) => {
  expect(siteOf(bundle, { key: 'X-1', customer, created: 0, ...(site === undefined ? {} : { site }) })?.id ?? null).toBe(expected);
});

test.each([
  ['31', { customer: 'fjord-us' }],
  ['32', { customer: 'fjord-us', site: 'fjord-nyc' }],
  ['33', { customer: 'fjord-us', site: 'fjord-houston' }],
  ['21', { customer: 'fjord-dk' }],
  ['99', undefined],
])('organization %s is %j', (organization, owner) => {
  expect(organizationOwner(bundle, organization)).toEqual(owner);
});
