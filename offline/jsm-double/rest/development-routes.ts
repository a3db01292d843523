// What handing a request over to development needs of Jira: creating an issue (POST /rest/api/3/issue), linking two
// issues (POST /rest/api/3/issueLink), a workflow's transitions (GET/POST /rest/api/3/issue/{key}/transitions), a
// project with its issue types (GET /rest/api/3/project/{key}) and its versions (…/versions). Each refuses what Jira
// refuses, with Jira's wording: a project or issue the caller cannot see is not found, a missing permission is said.
import { textFromAdf } from '../adf';
import { JsmDoubleError, type Caller, type JsmDouble } from '../jsm-double';
import type { Issue, Project } from '../model';
import { versionBean } from '../product-events';
import { issueTypeRef, projectBean, statusDetails } from '../representations';
import { visibleIssue } from './issue-routes';
import { holds } from './site-routes';
import { ISSUE_NOT_FOUND, jiraError, jiraFieldError, jsonBody, noContent, ok, type JiraRequest, type JiraResponse } from './http';

type Ref = { id?: unknown; key?: unknown; name?: unknown } | undefined;

const accountOf = (double: JsmDouble, caller: Caller): string => (caller === 'app' ? double.state.site.appAccountId : caller.accountId);

/** A project the caller may browse, by id or key. */
function visibleProject(double: JsmDouble, caller: Caller, idOrKey: string): Project | undefined {
  const project = double.project(idOrKey);
  return project && holds(double, caller, 'BROWSE_PROJECTS', project, null) ? project : undefined;
}

/** The issue types a project offers: a software project its own (Bug, Story, Task), a service project its requests'. */
function issueTypesOf(double: JsmDouble, project: Project) {
  if ((project.projectTypeKey ?? 'service_desk') === 'service_desk') {
    const ids = new Set(double.state.requestTypes.filter((r) => r.serviceDeskId === project.serviceDeskId).map((r) => r.issueTypeId));
    return double.state.issueTypes.filter((t) => ids.has(t.id));
  }
  return double.state.issueTypes.filter((t) => (project.issueTypeIds ?? []).includes(t.id));
}

/** GET /rest/api/3/project/{projectIdOrKey}: the project with its issue types and versions. */
export function getProject(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const project = visibleProject(double, request.as, idOrKey);
  if (!project) return jiraError(404, `No project could be found with key '${idOrKey}'.`);
  return ok({
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectBean(double, project),
    style: 'classic',
    isPrivate: false,
    issueTypes: issueTypesOf(double, project).map((t) => ({ ...issueTypeRef(double, t.id), subtask: false })),
    versions: double.versionsOf(project.key).map((v) => versionBean(double, v)),
  });
}

/** GET /rest/api/3/project/{projectIdOrKey}/versions: every version of the project (not paged). */
export function getProjectVersions(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const project = visibleProject(double, request.as, idOrKey);
  if (!project) return jiraError(404, `No project could be found with key '${idOrKey}'.`);
  return ok(double.versionsOf(project.key).map((v) => versionBean(double, v)));
}

/**
 * POST /rest/api/3/issue: `fields` with project, issuetype, summary, and optionally description (ADF) and fixVersions.
 * Service requests are raised through the servicedesk API (the double refuses them here); the reporter is the caller.
 */
