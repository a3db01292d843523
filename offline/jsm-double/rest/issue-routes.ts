// Reading one issue: GET issue, its changelog and comments (both paged, at most 100 per page as on Jira Cloud), and
// its entity properties (GET/PUT/DELETE). A caller who may not see the issue gets the same 404 as for a missing one.
import { issueBean } from '../issue-bean';
import { JsmDoubleError, type Caller, type JsmDouble } from '../jsm-double';
import type { Issue } from '../model';
import { commentBean, historyBean, userDetails, visibleComments } from '../representations';
import { holds, PERMISSIONS } from './site-routes';
import { intParam, ISSUE_NOT_FOUND, jiraError, jiraFieldError, jsonBody, listParam, noContent, ok, type JiraRequest, type JiraResponse } from './http';

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

/** An ADF document with some text in it (Jira refuses an empty comment body). */
function hasText(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const { text, content } = node as { text?: unknown; content?: unknown };
  if (typeof text === 'string' && text.trim() !== '') return true;
  return Array.isArray(content) && content.some(hasText);
}

/**
 * POST /rest/api/3/issue/{key}/comment: a comment in ADF, with optional comment `properties`. JSM reads the
 * `sd.public.comment` property `{ internal: true }` as an internal note; without it the comment is shared with the
 * customer. Adding comments needs an agent (or the app): portal customers comment through the servicedesk API.
 */
export function postComment(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  if (!mayEdit(double, request.as, issue)) return jiraError(403, 'You do not have permission to add comments to this issue.');
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const input = (body.value ?? {}) as { body?: unknown; properties?: unknown };
  if (typeof input.body !== 'object' || input.body === null || (input.body as { type?: unknown }).type !== 'doc' || !hasText(input.body)) {
    return jiraFieldError(400, { comment: 'Comment body can not be empty!' });
  }
  const properties: Record<string, unknown> = {};
  if (input.properties !== undefined) {
    if (!Array.isArray(input.properties)) return jiraError(400, 'properties must be a list of { key, value }.');
    for (const property of input.properties as Array<{ key?: unknown; value?: unknown }>) {
      if (typeof property?.key !== 'string' || property.key === '' || property.value === undefined) return jiraError(400, 'Each comment property needs a key and a value.');
      properties[property.key] = property.value;
    }
  }
  const internal = (properties['sd.public.comment'] as { internal?: unknown } | undefined)?.internal === true;
  const author = request.as === 'app' ? double.state.site.appAccountId : request.as.accountId;
  const comment = double.addComment(issue.key, { author, body: input.body, public: !internal, properties });
  return ok(commentBean(double, issue, comment), 201);
}

/** GET /rest/api/3/comment/{commentId}/properties/{propertyKey}, for a comment on an issue the caller may see. */
export function getCommentProperty(double: JsmDouble, request: JiraRequest, commentId: string, propertyKey: string): JiraResponse {
  for (const issue of double.state.issues) {
    const comment = issue.comments.find((c) => c.id === commentId);
    if (!comment) continue;
    if (!double.canSee(request.as, issue) || !visibleComments(double, request.as, issue).includes(comment)) break;
    if (!comment.properties || !Object.prototype.hasOwnProperty.call(comment.properties, propertyKey)) {
      return jiraError(404, `The property with key '${propertyKey}' does not exist.`);
    }
    return ok({ key: propertyKey, value: structuredClone(comment.properties[propertyKey]) });
  }
  return jiraError(404, `Can not find a comment for the id: ${commentId}.`);
}

/** GET /rest/api/3/issue/{key}/watchers. */
export function getWatchers(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const watchers = issue.watchers ?? [];
  return ok({
    self: `${double.state.site.baseUrl}/rest/api/3/issue/${issue.key}/watchers`,
    isWatching: request.as !== 'app' && watchers.includes(request.as.accountId),
    watchCount: watchers.length,
    watchers: watchers.map((accountId) => userDetails(double, accountId)),
  });
}

/**
 * POST /rest/api/3/issue/{key}/notify: the e-mail is queued (204) and the double records it with everyone it goes
 * to. 400 for what Jira refuses (no assignee to notify, an unknown user or group, the caller as a recipient).
 */
