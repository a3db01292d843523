// Site-wide endpoints — fields, statuses, myself, users in bulk, mypermissions — the app field value API, and the loud 404 for
// anything the double does not implement.
import { DEMO_ACCOUNTS } from '../../../offline/jsm-double';
import { demoSite, type Body } from './demo-site';

const { mette, lars, sofie } = DEMO_ACCOUNTS;

function withDeadlineField() {
  const site = demoSite();
  const field = site.double.registerAppField({ key: 'next-sla-deadline', name: 'Next SLA deadline', type: 'datetime' });
  return { site, field };
}

describe('GET /rest/api/3/field', () => {
  test('lists system and custom fields with the schema.custom the app looks them up by', async () => {
    const { site, field } = withDeadlineField();
    const { body } = await site.call('GET', '/rest/api/3/field');
    const byId = new Map<string, Body>(body.map((f: Body) => [f.id, f]));
    expect(byId.get('status')).toMatchObject({ name: 'Status', custom: false, navigable: true, schema: { type: 'status', system: 'status' } });
    expect(byId.get('customfield_10010')).toMatchObject({ name: 'Request Type', custom: true, schema: { custom: 'com.atlassian.servicedesk:vp-origin', customId: 10010 } });
    expect(byId.get('customfield_10002')).toMatchObject({ name: 'Organizations', schema: { type: 'array', items: 'sd-customerorganization', custom: 'com.atlassian.servicedesk:sd-customer-organizations' } });
    expect(byId.get('customfield_10003')?.schema.custom).toBe('com.atlassian.servicedesk:sd-request-participants');
    expect(byId.get('customfield_10060')).toMatchObject({ name: 'Environment', clauseNames: ['cf[10060]', 'Environment'], schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' } });
    expect(byId.get('customfield_10061')?.name).toBe('Product');
    expect(byId.get(field.id)).toMatchObject({
      name: 'Next SLA deadline',
      key: 'next-sla-deadline',
      schema: { type: 'datetime', custom: `ari:cloud:ecosystem::extension/${site.double.state.site.appId}/${site.double.state.site.environmentId}/static/next-sla-deadline` },
    });
  });
});

describe('GET /rest/api/3/status', () => {
  test('lists the workflow statuses with their status category objects', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/status');
    expect(body.map((s: Body) => `${s.name}/${s.statusCategory.key}`)).toEqual([
      'Open/new',
      'In Progress/indeterminate',
      'Waiting for customer/indeterminate',
      'Waiting for release/indeterminate',
      'Resolved/done',
      'Closed/done',
      // Payroll development's workflow (PAY): To Do → In Progress → Done.
      'To Do/new',
      'Done/done',
    ]);
    expect(body[2]).toMatchObject({ id: '10001', statusCategory: { id: 4, colorName: 'yellow', name: 'In Progress' } });
  });
});

describe('GET /rest/api/3/myself', () => {
  test('describes the calling user', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/myself', { as: { accountId: mette } });
    expect(body).toMatchObject({ accountId: mette, displayName: 'Mette Hansen', emailAddress: 'mette.hansen@nordlys-it.dk', accountType: 'atlassian', timeZone: 'Europe/Copenhagen', locale: 'da_DK', active: true });
  });

  test('an unknown user is not authenticated', async () => {
    const { status, body } = await demoSite().call('GET', '/rest/api/3/myself', { as: { accountId: 'nobody' } });
    expect(status).toBe(401);
    expect(body.errorMessages[0]).toMatch(/authenticated/);
  });
});

