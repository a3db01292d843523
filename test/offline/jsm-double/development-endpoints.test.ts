// The Payroll development project (PAY, Jira Software) of the demo site and the REST endpoints a hand-over uses:
// creating an issue, linking it, a workflow's transitions, the project and its versions, JQL on fixVersion; and the
// control strip's methods with the changelog and events Jira records (Fix Version items, version events).
import { DEMO_ACCOUNTS, DEMO_DEVELOPMENT, type VersionEvent } from '../../../offline/jsm-double';
import { demoSite, type Body } from './demo-site';

const { lars, henrik, sofie } = DEMO_ACCOUNTS;
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const bug = (summary = 'Payslips show the wrong tax rate') => ({ fields: { project: { key: 'PAY' }, issuetype: { name: 'Bug' }, summary, description: adf('From SUP-7: ACME Production runs Payroll 5.3.0.') } });

describe('GET /rest/api/3/project/{key} and …/versions', () => {
  test('PAY is a software project with Bug and Story, and its four versions', async () => {
    const site = demoSite();
    const { status, body } = await site.call('GET', '/rest/api/3/project/PAY', { as: { accountId: lars } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ key: 'PAY', name: 'Payroll', projectTypeKey: 'software' });
    expect(body.issueTypes.map((t: Body) => t.name)).toEqual(['Bug', 'Story']);
    const versions = await site.call('GET', '/rest/api/3/project/PAY/versions');
    expect(versions.body.map((v: Body) => [v.name, v.released])).toEqual([['5.2.0', true], ['5.3.0', true], ['5.3.1', false], ['5.4.0', false]]);
    expect(versions.body[1]).toMatchObject({ releaseDate: '2026-11-02', projectId: 10020 });
  });

  test('a portal customer cannot see a software project; an unknown key is not found', async () => {
    const site = demoSite();
    expect((await site.call('GET', '/rest/api/3/project/PAY', { as: { accountId: sofie } })).status).toBe(404);
    expect(await site.call('GET', '/rest/api/3/project/NOPE')).toMatchObject({ status: 404, body: { errorMessages: ["No project could be found with key 'NOPE'."] } });
  });
});

describe('POST /rest/api/3/issue', () => {
  test('an agent creates a bug in PAY: To Do, reported by the agent, the description kept', async () => {
    const site = demoSite();
    const { status, body } = await site.call('POST', '/rest/api/3/issue', { body: bug(), as: { accountId: lars } });
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), key: 'PAY-1', self: expect.stringContaining(`/rest/api/3/issue/${body.id}`) });
    const issue = site.double.issueOrThrow('PAY-1');
    expect([site.double.status(issue.statusId).name, issue.reporter, issue.description]).toEqual(['To Do', lars, 'From SUP-7: ACME Production runs Payroll 5.3.0.']);
    expect(site.events.map((e) => [e.eventType, e.issue.fields.project.projectTypeKey])).toEqual([['avi:jira:created:issue', 'software']]);
  });

  test.each([
    ['no summary', { ...bug('  ') }, { summary: 'You must specify a summary of the issue.' }],
    ['an unknown project', { fields: { ...bug().fields, project: { key: 'NOPE' } } }, { project: 'Specify a valid project ID or key' }],
    ['an issue type the project has not', { fields: { ...bug().fields, issuetype: { name: 'Epic' } } }, { issuetype: 'Specify an issue type' }],
    ['an unknown fix version', { fields: { ...bug().fields, fixVersions: [{ name: '9.9.9' }] } }, { fixVersions: 'Version "9.9.9" is not valid for this project.' }],
  ])('refuses %s with the field named, and creates nothing', async (_name, body, errors) => {
    const site = demoSite();
    const before = site.double.state.issues.length;
    expect(await site.call('POST', '/rest/api/3/issue', { body, as: { accountId: lars } })).toMatchObject({ status: 400, body: { errors } });
    expect(site.double.state.issues).toHaveLength(before);
  });

  test('a portal customer may not create in PAY', async () => {
    const site = demoSite();
    expect(await site.call('POST', '/rest/api/3/issue', { body: bug(), as: { accountId: sofie } })).toMatchObject({ status: 400, body: { errors: { project: 'Specify a valid project ID or key' } } });
  });
});

