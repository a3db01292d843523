// Reading one issue: GET issue, its changelog and comments (both paged, at most 100 per page as on Jira Cloud), and
// its entity properties (GET/PUT/DELETE). A caller who may not see the issue gets the same 404 as for a missing one.
import { issueBean } from '../issue-bean';
import { JsmDoubleError, type Caller, type JsmDouble } from '../jsm-double';
import type { Issue } from '../model';
import { commentBean, historyBean, visibleComments } from '../representations';
import { intParam, ISSUE_NOT_FOUND, jiraError, jsonBody, listParam, noContent, ok, type JiraRequest, type JiraResponse } from './http';

export const PAGE_LIMIT = 100;

export function visibleIssue(double: JsmDouble, caller: Caller, idOrKey: string): Issue | null {
  const issue = double.issue(idOrKey);
  return issue && double.canSee(caller, issue) ? issue : null;
}

export function getIssue(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  return ok(
    issueBean(double, request.as, issue, {
      fields: listParam(request.query, 'fields') ?? ['*all'],
      expand: listParam(request.query, 'expand') ?? [],
      properties: listParam(request.query, 'properties') ?? [],
    }),
  );
}

/** startAt/maxResults of a paged list, with maxResults clamped to Jira's 100. */
function paging(request: JiraRequest): { startAt: number; maxResults: number } | JiraResponse {
  const startAt = intParam(request.query, 'startAt', 0);
  const maxResults = intParam(request.query, 'maxResults', PAGE_LIMIT);
  if (startAt === null) return jiraError(400, `The value '${request.query.get('startAt') ?? ''}' is not a valid number for the parameter 'startAt'.`);
  if (maxResults === null) return jiraError(400, `The value '${request.query.get('maxResults') ?? ''}' is not a valid number for the parameter 'maxResults'.`);
  return { startAt: Math.max(0, startAt), maxResults: Math.min(Math.max(0, maxResults), PAGE_LIMIT) };
}

export function getChangelog(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const page = paging(request);
  if ('status' in page) return page;
  const values = issue.histories.slice(page.startAt, page.startAt + page.maxResults);
  const isLast = page.startAt + values.length >= issue.histories.length;
  const link = (startAt: number) => `${double.state.site.baseUrl}/rest/api/3/issue/${issue.key}/changelog?startAt=${startAt}&maxResults=${page.maxResults}`;
  return ok({
    self: link(page.startAt),
    ...(isLast ? {} : { nextPage: link(page.startAt + values.length) }),
    maxResults: page.maxResults,
    startAt: page.startAt,
    total: issue.histories.length,
    isLast,
    values: values.map((history) => historyBean(double, history)),
  });
}

export function getComments(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const page = paging(request);
  if ('status' in page) return page;
  const orderBy = request.query.get('orderBy');
  let descending = false;
  if (orderBy !== null) {
    const match = /^\s*([+-]?)\s*created\s*$/i.exec(orderBy);
    if (!match) return jiraError(400, `The value '${orderBy}' of the parameter 'orderBy' is invalid: use created, +created or -created.`);
    descending = match[1] === '-';
  }
  const all = [...visibleComments(double, request.as, issue)].sort((a, b) => a.created - b.created || Number(a.id) - Number(b.id));
  if (descending) all.reverse();
  const comments = all.slice(page.startAt, page.startAt + page.maxResults);
  return ok({
    startAt: page.startAt,
    maxResults: page.maxResults,
    total: all.length,
    comments: comments.map((comment) => commentBean(double, issue, comment)),
  });
}

export function getProperty(double: JsmDouble, request: JiraRequest, idOrKey: string, propertyKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  if (!Object.prototype.hasOwnProperty.call(issue.properties, propertyKey)) {
    return jiraError(404, `The property with key '${propertyKey}' does not exist.`);
  }
  return ok({ key: propertyKey, value: structuredClone(issue.properties[propertyKey]) });
}

/** Setting and deleting properties needs Edit Issues: the app and agents have it, portal customers do not. */
function mayEdit(double: JsmDouble, caller: Caller, issue: Issue): boolean {
  return caller === 'app' || double.isAgent(caller.accountId, double.projectOf(issue));
}

export function putProperty(double: JsmDouble, request: JiraRequest, idOrKey: string, propertyKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  if (!mayEdit(double, request.as, issue)) return jiraError(403, 'You do not have permission to edit issues in this project.');
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  if (body.value === undefined) return jiraError(400, 'The property value must be a valid, non-empty JSON blob.');
  try {
    return double.setProperty(issue.key, propertyKey, body.value) === 'created' ? noContent(201) : noContent(200);
  } catch (error) {
    if (error instanceof JsmDoubleError) return jiraError(400, error.message);
    throw error;
  }
}

export function deleteProperty(double: JsmDouble, request: JiraRequest, idOrKey: string, propertyKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  if (!mayEdit(double, request.as, issue)) return jiraError(403, 'You do not have permission to edit issues in this project.');
  return double.deleteProperty(issue.key, propertyKey) ? noContent(204) : jiraError(404, `The property with key '${propertyKey}' does not exist.`);
}
