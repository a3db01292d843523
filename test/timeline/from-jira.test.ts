// The JSM → timeline mapping on recorded REST payloads of the documented shapes (test/timeline/fixtures).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { evaluate } from '../../src/engine/obligations';
import { toEvaluationJson } from '../../src/engine/simulate-json';
import type { StatusCategory } from '../../src/engine/types';
import type { IssueHistory, JiraField, JiraIssue, JiraStatus } from '../../src/adapters/jira/types';
import { timelineFromJira, type MappingContext } from '../../src/timeline/from-jira';
import { discoverSiteFields } from '../../src/timeline/site-fields';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as T;
const example = <T>(name: string): T => JSON.parse(readFileSync(path.join(__dirname, '../../examples', name), 'utf8')) as T;

const loaded = validateBundle(example('config.json'));
if (!loaded.ok) throw new Error('examples/config.json must be valid');
const bundle = loaded.value;
const fields = discoverSiteFields(fixture<JiraField[]>('fields.json'));
const statusCategories = new Map(fixture<JiraStatus[]>('statuses.json').map((s) => [s.id, s.statusCategory.key as StatusCategory]));

function recorded(): IssueHistory {
  const issue = fixture<JiraIssue>('sup-17-issue.json');
  return { issue, histories: issue.changelog!.histories, comments: issue.fields.comment!.comments };
}
const context = (over: Partial<MappingContext> = {}): MappingContext => ({ fields, statusCategories, bundle, portalPriority: 'p2', ...over });

test('site fields are found by their JSM schema, by name, and by the app field keys', () => {
  expect(fields).toEqual({
    requestType: 'customfield_10010',
    organizations: 'customfield_10002',
    participants: 'customfield_10026',
    environment: 'customfield_10040',
    product: 'customfield_10041',
    contractPriority: 'customfield_10050',
    nextDeadline: 'customfield_10051',
  });
});

test('the recorded SUP-17 maps to the timeline of the spec example, plus the other field change', () => {
  const timeline = timelineFromJira(recorded(), context());
  expect(timeline.issue).toEqual({
    key: 'SUP-17', requestType: 'Incident', customer: 'acme', environment: 'Production', product: 'Payroll', priority: 'p2',
    created: Date.parse('2026-11-23T08:00:00Z'),
  });
  expect(timeline.events).toEqual([
    { at: Date.parse('2026-11-23T08:00:00Z'), type: 'created', status: 'Open' },
    { at: Date.parse('2026-11-23T08:40:00Z'), type: 'comment', visibility: 'public', author: 'agent' },
    { at: Date.parse('2026-11-23T09:00:00Z'), type: 'status', from: 'Open', to: 'Waiting for customer', toCategory: 'indeterminate' },
    { at: Date.parse('2026-11-23T12:00:00Z'), type: 'comment', visibility: 'public', author: 'customer' },
    { at: Date.parse('2026-11-23T12:05:00Z'), type: 'status', from: 'Waiting for customer', to: 'In Progress', toCategory: 'indeterminate' },
    { at: Date.parse('2026-11-23T13:00:00Z'), type: 'priority', from: 'p2', to: 'p1' },
    { at: Date.parse('2026-11-23T13:00:00Z'), type: 'field', field: 'summary', from: 'Payroll fails', to: 'Payroll run fails for salaried staff' },
    { at: Date.parse('2026-11-24T10:00:00Z'), type: 'resolution', to: 'Done' },
    { at: Date.parse('2026-11-24T10:00:00Z'), type: 'status', from: 'In Progress', to: 'Resolved', toCategory: 'done' },
  ]);
});

test.each(['sup-17-at-2026-11-23T085000Z.json', 'sup-17-at-2026-11-23T140000Z.json', 'sup-17-at-2026-11-24T110000Z.json'])(
  'the mapped recording evaluates exactly like the worked example %s',
  (name) => {
    const { at, expected } = example<{ at: string; expected: unknown }>(name);
    const result = toEvaluationJson(evaluate(bundle, timelineFromJira(recorded(), context()), Date.parse(at)));
    expect(result).toStrictEqual(expected);
  },
);

