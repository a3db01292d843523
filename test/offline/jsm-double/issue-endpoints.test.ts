// GET issue, its changelog, its comments and its properties on the seeded demo site, checked against the shapes
// Jira Cloud documents (IssueBean, PageBeanChangelog, PageOfComments, EntityProperty).
import { DEMO_ACCOUNTS } from '../../../offline/jsm-double';
import { demoSite, type Body, type DemoSite } from './demo-site';

const { sofie, karen, lars, mette } = DEMO_ACCOUNTS;

/** A request with `count` priority changes, one minute apart, so its changelog is longer than a page. */
function longHistory(site: DemoSite, count: number): string {
  const issue = site.double.createRequest({ requestTypeId: '1', reporter: sofie, summary: 'Flapping priority', fieldValues: { environment: 'UAT', product: 'HR' } });
  for (let i = 0; i < count; i++) {
    site.clock.now += 60_000;
    site.double.setPriority(issue.key, i % 2 === 0 ? 'High' : 'Medium', { by: lars });
  }
  return issue.key;
}

describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
  test('answers the documented IssueBean with real values of a seeded request', async () => {
    const site = demoSite();
    const { status, body } = await site.call('GET', '/rest/api/3/issue/SUP-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: '10001', key: 'SUP-1', self: 'https://nordlys-it.atlassian.net/rest/api/3/issue/10001' });
    const f = body.fields;
    expect(f.summary).toBe('Payroll export to the bank fails with a timeout');
    expect(f.status).toMatchObject({ id: '5', name: 'Resolved', statusCategory: { id: 3, key: 'done', colorName: 'green', name: 'Done' } });
    expect(f.priority).toMatchObject({ id: '2', name: 'High' });
    expect(f.resolution).toMatchObject({ id: '10000', name: 'Done' });
    expect(f.resolutiondate).toBe('2026-11-18T14:02:00.000+0100');
    expect(f.created).toBe('2026-11-17T09:12:00.000+0100');
    expect(f.updated).toBe('2026-11-18T14:02:00.000+0100');
    expect(f.reporter).toMatchObject({ accountId: sofie, displayName: 'Sofie Jensen', accountType: 'customer', timeZone: 'Europe/Copenhagen' });
    expect(f.issuetype).toMatchObject({ id: '10004', name: '[System] Incident', subtask: false });
    expect(f.project).toMatchObject({ id: '10000', key: 'SUP', projectTypeKey: 'service_desk' });
    expect(f.customfield_10010).toMatchObject({
      requestType: { id: '1', name: 'Incident', issueTypeId: '10004', serviceDeskId: '1' },
      currentStatus: { status: 'Resolved', statusCategory: 'DONE' },
    });
    expect(f.customfield_10002).toEqual([{ id: '12', name: 'ACME A/S', _links: { self: 'https://nordlys-it.atlassian.net/rest/servicedeskapi/organization/12' } }]);
    expect(f.customfield_10003).toEqual([]);
    expect(f.customfield_10060).toEqual({ self: 'https://nordlys-it.atlassian.net/rest/api/3/customFieldOption/10020', value: 'Production', id: '10020' });
    expect(f.customfield_10061).toMatchObject({ value: 'Payroll', id: '10030' });
    expect(f.comment).toMatchObject({ startAt: 0, total: 5, maxResults: 5 });
    expect(f.comment.comments[1]).toMatchObject({
      id: '10002',
      author: { accountId: lars, displayName: 'Lars Nielsen', accountType: 'atlassian' },
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bank gateway answers in 45 s; our proxy cuts at 30 s.' }] }] },
      created: '2026-11-17T10:30:00.000+0100',
      jsdPublic: false,
    });
    expect(body.changelog).toBeUndefined();
    expect(body.properties).toBeUndefined();
  });

  test('is found by id as well as key', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/issue/10003', { query: 'fields=summary' });
    expect(body.key).toBe('SUP-3');
  });

  test('fields selects explicit ids, *navigable, *all and -exclusions', async () => {
    const site = demoSite();
    const explicit = await site.call('GET', '/rest/api/3/issue/SUP-1', { query: 'fields=summary,status,customfield_10060' });
    expect(Object.keys(explicit.body.fields).sort()).toEqual(['customfield_10060', 'status', 'summary']);
    const navigable = await site.call('GET', '/rest/api/3/issue/SUP-1', { query: 'fields=*navigable' });
    expect(navigable.body.fields.comment).toBeUndefined();
    expect(navigable.body.fields.summary).toBeDefined();
    const excluded = await site.call('GET', '/rest/api/3/issue/SUP-1', { query: 'fields=*all,-comment,-description' });
    expect(excluded.body.fields.comment).toBeUndefined();
    expect(excluded.body.fields.description).toBeUndefined();
    expect(excluded.body.fields.customfield_10010).toBeDefined();
  });

  test('expand=changelog embeds the histories with their items', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/issue/SUP-3', { query: 'fields=status&expand=changelog' });
    expect(body.changelog).toMatchObject({ startAt: 0, maxResults: 4, total: 4 });
    const items = body.changelog.histories.map((h: Body) => h.items.map((i: Body) => `${i.field}:${i.fromString}->${i.toString}`).join(' + '));
    expect(items).toEqual([
      'status:Open->In Progress',
      'status:In Progress->Resolved + resolution:null->Done',
      'status:Resolved->In Progress + resolution:Done->null',
      'priority:High->Highest',
    ]);
    expect(body.changelog.histories[3]).toMatchObject({ author: { accountId: lars }, created: '2026-11-20T09:25:00.000+0100' });
    expect(body.changelog.histories[3].items[0]).toEqual({ field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '2', fromString: 'High', to: '1', toString: 'Highest' });
  });

  test('the embedded changelog holds only the first 100 histories, like Jira', async () => {
    const site = demoSite();
    const key = longHistory(site, 130);
    const { body } = await site.call('GET', `/rest/api/3/issue/${key}`, { query: 'fields=summary&expand=changelog' });
    expect(body.changelog.total).toBe(130);
    expect(body.changelog.maxResults).toBe(100);
    expect(body.changelog.histories).toHaveLength(100);
    expect(body.changelog.histories[99].items[0].toString).toBe('Medium');
  });

  test('the embedded comment list is capped at 100 with the true total', async () => {
    const site = demoSite();
    for (let i = 0; i < 105; i++) site.double.addComment('SUP-8', { author: mette, body: `Update ${i}`, public: true });
    const { body } = await site.call('GET', '/rest/api/3/issue/SUP-8', { query: 'fields=comment' });
    expect(body.fields.comment).toMatchObject({ startAt: 0, maxResults: 100, total: 105 });
    expect(body.fields.comment.comments).toHaveLength(100);
  });

  test('properties returns the requested issue properties', async () => {
    const site = demoSite();
    const appId = site.double.state.site.appId;
    const { body } = await site.call('GET', '/rest/api/3/issue/SUP-7', { query: `fields=summary&properties=${appId},missing` });
    expect(body.properties).toEqual({ [appId]: { priority: 'p1' } });
  });

  test('a missing issue, and one a customer may not see, are the same 404', async () => {
    const site = demoSite();
    const missing = await site.call('GET', '/rest/api/3/issue/SUP-99');
    expect(missing).toMatchObject({ status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
    const hidden = await site.call('GET', '/rest/api/3/issue/SUP-1', { as: { accountId: karen } });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  test('a customer sees their organization’s requests without the internal notes', async () => {
    const site = demoSite();
    const { status, body } = await site.call('GET', '/rest/api/3/issue/SUP-2', { as: { accountId: sofie }, query: 'fields=comment' });
    expect(status).toBe(200);
    expect(body.fields.comment.total).toBe(1);
    expect(body.fields.comment.comments.every((c: Body) => c.jsdPublic)).toBe(true);
  });
});

describe('GET /rest/api/3/issue/{issueIdOrKey}/changelog', () => {
  test('pages through more than 100 histories, 100 at most per page', async () => {
    const site = demoSite();
    const key = longHistory(site, 230);
    const first = await site.call('GET', `/rest/api/3/issue/${key}/changelog`, { query: 'maxResults=500' });
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 100, total: 230, isLast: false });
    expect(first.body.values).toHaveLength(100);
    expect(first.body.nextPage).toBe(`https://nordlys-it.atlassian.net/rest/api/3/issue/${key}/changelog?startAt=100&maxResults=100`);
    const ids = new Set<string>();
    let startAt = 0;
    for (;;) {
      const page = await site.call('GET', `/rest/api/3/issue/${key}/changelog`, { query: `startAt=${startAt}` });
      for (const history of page.body.values) ids.add(history.id);
      if (page.body.isLast) {
        expect(page.body.nextPage).toBeUndefined();
        break;
      }
      startAt += page.body.values.length;
    }
    expect(ids.size).toBe(230);
  });

  test('answers a documented page for a seeded request', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/issue/SUP-1/changelog', { query: 'startAt=1&maxResults=2' });
    expect(body).toMatchObject({ self: 'https://nordlys-it.atlassian.net/rest/api/3/issue/SUP-1/changelog?startAt=1&maxResults=2', startAt: 1, maxResults: 2, total: 4, isLast: false });
    expect(body.values.map((h: Body) => h.items[0].toString)).toEqual(['Waiting for customer', 'In Progress']);
  });

  test('a malformed startAt is a 400', async () => {
    const { status, body } = await demoSite().call('GET', '/rest/api/3/issue/SUP-1/changelog', { query: 'startAt=abc' });
    expect(status).toBe(400);
    expect(body.errorMessages[0]).toMatch(/startAt/);
  });
});

