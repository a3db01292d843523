// The plain reader is a shortcut of the timeline schema: whenever it answers, the schema accepts the same input
// with the same value, and validateTimeline answers exactly as the schema alone would.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readPlainTimeline } from '../../src/config/plain-timeline';
import { validateTimeline, validateTimelineBySchema } from '../../src/config/validate-timeline';

const examples = path.join(__dirname, '../../examples');

const INSTANTS = ['2026-11-23T09:00:00+01:00', '2026-11-23T08:00:00Z', '2026-11-23T09:00:00.250+0100', '2026-11-23T09:00+01:00', '2026-11-23T08:00:00z'];
const BAD_INSTANTS = ['2026-11-23T09:00:00', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', 'soon', ''];
const instant = fc.constantFrom(...INSTANTS);
const text = fc.constantFrom('Open', 'In Progress', 'Waiting for customer', 'p1', 'p2', 'Done', '', 'a "quoted", name');
const category = fc.constantFrom('new', 'indeterminate', 'done');
/** Anything a JSON field might wrongly hold. */
const wrong = fc.oneof(
  fc.constantFrom(...BAD_INSTANTS),
  fc.constantFrom(null, 0, 1795423200000, true, [], {}, ['Open'], 'email', 'private', 'bot', 'finished'),
);

const validEvent = fc.oneof(
  fc.record({ at: instant, type: fc.constant('created'), status: text, statusCategory: category }, { requiredKeys: ['at', 'type'] }),
  fc.record({ at: instant, type: fc.constant('status'), from: text, to: text, toCategory: category }, { requiredKeys: ['at', 'type', 'to'] }),
  fc.record({ at: instant, type: fc.constant('comment'), visibility: fc.constantFrom('public', 'internal'), author: fc.constantFrom('agent', 'customer') }),
  fc.record({ at: instant, type: fc.constant('resolution'), to: fc.option(text, { nil: null }) }),
  fc.record({ at: instant, type: fc.constant('priority'), from: text, to: text }, { requiredKeys: ['at', 'type', 'to'] }),
  fc.record(
    { at: instant, type: fc.constant('field'), field: text, from: fc.option(text, { nil: null }), to: fc.option(text, { nil: null }) },
    { requiredKeys: ['at', 'type', 'field'] },
  ),
  // A priority matrix's answers (formats.md §6).
  fc.record({ at: instant, type: fc.constantFrom('impact', 'urgency'), from: text, to: text }, { requiredKeys: ['at', 'type', 'to'] }),
);

const KEYS = ['at', 'type', 'status', 'statusCategory', 'from', 'to', 'toCategory', 'visibility', 'author', 'field', 'extra'];
/** A valid event, sometimes with one key set to a wrong value, deleted, or an unknown key added. */
const event = fc
  .tuple(validEvent, fc.option(fc.tuple(fc.constantFrom(...KEYS), fc.option(wrong, { nil: undefined })), { freq: 3 }))
  .map(([e, edit]) => {
    const copy: Record<string, unknown> = { ...e };
    if (edit) {
      const [key, value] = edit;
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    }
    return copy;
  });

const ISSUE_KEYS = ['key', 'requestType', 'customer', 'environment', 'product', 'priority', 'created', 'site', 'impact', 'urgency', 'reporter'];
const issue = fc
  .tuple(
    fc.record(
      { key: fc.constantFrom('SUP-1', 'X'), requestType: text, customer: text, environment: text, product: text, priority: text, created: instant, site: text, impact: text, urgency: text },
      { requiredKeys: ['key', 'created'] },
    ),
    fc.option(fc.tuple(fc.constantFrom(...ISSUE_KEYS), fc.option(wrong, { nil: undefined })), { freq: 3 }),
  )
  .map(([i, edit]) => {
    const copy: Record<string, unknown> = { ...i };
    if (edit) {
      const [key, value] = edit;
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    }
    return copy;
  });

const timeline = fc.oneof(
  { arbitrary: fc.record({ issue, events: fc.array(event, { maxLength: 8 }) }), weight: 8 },
  { arbitrary: fc.record({ issue }), weight: 1 },
  { arbitrary: fc.record({ issue, events: wrong }), weight: 1 },
  { arbitrary: wrong, weight: 1 },
);

test('whenever the plain reader answers, the schema accepts the input with the same value', () => {
  let answered = 0;
  let declined = 0;
  fc.assert(
    fc.property(timeline, (input) => {
      const plain = readPlainTimeline(input);
      const schema = validateTimelineBySchema(input);
      if (plain === undefined) {
        declined++;
        return;
      }
      answered++;
      expect(schema).toStrictEqual({ ok: true, value: plain });
    }),
    { numRuns: 3000 },
  );
  // Both paths are exercised: a reader that always declined would make this law hold vacuously.
  expect(answered).toBeGreaterThan(300);
  expect(declined).toBeGreaterThan(300);
});

test('validateTimeline answers exactly as the schema alone, valid or not', () => {
  fc.assert(
    fc.property(timeline, (input) => {
      expect(validateTimeline(input)).toStrictEqual(validateTimelineBySchema(input));
    }),
    { numRuns: 1000 },
  );
});

test('the shipped timelines are read plainly, events in order', () => {
  const inputs = [
    JSON.parse(readFileSync(path.join(examples, 'timeline-sup-17.json'), 'utf8')) as unknown,
    ...readFileSync(path.join(examples, 'timelines-nov.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown),
  ];
  for (const input of inputs) {
    const plain = readPlainTimeline(input);
    expect(plain).toBeDefined();
    expect(validateTimelineBySchema(input)).toStrictEqual({ ok: true, value: plain });
  }
});

test('unsorted events are sorted stably; unusual objects and sparse lists are left to the schema', () => {
  const plain = readPlainTimeline({
    issue: { key: 'SUP-1', created: '2026-03-01T10:00:00Z' },
    events: [
      { at: '2026-03-01T12:00:00+01:00', type: 'comment', visibility: 'internal', author: 'agent' },
      { at: '2026-03-01T10:00:00Z', type: 'created' },
      { at: '2026-03-01T06:00:00-05:00', type: 'status', to: 'In Progress' },
    ],
  });
  expect(plain?.events.map((e) => e.type)).toEqual(['created', 'comment', 'status']);
  class Issue {
    key = 'SUP-1';
    created = '2026-03-01T10:00:00Z';
  }
  expect(readPlainTimeline({ issue: new Issue() })).toBeUndefined();
  // eslint-disable-next-line no-sparse-arrays
  expect(readPlainTimeline({ issue: { key: 'SUP-1', created: '2026-03-01T10:00:00Z' }, events: [, { at: '2026-03-01T10:00:00Z', type: 'created' }] })).toBeUndefined();
  // Objects without a prototype are plain data too, and the schema takes them alike.
  const bare = Object.assign(Object.create(null) as object, { issue: { key: 'SUP-1', created: '2026-03-01T10:00:00Z' } });
  expect(readPlainTimeline(bare)).toEqual({ issue: { key: 'SUP-1', created: Date.parse('2026-03-01T10:00:00Z') }, events: [] });
  expect(validateTimelineBySchema(bare)).toStrictEqual({ ok: true, value: readPlainTimeline(bare) });
});
