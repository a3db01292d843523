// The servicedesk API on the demo site: service desks, request types, organizations, the customer's view of a
// request, and creating requests and comments the way the portal does.
import { DEMO_ACCOUNTS } from '../../../offline/jsm-double';
import { demoSite, type Body } from './demo-site';

const { sofie, anders, karen, lars, jens } = DEMO_ACCOUNTS;

describe('GET /rest/servicedeskapi/servicedesk', () => {
  test('lists SUP as service desk 1 in the servicedesk page envelope', async () => {
    const { body } = await demoSite().call('GET', '/rest/servicedeskapi/servicedesk');
    expect(body).toMatchObject({ size: 1, start: 0, limit: 50, isLastPage: true });
    expect(body.values).toEqual([
      { id: '1', projectId: '10000', projectName: 'Nordlys Support', projectKey: 'SUP', _links: { self: 'https://nordlys-it.atlassian.net/rest/servicedeskapi/servicedesk/1' } },
    ]);
  });
});

describe('GET /rest/servicedeskapi/servicedesk/{id}/requesttype', () => {
  test('pages the request types with start and limit', async () => {
    const site = demoSite();
    const first = await site.call('GET', '/rest/servicedeskapi/servicedesk/1/requesttype', { query: 'limit=2' });
    expect(first.body).toMatchObject({ size: 2, start: 0, limit: 2, isLastPage: false });
    expect(first.body.values[0]).toMatchObject({ id: '1', name: 'Incident', issueTypeId: '10004', serviceDeskId: '1', portalId: '1' });
    expect(first.body._links.next).toBe('https://nordlys-it.atlassian.net/rest/servicedeskapi/servicedesk/1/requesttype?start=2&limit=2');
    const second = await site.call('GET', '/rest/servicedeskapi/servicedesk/1/requesttype', { query: 'start=2&limit=2' });
    expect(second.body).toMatchObject({ size: 1, isLastPage: true });
    expect(second.body.values.map((v: Body) => [v.name, v.issueTypeId])).toEqual([['Question', '10005']]);
  });

  test('an unknown service desk is a servicedesk-shaped 404', async () => {
    const { status, body } = await demoSite().call('GET', '/rest/servicedeskapi/servicedesk/9/requesttype');
    expect(status).toBe(404);
    expect(body).toMatchObject({ errorMessage: expect.any(String), i18nErrorMessage: { i18nKey: expect.any(String), parameters: [] } });
  });
});

describe('GET /rest/servicedeskapi/organization', () => {
  test('lists the organizations, or one user’s with accountId', async () => {
    const site = demoSite();
    const all = await site.call('GET', '/rest/servicedeskapi/organization');
    expect(all.body.values.map((o: Body) => [o.id, o.name])).toEqual([['12', 'ACME A/S'], ['13', 'Fjord Logistik ApS'], ['14', 'Fjell Shipping US — New York']]);
    const karens = await site.call('GET', '/rest/servicedeskapi/organization', { query: `accountId=${encodeURIComponent(karen)}` });
    expect(karens.body).toMatchObject({ size: 1, isLastPage: true, values: [{ id: '13', name: 'Fjord Logistik ApS' }] });
    const agents = await site.call('GET', '/rest/servicedeskapi/organization', { query: `accountId=${encodeURIComponent(lars)}` });
    expect(agents.body.values).toEqual([]);
  });

  test('needs an agent licence to filter by accountId; a customer sees only their own organizations', async () => {
    const site = demoSite();
    const byCustomer = await site.call('GET', '/rest/servicedeskapi/organization', { query: `accountId=${encodeURIComponent(karen)}`, as: { accountId: karen } });
    expect(byCustomer.status).toBe(403);
    expect(byCustomer.body).toMatchObject({ errorMessage: expect.stringMatching(/agent licence/), i18nErrorMessage: { i18nKey: 'sd.license.agent.required' } });
    const own = await site.call('GET', '/rest/servicedeskapi/organization', { as: { accountId: karen } });
    expect(own.body.values.map((o: Body) => o.name)).toEqual(['Fjord Logistik ApS']);
    const byAgent = await site.call('GET', '/rest/servicedeskapi/organization', { query: `accountId=${encodeURIComponent(karen)}`, as: { accountId: lars } });
    expect(byAgent.body.values.map((o: Body) => o.id)).toEqual(['13']);
  });
});

describe('GET /rest/servicedeskapi/request/{issueIdOrKey}', () => {
  test('answers the customer request view with request type, current status, reporter and field values', async () => {
    const { status, body } = await demoSite().call('GET', '/rest/servicedeskapi/request/SUP-4', { as: { accountId: anders }, query: 'expand=requestType' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issueId: '10004',
      issueKey: 'SUP-4',
      requestTypeId: '3',
      serviceDeskId: '1',
      createdDate: { iso8601: '2026-11-20T13:20:00+0100', jira: '2026-11-20T13:20:00.000+0100', epochMillis: Date.UTC(2026, 10, 20, 12, 20) },
      reporter: { accountId: sofie, displayName: 'Sofie Jensen', emailAddress: 'sofie.jensen@acme.dk', timeZone: 'Europe/Copenhagen', active: true },
      currentStatus: { status: 'Waiting for customer', statusCategory: 'INDETERMINATE', statusDate: { jira: '2026-11-20T14:01:00.000+0100' } },
      requestType: { id: '3', name: 'Question' },
      _links: { web: 'https://nordlys-it.atlassian.net/servicedesk/customer/portal/1/SUP-4', agent: 'https://nordlys-it.atlassian.net/browse/SUP-4' },
    });
    expect(body.requestFieldValues).toEqual([
      { fieldId: 'summary', label: 'Summary', value: 'How do I add a new department in the HR module?' },
      { fieldId: 'customfield_10060', label: 'Environment', value: expect.objectContaining({ value: 'Production', id: '10020' }) },
      { fieldId: 'customfield_10061', label: 'Product', value: expect.objectContaining({ value: 'HR', id: '10032' }) },
    ]);
  });

  test('a request of another organization is not found for a customer', async () => {
    const { status, body } = await demoSite().call('GET', '/rest/servicedeskapi/request/SUP-4', { as: { accountId: jens } });
    expect(status).toBe(404);
    expect(body.errorMessage).toBe('Request does not exist or you do not have permission to see it.');
  });
});

