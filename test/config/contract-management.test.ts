// Validation of the contract-management fields (formats.md §6) with the quality of the spec's own: every mistake
// at its JSON path, all of them at once. Each case edits examples/contracts-config.json so it shows only what it
// breaks. Customers there: [0] fjord, [1] fjord-americas, [2] fjord-us (sites fjord-nyc, fjord-houston),
// [3] fjord-dk, [4] fjord-no; agreements: [0] fjord-group-2026, [1] fjord-group-2027 (renews [0]), [2] fjord-americas,
// [3] fjord-dk-payroll; goals: [0] response, [1] resolution, [2] supplier-fix (nordhost's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../../src/config/issues';
import { validateBundle } from '../../src/config/validate-bundle';
import { validateTimeline } from '../../src/config/validate-timeline';
import type { ConfigBundle } from '../../src/engine/types';
import { DELETE, editedCopy, type Edit } from './edit-json';

const examples = path.join(__dirname, '../../examples');
const contractsExample = JSON.parse(readFileSync(path.join(examples, 'contracts-config.json'), 'utf8')) as unknown;
const specExample = JSON.parse(readFileSync(path.join(examples, 'config.json'), 'utf8')) as unknown;

const edited = (...edits: Edit[]): unknown => editedCopy(contractsExample, ...edits);

function issuesOf(input: unknown): string[] {
  const result = validateBundle(input);
  if (result.ok) throw new Error('expected the bundle to be invalid');
  return result.issues.map(formatIssue);
}

