// What the double answers for escalations, against Jira Cloud's documented behaviour: the notify endpoint (204, the
// e-mail recorded with everyone it goes to, 400 for what Jira refuses, `restrict` honoured), adding a comment with
// properties (JSM's internal-note property), reading a comment's property, and the watcher list.
import { DEMO_ACCOUNTS } from '../../../offline/jsm-double';
import { demoSite, NOW } from './demo-site';

const { sofie, lars, mette } = DEMO_ACCOUNTS;
const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function request(site: ReturnType<typeof demoSite>) {
  const issue = site.double.createRequest({ requestTypeId: '1', reporter: sofie, summary: 'Payroll is down', fieldValues: { environment: 'Production', product: 'Payroll' }, watchers: [sofie, lars] });
  site.double.assign(issue.key, lars);
  return issue.key;
}

describe('POST /rest/api/3/issue/{issueIdOrKey}/notify', () => {
  test('queues the e-mail (204) and records it once per person, with why each one gets it', async () => {
    const site = demoSite();
    const key = request(site);
    const answer = await site.call('POST', `/rest/api/3/issue/${key}/notify`, {
      body: { subject: 'Escalated', textBody: 'Half the time is used', to: { assignee: true, watchers: true, users: [{ accountId: lars }], groups: [{ name: 'service-managers' }] } },
    });
    expect(answer).toMatchObject({ status: 204, body: null });
    expect(site.double.notifications).toEqual([
      expect.objectContaining({
        issueKey: key, at: NOW, subject: 'Escalated', textBody: 'Half the time is used', by: site.double.state.site.appAccountId,
        recipients: [
          { accountId: lars, displayName: 'Lars Nielsen', emailAddress: 'lars.nielsen@nordlys-it.dk', why: 'assignee' },
          { accountId: sofie, displayName: 'Sofie Jensen', emailAddress: 'sofie.jensen@acme.dk', why: 'watcher' },
          { accountId: mette, displayName: 'Mette Hansen', emailAddress: 'mette.hansen@nordlys-it.dk', why: 'group service-managers' },
        ],
      }),
    ]);
  });

  test('restricted to a permission, it reaches only those who hold it: customers never hold Edit Issues', async () => {
    const site = demoSite();
    const key = request(site);
    const answer = await site.call('POST', `/rest/api/3/issue/${key}/notify`, {
      body: { textBody: 'x', to: { reporter: true, watchers: true }, restrict: { permissions: [{ key: 'EDIT_ISSUES' }] } },
    });
    expect(answer.status).toBe(204);
    expect(site.double.notifications[0]!.recipients.map((r) => r.displayName)).toEqual(['Lars Nielsen']);
  });

  test.each([
    ['an unassigned issue\'s assignee', { textBody: 'x', to: { assignee: true } }, 'The recipient is invalid: the issue has no assignee.'],
    ['an unknown user', { textBody: 'x', to: { users: [{ accountId: 'nobody' }] } }, 'The recipient is invalid: no user with account id nobody.'],
    ['an unknown group', { textBody: 'x', to: { groups: [{ name: 'ghosts' }] } }, 'The recipient is invalid: no group named ghosts.'],
    ['nothing to say', { subject: 'x', to: { users: [{ accountId: lars }] } }, 'The notification needs a textBody or an htmlBody.'],
    ['an unknown permission', { textBody: 'x', to: { users: [{ accountId: lars }] }, restrict: { permissions: [{ key: 'FLY' }] } }, 'The permission FLY does not exist.'],
  ])('refuses %s with 400', async (_name, body, message) => {
    const site = demoSite();
    const issue = site.double.createRequest({ requestTypeId: '1', reporter: sofie, summary: 'x' });
    const answer = await site.call('POST', `/rest/api/3/issue/${issue.key}/notify`, { body });
    expect(answer).toMatchObject({ status: 400, body: { errorMessages: [message] } });
    expect(site.double.notifications).toEqual([]);
  });

  test('the calling user cannot be a recipient; a caller who cannot see the issue gets 404', async () => {
    const site = demoSite();
    const key = request(site);
    expect(await site.call('POST', `/rest/api/3/issue/${key}/notify`, { body: { textBody: 'x', to: { users: [{ accountId: lars }] } }, as: { accountId: lars } })).toMatchObject({
      status: 400, body: { errorMessages: ['The recipient is the same as the calling user.'] },
    });
    expect((await site.call('POST', `/rest/api/3/issue/${key}/notify`, { body: { textBody: 'x', to: { users: [{ accountId: lars }] } }, as: { accountId: DEMO_ACCOUNTS.karen } })).status).toBe(404);
  });
});

describe('comments with properties', () => {
  test('an internal note by JSM\'s sd.public.comment property, its other properties readable by comment id', async () => {
    const site = demoSite();
    const key = request(site);
    const added = await site.call('POST', `/rest/api/3/issue/${key}/comment`, {
      body: { body: doc('Half the time is used'), properties: [{ key: 'sd.public.comment', value: { internal: true } }, { key: 'contract-sla-escalation', value: { key: 'k1' } }] },
    });
    expect(added).toMatchObject({ status: 201, body: { jsdPublic: false, author: { accountId: site.double.state.site.appAccountId, accountType: 'app' } } });
    const id = String(added.body.id);
    expect(await site.call('GET', `/rest/api/3/comment/${id}/properties/contract-sla-escalation`)).toMatchObject({ status: 200, body: { key: 'contract-sla-escalation', value: { key: 'k1' } } });
    expect(await site.call('GET', `/rest/api/3/comment/${id}/properties/other`)).toMatchObject({ status: 404 });
    expect(await site.call('GET', '/rest/api/3/comment/999999/properties/other')).toMatchObject({ status: 404, body: { errorMessages: ['Can not find a comment for the id: 999999.'] } });
    // The customer sees neither the internal note nor its properties.
    expect(await site.call('GET', `/rest/api/3/comment/${id}/properties/contract-sla-escalation`, { as: { accountId: sofie } })).toMatchObject({ status: 404 });
    // Without the property, a comment is shared with the customer.
    const shared = await site.call('POST', `/rest/api/3/issue/${key}/comment`, { body: { body: doc('We are on it') } });
    expect(shared.body.jsdPublic).toBe(true);
  });

  test('refuses an empty body, and a customer (they comment through the portal)', async () => {
    const site = demoSite();
    const key = request(site);
    expect(await site.call('POST', `/rest/api/3/issue/${key}/comment`, { body: { body: doc('  ') } })).toMatchObject({ status: 400, body: { errors: { comment: 'Comment body can not be empty!' } } });
    expect((await site.call('POST', `/rest/api/3/issue/${key}/comment`, { body: { body: doc('hi') }, as: { accountId: sofie } })).status).toBe(403);
  });
});

test('GET watchers lists who watches the request', async () => {
  const site = demoSite();
  const key = request(site);
  const { status, body } = await site.call('GET', `/rest/api/3/issue/${key}/watchers`);
  expect(status).toBe(200);
  expect(body).toMatchObject({ watchCount: 2, isWatching: false });
  expect(body.watchers.map((w: { displayName: string; accountType: string }) => [w.displayName, w.accountType])).toEqual([['Sofie Jensen', 'customer'], ['Lars Nielsen', 'atlassian']]);
});
