// The Forge product events the double emits, shaped after the "Jira events" reference
// (developer.atlassian.com/platform/forge/events-reference/jira/): every issue event carries `eventType`, `issue`
// ({ id, key, fields }), an optional `atlassianId` and `associatedUsers`; `updated` adds `changelog` and, for a status
// change, `associatedStatuses`; `commented` adds `comment`. Field contents beyond the documented `Issue` interface
// are deliberately minimal: the app must re-read the issue through REST, as it would in production.
import type { JsmDouble } from './jsm-double';
import type { ChangeItem, Issue, ProjectVersion } from './model';
import { STATUS_CATEGORIES } from './status-categories';

export type IssueEventType =
  | 'avi:jira:created:issue'
  | 'avi:jira:updated:issue'
  | 'avi:jira:commented:issue'
  | 'avi:jira:deleted:issue';

export interface EventUser {
  accountId: string;
}

export interface EventIssue {
  id: string;
  key: string;
  fields: {
    summary: string;
    issuetype: { id: string; name: string };
    project: { id: string; key: string; name: string; projectTypeKey: 'service_desk' | 'software' | 'business' };
    status: { id: string; name: string; statusCategory: { id: number; key: string; name: string } };
    creator: EventUser;
    reporter: EventUser;
    assignee: EventUser | null;
    created: string;
    updated: string;
  };
}

export interface EventComment {
  id: string;
  author: EventUser;
  updateAuthor: EventUser;
  body: unknown;
  created: string;
  updated: string;
  jsdPublic: boolean;
}

export interface IssueEvent {
  eventType: IssueEventType;
  issue: EventIssue;
  atlassianId?: string;
  /** True when the app itself caused the event (Forge's `ignoreSelf` trigger filter keys on this). */
  selfGenerated: boolean;
  associatedUsers: EventUser[];
  changelog?: { id: string; items: ChangeItem[] };
  associatedStatuses?: Array<{ id: string; name: string }>;
  comment?: EventComment;
}

export type IssueEventListener = (event: IssueEvent) => void;

/** The issue as an event carries it: the documented `Issue` fields, nothing the app should rely on beyond them. */
export function eventIssue(double: JsmDouble, issue: Issue): EventIssue {
  const project = double.projectOf(issue);
  const status = double.status(issue.statusId);
  const category = STATUS_CATEGORIES[status.category];
  const issueType = double.issueType(issue.issueTypeId);
  const user = (accountId: string): EventUser => ({ accountId });
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: { id: issueType.id, name: issueType.name },
      project: { id: project.id, key: project.key, name: project.name, projectTypeKey: project.projectTypeKey ?? 'service_desk' },
      status: { id: status.id, name: status.name, statusCategory: { id: category.id, key: category.key, name: category.name } },
      creator: user(issue.creator),
      reporter: user(issue.reporter),
      assignee: issue.assignee === null ? null : user(issue.assignee),
      created: double.timestamp(issue.created),
      updated: double.timestamp(issue.updated),
    },
  };
}

/** Project version events (Jira events reference, "Project version events"): the version, and for a merge the one it went into. */
export type VersionEventType = 'avi:jira:released:version' | 'avi:jira:updated:version' | 'avi:jira:merged:version';

/** Jira's `Version` as REST and the version events carry it. */
export interface VersionBean {
  self: string;
  id: string;
  name: string;
  description?: string;
  archived: boolean;
  released: boolean;
  releaseDate?: string;
  projectId: number;
}

export interface VersionEvent {
  eventType: VersionEventType;
  selfGenerated: boolean;
  version: VersionBean;
  mergedVersion?: VersionBean;
  atlassianId?: string;
}

export type VersionEventListener = (event: VersionEvent) => void;

export function versionBean(double: JsmDouble, version: ProjectVersion): VersionBean {
  return {
    self: `${double.state.site.baseUrl}/rest/api/3/version/${version.id}`,
    id: version.id,
    name: version.name,
    ...(version.description !== undefined ? { description: version.description } : {}),
    archived: version.archived,
    released: version.released,
    ...(version.releaseDate !== undefined ? { releaseDate: version.releaseDate } : {}),
    projectId: Number(version.projectId),
  };
}
