// The double's plain methods: each change records Jira's changelog and emits the Forge product event; time comes
// from the injected clock; the state survives toJSON/fromJSON; and the demo seed looks like the site it describes.
import { DEMO_ACCOUNTS, handleJiraRequest, JsmDouble, JsmDoubleError, seedDemo, type IssueEvent } from '../../../offline/jsm-double';
import { demoSite, NOW } from './demo-site';

const { mette, lars, sofie, anders, karen } = DEMO_ACCOUNTS;

describe('every mutation emits its Forge product event', () => {
  test('createRequest → avi:jira:created:issue with the documented Issue fields', () => {
    const site = demoSite();
    const issue = site.double.createRequest({ requestTypeId: '1', reporter: anders, summary: 'Holiday pay missing', fieldValues: { environment: 'Production', product: 'Payroll' } });
    expect(site.events).toEqual([
      {
        eventType: 'avi:jira:created:issue',
        issue: {
          id: issue.id,
          key: 'SUP-9',
          fields: {
            summary: 'Holiday pay missing',
            issuetype: { id: '10004', name: '[System] Incident' },
            project: { id: '10000', key: 'SUP', name: 'Nordlys Support', projectTypeKey: 'service_desk' },
            status: { id: '1', name: 'Open', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
            creator: { accountId: anders },
            reporter: { accountId: anders },
            assignee: null,
            created: '2026-11-25T12:00:00.000+0100',
            updated: '2026-11-25T12:00:00.000+0100',
          },
        },
        atlassianId: anders,
        selfGenerated: false,
        associatedUsers: [{ accountId: anders }],
      },
    ]);
    expect(issue.histories).toEqual([]);
  });

  test('addComment → avi:jira:commented:issue with the comment, and `updated` moves', () => {
    const site = demoSite();
    site.clock.now += 90_000;
    const comment = site.double.addComment('SUP-3', { author: lars, body: 'Norwegian feed is back.', public: true });
    expect(site.events[0]).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      issue: { key: 'SUP-3', fields: { updated: '2026-11-25T12:01:30.000+0100' } },
      atlassianId: lars,
      comment: { id: comment.id, author: { accountId: lars }, jsdPublic: true, created: '2026-11-25T12:01:30.000+0100' },
    });
    expect(site.events[0]?.changelog).toBeUndefined();
  });

  test('transition into done sets the resolution; out of done clears it — one history, one updated event each', () => {
    const site = demoSite();
    site.double.transition('SUP-5', 'Resolved', { by: lars });
    site.double.transition('SUP-5', 'In Progress', { by: lars });
    const [resolved, reopened] = site.events as [IssueEvent, IssueEvent];
    expect(resolved).toMatchObject({ eventType: 'avi:jira:updated:issue', atlassianId: lars, associatedStatuses: [{ id: '3', name: 'In Progress' }, { id: '5', name: 'Resolved' }] });
    expect(resolved.changelog?.items).toEqual([
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '3', fromString: 'In Progress', to: '5', toString: 'Resolved' },
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
    ]);
    expect(reopened.changelog?.items[1]).toEqual({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: '10000', fromString: 'Done', to: null, toString: null });
    const issue = site.double.issueOrThrow('SUP-5');
    expect([issue.resolutionId, issue.resolutionDate]).toEqual([null, null]);
    expect(issue.histories.slice(-2).map((h) => h.id)).toEqual([resolved.changelog?.id, reopened.changelog?.id]);
  });

  test('done → done (Resolved → Closed) keeps the resolution', () => {
    const site = demoSite();
    site.double.transition('SUP-1', 'Closed', { by: mette });
    expect(site.events[0]?.changelog?.items).toHaveLength(1);
    expect(site.double.issueOrThrow('SUP-1').resolutionId).toBe('10000');
  });

  test('setPriority and setFieldValue → updated events with priority and custom-field items', () => {
    const site = demoSite();
    site.double.setPriority('SUP-2', 'High', { by: mette });
    site.double.setFieldValue('SUP-2', 'Environment', 'Production', { by: mette });
    site.double.setFieldValue('SUP-2', 'customfield_10003', [karen], { by: mette });
    expect(site.events.map((e) => e.changelog?.items[0])).toEqual([
      { field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: '3', fromString: 'Medium', to: '2', toString: 'High' },
      { field: 'Environment', fieldtype: 'custom', fieldId: 'customfield_10060', from: '10021', fromString: 'UAT', to: '10020', toString: 'Production' },
      { field: 'Request participants', fieldtype: 'custom', fieldId: 'customfield_10003', from: null, fromString: null, to: karen, toString: 'Karen Møller' },
    ]);
    site.double.setPriority('SUP-2', 'High', { by: mette });
    expect(site.events).toHaveLength(3);
  });

  test('an app field written through the plain method is authored by the app and marked selfGenerated', () => {
    const site = demoSite();
    site.double.registerAppField({ key: 'breached-goals', name: 'Breached goals', type: 'number' });
    site.double.setFieldValue('SUP-7', 'breached-goals', 2);
    expect(site.events[0]).toMatchObject({ atlassianId: site.double.state.site.appAccountId, selfGenerated: true });
    expect(() => site.double.setFieldValue('SUP-7', 'breached-goals', 3, { by: mette })).toThrow(JsmDoubleError);
    expect(() => site.double.setFieldValue('SUP-7', 'breached-goals', 'many')).toThrow(/must be a number/);
  });

  test('deleteIssue → avi:jira:deleted:issue; the key is then gone for REST and JQL', async () => {
    const site = demoSite();
    site.double.deleteIssue('SUP-8', { by: mette });
    expect(site.events[0]).toMatchObject({ eventType: 'avi:jira:deleted:issue', issue: { key: 'SUP-8', id: '10008' }, atlassianId: mette });
    expect((await site.call('GET', '/rest/api/3/issue/SUP-8')).status).toBe(404);
    expect((await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'key = SUP-8' } })).status).toBe(400);
    const next = site.double.createRequest({ requestTypeId: '3', reporter: sofie, summary: 'Keys are never reused' });
    expect(next.key).toBe('SUP-9');
  });

  test('an unsubscribed listener hears nothing more', () => {
    const double = new JsmDouble({ clock: () => NOW });
    seedDemo(double, NOW);
    const heard: string[] = [];
    const stop = double.onEvent((event) => heard.push(event.eventType));
    double.addComment('SUP-1', { author: sofie, body: 'Thanks!', public: true });
    stop();
    double.addComment('SUP-1', { author: sofie, body: 'Again', public: true });
    expect(heard).toEqual(['avi:jira:commented:issue']);
  });

  test('refusals: a customer’s internal comment, a same-status transition, an unknown status', () => {
    const site = demoSite();
    expect(() => site.double.addComment('SUP-1', { author: sofie, body: 'secret', public: false })).toThrow(/public/);
    expect(() => site.double.transition('SUP-3', 'In Progress')).toThrow(/already in status/);
    expect(() => site.double.transition('SUP-3', 'Escalated')).toThrow(/status Escalated/);
    expect(site.events).toHaveLength(0);
  });
});