describe('POST /rest/api/3/issueLink', () => {
  test('links a request to a development issue ("relates to"), shown on both sides in issuelinks; twice is refused', async () => {
    const site = demoSite();
    await site.call('POST', '/rest/api/3/issue', { body: bug(), as: { accountId: lars } });
    const link = { type: { name: 'Relates' }, inwardIssue: { key: 'SUP-7' }, outwardIssue: { key: 'PAY-1' } };
    expect((await site.call('POST', '/rest/api/3/issueLink', { body: link, as: { accountId: lars } })).status).toBe(201);
    const request = await site.call('GET', '/rest/api/3/issue/SUP-7', { query: 'fields=issuelinks' });
    expect(request.body.fields.issuelinks).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Relates' }), outwardIssue: expect.objectContaining({ key: 'PAY-1' }) })]);
    const dev = await site.call('GET', '/rest/api/3/issue/PAY-1', { query: 'fields=issuelinks' });
    expect(dev.body.fields.issuelinks[0].inwardIssue.key).toBe('SUP-7');
    expect((await site.call('POST', '/rest/api/3/issueLink', { body: link, as: { accountId: lars } })).status).toBe(400);
    expect((await site.call('POST', '/rest/api/3/issueLink', { body: { ...link, type: { name: 'Clones' } } })).status).toBe(404);
    expect((await site.call('POST', '/rest/api/3/issueLink', { body: { ...link, outwardIssue: { key: 'PAY-99' } } })).status).toBe(404);
  });
});

describe('transitions', () => {
  test("a request's transitions are its workflow's other statuses; a development issue's are To Do, In Progress, Done", async () => {
    const site = demoSite();
    const request = await site.call('GET', '/rest/api/3/issue/SUP-7/transitions', { as: { accountId: lars } });
    expect(request.body.transitions.map((t: Body) => t.to.name)).toEqual(['In Progress', 'Waiting for customer', 'Waiting for release', 'Resolved', 'Closed']);
    const waiting = request.body.transitions.find((t: Body) => t.to.name === 'Waiting for release');
    expect((await site.call('POST', '/rest/api/3/issue/SUP-7/transitions', { body: { transition: { id: waiting.id } }, as: { accountId: lars } })).status).toBe(204);
    expect(site.double.status(site.double.issueOrThrow('SUP-7').statusId).name).toBe('Waiting for release');
    await site.call('POST', '/rest/api/3/issue', { body: bug() });
    const dev = await site.call('GET', '/rest/api/3/issue/PAY-1/transitions');
    expect(dev.body.transitions.map((t: Body) => [t.to.name, t.to.statusCategory.key])).toEqual([['In Progress', 'indeterminate'], ['Done', 'done']]);
  });

  test('a transition the workflow has not is refused; a customer sees none and may make none', async () => {
    const site = demoSite();
    expect(await site.call('POST', '/rest/api/3/issue/SUP-7/transitions', { body: { transition: { id: DEMO_DEVELOPMENT.done } }, as: { accountId: lars } })).toMatchObject({
      status: 400,
      body: { errors: { transition: `Transition id '${DEMO_DEVELOPMENT.done}' is not valid for this issue.` } },
    });
    expect((await site.call('GET', '/rest/api/3/issue/SUP-1/transitions', { as: { accountId: sofie } })).body.transitions).toEqual([]);
    expect((await site.call('POST', '/rest/api/3/issue/SUP-1/transitions', { body: { transition: { id: '3' } }, as: { accountId: sofie } })).status).toBe(403);
  });
});

