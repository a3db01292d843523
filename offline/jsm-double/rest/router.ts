// handleJiraRequest: the ProductHandler the local runtime calls for every `requestJira`. It routes exactly the
// endpoints the app uses; anything else is a 404 that names the method and path, so a call the double does not
// implement fails loudly instead of looking like an empty site.
import type { JsmDouble } from '../jsm-double';
import { JiraRateLimiter } from '../rate-limit';
import { jiraError, type JiraRequest, type JiraResponse } from './http';
import { deleteProperty, getChangelog, getCommentProperty, getComments, getIssue, getProperty, getWatchers, postComment, postNotify, putAssignee, putProperty } from './issue-routes';
import { createIssue, getProject, getProjectVersions, getTransitions, linkIssues, postTransition } from './development-routes';
import { approximateCount, removedSearch, searchJql } from './search-routes';
import { addCustomerComment, addRequestAttachment, attachTemporaryFile, createCustomerRequest, getCustomerRequest, listOrganizations, listRequestTypes, listServiceDesks } from './service-desk-routes';
import { getFields, getMyPermissions, getMyself, getStatuses, getUsersBulk, putAppFieldValues } from './site-routes';

type Handler = (double: JsmDouble, request: JiraRequest, params: string[]) => JiraResponse | Promise<JiraResponse>;

interface Route {
  method: string;
  /** The path template as the REST reference writes it. */
  template: string;
  pattern: RegExp;
  handle: Handler;
}

const SEGMENT = '([^/]+)';

function route(method: string, path: string, handle: Handler): Route {
  return { method, template: path, pattern: new RegExp(`^${path.replace(/\{[a-zA-Z]+\}/g, SEGMENT)}/?$`), handle };
}