describe('GET /rest/api/3/issue/{issueIdOrKey}/comment', () => {
  test('pages comments oldest first with jsdPublic, or newest first with orderBy=-created', async () => {
    const site = demoSite();
    const { body } = await site.call('GET', '/rest/api/3/issue/SUP-1/comment', { query: 'startAt=1&maxResults=2' });
    expect(body).toMatchObject({ startAt: 1, maxResults: 2, total: 5 });
    expect(body.comments.map((c: Body) => [c.id, c.jsdPublic])).toEqual([['10002', false], ['10003', true]]);
    const newest = await site.call('GET', '/rest/api/3/issue/SUP-1/comment', { query: 'orderBy=-created&maxResults=1' });
    expect(newest.body.comments[0]).toMatchObject({ author: { accountId: lars }, created: '2026-11-18T14:00:00.000+0100' });
  });

  test('pages beyond 100 comments', async () => {
    const site = demoSite();
    for (let i = 0; i < 150; i++) {
      site.clock.now += 1000;
      site.double.addComment('SUP-8', { author: i % 2 ? mette : sofie, body: `Message ${i}`, public: true });
    }
    const first = await site.call('GET', '/rest/api/3/issue/SUP-8/comment', { query: 'maxResults=1000' });
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 100, total: 150 });
    const second = await site.call('GET', '/rest/api/3/issue/SUP-8/comment', { query: 'startAt=100' });
    expect(second.body.comments).toHaveLength(50);
    expect(second.body.comments[49].body.content[0].content[0].text).toBe('Message 149');
  });

  test('customers get the public comments only', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/issue/SUP-1/comment', { as: { accountId: sofie } });
    expect(body.total).toBe(4);
  });

  test('an unknown orderBy is a 400', async () => {
    const { status } = await demoSite().call('GET', '/rest/api/3/issue/SUP-1/comment', { query: 'orderBy=author' });
    expect(status).toBe(400);
  });
});

