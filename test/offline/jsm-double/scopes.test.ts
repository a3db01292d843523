// The scope table the local runtime checks Jira calls against: every endpoint the JSM double answers is in it, each
// entry names its reference page, and the rule is "all of one alternative".
import { missingScopes } from '../../../offline/forge-runtime';
import { JIRA_SCOPES } from '../../../offline/jsm-double/scopes';
import { ROUTE_TEMPLATES } from '../../../offline/jsm-double/rest/router';

/** Routes the double keeps only to answer as Jira does for a call no app can make (410 Gone, 405). */
const NOT_CALLABLE = new Set(['GET /rest/api/3/search', 'POST /rest/api/3/search', 'PUT /rest/api/3/app/field/value']);

it('has a documented rule for every endpoint the double answers', () => {
  const missing = ROUTE_TEMPLATES.filter(({ method, path }) => !NOT_CALLABLE.has(`${method} ${path}`) && !JIRA_SCOPES.find(method, path.replace(/\{[^}]+\}/g, 'X-1')));
  expect(missing).toEqual([]);
  for (const rule of JIRA_SCOPES.entries()) expect(rule.source).toMatch(/^https:\/\/developer\.atlassian\.com\//);
});

it('matches concrete paths, preferring a literal segment over a template', () => {
  expect(JIRA_SCOPES.find('GET', '/rest/api/3/issue/SUP-1/changelog')?.path).toBe('/rest/api/3/issue/{issueIdOrKey}/changelog');
  expect(JIRA_SCOPES.find('get', '/rest/api/3/issue/SUP-1')?.path).toBe('/rest/api/3/issue/{issueIdOrKey}');
  expect(JIRA_SCOPES.find('DELETE', '/rest/api/3/issue/SUP-1')).toBeUndefined();
});

it('needs manage:servicedesk-customer (or its granular scope) to list organizations, not read:servicedesk-request', () => {
  const rule = JIRA_SCOPES.find('GET', '/rest/servicedeskapi/organization');
  expect(rule).toBeDefined();
  if (!rule) return;
  expect(missingScopes(rule, new Set(['read:servicedesk-request', 'read:jira-work']))).toEqual(['manage:servicedesk-customer']);
  expect(missingScopes(rule, new Set(['manage:servicedesk-customer']))).toEqual([]);
  expect(missingScopes(rule, new Set(['read:organization:jira-service-management']))).toEqual([]);
});

it('requires the whole granular alternative, and nothing where the classic alternative is empty', () => {
  const issue = JIRA_SCOPES.find('GET', '/rest/api/3/issue/SUP-1');
  if (!issue) throw new Error('GET issue must be in the table');
  expect(missingScopes(issue, new Set(['read:issue:jira']))).toEqual(['read:jira-work']);
  expect(missingScopes(issue, new Set(issue.granular))).toEqual([]);
  const appField = JIRA_SCOPES.find('POST', '/rest/api/3/app/field/value');
  if (!appField) throw new Error('the app field value API must be in the table');
  expect(missingScopes(appField, new Set())).toEqual([]);
});
