// The Forge product events the double emits, shaped after the "Jira events" reference
// (developer.atlassian.com/platform/forge/events-reference/jira/): every issue event carries `eventType`, `issue`
// ({ id, key, fields }), an optional `atlassianId` and `associatedUsers`; `updated` adds `changelog` and, for a status
// change, `associatedStatuses`; `commented` adds `comment`. Field contents beyond the documented `Issue` interface
// are deliberately minimal: the app must re-read the issue through REST, as it would in production.
import type { ChangeItem } from './model';

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
    project: { id: string; key: string; name: string; projectTypeKey: 'service_desk' };
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
