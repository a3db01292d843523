import fc from 'fast-check';
import { formatIssue, formatPath } from '../../src/config/issues';
import { validateBundle } from '../../src/config/validate-bundle';
import type { ConfigBundle } from '../../src/engine/types';
import { DELETE, editedCopy, type Edit } from './edit-json';
import example from '../../examples/config.json';

/** A copy of the shipped example bundle (spec/examples/config.json) with the given edits. */
const edited = (...edits: Edit[]): unknown => editedCopy(example, ...edits);

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
    const bundle = validOf(edited());
    expect(bundle.calendars.map((c) => c.id)).toEqual(['cph-office', 'always']);
    expect(bundle.agreements[0]?.validTo).toBeNull();
    expect(bundle.actions.find((a) => a.id === 'to-waiting')?.when).toEqual({ event: 'status', to: ['Waiting for customer'] });
  });

  test('normalises defaults: absent lists, internal, holidays, target filters', () => {
    const bundle = validOf(edited());
    expect(bundle.goals.find((g) => g.id === 'response')).toMatchObject({ internal: false, pause: [], resume: [] });
    expect(bundle.calendars[1]?.holidays).toEqual([]);
    const row = bundle.agreements[0]?.targets[3];
    expect(row).toEqual({ goal: 'resolution', target: 'PT16H' });
    expect(row && 'requestTypes' in row).toBe(false);
  });
});