describe('the injected clock', () => {
  test('stamps created and updated in Jira’s format, and moves when the sandbox moves it', async () => {
    const clock = { now: Date.UTC(2026, 2, 29, 0, 30) }; // 01:30 CET, half an hour before the switch to summer time
    const double = new JsmDouble({ clock: () => clock.now });
    seedDemo(double, clock.now);
    const issue = double.createRequest({ requestTypeId: '1', reporter: sofie, summary: 'Night alarm' });
    clock.now += 3 * 3_600_000;
    double.transition(issue.key, 'In Progress', { by: lars });
    const { body } = await handleJiraRequest(double, {
      method: 'GET', path: `/rest/api/3/issue/${issue.key}`, query: new URLSearchParams('fields=created,updated'), headers: {}, body: undefined, as: 'app',
    });
    expect(body).toMatchObject({ fields: { created: '2026-03-29T01:30:00.000+0100', updated: '2026-03-29T05:30:00.000+0200' } });
  });

  test('atTime backdates a change without moving the clock', () => {
    const site = demoSite();
    const comment = site.double.atTime(NOW - 3_600_000, () => site.double.addComment('SUP-8', { author: mette, body: 'Earlier', public: true }));
    expect(comment.created).toBe(NOW - 3_600_000);
    expect(site.double.now()).toBe(NOW);
  });
});

describe('persistence', () => {
  test('toJSON/fromJSON round-trips the whole site, and the copy keeps counting where the original stopped', async () => {
    const site = demoSite();
    site.double.registerAppField({ key: 'next-sla-deadline', name: 'Next SLA deadline', type: 'datetime' });
    site.double.setFieldValue('SUP-3', 'next-sla-deadline', '2026-11-25T15:00:00Z');
    site.double.setProperty('SUP-3', 'note', { a: [1, 2] });
    const saved = JSON.parse(JSON.stringify(site.double)) as unknown;
    const copy = JsmDouble.fromJSON(saved, { clock: () => NOW });
    expect(copy.toJSON()).toEqual(site.double.toJSON());
    const read = (double: JsmDouble) =>
      handleJiraRequest(double, { method: 'GET', path: '/rest/api/3/issue/SUP-3', query: new URLSearchParams('expand=changelog&properties=*all'), headers: {}, body: undefined, as: 'app' });
    expect((await read(copy)).body).toEqual((await read(site.double)).body);
    const a = site.double.createRequest({ requestTypeId: '3', reporter: karen, summary: 'Same next key' });
    const b = copy.createRequest({ requestTypeId: '3', reporter: karen, summary: 'Same next key' });
    expect([b.key, b.id]).toEqual([a.key, a.id]);
  });

  test('the saved state is independent of the live double', () => {
    const site = demoSite();
    const saved = site.double.toJSON();
    site.double.addComment('SUP-1', { author: sofie, body: 'After the save', public: true });
    expect(saved.issues[0]?.comments).toHaveLength(5);
  });

  test('fromJSON refuses anything that is not a saved double', () => {
    expect(() => JsmDouble.fromJSON({ version: 2, issues: [] })).toThrow(JsmDoubleError);
    expect(() => JsmDouble.fromJSON(null)).toThrow(JsmDoubleError);
  });
});

