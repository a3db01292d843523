import fc from 'fast-check';
import { formatIssue } from '../../src/config/issues';
import { validateTimeline } from '../../src/config/validate-timeline';
import type { Timeline } from '../../src/engine/types';
import { DELETE, editedCopy, type Edit } from './edit-json';
import example from '../../examples/timeline-sup-17.json';

/** A copy of the shipped example timeline (spec/examples/timeline-sup-17.json) with the given edits. */
const edited = (...edits: Edit[]): unknown => editedCopy(example, ...edits);

function validOf(input: unknown): Timeline {
  const result = validateTimeline(input);
  if (!result.ok) throw new Error(`expected a valid timeline, got:\n${result.issues.map(formatIssue).join('\n')}`);
  return result.value;
}

function issuesOf(input: unknown) {
  const result = validateTimeline(input);
  if (result.ok) throw new Error('expected the timeline to be invalid');
  return result.issues;
}

const at = (iso: string): number => Date.parse(iso);

describe('the shipped example', () => {
  test('is valid, with instants as epoch milliseconds', () => {
    const timeline = validOf(edited());
    expect(timeline.issue).toEqual({
      key: 'SUP-17',
      requestType: 'Incident',
      customer: 'acme',
      environment: 'Production',
      product: 'Payroll',
      priority: 'p2',
      created: at('2026-11-23T08:00:00Z'),
    });
    expect(timeline.events).toHaveLength(7);
    expect(timeline.events[0]).toEqual({ at: at('2026-11-23T08:00:00Z'), type: 'created', status: 'Open' });
    expect(timeline.events[5]).toEqual({ at: at('2026-11-23T13:00:00Z'), type: 'priority', from: 'p2', to: 'p1' });
    expect(timeline.events[6]).toEqual({ at: at('2026-11-24T10:00:00Z'), type: 'resolution', to: 'Done' });
  });
});

describe('normalisation', () => {
  test('events are sorted by instant, whatever the offset; equal instants keep their order', () => {
    const timeline = validOf({
      issue: { key: 'SUP-1', created: '2026-03-01T10:00:00Z' },
      events: [
        { at: '2026-03-01T12:00:00+01:00', type: 'comment', visibility: 'internal', author: 'agent' }, // 11:00Z
        { at: '2026-03-01T10:00:00Z', type: 'created' },
        { at: '2026-03-01T06:00:00-05:00', type: 'status', to: 'In Progress' }, // 11:00Z, after the comment
        { at: '2026-03-01T10:30:00Z', type: 'field', field: 'Component', from: null, to: 'Payroll' },
        { at: '2026-03-01T11:00:00Z', type: 'resolution', to: null },
      ],
    });
    expect(timeline.events.map((e) => e.type)).toEqual(['created', 'field', 'comment', 'status', 'resolution']);
    expect(timeline.events[4]).toEqual({ at: at('2026-03-01T11:00:00Z'), type: 'resolution', to: null });
  });

  test('absent events mean none', () => {
    const timeline = validOf({ issue: { key: 'SUP-2', created: '2026-03-01T10:00:00Z' } });
    expect(timeline).toEqual({ issue: { key: 'SUP-2', created: at('2026-03-01T10:00:00Z') }, events: [] });
  });
});

