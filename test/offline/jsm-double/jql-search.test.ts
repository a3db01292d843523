// Enhanced JQL search on the demo site: the JQL the app needs, token paging, and Jira's 400s for what the double
// cannot answer faithfully.
import { DEMO_ACCOUNTS } from '../../../offline/jsm-double';
import { demoSite, type Body } from './demo-site';

async function search(body: Record<string, unknown>, as: 'app' | { accountId: string } = 'app') {
  return demoSite().call('POST', '/rest/api/3/search/jql', { body, as });
}

const keys = (body: Body): string[] => body.issues.map((issue: Body) => issue.key);

describe('POST /rest/api/3/search/jql', () => {
  test('project = SUP finds every request; only ids come back unless fields are asked for', async () => {
    const { status, body } = await search({ jql: 'project = SUP ORDER BY key' });
    expect(status).toBe(200);
    expect(body.issues).toHaveLength(8);
    expect(body.issues[0]).toEqual({ id: '10001' });
    expect(body.isLast).toBe(true);
    expect('nextPageToken' in body).toBe(false);
  });

  test('project = SUP AND resolution = EMPTY leaves out the resolved and closed requests', async () => {
    const { body } = await search({ jql: 'project = SUP AND resolution = EMPTY ORDER BY key ASC', fields: ['summary', 'status', 'resolution'] });
    expect(keys(body)).toEqual(['SUP-2', 'SUP-3', 'SUP-4', 'SUP-5', 'SUP-7', 'SUP-8']);
    expect(body.issues[1].fields).toMatchObject({ summary: 'Fleet tracking map shows no vehicles', status: { name: 'In Progress' }, resolution: null });
    const same = await search({ jql: 'project = "SUP" and resolution is EMPTY ORDER BY key' });
    expect(same.body.issues).toHaveLength(6);
    const resolved = await search({ jql: 'project = SUP AND resolution is not EMPTY ORDER BY key' });
    expect(resolved.body.issues.map((i: Body) => i.id)).toEqual(['10001', '10006']);
  });

  test('key in (…) finds exactly those issues; a key that does not exist is Jira’s 400', async () => {
    const { body } = await search({ jql: 'key in (SUP-4, sup-1) ORDER BY key DESC', fields: ['key'] });
    expect(keys(body)).toEqual(['SUP-4', 'SUP-1']);
    const missing = await search({ jql: 'key in (SUP-4, SUP-42)' });
    expect(missing).toMatchObject({ status: 400, body: { errorMessages: ["An issue with key 'SUP-42' does not exist for field 'key'."], errors: {} } });
  });

  test('updated >= "yyyy/MM/dd HH:mm" is read in the searcher’s zone (Copenhagen for the app)', async () => {
    // SUP-6 was last updated 24 Nov 11:05 Copenhagen, SUP-7 at 08:20 that day, SUP-5 at 10:00.
    const { body } = await search({ jql: 'project = SUP AND updated >= "2026/11/24 10:00" ORDER BY updated', fields: ['updated'] });
    expect(keys(body)).toEqual(['SUP-5', 'SUP-6', 'SUP-8']);
    expect(body.issues[0].fields.updated).toBe('2026-11-24T10:00:00.000+0100');
    const dashed = await search({ jql: 'project = SUP AND updated > "2026-11-24 10:00" ORDER BY updated' });
    expect(dashed.body.issues).toHaveLength(2);
    const relative = await search({ jql: 'project = SUP AND created >= -3h' });
    expect(relative.body.issues).toHaveLength(1);
  });

  test('an ISO instant is refused with Jira’s date message', async () => {
    const { status, body } = await search({ jql: 'project = SUP AND updated >= "2026-11-24T09:00:00Z"' });
    expect(status).toBe(400);
    expect(body.errorMessages[0]).toBe(
      "Date value '2026-11-24T09:00:00Z' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    );
  });

  test('ORDER BY created DESC, and newest first when there is no ORDER BY', async () => {
    const ordered = await search({ jql: 'project = SUP ORDER BY created DESC', fields: ['key'] });
    expect(keys(ordered.body)[0]).toBe('SUP-8');
    const unordered = await search({ jql: 'project = SUP', fields: ['key'] });
    expect(keys(unordered.body)).toEqual(keys(ordered.body));
  });

  test('pages with nextPageToken until isLast', async () => {
    const site = demoSite();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { body } = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = SUP ORDER BY key', fields: ['key'], maxResults: 3, nextPageToken: token } });
      seen.push(...keys(body));
      token = body.nextPageToken;
      pages++;
      expect(body.isLast).toBe(token === undefined);
    } while (token !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5', 'SUP-6', 'SUP-7', 'SUP-8']);
  });

  test('a page token reused with another query, or made up, is a 400', async () => {
    const site = demoSite();
    const first = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = SUP', maxResults: 2 } });
    const other = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = SUP ORDER BY key', nextPageToken: first.body.nextPageToken } });
    expect(other.status).toBe(400);
    const madeUp = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = SUP', nextPageToken: 'abc' } });
    expect(madeUp.status).toBe(400);
  });

  test('at most 100 issues a page when fields are requested', async () => {
    const site = demoSite();
    for (let i = 0; i < 120; i++) site.double.createRequest({ requestTypeId: '3', reporter: DEMO_ACCOUNTS.jens, summary: `Question ${i}` });
    const withFields = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = SUP', fields: ['summary'], maxResults: 5000 } });
    expect(withFields.body.issues).toHaveLength(100);
    const idsOnly = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'project = SUP', maxResults: 5000 } });
    expect(idsOnly.body.issues).toHaveLength(128);
  });

  test('properties and expand=changelog ride along', async () => {
    const site = demoSite();
    const appId = site.double.state.site.appId;
    const { body } = await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'key = SUP-1', fields: ['status'], properties: [appId], expand: 'changelog' } });
    expect(body.issues[0].properties).toEqual({ [appId]: { priority: 'p2' } });
    expect(body.issues[0].changelog.total).toBe(4);
  });

  test('a customer finds only the requests shared with them', async () => {
    const { body } = await search({ jql: 'project = SUP ORDER BY key', fields: ['key'] }, { accountId: DEMO_ACCOUNTS.karen });
    expect(keys(body)).toEqual(['SUP-3', 'SUP-5', 'SUP-6']);
  });

  test.each([
    ['project = SUP OR key = SUP-1', /does not implement 'OR'/],
    ['NOT project = SUP', /does not implement 'NOT'/],
    ['project = SUP AND assignee = currentUser()', /does not implement the field 'assignee'/],
    ['project = SUP AND summary ~ "tax"', /does not implement the field 'summary'/],
    ['project = SUP AND status was "Open"', /history operator/],
    ['project = SUP AND (key = SUP-1)', /parentheses/],
    ['project = SUP AND flavour = sweet', /^Field 'flavour' does not exist or you do not have permission to view it\.$/],
    ['project = NOPE', /^The value 'NOPE' does not exist for the field 'project'\.$/],
    ['ORDER BY key', /^Unbounded JQL queries are not allowed here/],
    ['project = SUP ORDER BY priority', /does not implement ORDER BY priority/],
  ])('refuses %s with a 400', async (jql, message) => {
    const { status, body } = await search({ jql });
    expect(status).toBe(400);
    expect(body).toEqual({ errorMessages: [expect.stringMatching(message)], errors: {} });
  });

  test('GET /rest/api/3/search/jql takes the same parameters from the query string', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/search/jql', { query: 'jql=key%20%3D%20SUP-2&fields=summary' });
    expect(body.issues[0].fields.summary).toBe('New user accounts for the UAT test round');
  });

  test('the removed /rest/api/3/search answers 410 like Jira Cloud', async () => {
    const { status } = await demoSite().call('POST', '/rest/api/3/search', { body: { jql: 'project = SUP' } });
    expect(status).toBe(410);
  });
});