export function postNotify(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const input = (body.value ?? {}) as { subject?: unknown; textBody?: unknown; htmlBody?: unknown; to?: Record<string, unknown>; restrict?: Record<string, unknown> };
  const to = input.to ?? {};
  const restrict = input.restrict ?? {};
  const list = <T>(value: unknown, pick: (item: Record<string, unknown>) => T | undefined): T[] | null => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return null;
    const out: T[] = [];
    for (const item of value) {
      const picked = item && typeof item === 'object' ? pick(item as Record<string, unknown>) : undefined;
      if (picked === undefined) return null;
      out.push(picked);
    }
    return out;
  };
  const users = list(to.users, (u) => (typeof u.accountId === 'string' ? u.accountId : undefined));
  const groups = list(to.groups, (g) => (typeof g.name === 'string' ? g.name : undefined));
  if (users === null) return jiraError(400, 'to.users must be a list of { accountId }.');
  if (groups === null) return jiraError(400, 'to.groups must be a list of { name }.');
  const onlyGroups = list(restrict.groups, (g) => (typeof g.name === 'string' ? g.name : undefined));
  const onlyPermissions = list(restrict.permissions, (p) => (typeof p.key === 'string' ? p.key : undefined));
  if (onlyGroups === null) return jiraError(400, 'restrict.groups must be a list of { name }.');
  if (onlyPermissions === null) return jiraError(400, 'restrict.permissions must be a list of { key }.');
  const unknownPermission = onlyPermissions.find((key) => !PERMISSIONS[key]);
  if (unknownPermission !== undefined) return jiraError(400, `The permission ${unknownPermission} does not exist.`);
  const unknownGroup = onlyGroups.find((name) => !double.group(name));
  if (unknownGroup !== undefined) return jiraError(400, `The group ${unknownGroup} does not exist.`);
  const project = double.projectOf(issue);
  const restrictTo =
    onlyGroups.length === 0 && onlyPermissions.length === 0
      ? undefined
      : (accountId: string): boolean =>
          (onlyGroups.length === 0 || onlyGroups.some((name) => double.group(name)!.members.includes(accountId))) && onlyPermissions.every((key) => holds(double, { accountId }, key, project, issue));
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const flag = (value: unknown): boolean => value === true;
  const by = request.as === 'app' ? double.state.site.appAccountId : request.as.accountId;
  try {
    double.notify(
      issue.key,
      {
        ...(text(input.subject) !== undefined ? { subject: text(input.subject)! } : {}),
        ...(text(input.textBody) !== undefined ? { textBody: text(input.textBody)! } : {}),
        ...(text(input.htmlBody) !== undefined ? { htmlBody: text(input.htmlBody)! } : {}),
        to: { reporter: flag(to.reporter), assignee: flag(to.assignee), watchers: flag(to.watchers), voters: flag(to.voters), users, groups },
        ...(restrictTo ? { restrictTo } : {}),
      },
      by,
    );
    return noContent(204);
  } catch (error) {
    if (error instanceof JsmDoubleError) return jiraError(400, error.message);
    throw error;
  }
}

/**
 * PUT /rest/api/3/issue/{key}/assignee (`{ accountId }`, null unassigns): the caller needs Assign Issues in the
 * project and the assignee Assignable User (agents; never a portal customer): 400 otherwise, as Jira answers.
 */
export function putAssignee(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const project = double.projectOf(issue);
  if (!holds(double, request.as, 'ASSIGN_ISSUES', project, issue)) return jiraError(403, 'You do not have permission to assign issues.');
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const accountId = (body.value as { accountId?: unknown } | undefined)?.accountId;
  if (accountId !== null && typeof accountId !== 'string') return jiraError(400, 'accountId must be an account id, or null to unassign.');
  if (accountId !== null && (!double.user(accountId) || !holds(double, { accountId }, 'ASSIGNABLE_USER', project, issue) || double.user(accountId)!.accountType === 'customer')) {
    return jiraError(400, `User '${accountId}' cannot be assigned issues.`);
  }
  double.assign(issue.key, accountId, { by: request.as === 'app' ? double.state.site.appAccountId : request.as.accountId });
  return noContent();
}
