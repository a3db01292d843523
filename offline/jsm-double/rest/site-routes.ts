// Site-wide platform resources: the field list, statuses, the calling user (myself), the calling user's
// permissions (mypermissions), and the value API of Forge app fields.
import { fieldList } from '../field-catalogue';
import { appFieldValue, JsmDoubleError, type Caller, type JsmDouble } from '../jsm-double';
import type { CustomField, Issue, Project } from '../model';
import { statusDetails, userDetails } from '../representations';
import { intParam, jiraError, jsonBody, noContent, ok, type JiraRequest, type JiraResponse } from './http';

export function getFields(double: JsmDouble): JiraResponse {
  return ok(fieldList(double));
}

/**
 * GET /rest/api/3/status ("Get all statuses", StatusDetails[]) is the documented list that carries each status's
 * `statusCategory` object; /rest/api/3/statuses/search returns the category as a bare string instead.
 */
export function getStatuses(double: JsmDouble): JiraResponse {
  return ok(double.state.statuses.map((status) => statusDetails(double, status)));
}

export function getMyself(double: JsmDouble, request: JiraRequest): JiraResponse {
  const accountId = request.as === 'app' ? double.state.site.appAccountId : request.as.accountId;
  const user = double.userOrThrow(accountId);
  return ok({
    ...userDetails(double, accountId),
    locale: user.locale ?? 'en_US',
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  });
}

/** Jira documents no count; at most this many account ids per call, as Atlassian's other bulk user endpoint says. */
export const MAX_BULK_ACCOUNT_IDS = 200;

/**
 * GET /rest/api/3/user/bulk ("Bulk get users", PageBeanUser): the accounts named by repeated `accountId` parameters,
 * paged by startAt/maxResults (default 10); ids of no account are left out of the page, as Jira leaves them out.
 */
export function getUsersBulk(double: JsmDouble, request: JiraRequest): JiraResponse {
  const ids = request.query.getAll('accountId');
  if (ids.length === 0) return jiraError(400, 'The request is missing the accountId query parameter.');
  if (ids.length > MAX_BULK_ACCOUNT_IDS) return jiraError(400, `At most ${MAX_BULK_ACCOUNT_IDS} accountId parameters can be given.`);
  const startAt = intParam(request.query, 'startAt', 0);
  const maxResults = intParam(request.query, 'maxResults', 10);
  if (startAt === null || maxResults === null) return jiraError(400, 'startAt and maxResults must be numbers.');
  const known = [...new Set(ids)].filter((id) => double.user(id) !== undefined);
  const values = known.slice(startAt, startAt + Math.min(Math.max(1, maxResults), 100)).map((id) => userDetails(double, id));
  return ok({ maxResults, startAt, total: known.length, isLast: startAt + values.length >= known.length, values });
}

interface PermissionDefinition {
  id: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

export const PERMISSIONS: Record<string, PermissionDefinition> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', type: 'PROJECT', description: 'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.' },
};

/** What portal customers get through "Service Project Customer - Portal Access" in JSM's default scheme. */
const CUSTOMER_PERMISSIONS = new Set(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'ADD_COMMENTS']);

/**
 * Whether the caller holds a permission in a project. The app's user sits in the atlassian-addons-project-access
 * role, which the default permission schemes grant every project permission (Administer Projects included).
 */
export function holds(double: JsmDouble, caller: Caller, key: string, project: Project, issue: Issue | null): boolean {
  const definition = PERMISSIONS[key];
  if (!definition) return false;
  // Administer Jira is a global permission: the site's administrators hold it, and the app's user does not.
  if (definition.type === 'GLOBAL') return caller !== 'app' && (double.state.site.administrators ?? []).includes(caller.accountId);
  if (caller === 'app') return true;
  const user = double.user(caller.accountId);
  if (!user) return false;
  if (double.isAdministrator(user.accountId, project)) return true;
  if (double.isAgent(user.accountId, project)) return key !== 'ADMINISTER_PROJECTS';
  // Portal access is a service project's: a customer holds nothing in a software or business project.
  if (user.accountType !== 'customer' || !CUSTOMER_PERMISSIONS.has(key) || (project.projectTypeKey ?? 'service_desk') !== 'service_desk') return false;
  return issue === null || double.canSee(caller, issue);
}