/** One mistake each: [what, edits to the example, expected path, fragments the message must contain]. */
const SINGLE_MISTAKES: Array<[string, Edit[], string, string[]]> = [
  ['impossible instant', [['events.3.at', '2026-13-01T00:00Z']], 'events[3].at', ['"2026-13-01T00:00Z" is not an ISO-8601 instant with an offset']],
  ['instant without an offset', [['events.1.at', '2026-11-23T09:40:00']], 'events[1].at', ['"2026-11-23T09:40:00"']],
  ['instant of the wrong type', [['events.1.at', 1795423200000]], 'events[1].at', ['1795423200000']],
  ['missing instant', [['events.1.at', DELETE]], 'events[1].at', ['required']],
  ['missing key', [['issue.key', DELETE]], 'issue.key', ['required']],
  ['empty key', [['issue.key', '']], 'issue.key', ['must not be empty']],
  ['bad creation instant', [['issue.created', '23/11/2026 09:00']], 'issue.created', ['"23/11/2026 09:00"']],
  ['missing creation instant', [['issue.created', DELETE]], 'issue.created', ['required']],
  ['optional field of the wrong type', [['issue.priority', 2]], 'issue.priority', ['expected a string, got 2']],
  ['unknown event type', [['events.2.type', 'transition']], 'events[2].type', ['unknown event type "transition"', 'created, status, comment']],
  ['missing event type', [['events.2.type', DELETE]], 'events[2].type', ['required']],
  ['status without to', [['events.2.to', DELETE]], 'events[2].to', ['required']],
  ['unknown status category', [['events.2.toCategory', 'finished']], 'events[2].toCategory', ['"finished"']],
  ['comment without author', [['events.1.author', DELETE]], 'events[1].author', ['required']],
  ['unknown comment visibility', [['events.1.visibility', 'private']], 'events[1].visibility', ['unknown visibility "private"', 'public, internal']],
  ['unknown comment author', [['events.3.author', 'bot']], 'events[3].author', ['"bot"', 'agent, customer']],
  ['resolution without to', [['events.6.to', DELETE]], 'events[6].to', ['required']],
  ['resolution to of the wrong type', [['events.6.to', false]], 'events[6].to', ['false']],
  ['priority without to', [['events.5.to', DELETE]], 'events[5].to', ['required']],
  ['field without field', [['events.7', { at: '2026-11-24T12:00:00Z', type: 'field', to: 'x' }]], 'events[7].field', ['required']],
  ['event that is not an object', [['events.7', 'resolved']], 'events[7]', ['"resolved"']],
  ['events not a list', [['events', { 0: 'x' }]], 'events', ['expected a list, got an object']],
  ['missing issue', [['issue', DELETE]], 'issue', ['required']],
];

describe('unknown fields are refused at their path, with the name most likely meant', () => {
  test.each<[string, Edit[], string]>([
    ['in the issue', [['issue.reporter', 'mette']], 'issue.reporter: unknown field; known fields: key, requestType, customer, environment, product, priority, created, site, impact, urgency'],
    ['a misspelt issue field', [['issue.requesttype', 'Incident']], 'issue.requesttype: unknown field; did you mean "requestType"?'],
    ['at the root', [['evnets', []]], 'evnets: unknown field; did you mean "events"?'],
    ['a misspelt event field', [['events.1.visiblity', 'public']], 'events[1].visiblity: unknown field; did you mean "visibility"?'],
    ['a field of another event type', [['events.1.to', 'Done']], 'events[1].to: unknown field; known fields: at, type, visibility, author'],
    ['a created event with a from', [['events.0.from', 'New']], 'events[0].from: unknown field; known fields: at, type, status, statusCategory'],
  ])('%s', (_what, edits, expected) => {
    expect(issuesOf(edited(...edits)).map(formatIssue)).toEqual([expected]);
  });

  test('beside every other mistake of the same event', () => {
    expect(issuesOf(edited(['events.2', { at: 'soon', type: 'status', too: 'Done' }])).map(formatIssue)).toEqual([
      'events[2].at: "soon" is not an ISO-8601 instant with an offset',
      'events[2].to: required',
      'events[2].too: unknown field; did you mean "to"?',
    ]);
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

test.each<[string, unknown]>([
  ['null', null],
  ['a list', []],
  ['a string', 'SUP-17'],
])('%s at the root gives one issue at (root)', (_what, input) => {
  const issues = issuesOf(input);
  expect(issues).toHaveLength(1);
  expect(issues[0]?.path).toBe('(root)');
});

test('several mistakes, even on one event, are all reported in document order', () => {
  const issues = issuesOf(
    edited(
      ['issue.created', 'yesterday'],
      ['events.1', { at: 'soon', type: 'comment', visibility: 'public' }],
      ['events.3.type', 'email'],
      ['events.5.to', 3],
    ),
  );
  expect(issues.map((i) => i.path)).toEqual(['issue.created', 'events[1].at', 'events[1].author', 'events[3].type', 'events[5].to']);
});

test('never throws on arbitrary JSON or on the example with a value replaced', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => typeof validateTimeline(value).ok === 'boolean'), { numRuns: 300 });
  const paths = ['issue', 'issue.key', 'issue.created', 'events', ...example.events.flatMap((e, i) => [`events.${i}`, ...Object.keys(e).map((k) => `events.${i}.${k}`)])];
  fc.assert(
    fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, replacement) => typeof validateTimeline(edited([path, replacement])).ok === 'boolean'),
    { numRuns: 300 },
  );
});
