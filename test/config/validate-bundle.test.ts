import fc from 'fast-check';
import { formatIssue, formatPath } from '../../src/config/issues';
import { validateBundle } from '../../src/config/validate-bundle';
import type { ConfigBundle } from '../../src/engine/types';
import example from '../fixtures/config.json';

/** Deletes the value at a path instead of setting it. */
const DELETE = Symbol('delete');
/** `['calendars.0.week.mon', [...]]`: set (or DELETE) the value at a dotted path; list indexes are numbers in the path. */
type Edit = [string, unknown];

/** A copy of the shipped example bundle (spec/examples/config.json) with the given edits. */
function edited(...edits: Edit[]): unknown {
  const bundle: unknown = JSON.parse(JSON.stringify(example));
  for (const [path, value] of edits) {
    const keys = path.split('.');
    let node = bundle as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    if (value === DELETE) delete node[last];
    else node[last] = value;
  }
  return bundle;
}

function issuesOf(input: unknown) {
  const result = validateBundle(input);
  if (result.ok) throw new Error('expected the bundle to be invalid');
  return result.issues;
}

function validOf(input: unknown): ConfigBundle {
  const result = validateBundle(input);
  if (!result.ok) throw new Error(`expected a valid bundle, got:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.value;
}

describe('formatPath / formatIssue', () => {
  test.each<[ReadonlyArray<string | number>, string]>([
    [['calendars', 0, 'week', 'mon', 1], 'calendars[0].week.mon[1]'],
    [[], '(root)'],
    [['version'], 'version'],
    [['calendars', 0, 'week', 'tue', 0, 0], 'calendars[0].week.tue[0][0]'],
    [['a', 'odd key'], 'a["odd key"]'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });

  test('formatIssue joins path and message', () => {
    expect(formatIssue({ path: 'version', message: 'required' })).toBe('version: required');
  });
});

describe('the shipped example', () => {
  test('is valid and keeps its content', () => {
    const bundle = validOf(fresh());
    expect(bundle.calendars.map((c) => c.id)).toEqual(['cph-office', 'always']);
    expect(bundle.agreements[0]?.validTo).toBeNull();
    expect(bundle.actions.find((a) => a.id === 'to-waiting')?.when).toEqual({ event: 'status', to: ['Waiting for customer'] });
  });

  test('normalises defaults: absent lists, internal, holidays, products, validTo', () => {
    const bundle = validOf(fresh());
    const response = bundle.goals.find((g) => g.id === 'response');
    expect(response).toMatchObject({ internal: false, pause: [], resume: [] });
    expect(bundle.calendars[1]?.holidays).toEqual([]);
    const row = bundle.agreements[0]?.targets[3];
    expect(row).toEqual({ goal: 'resolution', target: 'PT16H' });
    expect(row && 'requestTypes' in row).toBe(false);
  });
});

describe('normalisation', () => {
  test('a bundle with only a version has every list, empty', () => {
    expect(validOf({ version: 1 })).toEqual({
      version: 1,
      holidayCollections: [],
      calendars: [],
      priorityModels: [],
      actions: [],
      actionModels: [],
      goals: [],
      customers: [],
      agreements: [],
    });
  });

  test('matcher filters given as one string become lists; absent ones stay absent', () => {
    const bundle = fresh();
    bundle.actions.push(
      { id: 'prio', when: { event: 'priority', to: 'p1' } },
      { id: 'fld', when: { event: 'field', field: 'Component', to: 'Payroll' } },
      { id: 'st', when: { event: 'status', from: 'Open', to: ['Done', 'Closed'], toCategory: 'done' } },
      { id: 'any-comment', when: { event: 'comment' } },
    );
    const whens = validOf(bundle).actions.slice(-4).map((a) => a.when);
    expect(whens).toEqual([
      { event: 'priority', to: ['p1'] },
      { event: 'field', field: 'Component', to: ['Payroll'] },
      { event: 'status', from: ['Open'], to: ['Done', 'Closed'], toCategory: 'done' },
      { event: 'comment' },
    ]);
  });

  test('agreement products default to [], validTo absent to null; unknown keys are ignored and dropped', () => {
    const bundle = fresh();
    delete bundle.agreements[0].products;
    delete bundle.agreements[0].validTo;
    bundle.agreements[0].owner = 'someone';
    bundle.calendars[0].colour = 'blue';
    const valid = validOf(bundle);
    expect(valid.agreements[0]).toMatchObject({ products: [], validTo: null });
    expect(valid.agreements[0]).not.toHaveProperty('owner');
    expect(valid.calendars[0]).not.toHaveProperty('colour');
  });

  test('a preset without types means public holidays; an absent weekday is closed', () => {
    const bundle = fresh();
    delete bundle.holidayCollections[0].preset.types;
    delete bundle.calendars[0].week.sun;
    const valid = validOf(bundle);
    expect(valid.holidayCollections[0]?.preset).toEqual({ country: 'DK', types: ['public'] });
    expect(valid.calendars[0]?.week.sun).toEqual([]);
  });

  test('presets with a state and adjacent intervals are fine', () => {
    const bundle = fresh();
    bundle.holidayCollections[0].preset = { country: 'DE-BY', types: ['public', 'bank'] };
    bundle.calendars[0].week.mon = [['12:00', '16:00'], ['08:00', '12:00']];
    validOf(bundle);
  });

  test('the output shares no default arrays between calls', () => {
    const a = validOf({ version: 1 });
    a.calendars.push({ id: 'x', timezone: 'UTC', week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] });
    expect(validOf({ version: 1 }).calendars).toEqual([]);
  });
});

/** One mistake each: [what, how to make it, expected path, fragments the message must contain]. */
const SINGLE_MISTAKES: Array<[string, (b: Json) => void, string, string[]]> = [
  ['end before start', (b) => { b.calendars[0].week.mon = [['08:00', '09:00'], ['09:00', '07:00']]; }, 'calendars[0].week.mon[1]', ['end 07:00 is before start 09:00']],
  ['empty interval', (b) => { b.calendars[0].week.mon = [['09:00', '09:00']]; }, 'calendars[0].week.mon[0]', ['09:00–09:00']],
  ['overlap, listed in time order', (b) => { b.calendars[0].week.tue = [['09:00', '12:00'], ['11:00', '13:00']]; }, 'calendars[0].week.tue[1]', ['09:00–12:00 overlaps 11:00–13:00']],
  ['overlap, listed out of order', (b) => { b.calendars[0].week.mon = [['11:00', '13:00'], ['09:00', '12:00']]; }, 'calendars[0].week.mon[0]', ['09:00–12:00 overlaps 11:00–13:00']],
  ['malformed time', (b) => { b.calendars[0].week.tue[0][0] = '9am'; }, 'calendars[0].week.tue[0][0]', ['"9am" is not a time HH:MM']],
  ['24:00 as a start', (b) => { b.calendars[1].week.sun = [['24:00', '24:00']]; }, 'calendars[1].week.sun[0][0]', ['24:00', 'only as the end']],
  ['interval that is not a pair', (b) => { b.calendars[0].week.wed = [['08:00', '12:00', '16:00']]; }, 'calendars[0].week.wed[0]', ['a list of 3']],
  ['unknown time zone', (b) => { b.calendars[1].timezone = 'Europe/Copenhagn'; }, 'calendars[1].timezone', ['unknown time zone "Europe/Copenhagn"']],
  ['never open', (b) => { b.calendars.push({ id: 'closed', timezone: 'UTC', week: { mon: [], sat: [] } }); }, 'calendars[2]', ['never open']],
  ['missing required field', (b) => { delete b.calendars[0].timezone; }, 'calendars[0].timezone', ['required']],
  ['duplicate id', (b) => { b.calendars.push({ ...b.calendars[1] }); }, 'calendars[2].id', ['duplicate id "always"', 'also calendars[1]']],
  ['unknown holiday collection', (b) => { b.calendars[0].holidays = ['dk-public', 'se-public']; }, 'calendars[0].holidays[1]', ['unknown holiday collection "se-public"']],
  ['unknown preset country', (b) => { b.holidayCollections[0].preset.country = 'XX'; }, 'holidayCollections[0].preset.country', ['"XX"']],
  ['unknown preset state', (b) => { b.holidayCollections[0].preset.country = 'DE-QQ'; }, 'holidayCollections[0].preset.country', ['"QQ"']],
  ['unknown preset type', (b) => { b.holidayCollections[0].preset.types = ['public', 'national']; }, 'holidayCollections[0].preset.types[1]', ['unknown holiday type "national"', 'public, bank']],
  ['unreal date', (b) => { b.holidayCollections[0].days.push({ date: '2026-02-30' }); }, 'holidayCollections[0].days[2].date', ['2026-02-30 is not a real date']],
  ['malformed date', (b) => { b.holidayCollections[0].days[0].date = '24/12/2026'; }, 'holidayCollections[0].days[0].date', ['"24/12/2026"', 'YYYY-MM-DD']],
  ['duplicate holiday date', (b) => { b.holidayCollections[0].days.push({ date: '2026-12-24' }); }, 'holidayCollections[0].days[2].date', ['duplicate date 2026-12-24', 'holidayCollections[0].days[0]']],
  ['holiday hours reversed', (b) => { b.holidayCollections[0].days[1].hours = [['12:00', '08:00']]; }, 'holidayCollections[0].days[1].hours[0]', ['end 08:00 is before start 12:00']],
  ['wrong type', (b) => { b.priorityModels[0].priorities[1].rank = 'high'; }, 'priorityModels[0].priorities[1].rank', ['expected a number, got "high"']],
  ['duplicate priority id in a model', (b) => { b.priorityModels[1].priorities[2].id = 'red'; }, 'priorityModels[1].priorities[2].id', ['duplicate id "red"', 'priorityModels[1].priorities[0]']],
  ['unknown event', (b) => { b.actions[4].when = { event: 'email' }; }, 'actions[4].when.event', ['unknown event "email"', 'created, status, comment, resolution, priority, field']],
  ['unknown comment visibility', (b) => { b.actions[1].when.visibility = 'secret'; }, 'actions[1].when.visibility', ['"secret"', 'public, internal']],
  ['unknown status category', (b) => { b.actions[3].when = { event: 'status', toCategory: 'finished' }; }, 'actions[3].when.toCategory', ['"finished"']],
  ['status filter of the wrong type', (b) => { b.actions[3].when.to = 7; }, 'actions[3].when.to', ['string or a list of strings, got 7']],
  ['resolution set not a boolean', (b) => { b.actions[5].when.set = 'yes'; }, 'actions[5].when.set', ['"yes"']],
  ['field matcher without field', (b) => { b.actions.push({ id: 'fld', when: { event: 'field', to: 'x' } }); }, 'actions[7].when.field', ['required']],
  ['unknown action model', (b) => { b.goals[0].actionModel = 'premium'; }, 'goals[0].actionModel', ['unknown action model "premium"']],
  ['unknown action', (b) => { b.goals[1].start[0] = 'agent-replied'; }, 'goals[1].start[0]', ['unknown action "agent-replied"']],
  ['unknown action in cancel', (b) => { b.goals[3].cancel = ['closed']; }, 'goals[3].cancel[0]', ['unknown action "closed"']],
  ['internal not a boolean', (b) => { b.goals[3].internal = 'yes'; }, 'goals[3].internal', ['"yes"']],
  ['duplicate environment', (b) => { b.customers[0].environments[1].name = 'Production'; }, 'customers[0].environments[1].name', ['duplicate environment "Production"', 'customers[0].environments[0]']],
  ['duplicate customer', (b) => { b.customers.push({ id: 'acme' }); }, 'customers[1].id', ['duplicate id "acme"']],
  ['unknown customer', (b) => { b.agreements[0].customer = 'acme2'; }, 'agreements[0].customer', ['unknown customer "acme2"']],
  ['environment not of the customer', (b) => { b.agreements[0].environment = 'Prod'; }, 'agreements[0].environment', ['"Prod"', 'Production, UAT']],
  ['unknown priority model', (b) => { b.agreements[0].priorityModel = 'colours'; }, 'agreements[0].priorityModel', ['unknown priority model "colours"']],
  ['unknown agreement calendar', (b) => { b.agreements[0].calendar = 'cph'; }, 'agreements[0].calendar', ['unknown calendar "cph"']],
  ['validTo before validFrom', (b) => { b.agreements[0].validTo = '2025-01-01'; }, 'agreements[0].validTo', ['2025-01-01 is not after validFrom 2026-01-01']],
  ['validTo equal to validFrom', (b) => { b.agreements[0].validTo = '2026-01-01'; }, 'agreements[0].validTo', ['2026-01-01 is not after validFrom 2026-01-01']],
  ['validTo of the wrong type', (b) => { b.agreements[0].validTo = 20270101; }, 'agreements[0].validTo', ['20270101', 'or null']],
  ['duration in months', (b) => { b.agreements[0].targets[2].target = 'P1M'; }, 'agreements[0].targets[2].target', ['duration "P1M" uses years, months or weeks']],
  ['not a duration', (b) => { b.agreements[0].targets[0].target = '30 minutes'; }, 'agreements[0].targets[0].target', ['"30 minutes"']],
  ['unknown goal in a target', (b) => { b.agreements[0].targets[0].goal = 'reply'; }, 'agreements[0].targets[0].goal', ['unknown goal "reply"']],
  ['unknown calendar in a target', (b) => { b.agreements[0].targets[0].calendar = '24x7'; }, 'agreements[0].targets[0].calendar', ['unknown calendar "24x7"']],
  ['priority of another model', (b) => { b.agreements[0].targets[1].priorities = ['red']; }, 'agreements[0].targets[1].priorities[0]', ['priority "red" belongs to priority model "traffic", not to the agreement\'s model "numeric"']],
  ['priority of no model', (b) => { b.agreements[0].targets[4].priorities = ['p1', 'p9']; }, 'agreements[0].targets[4].priorities[1]', ['unknown priority "p9"']],
  ['unsupported version', (b) => { b.version = 2; }, 'version', ['unsupported version 2']],
  ['missing version', (b) => { delete b.version; }, 'version', ['required']],
  ['empty id', (b) => { b.actionModels[0].id = ''; b.goals.forEach((g: Json) => { g.actionModel = ''; }); }, 'actionModels[0].id', ['must not be empty']],
];

describe('each kind of mistake is reported alone, at its path, naming the value', () => {
  test.each(SINGLE_MISTAKES)('%s', (_what, mutate, path, fragments) => {
    const bundle = fresh();
    mutate(bundle);
    const issues = issuesOf(bundle);
    expect(issues.map(formatIssue)).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    for (const fragment of fragments) expect(issues[0]?.message).toContain(fragment);
  });
});

describe('non-bundles at the root', () => {
  test.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['a list', [], 'empty list'],
    ['a string', 'config.json', '"config.json"'],
    ['a number', 42, '42'],
  ])('%s gives one issue at (root)', (_what, input, fragment) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('(root)');
    expect(issues[0]?.message).toContain(fragment);
  });

  test('a list where a list of objects belongs', () => {
    const issues = issuesOf({ version: 1, calendars: 'cph-office' });
    expect(issues.map(formatIssue)).toEqual(['calendars: expected a list, got "cph-office"']);
  });
});

test('several independent mistakes are all reported, in document order', () => {
  const bundle = fresh();
  bundle.version = 3;
  bundle.calendars[0].week.mon = [['09:00', '07:00']];
  bundle.calendars[1].timezone = 'Mars/Olympus';
  bundle.priorityModels[0].priorities[0].rank = 'high';
  bundle.actions[4].when = { event: 'email' };
  bundle.goals[1].start = ['agent-replied'];
  bundle.agreements[0].validTo = '2025-01-01';
  bundle.agreements[0].targets[1].priorities = ['red'];
  bundle.agreements[0].targets[2].target = 'P1W';
  expect(issuesOf(bundle).map((i) => i.path)).toEqual([
    'version',
    'calendars[0].week.mon[0]',
    'calendars[1].timezone',
    'priorityModels[0].priorities[0].rank',
    'actions[4].when.event',
    'goals[1].start[0]',
    // within one agreement: structural findings first, then cross-references
    'agreements[0].targets[2].target',
    'agreements[0].validTo',
    'agreements[0].targets[1].priorities[0]',
  ]);
});

test('a reference to an entry that is itself broken is not reported as unknown', () => {
  const bundle = fresh();
  delete bundle.calendars[1].timezone; // "always" is broken, but still exists
  expect(issuesOf(bundle).map((i) => i.path)).toEqual(['calendars[1].timezone']);
});

test('cross-references are checked even when another part is structurally broken', () => {
  const bundle = fresh();
  bundle.customers = 'acme';
  bundle.goals[0].actionModel = 'premium';
  expect(issuesOf(bundle).map((i) => i.path)).toEqual(['goals[0].actionModel', 'customers', 'agreements[0].customer']);
});

describe('never throws', () => {
  test('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => typeof validateBundle(value).ok === 'boolean'), { numRuns: 300 });
  });

  test('on the example with one value anywhere replaced by arbitrary JSON', () => {
    const paths: Array<Array<string | number>> = [];
    const walk = (value: unknown, path: Array<string | number>): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, [...path, k]));
    };
    walk(example, []);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue(), (which, replacement) => {
        const bundle = fresh();
        const path = paths[which] ?? [];
        let parent: Json = bundle;
        for (const key of path.slice(0, -1)) parent = parent[key] as Json;
        parent[path[path.length - 1] as string] = replacement;
        return typeof validateBundle(bundle).ok === 'boolean';
      }),
      { numRuns: 500 },
    );
  });
});