describe('GET /rest/api/3/user/bulk', () => {
  test('names the accounts asked for, leaves out ids of no account, and pages by maxResults', async () => {
    const site = demoSite();
    const { body } = await site.call('GET', '/rest/api/3/user/bulk', { query: `accountId=${mette}&accountId=nobody&accountId=${lars}&maxResults=5` });
    expect(body).toMatchObject({ startAt: 0, maxResults: 5, total: 2, isLast: true });
    expect(body.values.map((u: Body) => [u.accountId, u.displayName])).toEqual([
      [mette, 'Mette Hansen'],
      [lars, expect.any(String)],
    ]);
    const first = await site.call('GET', '/rest/api/3/user/bulk', { query: `accountId=${mette}&accountId=${lars}&maxResults=1` });
    expect(first.body).toMatchObject({ total: 2, isLast: false, values: [{ accountId: mette }] });
  });

  test('refuses a call without accountId, or with more than 200', async () => {
    const site = demoSite();
    expect((await site.call('GET', '/rest/api/3/user/bulk')).status).toBe(400);
    const many = Array.from({ length: 201 }, (_, i) => `accountId=a${i}`).join('&');
    const refused = await site.call('GET', '/rest/api/3/user/bulk', { query: many });
    expect(refused.status).toBe(400);
    expect(refused.body.errorMessages[0]).toContain('At most 200');
  });
});

describe('PUT /rest/api/3/issue/{key}/assignee', () => {
  test('an agent assigns to an agent; a customer can be no assignee, and assigns nothing', async () => {
    const site = demoSite();
    const key = site.double.state.issues[0]!.key;
    expect((await site.call('PUT', `/rest/api/3/issue/${key}/assignee`, { as: { accountId: lars }, body: { accountId: lars } })).status).toBe(204);
    expect(site.double.issueOrThrow(key).assignee).toBe(lars);
    const customer = await site.call('PUT', `/rest/api/3/issue/${key}/assignee`, { as: { accountId: mette }, body: { accountId: sofie } });
    expect(customer.status).toBe(400);
    expect(customer.body.errorMessages[0]).toContain('cannot be assigned issues');
    expect((await site.call('PUT', `/rest/api/3/issue/${key}/assignee`, { as: { accountId: sofie }, body: { accountId: sofie } })).status).toBeGreaterThanOrEqual(403);
    expect((await site.call('PUT', `/rest/api/3/issue/${key}/assignee`, { as: { accountId: lars }, body: { accountId: 7 } })).status).toBe(400);
    expect(site.double.issueOrThrow(key).assignee).toBe(lars);
  });
});

describe('GET /rest/api/3/mypermissions', () => {
  const query = 'projectKey=SUP&permissions=ADMINISTER_PROJECTS,BROWSE_PROJECTS';
  const have = (body: Body) => [body.permissions.ADMINISTER_PROJECTS.havePermission, body.permissions.BROWSE_PROJECTS.havePermission];

  test('Mette administers SUP; Lars is an agent but not an administrator; a customer only browses', async () => {
    const site = demoSite();
    const asMette = await site.call('GET', '/rest/api/3/mypermissions', { query, as: { accountId: mette } });
    expect(asMette.body.permissions.ADMINISTER_PROJECTS).toEqual({
      id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.', havePermission: true,
    });
    expect(have(asMette.body)).toEqual([true, true]);
    expect(have((await site.call('GET', '/rest/api/3/mypermissions', { query, as: { accountId: lars } })).body)).toEqual([false, true]);
    expect(have((await site.call('GET', '/rest/api/3/mypermissions', { query, as: { accountId: sofie } })).body)).toEqual([false, true]);
  });

  test('the app answers with its own user, which holds every project permission', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/mypermissions', { query });
    expect(have(body)).toEqual([true, true]);
  });

  test('without permissions it is a 400; an unknown project a 404', async () => {
    const site = demoSite();
    expect((await site.call('GET', '/rest/api/3/mypermissions', { query: 'projectKey=SUP' })).status).toBe(400);
    const missing = await site.call('GET', '/rest/api/3/mypermissions', { query: 'projectKey=NOPE&permissions=BROWSE_PROJECTS' });
    expect(missing).toMatchObject({ status: 404, body: { errorMessages: ["No project could be found with key 'NOPE'."] } });
  });

  test('in an issue context a customer browses only the requests shared with them', async () => {
    const site = demoSite();
    const own = await site.call('GET', '/rest/api/3/mypermissions', { query: 'issueKey=SUP-1&permissions=BROWSE_PROJECTS', as: { accountId: sofie } });
    const other = await site.call('GET', '/rest/api/3/mypermissions', { query: 'issueKey=SUP-3&permissions=BROWSE_PROJECTS', as: { accountId: sofie } });
    expect([own.body.permissions.BROWSE_PROJECTS.havePermission, other.body.permissions.BROWSE_PROJECTS.havePermission]).toEqual([true, false]);
  });
});