describe('comment authors and visibility', () => {
  const withComment = (author: Record<string, unknown>, jsdPublic: boolean | undefined, participants: unknown[] = []) => {
    const history = recorded();
    history.issue.fields.customfield_10026 = participants;
    history.comments = [{ id: '1', created: '2026-11-23T09:10:00.000+0100', author: author as never, ...(jsdPublic === undefined ? {} : { jsdPublic }) }];
    const events = timelineFromJira(history, context()).events.filter((e) => e.type === 'comment');
    return events[0];
  };

  test.each([
    ['a portal-only customer account', { accountId: 'qm:x', accountType: 'customer' }, true, [], 'customer', 'public'],
    ['the reporter with a full Atlassian account', { accountId: 'qm:acme-anna', accountType: 'atlassian' }, true, [], 'customer', 'public'],
    ['a request participant', { accountId: 'acme-bo', accountType: 'atlassian' }, true, [{ accountId: 'acme-bo' }], 'customer', 'public'],
    ['an agent, publicly', { accountId: 'agent-1', accountType: 'atlassian' }, true, [], 'agent', 'public'],
    ['an agent, as an internal note', { accountId: 'agent-1', accountType: 'atlassian' }, false, [], 'agent', 'internal'],
    ['an app', { accountId: 'app-1', accountType: 'app' }, undefined, [], 'agent', 'public'],
  ])('%s', (_label, author, jsdPublic, participants, role, visibility) => {
    expect(withComment(author, jsdPublic, participants)).toMatchObject({ type: 'comment', author: role, visibility });
  });
});

describe('contract priority', () => {
  test('without a portal choice, the first classification counts from creation and is not an event', () => {
    const timeline = timelineFromJira(recorded(), context({ portalPriority: undefined }));
    expect(timeline.issue.priority).toBe('p1');
    expect(timeline.events.filter((e) => e.type === 'priority')).toEqual([]);
  });

  test('the recording has the contract priority change as Jira writes a string field: the value in toString, `to` null', () => {
    const item = recorded().histories.flatMap((h) => h.items).find((i) => i.fieldId === 'customfield_10050');
    expect(item).toMatchObject({ from: null, to: null, fromString: 'p2', toString: 'p1' });
  });

  test('the app copying the portal choice into its field is no change', () => {
    const history = recorded();
    history.histories.unshift({
      id: '29999', created: '2026-11-23T09:00:02.000+0100',
      items: [{ field: 'Contract priority', fieldtype: 'custom', fieldId: 'customfield_10050', from: null, fromString: null, to: null, toString: 'p2' }],
    });
    const priorities = timelineFromJira(history, context()).events.filter((e) => e.type === 'priority');
    expect(priorities).toEqual([{ at: Date.parse('2026-11-23T13:00:00Z'), type: 'priority', from: 'p2', to: 'p1' }]);
  });
});

test('an issue never moved keeps its current status, with its category, from creation', () => {
  const history = recorded();
  history.histories = [];
  history.comments = [];
  history.issue.fields.status = { id: '1', name: 'Open', statusCategory: { key: 'new' } };
  expect(timelineFromJira(history, context()).events).toEqual([
    { at: Date.parse('2026-11-23T08:00:00Z'), type: 'created', status: 'Open', statusCategory: 'new' },
  ]);
});

test('an organization that is no configured customer leaves the customer unset (so no agreement applies)', () => {
  const history = recorded();
  history.issue.fields.customfield_10002 = [{ id: '99', name: 'Unknown ApS' }];
  const timeline = timelineFromJira(history, context());
  expect(timeline.issue.customer).toBeUndefined();
  expect(evaluate(bundle, timeline, Date.parse('2026-11-23T10:00:00Z')).agreement).toBeNull();
});

test('history pages out of order are replayed in time order', () => {
  const history = recorded();
  history.histories.reverse();
  expect(timelineFromJira(history, context())).toEqual(timelineFromJira(recorded(), context()));
});