describe('escalations', () => {
  test('the example keeps its three, in order and as written', () => {
    expect(validOf(edited()).agreements[0]?.escalations).toEqual(example.agreements[0]?.escalations);
  });

  test('an agreement without escalations has none', () => {
    expect(validOf(edited(['agreements.0.escalations', DELETE])).agreements[0]?.escalations).toEqual([]);
  });

  test.each<[string, Edit[]]>([
    ['elapsedPercent 100 and a fraction of a percent', [['agreements.0.escalations.0.when', { elapsedPercent: 100 }], ['agreements.0.escalations.1.when', { elapsedPercent: 0.5 }]]],
    ['overdue PT0S and remaining of a day', [['agreements.0.escalations.2.when', { overdue: 'PT0S' }], ['agreements.0.escalations.1.when', { remaining: 'P1D' }]]],
    ['a comment alone, with notify absent or empty', [['agreements.0.escalations.0.notify', DELETE], ['agreements.0.escalations.1.notify', []], ['agreements.0.escalations.1.comment', { visibility: 'public', text: 'We are on it' }]]],
    ['every kind of notify target', [['agreements.0.escalations.1.notify', ['assignee', 'watchers', 'group:jira-servicedesk-users', 'user:5b10a2844c20165700ede21g']]]],
    ['the same id in two agreements', [['agreements.1', { ...example.agreements[0], id: 'acme-uat', environment: 'UAT' }]]],
  ])('valid: %s', (_what, edits) => {
    validOf(edited(...edits));
  });

  test('many broken escalations are all reported, each at its path', () => {
    const bundle = edited(
      ['agreements.0.escalations.0', { id: 'late', goal: 'resolution', when: { elapsedPercent: 120, overdue: 'P1W' }, notify: ['group:', 'boss'], comment: { visibility: 'secret', text: '' } }],
      ['agreements.0.escalations.1', { id: 'late', goal: 'reply', when: {} }],
      ['agreements.0.escalations.2.notify', ['watchers', 'user:']],
    );
    expect(issuesOf(bundle).map(formatIssue)).toEqual([
      'agreements[0].escalations[0].when.elapsedPercent: 120 is not a percentage above 0 and at most 100',
      'agreements[0].escalations[0].when.overdue: duration "P1W" uses years, months or weeks; business-time targets use days (24 h), hours, minutes and seconds, e.g. PT4H',
      'agreements[0].escalations[0].notify[0]: "group:" names no group; expected group:NAME',
      'agreements[0].escalations[0].notify[1]: unknown notify target "boss"; expected assignee, watchers, group:NAME or user:ACCOUNT_ID',
      'agreements[0].escalations[0].comment.visibility: unknown visibility "secret"; expected one of internal, public',
      'agreements[0].escalations[0].comment.text: must not be empty',
      'agreements[0].escalations[2].notify[1]: "user:" names no account; expected user:ACCOUNT_ID',
      // within one agreement: structural findings first, then references, then how an escalation's fields relate
      'agreements[0].escalations[1].id: duplicate id "late" (also agreements[0].escalations[0])',
      'agreements[0].escalations[1].goal: unknown goal "reply"; known: response, resolution, update, triage-ola',
      'agreements[0].escalations[0].when: expected exactly one threshold (elapsedPercent, remaining or overdue), got elapsedPercent and overdue',
      'agreements[0].escalations[1].when: expected exactly one threshold (elapsedPercent, remaining or overdue), got none',
      'agreements[0].escalations[1]: notifies no one and adds no comment; expected a non-empty notify, a comment or both',
    ]);
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
    const bundle = edited(
      ['actions.7', { id: 'prio', when: { event: 'priority', to: 'p1' } }],
      ['actions.8', { id: 'fld', when: { event: 'field', field: 'Component', to: 'Payroll' } }],
      ['actions.9', { id: 'st', when: { event: 'status', from: 'Open', to: ['Done', 'Closed'], toCategory: 'done' } }],
      ['actions.10', { id: 'any-comment', when: { event: 'comment' } }],
    );
    expect(validOf(bundle).actions.slice(-4).map((a) => a.when)).toEqual([
      { event: 'priority', to: ['p1'] },
      { event: 'field', field: 'Component', to: ['Payroll'] },
      { event: 'status', from: ['Open'], to: ['Done', 'Closed'], toCategory: 'done' },
      { event: 'comment' },
    ]);
  });

  test('agreement products default to [], validTo absent to null', () => {
    const valid = validOf(edited(['agreements.0.products', DELETE], ['agreements.0.validTo', DELETE]));
    expect(valid.agreements[0]).toMatchObject({ products: [], validTo: null });
  });

  test('a preset without types means public holidays; an absent weekday is closed', () => {
    const valid = validOf(edited(['holidayCollections.0.preset.types', DELETE], ['calendars.0.week.sun', DELETE]));
    expect(valid.holidayCollections[0]?.preset).toEqual({ country: 'DK', types: ['public'] });
    expect(valid.calendars[0]?.week.sun).toEqual([]);
  });

  test('a preset with a state and adjacent intervals listed in any order are fine', () => {
    validOf(
      edited(
        ['holidayCollections.0.preset', { country: 'DE-BY', types: ['public', 'bank'] }],
        ['calendars.0.week.mon', [['12:00', '16:00'], ['08:00', '12:00']]],
      ),
    );
  });

  test('the output shares no default arrays between calls', () => {
    const first = validOf({ version: 1 });
    first.calendars.push({ id: 'x', timezone: 'UTC', week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] });
    expect(validOf({ version: 1 }).calendars).toEqual([]);
  });
});

