// The state the JSM double keeps. It is plain JSON on purpose: the sandbox saves it to a file with toJSON() and
// loads it back with fromJSON(), so nothing here may be a class instance, a Map or a Date.

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** Jira Cloud's account types: agents are 'atlassian', portal-only customers 'customer', app users 'app'. */
export type AccountType = 'atlassian' | 'customer' | 'app';

export interface User {
  accountId: string;
  displayName: string;
  accountType: AccountType;
  emailAddress: string;
  timeZone: string;
  locale?: string;
}

export interface Organization {
  id: string;
  name: string;
  memberAccountIds: string[];
}

export interface Project {
  id: string;
  key: string;
  name: string;
  serviceDeskId: string;
  /** Jira's project type; a service project ('service_desk') unless said otherwise. */
  projectTypeKey?: 'service_desk' | 'software' | 'business';
  /** The number the next issue key gets (SUP-<n>); Jira never reuses a number, even after a delete. */
  nextIssueNumber: number;
  /** Members of the Administrators project role: they have ADMINISTER_PROJECTS. */
  administrators: string[];
  /** Members of the Service Desk Team role (agents). Administrators are agents too. */
  agents: string[];
  /**
   * The statuses its workflow moves issues through (status ids, in order; a transition leads to any of them).
   * Absent: every status of the site (sites saved before workflows were modelled).
   */
  workflow?: string[];
  /** The issue types of a software or business project (absent: none; a service project's come from its request types). */
  issueTypeIds?: string[];
}

/** A project version (Jira's `Version`): what development's fix versions name. */
export interface ProjectVersion {
  id: string;
  projectId: string;
  name: string;
  description?: string;
  released: boolean;
  archived: boolean;
  /** The release day, `yyyy-MM-dd`, once released (or planned). */
  releaseDate?: string;
}

/** An issue link type (Jira's default "Relates": relates to / relates to). */
export interface IssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface IssueLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
}

export interface RequestType {
  id: string;
  name: string;
  description: string;
  issueTypeId: string;
  serviceDeskId: string;
}

export interface Status {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface Priority {
  id: string;
  name: string;
}

export interface Resolution {
  id: string;
  name: string;
  description: string;
}

export interface SelectOption {
  id: string;
  value: string;
}

/**
 * The custom fields the double knows. `kind` says how a value is stored on an issue and rendered:
 * - requestType: the request type id (string)
 * - organizations: organization ids (string[])
 * - participants: account ids (string[])
 * - select: an option id (string) or null
 * - app: the raw value the app wrote (a Forge app field; only the owning app may write it)
 */
export type CustomField =
  | { kind: 'requestType'; id: string; name: string }
  | { kind: 'organizations'; id: string; name: string }
  | { kind: 'participants'; id: string; name: string }
  | { kind: 'select'; id: string; name: string; options: SelectOption[] }
  | { kind: 'app'; id: string; name: string; key: string; type: AppFieldType; description?: string };

/** The data types of a Forge `jira:customField`. */
export type AppFieldType = 'string' | 'number' | 'datetime' | 'date' | 'user' | 'group' | 'object';

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface History {
  id: string;
  author: string;
  created: number;
  items: ChangeItem[];
}

export interface Comment {
  id: string;
  author: string;
  /** The body as Atlassian Document Format, the way REST v3 returns it. */
  body: unknown;
  created: number;
  updated: number;
  /** JSM: true = shared with the customer, false = internal note. */
  jsdPublic: boolean;
  /** Comment properties by key (set with the comment: `properties` of POST /rest/api/3/issue/{key}/comment). */
  properties?: Record<string, unknown>;
  /** Ids of the attachments the comment was added with (JSM's "attach with a comment"). */
  attachmentIds?: string[];
}

/** A file on an issue; its bytes are kept (base64) so the sandbox can show it. */
export interface Attachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  author: string;
  created: number;
  /** JSM: false = only agents see it. */
  public: boolean;
  content: string;
}

/** A file uploaded to a service desk, waiting to be attached to a request by the one who uploaded it. */
export interface TemporaryAttachment {
  id: string;
  serviceDeskId: string;
  filename: string;
  mimeType: string;
  /** The account that uploaded it, or `app`. */
  uploadedBy: string;
  created: number;
  content: string;
}

export interface Issue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description: string | null;
  statusId: string;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: number | null;
  statusCategoryChangeDate: number;
  created: number;
  updated: number;
  creator: string;
  reporter: string;
  assignee: string | null;
  /** Custom field values by field id, stored as described on CustomField. */
  customFields: Record<string, unknown>;
  comments: Comment[];
  histories: History[];
  properties: Record<string, unknown>;
  /** Absent on issues saved before attachments were modelled: none. */
  attachments?: Attachment[];
  /** Account ids watching the issue (absent: nobody). */
  watchers?: string[];
  /** The ids of the project versions in its Fix versions field (absent: none). */
  fixVersionIds?: string[];
}

/** A Jira group: who is in it. */
export interface Group {
  groupId: string;
  name: string;
  members: string[];
}

/** An e-mail Jira would send for POST /rest/api/3/issue/{key}/notify, one per recipient list, as asked. */
export interface SentNotification {
  id: string;
  issueId: string;
  issueKey: string;
  /** When Jira accepted it (epoch ms). */
  at: number;
  /** The caller: the app's account, or a user's. */
  by: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** Everyone Jira would mail, each once, with why (assignee, watcher, group NAME, user). */
  recipients: Array<{ accountId: string; displayName: string; emailAddress: string; why: string }>;
}

export interface DoubleState {
  version: 1;
  site: { baseUrl: string; timeZone: string; appId: string; environmentId: string; appAccountId: string; administrators?: string[] };
  counters: { issue: number; comment: number; history: number; customField: number; attachment?: number; version?: number; link?: number };
  users: User[];
  organizations: Organization[];
  projects: Project[];
  issueTypes: IssueType[];
  requestTypes: RequestType[];
  statuses: Status[];
  priorities: Priority[];
  resolutions: Resolution[];
  customFields: CustomField[];
  issues: Issue[];
  /** Jira groups (absent: none). */
  groups?: Group[];
  /** Every notification the site would have e-mailed, oldest first (absent: none yet). */
  notifications?: SentNotification[];
  /** Project versions of every project (absent: none). */
  versions?: ProjectVersion[];
  /** Issue link types (absent: none) and the links between issues (absent: none). */
  issueLinkTypes?: IssueLinkType[];
  issueLinks?: IssueLink[];
  /** Uploaded, not yet attached (absent in sites saved before attachments were modelled). */
  temporaryAttachments?: TemporaryAttachment[];
}
