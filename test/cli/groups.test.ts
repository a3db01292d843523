// Customer groups (formats.md §6) through `simulate` on examples/contracts-config.json: which agreement applies to
// a member's request, and why. Fjord Group (fjord) has Fjord Shipping Danmark (fjord-dk), Fjord Shipping Norge
// (fjord-no) and the sub-group Fjord Americas (fjord-americas), which has Fjord Shipping US (fjord-us).
// Agreements: fjord-group-2026 (the group's, 2026) renewed by fjord-group-2027 (from 2027), fjord-americas (from
// 1 March 2026), fjord-dk-payroll (fjord-dk's own, Payroll only). All Production, all in Copenhagen's zone.
import { contractsBundle, contractsConfig, created, simulate } from './contract-cli';

function request(customer: string, createdAt: string, product = 'Payroll', environment = 'Production') {
  return { issue: { key: 'GRP-1', customer, environment, product, priority: 'p3', created: createdAt }, events: [created(createdAt)] };
}

const CASES: Array<[string, string, string, string, string | undefined, string | null]> = [
  // why, customer, created, product, environment, the agreement that applies
  ["a member's own agreement wins over its group's", 'fjord-dk', '2026-11-23T10:00:00Z', 'Payroll', undefined, 'fjord-dk-payroll'],
  ["the member's own agreement covers Payroll only: for HR the group's is inherited", 'fjord-dk', '2026-11-23T10:00:00Z', 'HR', undefined, 'fjord-group-2026'],
  ['a member without an agreement inherits its group’s', 'fjord-no', '2026-11-23T10:00:00Z', 'Payroll', undefined, 'fjord-group-2026'],
  ['the renewal period applies to requests created in it', 'fjord-no', '2027-03-01T10:00:00Z', 'Payroll', undefined, 'fjord-group-2027'],
  ['00:30 on 1 January in Copenhagen is in the renewal period', 'fjord-no', '2026-12-31T23:30:00Z', 'Payroll', undefined, 'fjord-group-2027'],
  ['23:30 on 31 December in Copenhagen is still in the first period', 'fjord-no', '2026-12-31T22:30:00Z', 'Payroll', undefined, 'fjord-group-2026'],
  ['the nearest group wins over a farther one', 'fjord-us', '2026-11-23T10:00:00Z', 'Payroll', undefined, 'fjord-americas'],
  ["before the nearer group's agreement starts, the farther group's applies", 'fjord-us', '2026-02-10T10:00:00Z', 'Payroll', undefined, 'fjord-group-2026'],
  ['an environment no agreement of the lineage has: none applies', 'fjord-us', '2026-11-23T10:00:00Z', 'Payroll', 'UAT', null],
  ["the group's own request takes the group's agreement", 'fjord', '2026-11-23T10:00:00Z', 'Payroll', undefined, 'fjord-group-2026'],
  ['before every validity: none applies', 'fjord-dk', '2025-12-15T10:00:00Z', 'Payroll', undefined, null],
  ['a customer id the bundle does not know: none applies', 'north-star', '2026-11-23T10:00:00Z', 'Payroll', undefined, null],
];

describe('which agreement applies to a member', () => {
  test.each(CASES)('%s', (_why, customer, at, product, environment, expected) => {
    const result = simulate(contractsConfig, request(customer, at, product, environment), at);
    expect(result.agreement).toBe(expected);
    expect(result.why?.some((line) => line.startsWith(expected === null ? 'No agreement applies' : `${expected} applies`))).toBe(true);
  });
});