/** One mistake each: [what, edits to the example, expected path, fragments the message must contain]. */
const SINGLE_MISTAKES: Array<[string, Edit[], string, string[]]> = [
  ['end before start', [['calendars.0.week.mon', [['08:00', '09:00'], ['09:00', '07:00']]]], 'calendars[0].week.mon[1]', ['end 07:00 is before start 09:00']],
  ['empty interval', [['calendars.0.week.mon', [['09:00', '09:00']]]], 'calendars[0].week.mon[0]', ['09:00–09:00']],
  ['overlap, listed in time order', [['calendars.0.week.tue', [['09:00', '12:00'], ['11:00', '13:00']]]], 'calendars[0].week.tue[1]', ['09:00–12:00 overlaps 11:00–13:00']],
  ['overlap, listed out of order', [['calendars.0.week.mon', [['11:00', '13:00'], ['09:00', '12:00']]]], 'calendars[0].week.mon[0]', ['09:00–12:00 overlaps 11:00–13:00']],
  ['malformed time', [['calendars.0.week.tue.0.0', '9am']], 'calendars[0].week.tue[0][0]', ['"9am" is not a time HH:MM']],
  ['24:00 as a start', [['calendars.1.week.sun', [['24:00', '24:00']]]], 'calendars[1].week.sun[0][0]', ['24:00', 'only as the end']],
  ['interval that is not a pair', [['calendars.0.week.wed', [['08:00', '12:00', '16:00']]]], 'calendars[0].week.wed[0]', ['a list of 3']],
  ['unknown time zone', [['calendars.1.timezone', 'Europe/Copenhagn']], 'calendars[1].timezone', ['unknown time zone "Europe/Copenhagn"']],
  ['never open', [['calendars.2', { id: 'closed', timezone: 'UTC', week: { mon: [], sat: [] } }]], 'calendars[2]', ['never open']],
  ['missing required field', [['calendars.0.timezone', DELETE]], 'calendars[0].timezone', ['required']],
  ['duplicate id', [['calendars.2', { ...example.calendars[1] }]], 'calendars[2].id', ['duplicate id "always"', 'also calendars[1]']],
  ['unknown holiday collection', [['calendars.0.holidays', ['dk-public', 'se-public']]], 'calendars[0].holidays[1]', ['unknown holiday collection "se-public"']],
  ['unknown preset country', [['holidayCollections.0.preset.country', 'XX']], 'holidayCollections[0].preset.country', ['"XX"']],
  ['unknown preset state', [['holidayCollections.0.preset.country', 'DE-QQ']], 'holidayCollections[0].preset.country', ['"QQ"']],
  ['unknown preset type', [['holidayCollections.0.preset.types', ['public', 'national']]], 'holidayCollections[0].preset.types[1]', ['unknown holiday type "national"', 'public, bank']],
  ['unreal date', [['holidayCollections.0.days.2', { date: '2026-02-30' }]], 'holidayCollections[0].days[2].date', ['2026-02-30 is not a real date']],
  ['malformed date', [['holidayCollections.0.days.0.date', '24/12/2026']], 'holidayCollections[0].days[0].date', ['"24/12/2026"', 'YYYY-MM-DD']],
  ['duplicate holiday date', [['holidayCollections.0.days.2', { date: '2026-12-24' }]], 'holidayCollections[0].days[2].date', ['duplicate date 2026-12-24', 'holidayCollections[0].days[0]']],
  ['holiday hours reversed', [['holidayCollections.0.days.1.hours', [['12:00', '08:00']]]], 'holidayCollections[0].days[1].hours[0]', ['end 08:00 is before start 12:00']],
  ['holiday hours malformed', [['holidayCollections.0.days.1.hours.0.1', '12']], 'holidayCollections[0].days[1].hours[0][1]', ['"12" is not a time HH:MM']],
  ['wrong type', [['priorityModels.0.priorities.1.rank', 'high']], 'priorityModels[0].priorities[1].rank', ['expected a number, got "high"']],
  ['duplicate priority id in a model', [['priorityModels.1.priorities.2.id', 'red']], 'priorityModels[1].priorities[2].id', ['duplicate id "red"', 'priorityModels[1].priorities[0]']],
  ['unknown event', [['actions.4.when', { event: 'email' }]], 'actions[4].when.event', ['unknown event "email"', 'created, status, comment, resolution, priority, field']],
  ['unknown comment visibility', [['actions.1.when.visibility', 'secret']], 'actions[1].when.visibility', ['"secret"', 'public, internal']],
  ['unknown status category', [['actions.3.when', { event: 'status', toCategory: 'finished' }]], 'actions[3].when.toCategory', ['"finished"']],
  ['status filter of the wrong type', [['actions.3.when.to', 7]], 'actions[3].when.to', ['string or a list of strings, got 7']],
  ['resolution set not a boolean', [['actions.5.when.set', 'yes']], 'actions[5].when.set', ['"yes"']],
  ['field matcher without field', [['actions.7', { id: 'fld', when: { event: 'field', to: 'x' } }]], 'actions[7].when.field', ['required']],
  ['unknown action model', [['goals.0.actionModel', 'premium']], 'goals[0].actionModel', ['unknown action model "premium"']],
  ['unknown action', [['goals.1.start.0', 'agent-replied']], 'goals[1].start[0]', ['unknown action "agent-replied"']],
  ['unknown action in cancel', [['goals.3.cancel', ['closed']]], 'goals[3].cancel[0]', ['unknown action "closed"']],
  ['internal not a boolean', [['goals.3.internal', 'yes']], 'goals[3].internal', ['"yes"']],
  ['duplicate environment', [['customers.0.environments.1.name', 'Production']], 'customers[0].environments[1].name', ['duplicate environment "Production"', 'customers[0].environments[0]']],
  ['duplicate customer', [['customers.1', { id: 'acme' }]], 'customers[1].id', ['duplicate id "acme"']],
  ['unknown customer', [['agreements.0.customer', 'acme2']], 'agreements[0].customer', ['unknown customer "acme2"']],
  ['environment not of the customer', [['agreements.0.environment', 'Prod']], 'agreements[0].environment', ['"Prod"', 'Production, UAT']],
  ['unknown priority model', [['agreements.0.priorityModel', 'colours']], 'agreements[0].priorityModel', ['unknown priority model "colours"']],
  ['unknown agreement calendar', [['agreements.0.calendar', 'cph']], 'agreements[0].calendar', ['unknown calendar "cph"']],
  ['validTo before validFrom', [['agreements.0.validTo', '2025-01-01']], 'agreements[0].validTo', ['2025-01-01 is not after validFrom 2026-01-01']],
  ['validTo equal to validFrom', [['agreements.0.validTo', '2026-01-01']], 'agreements[0].validTo', ['2026-01-01 is not after validFrom 2026-01-01']],
  ['validTo of the wrong type', [['agreements.0.validTo', 20270101]], 'agreements[0].validTo', ['20270101', 'or null']],
  ['duration in months', [['agreements.0.targets.2.target', 'P1M']], 'agreements[0].targets[2].target', ['duration "P1M" uses years, months or weeks']],
  ['not a duration', [['agreements.0.targets.0.target', '30 minutes']], 'agreements[0].targets[0].target', ['"30 minutes"']],
  ['unknown goal in a target', [['agreements.0.targets.0.goal', 'reply']], 'agreements[0].targets[0].goal', ['unknown goal "reply"']],
  ['unknown calendar in a target', [['agreements.0.targets.0.calendar', '24x7']], 'agreements[0].targets[0].calendar', ['unknown calendar "24x7"']],
  ['priority of another model', [['agreements.0.targets.1.priorities', ['red']]], 'agreements[0].targets[1].priorities[0]', ['priority "red" belongs to priority model "traffic", not to the agreement\'s model "numeric"']],
  ['priority of no model', [['agreements.0.targets.4.priorities', ['p1', 'p9']]], 'agreements[0].targets[4].priorities[1]', ['unknown priority "p9"']],
  ['escalation on an unknown goal', [['agreements.0.escalations.1.goal', 'reply']], 'agreements[0].escalations[1].goal', ['unknown goal "reply"; known: response, resolution, update, triage-ola']],
  ['escalation on a goal without a target row', [['agreements.0.targets.5.goal', 'update'], ['agreements.0.escalations.1.goal', 'triage-ola']], 'agreements[0].escalations[1].goal', ['goal "triage-ola" has no target row in this agreement; goals with one: response, resolution, update']],
  ['elapsedPercent 0', [['agreements.0.escalations.0.when', { elapsedPercent: 0 }]], 'agreements[0].escalations[0].when.elapsedPercent', ['0 is not a percentage above 0 and at most 100']],
  ['elapsedPercent above 100', [['agreements.0.escalations.0.when', { elapsedPercent: 100.5 }]], 'agreements[0].escalations[0].when.elapsedPercent', ['100.5 is not a percentage above 0 and at most 100']],
  ['elapsedPercent negative', [['agreements.0.escalations.0.when', { elapsedPercent: -5 }]], 'agreements[0].escalations[0].when.elapsedPercent', ['-5 is not a percentage']],
  ['elapsedPercent not a number', [['agreements.0.escalations.0.when', { elapsedPercent: '75' }]], 'agreements[0].escalations[0].when.elapsedPercent', ['expected a number, got "75"']],
  ['no threshold', [['agreements.0.escalations.0.when', {}]], 'agreements[0].escalations[0].when', ['expected exactly one threshold (elapsedPercent, remaining or overdue), got none']],
  ['two thresholds', [['agreements.0.escalations.1.when', { remaining: 'PT10M', overdue: 'PT0S' }]], 'agreements[0].escalations[1].when', ['expected exactly one threshold (elapsedPercent, remaining or overdue), got remaining and overdue']],
  ['missing when', [['agreements.0.escalations.1.when', DELETE]], 'agreements[0].escalations[1].when', ['required']],
  ['remaining in months', [['agreements.0.escalations.1.when.remaining', 'P1M']], 'agreements[0].escalations[1].when.remaining', ['duration "P1M" uses years, months or weeks']],
  ['overdue not a duration', [['agreements.0.escalations.2.when.overdue', '2 hours']], 'agreements[0].escalations[2].when.overdue', ['"2 hours" is not an ISO-8601 duration such as PT30M, PT4H or P1DT2H']],
  ['unknown notify target', [['agreements.0.escalations.0.notify', ['assignee', 'manager']]], 'agreements[0].escalations[0].notify[1]', ['unknown notify target "manager"; expected assignee, watchers, group:NAME or user:ACCOUNT_ID']],
  ['group without a name', [['agreements.0.escalations.0.notify.1', 'group:']], 'agreements[0].escalations[0].notify[1]', ['"group:" names no group; expected group:NAME']],
  ['user without an account id', [['agreements.0.escalations.2.notify.0', 'user: ']], 'agreements[0].escalations[2].notify[0]', ['"user: " names no account; expected user:ACCOUNT_ID']],
  ['the customer as a notify target', [['agreements.0.escalations.1.notify', ['customer']]], 'agreements[0].escalations[1].notify[0]', ['an escalation never notifies the customer']],
  ['notify of the wrong type is reported once', [['agreements.0.escalations.1.notify', 'assignee']], 'agreements[0].escalations[1].notify', ['expected a list, got "assignee"']],
  ['neither notify nor comment', [['agreements.0.escalations.1.notify', DELETE]], 'agreements[0].escalations[1]', ['notifies no one and adds no comment; expected a non-empty notify, a comment or both']],
  ['an empty notify and no comment', [['agreements.0.escalations.2.notify', []]], 'agreements[0].escalations[2]', ['notifies no one and adds no comment']],
  ['unknown comment visibility', [['agreements.0.escalations.0.comment.visibility', 'customers']], 'agreements[0].escalations[0].comment.visibility', ['unknown visibility "customers"; expected one of internal, public']],
  ['empty comment text', [['agreements.0.escalations.0.comment.text', '']], 'agreements[0].escalations[0].comment.text', ['must not be empty']],
  ['blank comment text', [['agreements.0.escalations.0.comment.text', ' \n ']], 'agreements[0].escalations[0].comment.text', ['must not be empty']],
  ['duplicate escalation id', [['agreements.0.escalations.2.id', 'resolution-75']], 'agreements[0].escalations[2].id', ['duplicate id "resolution-75" (also agreements[0].escalations[0])']],
  ['unsupported version', [['version', 2]], 'version', ['unsupported version 2']],
  ['missing version', [['version', DELETE]], 'version', ['required']],
  ['empty id', [['actionModels.0.id', ''], ...[0, 1, 2, 3].map((g): Edit => [`goals.${g}.actionModel`, ''])], 'actionModels[0].id', ['must not be empty']],
];