export function createIssue(double: JsmDouble, request: JiraRequest): JiraResponse {
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const fields = ((body.value ?? {}) as { fields?: Record<string, unknown> }).fields;
  if (!fields || typeof fields !== 'object') return jiraError(400, "The request body needs 'fields'.");
  const projectRef = fields.project as Ref;
  const projectIdOrKey = typeof projectRef?.key === 'string' ? projectRef.key : typeof projectRef?.id === 'string' ? projectRef.id : undefined;
  const project = projectIdOrKey === undefined ? undefined : visibleProject(double, request.as, projectIdOrKey);
  if (!project) return jiraFieldError(400, { project: 'Specify a valid project ID or key' });
  if (!holds(double, request.as, 'CREATE_ISSUES', project, null)) return jiraFieldError(400, { project: 'You do not have permission to create issues in this project.' });
  const typeRef = fields.issuetype as Ref;
  const type = issueTypesOf(double, project).find((t) => t.id === typeRef?.id || t.name === typeRef?.name);
  if (!type) return jiraFieldError(400, { issuetype: 'Specify an issue type' });
  const errors: Record<string, string> = {};
  const summary = typeof fields.summary === 'string' ? fields.summary.trim() : '';
  if (summary === '') errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
  let description: string | undefined;
  if (fields.description !== undefined && fields.description !== null) {
    const doc = fields.description as { type?: unknown };
    if (typeof doc !== 'object' || doc.type !== 'doc') errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
    else description = textFromAdf(doc);
  }
  const fixVersions: string[] = [];
  if (fields.fixVersions !== undefined) {
    for (const ref of Array.isArray(fields.fixVersions) ? (fields.fixVersions as Ref[]) : [undefined]) {
      const version = double.versionsOf(project.key).find((v) => v.id === ref?.id || v.name === ref?.name);
      if (!version) errors.fixVersions = `Version ${JSON.stringify(ref?.name ?? ref?.id ?? null)} is not valid for this project.`;
      else fixVersions.push(version.name);
    }
  }
  if (Object.keys(errors).length > 0) return jiraFieldError(400, errors);
  if ((project.projectTypeKey ?? 'service_desk') === 'service_desk') return jiraError(400, 'The JSM double raises service requests through POST /rest/servicedeskapi/request only.');
  const issue = double.createIssue({ projectKey: project.key, issueTypeId: type.id, summary, reporter: accountOf(double, request.as), ...(description !== undefined ? { description } : {}), fixVersions });
  return ok({ id: issue.id, key: issue.key, self: `${double.state.site.baseUrl}/rest/api/3/issue/${issue.id}` }, 201);
}

/** POST /rest/api/3/issueLink: `{ type: { name | id }, inwardIssue: { key | id }, outwardIssue: { key | id } }`, 201 with no body. */
export function linkIssues(double: JsmDouble, request: JiraRequest): JiraResponse {
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const input = (body.value ?? {}) as { type?: Ref; inwardIssue?: Ref; outwardIssue?: Ref };
  const typeName = typeof input.type?.name === 'string' ? input.type.name : typeof input.type?.id === 'string' ? input.type.id : undefined;
  const type = typeName === undefined ? undefined : double.issueLinkType(typeName);
  if (!type) return jiraError(404, `No issue link type with name '${typeName ?? ''}' found.`);
  const refOf = (ref: Ref): string => (typeof ref?.key === 'string' ? ref.key : typeof ref?.id === 'string' ? ref.id : '');
  const inward = visibleIssue(double, request.as, refOf(input.inwardIssue));
  const outward = visibleIssue(double, request.as, refOf(input.outwardIssue));
  if (!inward || !outward) return jiraError(404, ISSUE_NOT_FOUND);
  if (!holds(double, request.as, 'LINK_ISSUES', double.projectOf(inward), inward)) return jiraError(403, 'You do not have the permission to link issues.');
  try {
    double.linkIssues(type.name, inward.key, outward.key);
  } catch (error) {
    if (error instanceof JsmDoubleError) return jiraError(400, error.message);
    throw error;
  }
  return noContent(201);
}

function transitionBean(double: JsmDouble, issue: Issue) {
  return double.transitionsOf(issue).map((status) => ({
    id: status.id,
    name: status.name,
    to: statusDetails(double, status),
    hasScreen: false,
    isGlobal: true,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  }));
}

/** GET /rest/api/3/issue/{key}/transitions: the transitions the caller may make now (none without Transition Issues). */
export function getTransitions(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const allowed = holds(double, request.as, 'TRANSITION_ISSUES', double.projectOf(issue), issue);
  return ok({ expand: 'transitions', transitions: allowed ? transitionBean(double, issue) : [] });
}

/** POST /rest/api/3/issue/{key}/transitions: `{ transition: { id } }`, 204. */
export function postTransition(double: JsmDouble, request: JiraRequest, idOrKey: string): JiraResponse {
  const issue = visibleIssue(double, request.as, idOrKey);
  if (!issue) return jiraError(404, ISSUE_NOT_FOUND);
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const id = ((body.value ?? {}) as { transition?: { id?: unknown } }).transition?.id;
  if (!holds(double, request.as, 'TRANSITION_ISSUES', double.projectOf(issue), issue)) return jiraError(403, 'You do not have permission to transition this issue.');
  const to = double.transitionsOf(issue).find((s) => s.id === String(id));
  if (!to) return jiraFieldError(400, { transition: `Transition id '${String(id)}' is not valid for this issue.` });
  double.transition(issue.key, to.name, { by: accountOf(double, request.as) });
  return noContent(204);
}
