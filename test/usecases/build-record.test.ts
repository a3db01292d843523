// Building the stored record from a request's recorded REST payloads (test/timeline/fixtures), and ordering the work
// list, as tables: what each field of the record comes from, and why one request comes before another.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PORTAL_CHOICE_PROPERTY } from '../../src/app-identity';
import type { StoredConfiguration } from '../../src/adapters/storage/config-store';
import { NO_DEADLINE, NO_RANK, decodeCycles, type IssueRecord } from '../../src/adapters/storage/issue-record';
import type { SiteMetadata } from '../../src/adapters/storage/site-store';
import type { IssueHistory, JiraField, JiraIssue, JiraStatus } from '../../src/adapters/jira/types';
import { validateBundle } from '../../src/config/validate-bundle';
import { buildRecord, historyRevision } from '../../src/usecases/recompute-issue';
import { discoverSiteFields } from '../../src/timeline/site-fields';
import { byUrgency } from '../../src/views/work-list';
import { atRiskDueAt } from '../../src/engine/at-risk';
import { calendarsOf } from '../../src/engine/obligations';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.join(__dirname, '../timeline/fixtures', name), 'utf8')) as T;
const loaded = validateBundle(JSON.parse(readFileSync(path.join(__dirname, '../../examples/config.json'), 'utf8')));
if (!loaded.ok) throw new Error('examples/config.json must be valid');
const configuration: StoredConfiguration = { version: 3, savedAt: 0, savedBy: 'admin', bundle: loaded.value };
const site: SiteMetadata = {
  fields: discoverSiteFields(fixture<JiraField[]>('fields.json')),
  statusCategories: Object.fromEntries(fixture<JiraStatus[]>('statuses.json').map((s) => [s.id, s.statusCategory.key as 'new' | 'indeterminate' | 'done'])),
  refreshedAt: 0,
};

function recorded(change: (issue: JiraIssue) => void = () => undefined): IssueHistory {
  const issue = fixture<JiraIssue>('sup-17-issue.json');
  issue.properties = { [PORTAL_CHOICE_PROPERTY]: { priority: 'p2' } };
  change(issue);
  return { issue, histories: issue.changelog!.histories, comments: issue.fields.comment!.comments };
}

const AT = Date.parse('2026-11-24T12:00:00Z');

describe('the record of the recorded SUP-17, resolved on 24 November', () => {
  const record = buildRecord(recorded(), configuration, site, undefined, AT);
  test.each<[string, keyof IssueRecord, unknown]>([
    ['the issue as Jira names it', 'issueKey', 'SUP-17'],
    ['its project, for the work list', 'projectKey', 'SUP'],
    ['the customer, from its JSM organization', 'customer', 'acme'],
    ['the agreement chosen by customer, environment, product and date', 'agreement', 'acme-prod'],
    ['the priority in force now, after the re-classification to P1', 'priority', 'p1'],
    ['the rank of that priority in the agreement model', 'rank', 1],
    ['the configuration version it was computed with', 'configVersion', 3],
    ['resolved: its last resolution event set one', 'resolved', true],
    ['no cycle open', 'openState', 'closed'],
    ['no deadline: sorts after every open request', 'nextDeadline', NO_DEADLINE],
    ['Jira is not yet known to show anything', 'shown', undefined],
  ])('%s: %s', (_why, field, value) => {
    expect(record[field]).toEqual(value);
  });

  test('resolved with every cycle closed: no longer active, not on the work list, nothing to watch', () => {
    expect(record).not.toHaveProperty('active');
    expect(record).not.toHaveProperty('workList');
    expect(record).not.toHaveProperty('watchAt');
  });

  test("no assignee: the fields are left out, never stored as ''", () => {
    expect(record).not.toHaveProperty('assignee');
    expect(record).not.toHaveProperty('assigneeName');
  });

  test('its revision orders it after any history updated earlier', () => {
    expect(record.revision).toBe(historyRevision(recorded(), record.created));
    expect(Math.floor(record.revision / 1000)).toBe(Date.parse('2026-11-24T10:00:00Z'));
  });
});

test('an unresolved request with a running cycle is active, on the work list, and watched from when a cycle turns at risk or breaches', () => {
  const history = recorded((issue) => {
    issue.changelog!.histories = issue.changelog!.histories.filter((h) => h.created < '2026-11-23T14:00');
    issue.fields.resolution = null;
    issue.fields.assignee = { accountId: 'acc-lars', displayName: 'Lars Nielsen' };
  });
  const record = buildRecord(history, configuration, site, undefined, Date.parse('2026-11-23T13:30:00Z'));
  expect(record).toMatchObject({ openState: 'open', active: 'yes', workList: 'SUP', resolved: false, assignee: 'acc-lars', assigneeName: 'Lars Nielsen' });
  const now = Date.parse('2026-11-23T13:30:00Z');
  const running = decodeCycles(record).filter((o) => o.state === 'running');
  const calendars = calendarsOf(configuration.bundle);
  // Breached means elapsed above the target: one millisecond of business time after the deadline, inside office
  // hours; at risk, 80 % of the target used (formats.md §8). The watch wakes at the first of these.
  const turning = running.map((o) => atRiskDueAt(o, 80, calendars.get(o.calendar), now)).filter((t): t is number => t !== null);
  expect(turning.length).toBeGreaterThan(0);
  expect(record.watchAt).toBe(Math.min(...running.map((o) => o.deadline! + 1), ...turning));
  expect(record.watchAt).toBeLessThan(Math.min(...running.map((o) => o.deadline!)));
});

describe('work list order', () => {
  const row = (key: string, over: Partial<IssueRecord>): IssueRecord =>
    ({ issueKey: key, breached: false, nextDeadline: NO_DEADLINE, rank: NO_RANK, ...over }) as IssueRecord;
  test.each<[string, IssueRecord, IssueRecord]>([
    ['breached before anything on time', row('SUP-2', { breached: true, nextDeadline: Date.UTC(2026, 10, 24, 12) }), row('SUP-1', { nextDeadline: Date.UTC(2026, 10, 24, 9) })],
    ['of two breached, the longer overdue first (the earlier breach instant)', row('SUP-2', { breached: true, nextDeadline: Date.UTC(2026, 10, 24, 8) }), row('SUP-1', { breached: true, nextDeadline: Date.UTC(2026, 10, 24, 9) })],
    ['the nearer deadline first', row('SUP-9', { nextDeadline: Date.UTC(2026, 10, 24, 9) }), row('SUP-1', { nextDeadline: Date.UTC(2026, 10, 24, 10) })],
    ['at the same deadline, the higher priority (lower rank) first', row('SUP-9', { nextDeadline: Date.UTC(2026, 10, 24, 9), rank: 1 }), row('SUP-1', { nextDeadline: Date.UTC(2026, 10, 24, 9), rank: 2 })],
    ['a deadline before none at all', row('SUP-9', { nextDeadline: Date.UTC(2030, 0, 1) }), row('SUP-1', {})],
    ['all else equal, by key as people number them (SUP-9 before SUP-10)', row('SUP-9', {}), row('SUP-10', {})],
  ])('%s', (_why, first, second) => {
    expect(byUrgency(first, second)).toBeLessThan(0);
    expect(byUrgency(second, first)).toBeGreaterThan(0);
    expect([second, first].sort(byUrgency)).toEqual([first, second]);
  });
});