describe('unknown fields', () => {
  /** [what, edits, the one issue expected]: each unknown field at its own path, with the name it most likely meant. */
  const CASES: Array<[string, Edit[], string]> = [
    ['a misspelt list of an agreement', [['agreements.0.escalatoins', []]], 'agreements[0].escalatoins: unknown field; did you mean "escalations"?'],
    ['a field of a newer format version', [['customerGroups', []]], 'customerGroups: unknown field; known fields: version, holidayCollections, calendars, priorityModels, actions, actionModels, goals, customers, agreements, suppliers, settings'],
    ['a letter-case slip', [['agreements.0.ValidFrom', '2026-01-01']], 'agreements[0].ValidFrom: unknown field; did you mean "validFrom"?'],
    ['a weekday written out', [['calendars.1.week.monday', [['00:00', '24:00']]]], 'calendars[1].week.monday: unknown field; did you mean "mon"?'],
    ['a singular for a plural', [['agreements.0.targets.4.priority', 'p1']], 'agreements[0].targets[4].priority: unknown field; did you mean "priorities"?'],
    ['a calendar extra', [['calendars.0.colour', 'blue']], 'calendars[0].colour: unknown field; known fields: id, name, timezone, week, holidays'],
    ['in a holiday preset', [['holidayCollections.0.preset.region', 'BY']], 'holidayCollections[0].preset.region: unknown field; known fields: country, types'],
    ['in a holiday day', [['holidayCollections.0.days.1.hour', [['08:00', '12:00']]]], 'holidayCollections[0].days[1].hour: unknown field; did you mean "hours"?'],
    ['in a priority', [['priorityModels.0.priorities.0.color', 'red']], 'priorityModels[0].priorities[0].color: unknown field; did you mean "colour"?'],
    ['a filter of another event', [['actions.0.when.to', 'Open']], 'actions[0].when.to: unknown field; known fields: event'],
    ['a misspelt filter', [['actions.1.when.visiblity', 'public']], 'actions[1].when.visiblity: unknown field; did you mean "visibility"?'],
    ['in an action model', [['actionModels.0.pauseInStatus', ['Waiting']]], 'actionModels[0].pauseInStatus: unknown field; did you mean "pauseInStatuses"?'],
    ['in a goal', [['goals.0.stopp', ['resolved']]], 'goals[0].stopp: unknown field; did you mean "stop"?'],
    ['in an environment product', [['customers.0.environments.0.products.0.release', '1.0']], 'customers[0].environments[0].products[0].release: unknown field; known fields: name, version'],
    ['in a target row', [['agreements.0.targets.0.calender', 'always']], 'agreements[0].targets[0].calender: unknown field; did you mean "calendar"?'],
    ['a misspelt threshold', [['agreements.0.escalations.1.when.remainig', 'PT5M']], 'agreements[0].escalations[1].when.remainig: unknown field; did you mean "remaining"?'],
    ['in an escalation comment', [['agreements.0.escalations.0.comment.body', 'Hurry']], 'agreements[0].escalations[0].comment.body: unknown field; known fields: visibility, text'],
  ];

  test.each(CASES)('%s', (_what, edits, expected) => {
    expect(issuesOf(edited(...edits)).map(formatIssue)).toEqual([expected]);
  });

  test('a threshold under another name is unknown, and the escalation has none', () => {
    expect(issuesOf(edited(['agreements.0.escalations.0.when', { percent: 75 }])).map(formatIssue)).toEqual([
      'agreements[0].escalations[0].when.percent: unknown field; known fields: elapsedPercent, remaining, overdue',
      'agreements[0].escalations[0].when: expected exactly one threshold (elapsedPercent, remaining or overdue), got none',
    ]);
  });

  test('are reported with every other problem, in document order', () => {
    const bundle = edited(
      ['calendars.0.week.mon', [['09:00', '07:00']]],
      ['calendars.0.week.thurs', []],
      ['goals.1.start', ['agent-replied']],
      ['agreements.0.escalatoins', []],
      ['agreements.0.targets.2.target', 'P1W'],
      ['agreements.1', { ...example.agreements[0], id: 'acme-uat', environment: 'UAT', owner: 'Mette' }],
    );
    // within one element, as always: zod's structural findings (unknown fields among them) before the plain checks
    expect(issuesOf(bundle).map(formatIssue)).toEqual([
      'calendars[0].week.thurs: unknown field; did you mean "thu"?',
      'calendars[0].week.mon[0]: end 07:00 is before start 09:00',
      'goals[1].start[0]: unknown action "agent-replied"; known: created, agent-reply, customer-reply, to-waiting, work-started, resolved, reopened',
      'agreements[0].targets[2].target: duration "P1W" uses years, months or weeks; business-time targets use days (24 h), hours, minutes and seconds, e.g. PT4H',
      'agreements[0].escalatoins: unknown field; did you mean "escalations"?',
      'agreements[1].owner: unknown field; known fields: id, name, customer, environment, products, validFrom, validTo, priorityModel, calendar, targets, escalations, measureIn, renews, contract, report, development',
    ]);
  });

  test('an object with very many unknown fields names nineteen, then counts the rest at the twentieth', () => {
    const ROOT = 'known fields: version, holidayCollections, calendars, priorityModels, actions, actionModels, goals, customers, agreements, suppliers, settings';
    const flood = (n: number): unknown => ({ ...(edited() as object), ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, i])) });
    const messages = issuesOf(flood(100_000)).map(formatIssue);
    expect(messages).toHaveLength(20);
    expect(messages[0]).toBe(`x0: unknown field; ${ROOT}`);
    expect(messages[18]).toBe(`x18: unknown field; ${ROOT}`);
    expect(messages[19]).toBe(`x19: unknown field, as are the 99980 after it; ${ROOT}`);
    expect(issuesOf(flood(20)).map(formatIssue).at(-1)).toBe(`x19: unknown field; ${ROOT}`);
    expect(issuesOf(flood(21)).map(formatIssue).at(-1)).toBe(`x19: unknown field, as is the one after it; ${ROOT}`);
  });

  test('an unknown field inside a mistyped section is still found', () => {
    expect(issuesOf({ version: 1, calendars: [{ id: 'c', timezone: 'UTC', week: { mon: 'all day', sat: [['09:00', '12:00']] }, hours: [] }] }).map(formatIssue)).toEqual([
      'calendars[0].week.mon: expected a list, got "all day"',
      'calendars[0].hours: unknown field; known fields: id, name, timezone, week, holidays',
    ]);
  });
});