describe('why, in the words the issue panel shows', () => {
  test("inherited: the member's own agreement covers another product", () => {
    expect(simulate(contractsConfig, request('fjord-dk', '2026-11-23T10:00:00Z', 'HR'), '2026-11-23T10:00:00Z').why).toEqual([
      'Fjord Shipping Danmark (fjord-dk) belongs to Fjord Group (fjord).',
      'fjord-group-2026 applies: inherited from the group Fjord Group (fjord), for Production and every product, valid on 2026-11-23; Fjord Shipping Danmark (fjord-dk) has no matching agreement of its own.',
      'fjord-dk-payroll does not apply: it covers Payroll, not HR.',
      'fjord-group-2027 does not apply: it is valid from 2027-01-01 on, not on 2026-11-23.',
    ]);
  });

  test("own: the group's agreements are outranked by the member's", () => {
    expect(simulate(contractsConfig, request('fjord-dk', '2026-11-23T10:00:00Z'), '2026-11-23T10:00:00Z').why).toEqual([
      'Fjord Shipping Danmark (fjord-dk) belongs to Fjord Group (fjord).',
      "fjord-dk-payroll applies: it is Fjord Shipping Danmark's own agreement for Production and Payroll, valid on 2026-11-23.",
      "fjord-group-2026 does not apply: Fjord Shipping Danmark's own agreement fjord-dk-payroll applies (a member's own agreement wins over its group's).",
      'fjord-group-2027 does not apply: it is valid from 2027-01-01 on, not on 2026-11-23.',
    ]);
  });

  test('two groups up, before the nearer group’s agreement starts; a renewal says what it renews', () => {
    expect(simulate(contractsConfig, request('fjord-us', '2026-02-10T10:00:00Z'), '2026-02-10T10:00:00Z').why).toEqual([
      'Fjord Shipping US (fjord-us) belongs to Fjord Americas (fjord-americas), which belongs to Fjord Group (fjord).',
      'fjord-group-2026 applies: inherited from the group Fjord Group (fjord), for Production and every product, valid on 2026-02-10; Fjord Shipping US (fjord-us) and Fjord Americas (fjord-americas) have no matching agreement of their own.',
      'fjord-americas does not apply: it is valid from 2026-03-01 on, not on 2026-02-10.',
      'fjord-group-2027 does not apply: it is valid from 2027-01-01 on, not on 2026-02-10.',
    ]);
    const renewal = simulate(contractsConfig, request('fjord-no', '2027-03-01T10:00:00Z'), '2027-03-01T10:00:00Z').why;
    expect(renewal).toContain('fjord-group-2027 applies: inherited from the group Fjord Group (fjord), for Production and every product, valid on 2027-03-01 (it renews fjord-group-2026); Fjord Shipping Norge (fjord-no) has no matching agreement of its own.');
    expect(renewal).toContain('fjord-group-2026 does not apply: it is valid from 2026-01-01 until 2027-01-01, not on 2027-03-01.');
  });

  test('none applies', () => {
    expect(simulate(contractsConfig, request('fjord-us', '2026-11-23T10:00:00Z', 'Payroll', 'UAT'), '2026-11-23T10:00:00Z').why).toEqual([
      'Fjord Shipping US (fjord-us) belongs to Fjord Americas (fjord-americas), which belongs to Fjord Group (fjord).',
      'No agreement applies: neither Fjord Shipping US (fjord-us) nor its groups have one matching the request\'s environment, product and creation date.',
      'fjord-americas does not apply: it is for Production, not UAT.',
      'fjord-group-2026 does not apply: it is for Production, not UAT.',
      'fjord-group-2027 does not apply: it is for Production, not UAT.',
    ]);
  });

  test('two agreements of one customer: the one naming the product wins, else the first listed', () => {
    const bundle = structuredClone(contractsBundle) as { agreements: Array<Record<string, unknown>> };
    const dk = bundle.agreements.find((a) => a.id === 'fjord-dk-payroll')!;
    bundle.agreements.push({ ...dk, id: 'fjord-dk-any', products: [], contract: undefined }, { ...dk, id: 'fjord-dk-payroll-b', contract: undefined });
    const why = simulate(bundle, request('fjord-dk', '2026-11-23T10:00:00Z'), '2026-11-23T10:00:00Z').why;
    expect(why).toContain('fjord-dk-any does not apply: fjord-dk-payroll also matches and names the product.');
    expect(why).toContain('fjord-dk-payroll-b does not apply: fjord-dk-payroll also matches and is listed first.');
  });
});

test('a bundle without groups prints no why: the output is the spec’s §4 shape', () => {
  const bundle = structuredClone(contractsBundle) as { customers: Array<Record<string, unknown>> };
  for (const customer of bundle.customers) delete customer.parent;
  const result = simulate(bundle, request('fjord-dk', '2026-11-23T10:00:00Z'), '2026-11-23T10:00:00Z');
  expect(result.agreement).toBe('fjord-dk-payroll');
  expect('why' in result).toBe(false);
});