describe('the control strip: a developer works, fixes and releases', () => {
  test('start, fix versions, done: each a changelog history and an updated event; a release is a version event', async () => {
    const site = demoSite();
    await site.call('POST', '/rest/api/3/issue', { body: bug() });
    const versionEvents: VersionEvent[] = [];
    site.double.onVersionEvent((e) => versionEvents.push(e));
    site.events.length = 0;
    site.double.startDevelopment('PAY-1', henrik);
    site.double.setFixVersions('PAY-1', ['5.3.1'], henrik);
    site.double.setFixVersions('PAY-1', ['5.3.1', '5.4.0'], henrik);
    site.double.setFixVersions('PAY-1', ['5.4.0'], henrik);
    site.double.resolveDevelopmentIssue('PAY-1', henrik);
    const fixItems = site.double.issueOrThrow('PAY-1').histories.flatMap((h) => h.items).filter((i) => i.fieldId === 'fixVersions');
    expect(fixItems.map((i) => [i.field, i.fromString, i.toString])).toEqual([['Fix Version', null, '5.3.1'], ['Fix Version', null, '5.4.0'], ['Fix Version', '5.3.1', null]]);
    expect(site.events.map((e) => e.changelog?.items.map((i) => i.field).join(','))).toEqual(['assignee', 'status', 'Fix Version', 'Fix Version', 'Fix Version', 'status,resolution']);
    const issue = await site.call('GET', '/rest/api/3/issue/PAY-1', { query: 'fields=fixVersions,status,assignee' });
    expect([issue.body.fields.fixVersions.map((v: Body) => v.name), issue.body.fields.status.name, issue.body.fields.assignee.displayName]).toEqual([['5.4.0'], 'Done', 'Henrik Dahl']);

    site.double.releaseVersion('PAY', '5.3.1', henrik);
    expect(versionEvents).toEqual([{ eventType: 'avi:jira:released:version', selfGenerated: false, atlassianId: henrik, version: expect.objectContaining({ name: '5.3.1', released: true, releaseDate: '2026-11-25', projectId: 10020 }) }]);
    expect(() => site.double.releaseVersion('PAY', '5.3.1', henrik)).toThrow('released already');
  });

  test('renaming and merging versions change what issues show without an issue event; JQL finds issues by fixVersion', async () => {
    const site = demoSite();
    await site.call('POST', '/rest/api/3/issue', { body: { fields: { ...bug().fields, fixVersions: [{ name: '5.3.1' }] } } });
    const search = async (jql: string) => (await site.call('POST', '/rest/api/3/search/jql', { body: { jql, fields: ['summary'] } })).body;
    expect((await search('fixVersion = "5.3.1"')).issues.map((i: Body) => i.key)).toEqual(['PAY-1']);
    expect((await search('project = PAY AND fixVersion is EMPTY')).issues).toEqual([]);
    expect(await site.call('POST', '/rest/api/3/search/jql', { body: { jql: 'fixVersion = 7.0' } })).toMatchObject({ status: 400, body: { errorMessages: ["The value '7.0' does not exist for the field 'fixVersion'."] } });
    const versionEvents: VersionEvent[] = [];
    site.double.onVersionEvent((e) => versionEvents.push(e));
    site.events.length = 0;
    site.double.mergeVersion('PAY', '5.3.1', '5.4.0', henrik);
    expect(site.events).toEqual([]);
    expect(versionEvents.map((e) => [e.eventType, e.version.name, e.mergedVersion?.name])).toEqual([['avi:jira:merged:version', '5.3.1', '5.4.0']]);
    expect((await search('fixVersion = "5.4.0"')).issues.map((i: Body) => i.key)).toEqual(['PAY-1']);
    site.double.renameVersion('PAY', '5.4.0', '5.4.0-rc.1', henrik);
    expect(versionEvents.at(-1)).toMatchObject({ eventType: 'avi:jira:updated:version', version: { name: '5.4.0-rc.1' } });
    const issue = await site.call('GET', '/rest/api/3/issue/PAY-1', { query: 'fields=fixVersions' });
    expect(issue.body.fields.fixVersions.map((v: Body) => v.name)).toEqual(['5.4.0-rc.1']);
  });
});

test("each project moves through its own workflow: a request never reaches PAY's To Do, a bug never SUP's Waiting for release", async () => {
  const site = demoSite();
  expect(() => site.double.transition('SUP-7', 'To Do', { by: lars })).toThrow("SUP's workflow has no status To Do");
  await site.call('POST', '/rest/api/3/issue', { body: bug() });
  expect(site.double.status(site.double.issueOrThrow('PAY-1').statusId).name).toBe('To Do');
  expect(() => site.double.transition('PAY-1', 'Waiting for release', { by: henrik })).toThrow("PAY's workflow has no status Waiting for release");
});