describe('business durations the engine cannot compute', () => {
  const LIMIT = 'a duration may take at most 100 years of its calendar\'s weekly hours (the engine computes up to 200 years ahead, with room for holidays)';
  /** Open one minute on Mondays. */
  const MINUTE_A_WEEK = { id: 'minute', timezone: 'UTC', week: { mon: [['09:00', '09:01']] } };

  test.each<[string, Edit[], string[]]>([
    ['a target of 40,000 days of office hours', [['agreements.0.targets.3.target', 'P40000D']], [
      `agreements[0].targets[3].target: P40000D of business time on calendar cph-office (≈ 39.5 h a week) would take about 466 years; ${LIMIT}`,
    ]],
    ['a row\'s own calendar measures it', [['agreements.0.targets.2.target', 'P10000D'], ['agreements.0.targets.3.target', 'P10000D']], [
      `agreements[0].targets[3].target: P10000D of business time on calendar cph-office (≈ 39.5 h a week) would take about 116 years; ${LIMIT}`,
    ]],
    ['one day past a century of 24x7', [['agreements.0.targets.0.target', 'P36525D']], [
      `agreements[0].targets[0].target: P36525D of business time on calendar always (≈ 168 h a week) would take just over 100 years; ${LIMIT}`,
    ]],
    ['a calendar open one minute a week', [['calendars.2', MINUTE_A_WEEK], ['agreements.0.targets.4.calendar', 'minute'], ['agreements.0.targets.4.target', 'P5D']], [
      `agreements[0].targets[4].target: P5D of business time on calendar minute (≈ 1 min a week) would take about 138 years; ${LIMIT}`,
    ]],
    ['a calendar never open', [['calendars.2', { id: 'closed', timezone: 'UTC', week: {} }], ['agreements.0.targets.5.calendar', 'closed']], [
      'calendars[2]: the calendar is never open (no opening hours on any day)',
      'agreements[0].targets[5].target: PT1H of business time on calendar closed is never reached: the calendar is open 0 hours a week',
    ]],
    ['an escalation overdue beyond a target', [['agreements.0.escalations.2.when.overdue', 'P20000D']], [
      `agreements[0].escalations[2].when.overdue: P20000D of business time after the target PT16H (agreements[0].targets[3]) on calendar cph-office (≈ 39.5 h a week) would take about 233 years; ${LIMIT}`,
    ]],
    ['an escalation remaining more than can be computed', [['agreements.0.escalations.1.when.remaining', 'P100000D']], [
      `agreements[0].escalations[1].when.remaining: P100000D of business time on calendar always (≈ 168 h a week) would take about 274 years; ${LIMIT}`,
    ]],
  ])('%s', (_what, edits, expected) => {
    expect(issuesOf(edited(...edits)).map(formatIssue)).toEqual(expected);
  });

  test.each<[string, Edit[]]>([
    ['a century of 24x7', [['agreements.0.targets.0.target', 'P36524D']]],
    ['a day on a calendar open a minute a week (27 years)', [['calendars.2', MINUTE_A_WEEK], ['agreements.0.targets.4.calendar', 'minute'], ['agreements.0.targets.4.target', 'P1D']]],
    ['an overdue that keeps the sum within reach', [['agreements.0.escalations.2.when.overdue', 'P1000D']]],
  ])('within reach: %s', (_what, edits) => {
    validOf(edited(...edits));
  });

  test('PT0S on a calendar never open is refused only as a calendar', () => {
    const bundle = edited(['calendars.2', { id: 'closed', timezone: 'UTC', week: {} }], ['agreements.0.targets.5', { goal: 'triage-ola', target: 'PT0S', calendar: 'closed' }]);
    expect(issuesOf(bundle).map(formatIssue)).toEqual(['calendars[2]: the calendar is never open (no opening hours on any day)']);
  });

  test('an escalation is not judged against a target already refused', () => {
    const bundle = edited(['agreements.0.targets.2.target', 'P40000D'], ['agreements.0.targets.3.target', 'P40000D'], ['agreements.0.escalations.2.when.overdue', 'P1D']);
    expect(issuesOf(bundle).map((i) => i.path)).toEqual(['agreements[0].targets[2].target', 'agreements[0].targets[3].target']);
  });
});