export function getMyPermissions(double: JsmDouble, request: JiraRequest): JiraResponse {
  const raw = request.query.get('permissions');
  if (raw === null || raw.trim() === '') return jiraError(400, "The 'permissions' query parameter is required: a comma-separated list of permission keys.");
  const keys = raw.split(',').map((key) => key.trim()).filter((key) => key !== '');
  const unknown = keys.filter((key) => !PERMISSIONS[key]);
  if (unknown.length > 0) return jiraError(400, `The permission keys ${unknown.join(', ')} do not exist (the JSM double knows ${Object.keys(PERMISSIONS).join(', ')}).`);
  let issue: Issue | null = null;
  let projects: Project[] = double.state.projects;
  const issueRef = request.query.get('issueId') ?? request.query.get('issueKey');
  const projectRef = request.query.get('projectId') ?? request.query.get('projectKey');
  if (issueRef !== null) {
    issue = double.issue(issueRef) ?? null;
    if (!issue) return jiraError(404, `Issue does not exist or you do not have permission to see it.`);
    projects = [double.projectOf(issue)];
  } else if (projectRef !== null) {
    const project = double.project(projectRef);
    if (!project) return jiraError(404, `No project could be found with key '${projectRef}'.`);
    projects = [project];
  }
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const definition = PERMISSIONS[key] as PermissionDefinition;
    // In the global context a project permission counts when it is held in any project.
    const havePermission = projects.some((project) => holds(double, request.as, key, project, issue));
    permissions[key] = { id: definition.id, key, name: definition.name, type: definition.type, description: definition.description, havePermission };
  }
  return ok({ permissions });
}

interface FieldUpdate {
  field: Extract<CustomField, { kind: 'app' }>;
  issues: Issue[];
  value: unknown;
}

/** Parses and checks every update before applying any, so a bad one leaves all issues untouched. */
function appFieldUpdates(double: JsmDouble, raw: unknown, fixedField: string | null): FieldUpdate[] | JiraResponse {
  const updates = (raw as { updates?: unknown } | null)?.updates;
  if (!Array.isArray(updates) || updates.length === 0) return jiraError(400, "The request body needs 'updates': a non-empty list.");
  const seen = new Set<string>();
  const result: FieldUpdate[] = [];
  for (const update of updates as Array<Record<string, unknown>>) {
    const fieldRef = fixedField ?? update.customField;
    if (typeof fieldRef !== 'string') return jiraError(400, "Each update needs 'customField': the ID or key of the custom field.");
    const field = double.state.customFields.find((f) => f.id === fieldRef || (f.kind === 'app' && f.key === fieldRef));
    if (!field) return jiraError(404, `The custom field ${fieldRef} was not found.`);
    if (field.kind !== 'app') return jiraError(403, `Only the app that owns the custom field ${fieldRef} can update its values.`);
    if (!Array.isArray(update.issueIds) || update.issueIds.length === 0) return jiraError(400, "Each update needs 'issueIds': a non-empty list of issue IDs.");
    const issues: Issue[] = [];
    for (const id of update.issueIds) {
      if (typeof id !== 'number' || !Number.isInteger(id)) return jiraError(400, `The issue ID ${JSON.stringify(id)} is not a number.`);
      const issue = double.issue(String(id));
      if (!issue) return jiraError(404, `Issue with ID ${id} was not found.`);
      const pair = `${field.id}:${issue.id}`;
      if (seen.has(pair)) return jiraError(400, 'Combinations of custom field and issue should be unique within the request.');
      seen.add(pair);
      issues.push(issue);
    }
    if (!('value' in update)) return jiraError(400, "Each update needs 'value'.");
    if (update.value !== null) {
      try {
        appFieldValue(field.type, field.name, update.value);
      } catch (error) {
        if (error instanceof JsmDoubleError) return jiraError(400, error.message);
        throw error;
      }
    }
    result.push({ field, issues, value: update.value });
  }
  return result;
}

/** POST /rest/api/3/app/field/value ("Update custom fields") and PUT /rest/api/3/app/field/{fieldIdOrKey}/value. */
export function putAppFieldValues(double: JsmDouble, request: JiraRequest, fixedField: string | null): JiraResponse {
  if (request.as !== 'app') return jiraError(403, 'Only the app that owns the custom field can update its values; call this as the app.');
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const updates = appFieldUpdates(double, body.value, fixedField);
  if (!Array.isArray(updates)) return updates;
  const generateChangelog = request.query.get('generateChangelog') !== 'false';
  const generateAppEvents = request.query.get('generateAppEvents') !== 'false';
  for (const update of updates) {
    for (const issue of update.issues) {
      double.setFieldValue(issue.key, update.field.id, update.value, { by: double.state.site.appAccountId, generateChangelog, generateAppEvents });
    }
  }
  return noContent(204);
}