function validOf(input: unknown): ConfigBundle {
  const result = validateBundle(input);
  if (!result.ok) throw new Error(`expected a valid bundle, got:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.value;
}

describe('bundles without the new fields', () => {
  test('validate to exactly what they did: no new key appears anywhere', () => {
    const bundle = validOf(specExample);
    expect(Object.keys(bundle)).not.toContain('suppliers');
    expect(bundle.priorityModels.some((m) => 'matrix' in m)).toBe(false);
    expect(bundle.customers.some((c) => 'parent' in c || 'sites' in c)).toBe(false);
    expect(bundle.agreements.some((a) => 'measureIn' in a || 'renews' in a || 'contract' in a)).toBe(false);
    expect(bundle.goals.some((g) => 'supplier' in g)).toBe(false);
    expect(validOf({ version: 1 })).toEqual({
      version: 1, holidayCollections: [], calendars: [], priorityModels: [], actions: [], actionModels: [], goals: [], customers: [], agreements: [],
    });
  });
});

describe('the contracts example', () => {
  test('is valid; omitted fields get their defaults', () => {
    const bundle = validOf(contractsExample);
    const group = bundle.agreements[0]!.contract!;
    expect(group.reminders[0]).toEqual({ id: 'notice-in-60-days', before: 'notice', offset: 'P60D', notify: ['owner'] });
    expect(bundle.priorityModels[0]!.matrix!.cells.person).toEqual({ now: 'p3', today: 'p3', later: 'p4' });
    expect(bundle.suppliers?.[0]?.targets).toHaveLength(2);
    const minimal = validOf(edited(['agreements.3.contract', { number: 'X-1', owner: 'acc', start: '2026-01-01' }]));
    expect(minimal.agreements[3]!.contract).toEqual({ number: 'X-1', owner: 'acc', start: '2026-01-01', end: null, renewal: 'manual', reminders: [] });
    expect(validOf(edited(['suppliers.0.targets', DELETE], ['suppliers.0.contract', DELETE])).suppliers?.[0]).toEqual({ id: 'nordhost', name: 'Nordhost Datacenter', calendar: 'nordhost-hours', targets: [] });
  });
});

const MATRIX = 'priorityModels[0].matrix';

const CASES: Array<[string, Edit[], string[]]> = [
  // ---- priority matrix ----
  ['an axis without levels', [['priorityModels.0.matrix.impact', []]], [`${MATRIX}.impact: expected at least one impact level`]],
  ['a level id twice on an axis; the row it named is now unknown', [['priorityModels.0.matrix.impact.1.id', 'company']], [
    `${MATRIX}.impact[1].id: duplicate level "company" (also ${MATRIX}.impact[0])`,
    `${MATRIX}.cells.department: unknown impact "department"; impact levels: company, person`,
  ]],
  ['a missing row', [['priorityModels.0.matrix.cells.person', DELETE]], [`${MATRIX}.cells.person: missing row: impact "person" needs a priority for each urgency (now, today, later)`]],
  ['an empty cell', [['priorityModels.0.matrix.cells.person.later', DELETE]], [`${MATRIX}.cells.person.later: empty cell: impact "person" × urgency "later" needs a priority`]],
  ['a row for no impact level', [['priorityModels.0.matrix.cells.everyone', { now: 'p1', today: 'p1', later: 'p1' }]], [`${MATRIX}.cells.everyone: unknown impact "everyone"; impact levels: company, department, person`]],
  ['a cell for no urgency level', [['priorityModels.0.matrix.cells.person.never', 'p4']], [`${MATRIX}.cells.person.never: unknown urgency "never"; urgency levels: now, today, later`]],
  ['a cell naming no priority', [['priorityModels.0.matrix.cells.person.later', 'p9']], [`${MATRIX}.cells.person.later: unknown priority "p9"; priority model "itil" has p1, p2, p3, p4`]],
  ["a cell naming another model's priority", [['priorityModels.1', { id: 'traffic', priorities: [{ id: 'red', rank: 1 }] }], ['priorityModels.0.matrix.cells.person.later', 'red']], [
    `${MATRIX}.cells.person.later: priority "red" belongs to priority model "traffic", not to "itil"`,
  ]],
  ['a blank label, a cell that is no text, cells that are no object', [['priorityModels.0.matrix.impact.0.label', ' '], ['priorityModels.0.matrix.cells.person.now', 3]], [
    `${MATRIX}.impact[0].label: must not be empty`,
    `${MATRIX}.cells.person.now: expected a string, got 3`,
  ]],
  ['cells as a list', [['priorityModels.0.matrix.cells', []]], [`${MATRIX}.cells: expected an object of impact ids, each an object of urgency ids to priority ids, got an empty list`]],

  // ---- customer groups and sites ----
  ['an unknown parent', [['customers.1.parent', 'nowhere']], ['customers[1].parent: unknown customer "nowhere"; known: fjord, fjord-americas, fjord-us, fjord-dk, fjord-no']],
  ['a customer its own group', [['customers.0.parent', 'fjord']], ['customers[0].parent: a customer cannot be its own group']],
  ['groups in a cycle, reported once at the customer listed first', [['customers.0.parent', 'fjord-us']], ['customers[0].parent: groups form a cycle: "fjord" → "fjord-us" → "fjord-americas" → "fjord"']],
  ['more than five groups above a customer', [
    ['customers.0.parent', 'x1'], ['customers.5', { id: 'x1', parent: 'x2' }], ['customers.6', { id: 'x2', parent: 'x3' }], ['customers.7', { id: 'x3', parent: 'x4' }], ['customers.8', { id: 'x4' }],
  ], ['customers[2].parent: 6 groups above this customer (fjord-americas → fjord → x1 → x2 → x3 → x4); at most 5 are allowed']],
  ['a site id used by two customers', [['customers.4.sites.0.id', 'fjord-nyc']], ['customers[4].sites[0].id: duplicate site "fjord-nyc" (also customers[2].sites[0]); site ids are unique across all customers']],
  ["a site's unknown calendar", [['customers.2.sites.1.calendar', 'chicago']], ['customers[2].sites[1].calendar: unknown calendar "chicago"; known: cph-office, always, us-office, nordhost-hours']],
  ["a site's unknown zone", [['customers.2.sites.0.timezone', 'America/Gotham']], ['customers[2].sites[0].timezone: unknown time zone "America/Gotham"']],
  ['one organization as a customer and a site', [['customers.2.sites.0.organizationId', '21']], ['customers[2].sites[0].organizationId: organization "21" is already customers[3]; one organization is one customer or one site']],
  ['sites that are no list', [['customers.4.sites', { id: 'bergen' }]], ['customers[4].sites: expected a list, got an object']],
  ['an unknown measureIn', [['agreements.2.measureIn', 'office']], ['agreements[2].measureIn: unknown measureIn "office"; expected one of calendar, site']],

  // ---- contracts ----
  ['an end not after the start', [['agreements.0.contract.end', '2025-12-01']], ['agreements[0].contract.end: 2025-12-01 is not after start 2026-01-01']],
  ['dates that are no dates', [['agreements.0.contract.start', '2026-02-30'], ['agreements.0.contract.terminatedOn', '1 March']], [
    'agreements[0].contract.start: 2026-02-30 is not a real date',
    'agreements[0].contract.terminatedOn: "1 March" is not a date YYYY-MM-DD',
  ]],
  ['a notice period in business time, or in words', [['agreements.0.contract.noticePeriod', 'PT72H'], ['agreements.2.contract.noticePeriod', '3 months']], [
    'agreements[0].contract.noticePeriod: "PT72H" has a time part; a calendar period counts years, months, weeks and days, e.g. P3M or P30D',
    'agreements[2].contract.noticePeriod: "3 months" is not a calendar period such as P3M, P1Y, P2W or P30D',
  ]],
  ['a reminder with a bad offset, anchor and recipients', [['agreements.0.contract.reminders.0', { id: 'r', before: 'start', offset: '30 days', notify: ['customer', 'group:'] }]], [
    'agreements[0].contract.reminders[0].before: unknown reminder anchor "start"; expected one of notice, end',
    'agreements[0].contract.reminders[0].offset: "30 days" is not a calendar period such as P3M, P1Y, P2W or P30D',
    'agreements[0].contract.reminders[0].notify[0]: unknown reminder recipient "customer"; expected owner, group:NAME or user:ACCOUNT_ID',
    'agreements[0].contract.reminders[0].notify[1]: "group:" names no group; expected group:NAME',
  ]],
  ['a reminder telling no one', [['agreements.0.contract.reminders.0.notify', []]], [
    'agreements[0].contract.reminders[0].notify: notifies no one; expected owner, group:NAME or user:ACCOUNT_ID, or leave notify out to tell the owner',
  ]],
  ['reminders without the issue they are sent about, and an issue key that is none', [['agreements.0.contract.issue', DELETE], ['suppliers.0.contract.issue', 'con 5']], [
    'agreements[0].contract.issue: required: the contract has reminders, and Jira sends notifications about an issue; name the issue that keeps the contract (such as CON-12)',
    'suppliers[0].contract.issue: "con 5" is not a Jira issue key such as CON-12',
  ]],
  ['a reminder id twice', [['agreements.0.contract.reminders.1.id', 'notice-in-60-days']], [
    'agreements[0].contract.reminders[1].id: duplicate id "notice-in-60-days" (also agreements[0].contract.reminders[0])',
  ]],
  ['a reminder before a notice deadline the contract does not have', [['agreements.0.contract.noticePeriod', DELETE]], [
    "agreements[0].contract.reminders[0].before: a reminder before the notice deadline needs the contract's noticePeriod",
  ]],
  ['a reminder before the end of an open-ended contract', [['agreements.0.contract.end', null]], [
    "agreements[0].contract.reminders[1].before: a reminder before the end needs the contract's end; this contract is open-ended",
  ]],
  ['an automatic renewal without a first term', [['agreements.1.contract.end', DELETE]], ['agreements[1].contract.end: an automatically renewed contract needs an end: the end of its first term']],
  ['a renewal term on a manual contract, and one of no time', [['agreements.0.contract.renewalTerm', 'P1Y'], ['agreements.1.contract.renewalTerm', 'P0D']], [
    'agreements[0].contract.renewalTerm: only an automatically renewed contract has a renewal term; set renewal to "automatic" or leave it out',
    'agreements[1].contract.renewalTerm: P0D is no time at all; a renewal term must be longer',
  ]],
  ['terminated before the start, or after a manual end', [['agreements.3.contract.terminatedOn', '2025-06-01'], ['agreements.0.contract.terminatedOn', '2027-02-01']], [
    'agreements[0].contract.terminatedOn: 2027-02-01 is after the end 2027-01-01, when the contract ends anyway',
    'agreements[3].contract.terminatedOn: 2025-06-01 is before start 2026-01-01',
  ]],
  ['no owner, a blank number, an unknown renewal kind', [['agreements.0.contract.owner', DELETE], ['agreements.0.contract.number', ''], ['agreements.0.contract.renewal', 'yearly']], [
    'agreements[0].contract.number: must not be empty',
    'agreements[0].contract.owner: required',
    'agreements[0].contract.renewal: unknown renewal kind "yearly"; expected one of automatic, manual',
  ]],

  // ---- renewals ----
  ['renewing an unknown agreement', [['agreements.1.renews', 'fjord-group-2025']], [
    'agreements[1].renews: unknown agreement "fjord-group-2025"; known: fjord-group-2026, fjord-group-2027, fjord-americas, fjord-dk-payroll',
  ]],
  ['renewing itself', [['agreements.1.renews', 'fjord-group-2027']], ['agreements[1].renews: an agreement cannot renew itself']],
  ["renewing another customer's agreement", [['agreements.3.renews', 'fjord-group-2026'], ['agreements.3.validFrom', '2027-01-01'], ['agreements.1.renews', DELETE]], [
    'agreements[3].renews: "fjord-group-2026" is for customer "fjord", this agreement for "fjord-dk"; a renewal continues the same customer',
  ]],
  ['renewing an open-ended period', [['agreements.0.validTo', null]], ['agreements[1].renews: "fjord-group-2026" is open-ended (no validTo); only a period that ends can be renewed']],
  ['a renewal not starting where the renewed period ends', [['agreements.1.validFrom', '2027-01-02']], [
    'agreements[1].validFrom: 2027-01-02 is not 2027-01-01, the validTo of "fjord-group-2026" it renews; a renewal starts the day the period it renews ends',
  ]],
  ['a period renewed twice', [['agreements.4', { id: 'fjord-group-2027b', customer: 'fjord', environment: 'Production', validFrom: '2027-01-01', renews: 'fjord-group-2026', priorityModel: 'itil', calendar: 'cph-office' }]], [
    'agreements[4].renews: "fjord-group-2026" is already renewed by agreements[1]; a period is renewed once',
  ]],

  // ---- suppliers ----
  ['a supplier id twice and an unknown supplier calendar', [['suppliers.1', { id: 'nordhost', calendar: 'berlin' }]], [
    'suppliers[1].id: duplicate id "nordhost" (also suppliers[0])',
    'suppliers[1].calendar: unknown calendar "berlin"; known: cph-office, always, us-office, nordhost-hours',
  ]],
  ["a goal's unknown supplier", [['goals.2.supplier', 'hoster']], [
    'goals[2].supplier: unknown supplier "hoster"; known: nordhost',
    'suppliers[0].targets[0].goal: goal "supplier-fix" is supplier "hoster"\'s, not "nordhost"\'s',
    'suppliers[0].targets[1].goal: goal "supplier-fix" is supplier "hoster"\'s, not "nordhost"\'s',
  ]],
  ["a supplier's goal shown to the customer", [['goals.2.internal', false]], ["goals[2].internal: a supplier's goal is never shown to the customer; leave internal out or set it to true"]],
  ["a supplier row for an unknown goal, a customer's goal, an unknown priority, a bad target", [
    ['suppliers.0.targets.0.goal', 'fix'], ['suppliers.0.targets.1', { goal: 'response', priorities: ['p9'], target: 'P1W' }],
  ], [
    'suppliers[0].targets[1].target: duration "P1W" uses years, months or weeks; business-time targets use days (24 h), hours, minutes and seconds, e.g. PT4H',
    'suppliers[0].targets[0].goal: unknown goal "fix"; known: response, resolution, supplier-fix',
    'suppliers[0].targets[1].goal: goal "response" is a customer goal; its target rows belong in agreements (a supplier\'s goal names the supplier: "supplier": "nordhost")',
    'suppliers[0].targets[1].priorities[0]: unknown priority "p9"; the priority models have p1, p2, p3, p4',
  ]],
  ['supplier rows without any calendar', [['suppliers.0.calendar', DELETE]], [
    'suppliers[0].targets[0]: no calendar measures this row; give it a calendar or give the supplier one',
    'suppliers[0].targets[1]: no calendar measures this row; give it a calendar or give the supplier one',
  ]],
  ["a supplier's goal in a customer's agreement", [['agreements.0.targets.0.goal', 'supplier-fix']], [
    'agreements[0].targets[0].goal: goal "supplier-fix" is supplier "nordhost"\'s; its target rows belong in suppliers[0].targets',
  ]],
];

describe('each kind of mistake, alone, at its path', () => {
  test.each(CASES)('%s', (_what, edits, expected) => {
    expect(issuesOf(edited(...edits))).toEqual(expected);
  });
});

test('many mistakes across the new fields are all reported at once, in document order', () => {
  const bundle = edited(
    ['suppliers.0.targets.0.priorities', ['p7']],
    ['agreements.1.validFrom', '2027-02-01'],
    ['agreements.0.contract.end', '2025-01-01'],
    ['customers.4.parent', 'fjord-nordic'],
    ['customers.2.sites.1.calendar', 'houston'],
    ['priorityModels.0.matrix.cells.department.later', DELETE],
    ['priorityModels.0.matrix.urgency.2.label', ''],
    ['goals.2.supplier', 'nordhost-dk'],
    ['agreements.2.measureIn', 'sites'],
    ['calendars.0.week.mon', [['16:00', '08:00']]],
  );
  expect(issuesOf(bundle)).toEqual([
    'calendars[0].week.mon[0]: end 08:00 is before start 16:00',
    `${MATRIX}.urgency[2].label: must not be empty`,
    `${MATRIX}.cells.department.later: empty cell: impact "department" × urgency "later" needs a priority`,
    'goals[2].supplier: unknown supplier "nordhost-dk"; known: nordhost',
    'customers[2].sites[1].calendar: unknown calendar "houston"; known: cph-office, always, us-office, nordhost-hours',
    'customers[4].parent: unknown customer "fjord-nordic"; known: fjord, fjord-americas, fjord-us, fjord-dk, fjord-no',
    'agreements[0].contract.end: 2025-01-01 is not after start 2026-01-01',
    'agreements[1].validFrom: 2027-02-01 is not 2027-01-01, the validTo of "fjord-group-2026" it renews; a renewal starts the day the period it renews ends',
    'agreements[2].measureIn: unknown measureIn "sites"; expected one of calendar, site',
    'suppliers[0].targets[0].goal: goal "supplier-fix" is supplier "nordhost-dk"\'s, not "nordhost"\'s',
    'suppliers[0].targets[0].priorities[0]: unknown priority "p7"; the priority models have p1, p2, p3, p4',
    'suppliers[0].targets[1].goal: goal "supplier-fix" is supplier "nordhost-dk"\'s, not "nordhost"\'s',
  ]);
});

describe('timeline fields', () => {
  const base = { key: 'FJU-1', created: '2026-11-23T09:00:00Z' };

  test('site, impact and urgency on the issue; impact and urgency events', () => {
    const result = validateTimeline({
      issue: { ...base, site: 'fjord-nyc', impact: 'company', urgency: 'now' },
      events: [{ at: '2026-11-23T10:00:00Z', type: 'urgency', from: 'now', to: 'today' }, { at: '2026-11-23T09:30:00Z', type: 'impact', to: 'person' }],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        issue: { key: 'FJU-1', created: Date.parse('2026-11-23T09:00:00Z'), site: 'fjord-nyc', impact: 'company', urgency: 'now' },
        events: [
          { at: Date.parse('2026-11-23T09:30:00Z'), type: 'impact', to: 'person' },
          { at: Date.parse('2026-11-23T10:00:00Z'), type: 'urgency', from: 'now', to: 'today' },
        ],
      },
    });
  });

  test('their mistakes at their paths', () => {
    const result = validateTimeline({ issue: { ...base, site: 12 }, events: [{ at: '2026-11-23T10:00:00Z', type: 'impact' }, { at: '2026-11-23T10:00:00Z', type: 'urgency', to: null }] });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      'issue.site: expected a string, got 12',
      'events[0].to: required',
      'events[1].to: expected a string, got null',
    ]);
  });
});

describe('unknown fields in the new objects are refused like everywhere else', () => {
  test.each<[string, Edit, string]>([
    ['a misspelt notice period', ['agreements.0.contract.noticePeriud', 'P3M'], 'agreements[0].contract.noticePeriud: unknown field; did you mean "noticePeriod"?'],
    ['a reminder field', ['agreements.0.contract.reminders.0.ofset', 'P30D'], 'agreements[0].contract.reminders[0].ofset: unknown field; did you mean "offset"?'],
    ['a site field', ['customers.2.sites.0.timezon', 'America/New_York'], 'customers[2].sites[0].timezon: unknown field; did you mean "timezone"?'],
    ['a matrix field', ['priorityModels.0.matrix.urgancy', []], 'priorityModels[0].matrix.urgancy: unknown field; did you mean "urgency"?'],
  ])('%s', (_what, edit, expected) => {
    expect(issuesOf(edited(edit))).toEqual([expected]);
  });
});