describe('each kind of mistake is reported alone, at its path, naming the value', () => {
  test.each(SINGLE_MISTAKES)('%s', (_what, edits, path, fragments) => {
    const issues = issuesOf(edited(...edits));
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

  test('a string where a list belongs', () => {
    expect(issuesOf({ version: 1, calendars: 'cph-office' }).map(formatIssue)).toEqual([
      'calendars: expected a list, got "cph-office"',
    ]);
  });
});

test('several independent mistakes are all reported, in document order', () => {
  const bundle = edited(
    ['version', 3],
    ['calendars.0.week.mon', [['09:00', '07:00']]],
    ['calendars.1.timezone', 'Mars/Olympus'],
    ['priorityModels.0.priorities.0.rank', 'high'],
    ['actions.4.when', { event: 'email' }],
    ['goals.1.start', ['agent-replied']],
    ['agreements.0.validTo', '2025-01-01'],
    ['agreements.0.targets.1.priorities', ['red']],
    ['agreements.0.targets.2.target', 'P1W'],
  );
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
  // "always" lacks its time zone, but it exists: the targets naming it are not reported again.
  expect(issuesOf(edited(['calendars.1.timezone', DELETE])).map((i) => i.path)).toEqual(['calendars[1].timezone']);
});

test('cross-references are checked even when another part is structurally broken', () => {
  const issues = issuesOf(edited(['customers', 'acme'], ['goals.0.actionModel', 'premium']));
  expect(issues.map((i) => i.path)).toEqual(['goals[0].actionModel', 'customers', 'agreements[0].customer']);
});

describe('never throws', () => {
  test('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => typeof validateBundle(value).ok === 'boolean'), { numRuns: 300 });
  });

  test('on the example with any one value replaced by arbitrary JSON', () => {
    const paths: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (path !== '') paths.push(path);
      const prefix = path === '' ? '' : `${path}.`;
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${prefix}${i}`));
      else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, `${prefix}${k}`));
    };
    walk(example, '');
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, replacement) =>
        typeof validateBundle(edited([path, replacement])).ok === 'boolean',
      ),
      { numRuns: 500 },
    );
  });
});