describe('POST /rest/servicedeskapi/request', () => {
  test('a customer raises a request: 201 with the request view, and a created event', async () => {
    const site = demoSite();
    const { status, body } = await site.call('POST', '/rest/servicedeskapi/request', {
      as: { accountId: karen },
      body: {
        serviceDeskId: '1',
        requestTypeId: '1',
        requestFieldValues: { summary: 'Route planner crashes', description: 'Since 11:40.', customfield_10060: { id: '10020' }, customfield_10061: { value: 'Fleet' } },
      },
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ issueKey: 'SUP-9', requestTypeId: '1', reporter: { accountId: karen }, currentStatus: { status: 'Open', statusCategory: 'NEW' } });
    const issue = site.double.issueOrThrow('SUP-9');
    expect(issue.customFields).toMatchObject({ customfield_10060: '10020', customfield_10061: '10031', customfield_10002: ['13'] });
    expect(site.events.map((e) => [e.eventType, e.atlassianId])).toEqual([['avi:jira:created:issue', karen]]);
  });

  test('an agent raises on behalf of a customer; a customer may not', async () => {
    const site = demoSite();
    const byAgent = await site.call('POST', '/rest/servicedeskapi/request', {
      as: { accountId: lars },
      body: { serviceDeskId: '1', requestTypeId: '2', raiseOnBehalfOf: sofie, requestFieldValues: { summary: 'Phone call: new payroll user' } },
    });
    expect(byAgent.status).toBe(201);
    expect(site.double.issueOrThrow('SUP-9')).toMatchObject({ reporter: sofie, creator: lars });
    const byCustomer = await site.call('POST', '/rest/servicedeskapi/request', {
      as: { accountId: karen },
      body: { serviceDeskId: '1', requestTypeId: '2', raiseOnBehalfOf: sofie, requestFieldValues: { summary: 'Sneaky' } },
    });
    expect(byCustomer.status).toBe(403);
  });

  test('missing summary, a wrong request type or an unknown option is a 400', async () => {
    const site = demoSite();
    const post = (body: unknown) => site.call('POST', '/rest/servicedeskapi/request', { as: { accountId: karen }, body });
    expect((await post({ serviceDeskId: '1', requestTypeId: '1', requestFieldValues: {} })).status).toBe(400);
    expect((await post({ serviceDeskId: '1', requestTypeId: '7', requestFieldValues: { summary: 'x' } })).status).toBe(400);
    expect((await post({ serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'x', customfield_10060: { value: 'Staging' } } })).status).toBe(400);
    expect(site.double.state.issues.filter((i) => i.key.startsWith('SUP-'))).toHaveLength(8);
  });
});

describe('POST /rest/servicedeskapi/request/{issueIdOrKey}/comment', () => {
  test('adds a public comment (201) that REST v3 shows with jsdPublic and ADF, and emits a commented event', async () => {
    const site = demoSite();
    const { status, body } = await site.call('POST', '/rest/servicedeskapi/request/SUP-4/comment', { as: { accountId: sofie }, body: { body: 'Yes, cost centre 4100.', public: true } });
    expect(status).toBe(201);
    expect(body).toMatchObject({ body: 'Yes, cost centre 4100.', public: true, author: { accountId: sofie }, created: { jira: '2026-11-25T12:00:00.000+0100' } });
    const comments = await site.call('GET', '/rest/api/3/issue/SUP-4/comment', { query: 'orderBy=-created&maxResults=1' });
    expect(comments.body.comments[0]).toMatchObject({ id: body.id, jsdPublic: true, body: { type: 'doc', content: [{ content: [{ text: 'Yes, cost centre 4100.' }] }] } });
    expect(site.events[0]).toMatchObject({ eventType: 'avi:jira:commented:issue', atlassianId: sofie, comment: { id: body.id, jsdPublic: true, author: { accountId: sofie } } });
  });

  test('an agent may add an internal note; a customer may not', async () => {
    const site = demoSite();
    const note = await site.call('POST', '/rest/servicedeskapi/request/SUP-4/comment', { as: { accountId: lars }, body: { body: 'Ask finance first.', public: false } });
    expect(note).toMatchObject({ status: 201, body: { public: false } });
    const customer = await site.call('POST', '/rest/servicedeskapi/request/SUP-4/comment', { as: { accountId: sofie }, body: { body: 'Psst', public: false } });
    expect(customer.status).toBe(400);
  });
});