describe('app field values (POST /rest/api/3/app/field/value)', () => {
  test('the app writes its datetime field; Jira records a custom-field change and emits an updated event', async () => {
    const { site, field } = withDeadlineField();
    site.clock.now += 5 * 60_000;
    const write = await site.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: field.id, issueIds: [10003, 10007], value: '2026-11-25T15:30:00.250Z' }] },
    });
    expect(write.status).toBe(204);
    const { body } = await site.call('GET', '/rest/api/3/issue/SUP-7', { query: `fields=${field.id},updated&expand=changelog` });
    expect(body.fields[field.id]).toBe('2026-11-25T16:30:00.000+0100');
    expect(body.fields.updated).toBe('2026-11-25T12:05:00.000+0100');
    const last = body.changelog.histories[body.changelog.histories.length - 1];
    expect(last).toMatchObject({ author: { accountId: site.double.state.site.appAccountId, accountType: 'app' }, created: '2026-11-25T12:05:00.000+0100' });
    expect(last.items).toEqual([
      { field: 'Next SLA deadline', fieldtype: 'custom', fieldId: field.id, from: null, fromString: null, to: '2026-11-25T16:30:00.000+0100', toString: '25/Nov/26 4:30 PM' },
    ]);
    expect(site.events.map((e) => [e.eventType, e.issue.key, e.selfGenerated])).toEqual([
      ['avi:jira:updated:issue', 'SUP-3', true],
      ['avi:jira:updated:issue', 'SUP-7', true],
    ]);
    expect(site.events[1]?.changelog?.items[0]?.fieldId).toBe(field.id);
  });

  test('a string app field is recorded the way Jira records text: the value in fromString/toString, from/to null', async () => {
    const { site } = withDeadlineField();
    const priority = site.double.registerAppField({ key: 'contract-priority', name: 'Contract priority', type: 'string' });
    const write = (value: string) => site.call('POST', '/rest/api/3/app/field/value', { body: { updates: [{ customField: priority.id, issueIds: [10003], value }] } });
    await write('p2');
    await write('p1');
    const items = site.double.issueOrThrow('SUP-3').histories.slice(-2).map((history) => history.items[0]);
    expect(items).toEqual([
      { field: 'Contract priority', fieldtype: 'custom', fieldId: priority.id, from: null, fromString: null, to: null, toString: 'p2' },
      { field: 'Contract priority', fieldtype: 'custom', fieldId: priority.id, from: null, fromString: 'p2', to: null, toString: 'p1' },
    ]);
  });

  test('writing the value the field already has records nothing and emits nothing', async () => {
    const { site, field } = withDeadlineField();
    const body = { updates: [{ customField: field.id, issueIds: [10003], value: '2026-11-25T15:30:00Z' }] };
    await site.call('POST', '/rest/api/3/app/field/value', { body });
    await site.call('POST', '/rest/api/3/app/field/value', { body });
    expect(site.double.issueOrThrow('SUP-3').histories).toHaveLength(5);
    expect(site.events).toHaveLength(1);
  });

  test('clearing with null is recorded as a change to nothing', async () => {
    const { site, field } = withDeadlineField();
    await site.call('POST', '/rest/api/3/app/field/value', { body: { updates: [{ customField: 'next-sla-deadline', issueIds: [10003], value: '2026-11-25T15:30:00Z' }] } });
    await site.call('POST', '/rest/api/3/app/field/value', { body: { updates: [{ customField: field.id, issueIds: [10003], value: null }] } });
    const history = site.double.issueOrThrow('SUP-3').histories.at(-1);
    expect(history?.items[0]).toMatchObject({ from: '2026-11-25T16:30:00.000+0100', to: null, toString: null });
  });

  test('generateChangelog=false and generateAppEvents=false are honoured', async () => {
    const { site, field } = withDeadlineField();
    await site.call('POST', '/rest/api/3/app/field/value', {
      query: 'generateChangelog=false&generateAppEvents=false',
      body: { updates: [{ customField: field.id, issueIds: [10003], value: '2026-11-25T15:30:00Z' }] },
    });
    expect(site.double.issueOrThrow('SUP-3').histories).toHaveLength(4);
    expect(site.events).toHaveLength(0);
  });

  test('only the app may write, and only its own fields; bad values and unknown issues leave everything untouched', async () => {
    const { site, field } = withDeadlineField();
    const asUser = await site.call('POST', '/rest/api/3/app/field/value', { as: { accountId: mette }, body: { updates: [{ customField: field.id, issueIds: [10003], value: '2026-11-25T15:30:00Z' }] } });
    expect(asUser.status).toBe(403);
    const notOurs = await site.call('POST', '/rest/api/3/app/field/value', { body: { updates: [{ customField: 'customfield_10060', issueIds: [10003], value: 'UAT' }] } });
    expect(notOurs.status).toBe(403);
    const badValue = await site.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: field.id, issueIds: [10003], value: '2026-11-25T15:30:00Z' }, { customField: field.id, issueIds: [10004], value: 'tomorrow' }] },
    });
    expect(badValue.status).toBe(400);
    const unknownIssue = await site.call('POST', '/rest/api/3/app/field/value', { body: { updates: [{ customField: field.id, issueIds: [99999], value: '2026-11-25T15:30:00Z' }] } });
    expect(unknownIssue.status).toBe(404);
    const duplicate = await site.call('POST', '/rest/api/3/app/field/value', {
      body: { updates: [{ customField: field.id, issueIds: [10003, 10003], value: '2026-11-25T15:30:00Z' }] },
    });
    expect(duplicate.status).toBe(400);
    expect(site.double.issueOrThrow('SUP-3').customFields[field.id]).toBeUndefined();
    expect(site.events).toHaveLength(0);
  });

  test('PUT /rest/api/3/app/field/{fieldIdOrKey}/value updates one field; PUT on /app/field/value is not the documented method', async () => {
    const { site, field } = withDeadlineField();
    const one = await site.call('PUT', `/rest/api/3/app/field/${field.id}/value`, { body: { updates: [{ issueIds: [10005], value: '2026-11-26T09:00:00+01:00' }] } });
    expect(one.status).toBe(204);
    expect(site.double.issueOrThrow('SUP-5').customFields[field.id]).toBe(Date.UTC(2026, 10, 26, 8));
    const wrong = await site.call('PUT', '/rest/api/3/app/field/value', { body: { updates: [] } });
    expect(wrong.status).toBe(405);
    expect(wrong.body.errorMessages[0]).toMatch(/POST \/rest\/api\/3\/app\/field\/value/);
  });
});

describe('anything else', () => {
  test('is refused with a message naming method and path: 405 on a known path, 404 otherwise', async () => {
    const { status, body } = await demoSite().call('DELETE', '/rest/api/3/issue/SUP-1/comment');
    expect(status).toBe(405);
    expect(body.errorMessages[0]).toBe('The JSM double does not implement DELETE /rest/api/3/issue/SUP-1/comment.');
    const unknown = await demoSite().call('GET', '/rest/api/3/project/SUP/components');
    expect(unknown).toMatchObject({ status: 404, body: { errorMessages: [expect.stringContaining('does not implement GET /rest/api/3/project/SUP/components')], errors: {} } });
  });

  test('a query string left on the path is honoured', async () => {
    const { body } = await demoSite().call('GET', '/rest/api/3/issue/SUP-2?fields=summary');
    expect(Object.keys(body.fields)).toEqual(['summary']);
  });
});