describe('issue properties', () => {
  test('PUT creates (201), PUT again updates (200), GET reads, DELETE removes (204), then 404', async () => {
    const site = demoSite();
    const path = '/rest/api/3/issue/SUP-3/properties/contract-sla.next';
    expect((await site.call('PUT', path, { body: { deadline: '2026-11-25T15:00:00Z' } })).status).toBe(201);
    expect((await site.call('PUT', path, { body: { deadline: '2026-11-25T16:00:00Z', breached: false } })).status).toBe(200);
    const read = await site.call('GET', path);
    expect(read).toMatchObject({ status: 200, body: { key: 'contract-sla.next', value: { deadline: '2026-11-25T16:00:00Z', breached: false } } });
    expect((await site.call('DELETE', path)).status).toBe(204);
    const gone = await site.call('GET', path);
    expect(gone.status).toBe(404);
    expect(gone.body.errorMessages[0]).toContain('contract-sla.next');
    expect((await site.call('DELETE', path)).status).toBe(404);
  });

  test('setting a property neither touches `updated` nor records a change nor emits an event', async () => {
    const site = demoSite();
    const before = site.double.issueOrThrow('SUP-3').updated;
    site.clock.now += 60_000;
    await site.call('PUT', '/rest/api/3/issue/SUP-3/properties/x', { body: 1 });
    expect(site.double.issueOrThrow('SUP-3').updated).toBe(before);
    expect(site.events).toHaveLength(0);
  });

  test('a property value over 32768 characters is a 400; a customer may not write one (403)', async () => {
    const site = demoSite();
    const big = await site.call('PUT', '/rest/api/3/issue/SUP-3/properties/big', { body: 'x'.repeat(33_000) });
    expect(big.status).toBe(400);
    const customer = await site.call('PUT', '/rest/api/3/issue/SUP-3/properties/mine', { body: 1, as: { accountId: karen } });
    expect(customer.status).toBe(403);
  });

  test('URL-encoded property keys are decoded', async () => {
    const site = demoSite();
    await site.call('PUT', '/rest/api/3/issue/SUP-3/properties/a%20b', { body: true });
    expect(site.double.issueOrThrow('SUP-3').properties['a b']).toBe(true);
  });
});