describe('seedDemo', () => {
  test('builds Nordlys IT: two agents, two organizations of two customers, SUP and its catalogue', () => {
    const { double } = demoSite();
    const people = double.state.users.filter((u) => u.accountType !== 'app');
    expect(people.map((u) => `${u.displayName}:${u.accountType}`)).toEqual([
      'Mette Hansen:atlassian', 'Lars Nielsen:atlassian', 'Sofie Jensen:customer', 'Anders Pedersen:customer', 'Karen Møller:customer', 'Jens Christensen:customer', 'Nora Lindqvist:customer',
      'Henrik Dahl:atlassian',
    ]);
    // Everyone works in Copenhagen but Nora, at Fjell Shipping's New York office.
    expect(people.map((u) => u.timeZone)).toEqual([...Array<string>(6).fill('Europe/Copenhagen'), 'America/New_York', 'Europe/Copenhagen']);
    expect(double.state.organizations.map((o) => [o.id, o.name, o.memberAccountIds.length])).toEqual([['12', 'ACME A/S', 2], ['13', 'Fjord Logistik ApS', 2], ['14', 'Fjell Shipping US — New York', 1]]);
    const sup = double.project('SUP');
    expect(sup && [double.isAdministrator(mette, sup), double.isAdministrator(lars, sup), double.isAgent(lars, sup)]).toEqual([true, false, true]);
    expect(double.state.requestTypes.map((r) => r.name)).toEqual(['Incident', 'Service request', 'Question']);
    expect(double.state.priorities.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(double.state.resolutions.map((r) => r.name)).toEqual(['Done', "Won't do"]);
  });

  test('spreads eight requests over the last working days with the histories the engine must replay', () => {
    const { double } = demoSite();
    const issues = double.state.issues.filter((i) => i.key.startsWith('SUP-'));
    expect(issues).toHaveLength(8);
    expect(issues.every((i) => i.created < NOW && i.updated <= NOW)).toBe(true);
    const statuses = issues.map((i) => double.status(i.statusId).name);
    expect(statuses).toEqual(['Resolved', 'Waiting for release', 'In Progress', 'Waiting for customer', 'In Progress', 'Closed', 'Open', 'Open']);
    const reopened = issues.filter((i) => i.histories.some((h) => h.items.some((item) => item.field === 'resolution' && item.to === null)));
    expect(reopened.map((i) => i.key)).toEqual(['SUP-3']);
    const allComments = issues.flatMap((i) => i.comments.map((c) => ({ c, agent: c.author === lars || c.author === mette })));
    expect(allComments.some(({ c, agent }) => agent && !c.jsdPublic)).toBe(true);
    expect(allComments.some(({ c, agent }) => !agent && c.jsdPublic)).toBe(true);
    expect(issues.some((i) => i.histories.some((h) => h.items.some((item) => item.toString === 'Waiting for customer')))).toBe(true);
    const acme = issues.filter((i) => (i.customFields.customfield_10002 as string[]).includes('12'));
    expect(new Set(acme.map((i) => i.customFields.customfield_10060))).toEqual(new Set(['10020', '10021'])); // Production and UAT
    const weekdays = issues.flatMap((i) => [i.created, ...i.histories.map((h) => h.created)]).filter((t) => t < NOW - 86_400_000);
    expect(weekdays.every((t) => ![0, 6].includes(new Date(t).getUTCDay()))).toBe(true);
  });

  test('keeps the contracts as issues of a business project: no service desk, no request types, only its team may edit them', async () => {
    const site = demoSite();
    expect(site.double.state.issues.filter((i) => i.key.startsWith('CON-')).map((i) => i.summary)).toEqual([
      'Contract ACME-2026-01: ACME A/S, production support',
      'Contract FJ-2026-03: Fjord Logistik ApS, production support',
    ]);
    const desks = await site.call('GET', '/rest/servicedeskapi/servicedesk');
    expect(desks.body.values.map((d: { projectKey: string }) => d.projectKey)).toEqual(['SUP']);
    const canEdit = async (accountId: string) =>
      (await site.call('GET', '/rest/api/3/mypermissions', { as: { accountId }, query: 'permissions=EDIT_ISSUES&issueKey=CON-1' })).body.permissions.EDIT_ISSUES.havePermission;
    expect([await canEdit(mette), await canEdit(lars), await canEdit(sofie)]).toEqual([true, false, false]);
  });

  test('refuses a double that is already seeded', () => {
    const { double } = demoSite();
    expect(() => seedDemo(double, NOW)).toThrow(/empty/);
  });
});
