// The JSON the double answers with, field for field as Jira Cloud's REST API v3 and the servicedesk API document
// them (IssueBean, UserDetails, StatusDetails, Changelog, Comment, FieldDetails; CustomerRequestDTO, RequestTypeDTO,
// OrganizationDTO, ServiceDeskDTO). The state stays compact; everything a client sees is built here.
import { textFromAdf } from './adf';
import { isoDate, jsmDate } from './jira-time';
import type { Caller, JsmDouble } from './jsm-double';
import type { Comment, CustomField, History, Issue, Organization, Project, RequestType, Status } from './model';
import { jsmStatusCategory, STATUS_CATEGORIES } from './status-categories';
import { versionBean } from './product-events';

type Json = Record<string, unknown>;

/** Embedded lists in an issue are capped like Jira's: the first 100, with `total` telling the true count. */
export const EMBEDDED_CHANGELOG_LIMIT = 100;
export const EMBEDDED_COMMENT_LIMIT = 100;

function avatarUrls(accountId: string): Json {
  const base = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/${accountId}`;
  return { '48x48': `${base}/48`, '24x24': `${base}/24`, '16x16': `${base}/16`, '32x32': `${base}/32` };
}

/** UserDetails as embedded in issues, comments and changelogs. */
export function userDetails(double: JsmDouble, accountId: string): Json {
  const user = double.user(accountId);
  const base = double.state.site.baseUrl;
  if (!user) return { accountId, active: false, displayName: 'Former user', accountType: 'atlassian' };
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    emailAddress: user.emailAddress,
    avatarUrls: avatarUrls(user.accountId),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

export function statusDetails(double: JsmDouble, status: Status): Json {
  const base = double.state.site.baseUrl;
  const category = STATUS_CATEGORIES[status.category];
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${base}/images/icons/statuses/generic.png`,
    name: status.name,
    untranslatedName: status.name,
    id: status.id,
    statusCategory: {
      self: `${base}/rest/api/3/statuscategory/${category.id}`,
      id: category.id,
      key: category.key,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

function projectRef(double: JsmDouble, issue: Issue): Json {
  return projectBean(double, double.projectOf(issue));
}

/** A project as REST names it (an issue's `project` field; GET project adds to it). */
export function projectBean(double: JsmDouble, project: Project): Json {
  const base = double.state.site.baseUrl;
  return {
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey ?? 'service_desk',
    simplified: false,
    avatarUrls: { '48x48': `${base}/rest/api/3/universal_avatar/view/type/project/avatar/10400` },
  };
}

export function issueTypeRef(double: JsmDouble, issueTypeId: string): Json {
  const issueType = double.issueType(issueTypeId);
  const base = double.state.site.baseUrl;
  return {
    self: `${base}/rest/api/3/issuetype/${issueType.id}`,
    id: issueType.id,
    description: issueType.description,
    iconUrl: `${base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10553?size=medium`,
    name: issueType.name,
    subtask: false,
    avatarId: 10553,
    hierarchyLevel: 0,
  };
}

export function commentBean(double: JsmDouble, issue: Issue, comment: Comment): Json {
  return {
    self: `${double.state.site.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: userDetails(double, comment.author),
    body: structuredClone(comment.body),
    updateAuthor: userDetails(double, comment.author),
    created: double.timestamp(comment.created),
    updated: double.timestamp(comment.updated),
    jsdPublic: comment.jsdPublic,
  };
}

export function historyBean(double: JsmDouble, history: History): Json {
  return {
    id: history.id,
    author: userDetails(double, history.author),
    created: double.timestamp(history.created),
    items: structuredClone(history.items),
  };
}

/** The comments a caller may read: customers never see internal notes. */
export function visibleComments(double: JsmDouble, caller: Caller, issue: Issue): Comment[] {
  return double.canSeeInternalComments(caller, issue) ? issue.comments : issue.comments.filter((c) => c.jsdPublic);
}

export function requestTypeDto(double: JsmDouble, requestType: RequestType): Json {
  const base = double.state.site.baseUrl;
  return {
    _expands: ['field'],
    id: requestType.id,
    _links: { self: `${base}/rest/servicedeskapi/servicedesk/${requestType.serviceDeskId}/requesttype/${requestType.id}` },
    name: requestType.name,
    description: requestType.description,
    helpText: '',
    issueTypeId: requestType.issueTypeId,
    serviceDeskId: requestType.serviceDeskId,
    portalId: requestType.serviceDeskId,
    groupIds: ['1'],
    icon: { id: '10527', _links: { iconUrls: { '48x48': `${base}/rest/api/2/universal_avatar/view/type/SD_REQTYPE/avatar/10527?size=large` } } },
  };
}

export function organizationDto(double: JsmDouble, organization: Organization): Json {
  return {
    id: organization.id,
    name: organization.name,
    _links: { self: `${double.state.site.baseUrl}/rest/servicedeskapi/organization/${organization.id}` },
  };
}

function currentStatus(double: JsmDouble, issue: Issue): Json {
  const status = double.status(issue.statusId);
  const since = statusSince(issue);
  return {
    status: status.name,
    statusCategory: jsmStatusCategory(status.category),
    statusDate: jsmDate(since, double.state.site.timeZone),
  };
}

/** When the issue entered its current status: the last status change, else its creation. */
function statusSince(issue: Issue): number {
  for (let i = issue.histories.length - 1; i >= 0; i--) {
    const history = issue.histories[i];
    if (history?.items.some((item) => item.fieldId === 'status')) return history.created;
  }
  return issue.created;
}

function requestLinks(double: JsmDouble, issue: Issue): Json {
  const base = double.state.site.baseUrl;
  const project = double.projectOf(issue);
  return {
    jiraRest: `${base}/rest/api/2/issue/${issue.id}`,
    web: `${base}/servicedesk/customer/portal/${project.serviceDeskId}/${issue.key}`,
    agent: `${base}/browse/${issue.key}`,
    self: `${base}/rest/servicedeskapi/request/${issue.id}`,
  };
}

/** A custom field's value as `GET issue` renders it; undefined when the issue has none. */
export function customFieldValue(double: JsmDouble, field: CustomField, issue: Issue): unknown {
  const stored = issue.customFields[field.id];
  const base = double.state.site.baseUrl;
  switch (field.kind) {
    case 'requestType': {
      const requestType = stored === undefined ? undefined : double.requestType(String(stored));
      if (!requestType) return null;
      return { _links: requestLinks(double, issue), requestType: requestTypeDto(double, requestType), currentStatus: currentStatus(double, issue) };
    }
    case 'organizations': {
      const ids = Array.isArray(stored) ? (stored as string[]) : [];
      return ids.flatMap((id) => {
        const organization = double.state.organizations.find((o) => o.id === id);
        return organization ? [organizationDto(double, organization)] : [];
      });
    }
    case 'participants':
      return Array.isArray(stored) ? (stored as string[]).map((id) => userDetails(double, id)) : [];
    case 'select': {
      const option = field.options.find((o) => o.id === stored);
      return option ? { self: `${base}/rest/api/3/customFieldOption/${option.id}`, value: option.value, id: option.id } : null;
    }
    case 'app':
      if (stored === undefined || stored === null) return null;
      if (field.type === 'datetime' && typeof stored === 'number') return double.timestamp(stored);
      if (field.type === 'date' && typeof stored === 'number') return isoDate(stored, double.state.site.timeZone);
      if (field.type === 'user' && typeof stored === 'object') return userDetails(double, (stored as { accountId: string }).accountId);
      return structuredClone(stored);
  }
}

/** Every field an issue has, as `fields: *all` returns them, with the navigable flag from the field list. */
export function allIssueFields(double: JsmDouble, caller: Caller, issue: Issue): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  const comments = visibleComments(double, caller, issue);
  const embedded = comments.slice(0, EMBEDDED_COMMENT_LIMIT);
  fields.set('summary', issue.summary);
  fields.set('description', issue.description === null ? null : { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: issue.description }] }] });
  fields.set('issuetype', issueTypeRef(double, issue.issueTypeId));
  fields.set('project', projectRef(double, issue));
  fields.set('status', statusDetails(double, double.status(issue.statusId)));
  fields.set('statuscategorychangedate', double.timestamp(issue.statusCategoryChangeDate));
  const priority = double.priority(issue.priorityId);
  fields.set('priority', {
    self: `${double.state.site.baseUrl}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${double.state.site.baseUrl}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  });
  if (issue.resolutionId === null) fields.set('resolution', null);
  else {
    const resolution = double.resolution(issue.resolutionId);
    fields.set('resolution', {
      self: `${double.state.site.baseUrl}/rest/api/3/resolution/${resolution.id}`,
      id: resolution.id,
      description: resolution.description,
      name: resolution.name,
    });
  }
  fields.set('resolutiondate', issue.resolutionDate === null ? null : double.timestamp(issue.resolutionDate));
  fields.set('created', double.timestamp(issue.created));
  fields.set('updated', double.timestamp(issue.updated));
  fields.set('creator', userDetails(double, issue.creator));
  fields.set('reporter', userDetails(double, issue.reporter));
  fields.set('assignee', issue.assignee === null ? null : userDetails(double, issue.assignee));
  fields.set('comment', {
    comments: embedded.map((c) => commentBean(double, issue, c)),
    self: `${double.state.site.baseUrl}/rest/api/3/issue/${issue.id}/comment`,
    maxResults: embedded.length,
    total: comments.length,
    startAt: 0,
  });
  fields.set('fixVersions', (issue.fixVersionIds ?? []).flatMap((id) => {
    const version = double.versionById(id);
    return version ? [versionBean(double, version)] : [];
  }));
  fields.set('issuelinks', issueLinks(double, caller, issue));
  for (const field of double.state.customFields) fields.set(field.id, customFieldValue(double, field, issue) ?? null);
  return fields;
}

/** IssueLink beans as the `issuelinks` field has them: the other issue (when the caller may see it) on its side. */
function issueLinks(double: JsmDouble, caller: Caller, issue: Issue): Json[] {
  return double.linksOf(issue).flatMap((link) => {
    const type = double.issueLinkType(link.typeId);
    const outward = link.inwardIssueId === issue.id;
    const other = double.issue(outward ? link.outwardIssueId : link.inwardIssueId);
    if (!type || !other || !double.canSee(caller, other)) return [];
    const otherRef = {
      id: other.id,
      key: other.key,
      self: `${double.state.site.baseUrl}/rest/api/3/issue/${other.id}`,
      fields: { summary: other.summary, status: statusDetails(double, double.status(other.statusId)), issuetype: issueTypeRef(double, other.issueTypeId) },
    };
    return [{
      id: link.id,
      self: `${double.state.site.baseUrl}/rest/api/3/issueLink/${link.id}`,
      type: { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${double.state.site.baseUrl}/rest/api/3/issueLinkType/${type.id}` },
      ...(outward ? { outwardIssue: otherRef } : { inwardIssue: otherRef }),
    }];
  });
}

/** The customer's view of a request (GET /rest/servicedeskapi/request/{issueIdOrKey}). */
export function customerRequest(double: JsmDouble, issue: Issue, expand: Set<string>): Json {
  const zone = double.state.site.timeZone;
  const requestTypeId = String(double.valueOfKind(issue, 'requestType') ?? '');
  const requestType = double.requestType(requestTypeId);
  const project = double.projectOf(issue);
  const reporter = double.user(issue.reporter);
  const fieldValues: Json[] = [{ fieldId: 'summary', label: 'Summary', value: issue.summary }];
  if (issue.description !== null) {
    fieldValues.push({ fieldId: 'description', label: 'Description', value: issue.description, renderedValue: { html: `<p>${escapeHtml(issue.description)}</p>` } });
  }
  for (const field of double.state.customFields) {
    if (field.kind !== 'select') continue;
    const value = customFieldValue(double, field, issue);
    if (value !== null) fieldValues.push({ fieldId: field.id, label: field.name, value });
  }
  const request: Json = {
    _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
    issueId: issue.id,
    issueKey: issue.key,
    requestTypeId,
    serviceDeskId: project.serviceDeskId,
    createdDate: jsmDate(issue.created, zone),
    reporter: jsmUser(double, reporter?.accountId ?? issue.reporter),
    requestFieldValues: fieldValues,
    currentStatus: currentStatus(double, issue),
    _links: requestLinks(double, issue),
  };
  if (expand.has('requestType') && requestType) request.requestType = requestTypeDto(double, requestType);
  if (expand.has('serviceDesk')) request.serviceDesk = serviceDeskDto(double, project.id);
  return request;
}

/** The servicedesk API's UserDTO. */
export function jsmUser(double: JsmDouble, accountId: string): Json {
  const user = double.user(accountId);
  const base = double.state.site.baseUrl;
  return {
    accountId,
    emailAddress: user?.emailAddress ?? null,
    displayName: user?.displayName ?? 'Former user',
    active: user !== undefined,
    timeZone: user?.timeZone ?? null,
    _links: {
      jiraRest: `${base}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}`,
      avatarUrls: avatarUrls(accountId),
      self: `${base}/rest/api/2/user?accountId=${encodeURIComponent(accountId)}`,
    },
  };
}

export function serviceDeskDto(double: JsmDouble, projectId: string): Json {
  const project = double.state.projects.find((p) => p.id === projectId);
  return {
    id: project?.serviceDeskId,
    projectId,
    projectName: project?.name,
    projectKey: project?.key,
    _links: { self: `${double.state.site.baseUrl}/rest/servicedeskapi/servicedesk/${project?.serviceDeskId ?? ''}` },
  };
}

/** A comment as the servicedesk API returns it: plain-text body and `public` instead of `jsdPublic`. */
export function jsmComment(double: JsmDouble, issue: Issue, comment: Comment): Json {
  return {
    id: comment.id,
    body: textFromAdf(comment.body),
    public: comment.jsdPublic,
    author: jsmUser(double, comment.author),
    created: jsmDate(comment.created, double.state.site.timeZone),
    _links: { self: `${double.state.site.baseUrl}/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}` },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