const ROUTES: Route[] = [
  route('GET', '/rest/api/3/issue/{issueIdOrKey}', (d, r, [key = '']) => getIssue(d, r, key)),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', (d, r, [key = '']) => getChangelog(d, r, key)),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/comment', (d, r, [key = '']) => getComments(d, r, key)),
  route('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', (d, r, [key = '']) => postComment(d, r, key)),
  route('GET', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', (d, r, [id = '', property = '']) => getCommentProperty(d, r, id, property)),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/watchers', (d, r, [key = '']) => getWatchers(d, r, key)),
  route('PUT', '/rest/api/3/issue/{issueIdOrKey}/assignee', (d, r, [key = '']) => putAssignee(d, r, key)),
  route('POST', '/rest/api/3/issue/{issueIdOrKey}/notify', (d, r, [key = '']) => postNotify(d, r, key)),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (d, r, [key = '', property = '']) => getProperty(d, r, key, property)),
  route('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (d, r, [key = '', property = '']) => putProperty(d, r, key, property)),
  route('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (d, r, [key = '', property = '']) => deleteProperty(d, r, key, property)),
  route('POST', '/rest/api/3/issue', (d, r) => createIssue(d, r)),
  route('GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', (d, r, [key = '']) => getTransitions(d, r, key)),
  route('POST', '/rest/api/3/issue/{issueIdOrKey}/transitions', (d, r, [key = '']) => postTransition(d, r, key)),
  route('POST', '/rest/api/3/issueLink', (d, r) => linkIssues(d, r)),
  route('GET', '/rest/api/3/project/{projectIdOrKey}', (d, r, [key = '']) => getProject(d, r, key)),
  route('GET', '/rest/api/3/project/{projectIdOrKey}/versions', (d, r, [key = '']) => getProjectVersions(d, r, key)),
  route('GET', '/rest/api/3/field', (d) => getFields(d)),
  route('GET', '/rest/api/3/status', (d) => getStatuses(d)),
  route('GET', '/rest/api/3/myself', (d, r) => getMyself(d, r)),
  route('GET', '/rest/api/3/user/bulk', (d, r) => getUsersBulk(d, r)),
  route('GET', '/rest/api/3/mypermissions', (d, r) => getMyPermissions(d, r)),
  route('GET', '/rest/api/3/search/jql', (d, r) => searchJql(d, r)),
  route('POST', '/rest/api/3/search/jql', (d, r) => searchJql(d, r)),
  route('POST', '/rest/api/3/search/approximate-count', (d, r) => approximateCount(d, r)),
  route('GET', '/rest/api/3/search', () => removedSearch()),
  route('POST', '/rest/api/3/search', () => removedSearch()),
  route('POST', '/rest/api/3/app/field/value', (d, r) => putAppFieldValues(d, r, null)),
  route('PUT', '/rest/api/3/app/field/value', () =>
    jiraError(405, 'Method Not Allowed: "Update custom fields" is POST /rest/api/3/app/field/value; PUT is only for /rest/api/3/app/field/{fieldIdOrKey}/value.'),
  ),
  route('PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value', (d, r, [field = '']) => putAppFieldValues(d, r, field)),
  route('GET', '/rest/servicedeskapi/servicedesk', (d, r) => listServiceDesks(d, r)),
  route('GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', (d, r, [id = '']) => listRequestTypes(d, r, id)),
  route('GET', '/rest/servicedeskapi/organization', (d, r) => listOrganizations(d, r)),
  route('GET', '/rest/servicedeskapi/request/{issueIdOrKey}', (d, r, [key = '']) => getCustomerRequest(d, r, key)),
  route('POST', '/rest/servicedeskapi/request', (d, r) => createCustomerRequest(d, r)),
  route('POST', '/rest/servicedeskapi/request/{issueIdOrKey}/comment', (d, r, [key = '']) => addCustomerComment(d, r, key)),
  route('POST', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/attachTemporaryFile', (d, r, [id = '']) => attachTemporaryFile(d, r, id)),
  route('POST', '/rest/servicedeskapi/request/{issueIdOrKey}/attachment', (d, r, [key = '']) => addRequestAttachment(d, r, key)),
];

/** Every endpoint the double answers (method and path template), for checking the scope table covers them. */
export const ROUTE_TEMPLATES: ReadonlyArray<{ method: string; path: string }> = ROUTES.map(({ method, template }) => ({ method, path: template }));

/** Splits a path that may still carry its query string (`/rest/api/3/field?x=1`) and merges that query in. */
function splitPath(path: string, query: URLSearchParams): { path: string; query: URLSearchParams } {
  const at = path.indexOf('?');
  if (at < 0) return { path, query };
  const merged = new URLSearchParams(path.slice(at + 1));
  for (const [name, value] of query) merged.append(name, value);
  return { path: path.slice(0, at), query: merged };
}

export async function handleJiraRequest(double: JsmDouble, request: JiraRequest): Promise<JiraResponse> {
  const { path, query } = splitPath(request.path, request.query);
  const normalised: JiraRequest = { ...request, path, query, method: request.method.toUpperCase() };
  if (normalised.as !== 'app' && !double.user(normalised.as.accountId)) {
    return jiraError(401, 'Client must be authenticated to access this resource.');
  }
  let pathMatched = false;
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== normalised.method) continue;
    const params = match.slice(1).map((segment) => decodeURIComponent(segment));
    return candidate.handle(double, normalised, params);
  }
  if (pathMatched) return jiraError(405, `The JSM double does not implement ${normalised.method} ${path}.`);
  return jiraError(404, `The JSM double does not implement ${normalised.method} ${path}: add it to offline/jsm-double/rest/router.ts if the app needs it.`);
}

/**
 * The double bound as a ProductHandler for the local runtime, behind Jira's points-based rate limit (enforced with
 * the default budget unless told otherwise; pass a limiter to read its counters).
 */
export function jsmProductHandler(double: JsmDouble, limiter: JiraRateLimiter = new JiraRateLimiter(() => double.now())): (request: JiraRequest) => Promise<JiraResponse> {
  return (request) => limiter.serve(request, (admitted) => handleJiraRequest(double, admitted));
}
