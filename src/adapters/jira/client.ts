// The one typed Jira client. Every REST call of the app is written here as a literal `requestJira(route`…`, { method })`
// so that Forge's linter sees each endpoint and checks its scope against the manifest. Responses are checked,
// transient failures (429, 5xx) of safe calls are retried honouring Retry-After, and what still fails becomes a
// JiraRequestError with Jira's own messages. One client is made per invocation.
import api, { route, type APIResponse } from '@forge/api';
import { DEFAULT_RETRY, retryAfterMs, withRetries, type RetryPolicy } from '../retry';
import { JiraRequestError, jiraMessages } from './errors';
import type { IssueHistory, JiraComment, JiraField, JiraHistory, JiraIssue, JiraStatus, JiraUser } from './types';

const PAGE = 100;
const JSON_IN = { Accept: 'application/json' };
const JSON_IN_OUT = { Accept: 'application/json', 'Content-Type': 'application/json' };

interface PageOfChangelogs {
  startAt: number;
  maxResults: number;
  total: number;
  isLast?: boolean;
  values: JiraHistory[];
}

interface PageOfComments {
  startAt: number;
  maxResults: number;
  total: number;
  comments: JiraComment[];
}

export interface ServiceDeskPage<T> {
  size: number;
  start: number;
  limit: number;
  isLastPage: boolean;
  values: T[];
}

export interface RequestType {
  id: string;
  name: string;
  description?: string;
  serviceDeskId?: string;
}

export interface Organization {
  id: string;
  name: string;
}

export interface ServiceDesk {
  id: string;
  projectKey: string;
  projectName?: string;
}

type Send = () => Promise<APIResponse>;

export interface CustomerRequestInput {
  serviceDeskId: string;
  requestTypeId: string;
  summary: string;
  description: string;
  /** The customer the request is raised for (its reporter). */
  raiseOnBehalfOf: string;
  participants: string[];
}

/** A multipart/form-data body holding one file (RFC 7578), as bytes: @forge/api sends an ArrayBuffer as it is. */
function multipartFile(field: string, fileName: string, mimeType: string, bytes: Uint8Array): { body: ArrayBuffer; contentType: string } {
  const boundary = `contract-sla-${globalThis.crypto.randomUUID()}`;
  const quoted = fileName.replace(/["\\\r\n]/g, '_');
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${quoted}"\r\nContent-Type: ${mimeType}\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + bytes.length + tail.length);
  body.set(head, 0);
  body.set(bytes, head.length);
  body.set(tail, head.length + bytes.length);
  return { body: body.buffer, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Pages read at once: enough to cut a long history's round trips, few enough for Jira's per-endpoint burst limit. */
const PARALLEL_PAGES = 8;

/** The start offsets of the pages after a first one of `size` entries, up to `total`. */
function offsetsAfter(size: number, total: number): number[] {
  const offsets: number[] = [];
  if (size === 0) return offsets;
  for (let start = size; start < total; start += size) offsets.push(start);
  return offsets;
}

/** Reads the pages at these offsets, PARALLEL_PAGES at a time, in order. */
async function inWaves<T>(offsets: number[], read: (start: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < offsets.length; i += PARALLEL_PAGES) out.push(...(await Promise.all(offsets.slice(i, i + PARALLEL_PAGES).map(read))));
  return out;
}

/** Statuses with which Jira refuses a request before doing any of it: the same request can safely be sent again. */
export function refusedUnprocessed(status: number): boolean {
  return status === 429 || status === 503 || (status >= 400 && status < 500);
}

/** Who a notification goes to (`POST /rest/api/3/issue/{key}/notify`); the reporter is never among them. */
export interface NotificationRecipients {
  users: string[];
  groups: string[];
}

export interface Notification {
  subject: string;
  textBody: string;
  htmlBody: string;
  to: NotificationRecipients;
}

/** A development issue as the app follows it (GET issue with these fields). */
export interface DevelopmentIssue {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  projectType: string;
  status: string;
  category: 'new' | 'indeterminate' | 'done';
  assignee: string | null;
  /** The fix versions' names as development gave them. */
  fixVersions: string[];
}

/** A project as a hand-over needs it: its name, type and the issue types it offers. */
export interface ProjectSummary {
  key: string;
  name: string;
  projectTypeKey: string;
  issueTypes: Array<{ id: string; name: string; subtask: boolean }>;
}

/** A transition an issue can take now, and the status it leads to. */
export interface Transition {
  id: string;
  name: string;
  to: JiraStatus;
}

/** Who a call is made as: the app, or the user of the invocation (a resolver's agent, whose permissions Jira checks). */
export type Acting = 'app' | 'user';

const DEVELOPMENT_FIELDS = 'summary,status,assignee,fixVersions,project';

function developmentIssueOf(issue: JiraIssue): DevelopmentIssue {
  const fields = issue.fields as JiraIssue['fields'] & { summary?: string; fixVersions?: Array<{ name?: string }>; project?: { key: string; projectTypeKey?: string } };
  const category = fields.status?.statusCategory?.key;
  return {
    id: String(issue.id),
    key: issue.key,
    summary: fields.summary ?? '',
    projectKey: fields.project?.key ?? issue.key.replace(/-\d+$/, ''),
    projectType: fields.project?.projectTypeKey ?? 'software',
    status: fields.status?.name ?? '',
    category: category === 'done' || category === 'indeterminate' ? category : 'new',
    assignee: fields.assignee ? (fields.assignee.displayName ?? fields.assignee.accountId) : null,
    fixVersions: (fields.fixVersions ?? []).flatMap((v) => (typeof v.name === 'string' ? [v.name] : [])),
  };
}

/** One page of names is enough for the history's twenty versions. */
const MAX_NAMED_ACCOUNTS = 100;

export class JiraClient {
  private near = false;

  constructor(private readonly retry: RetryPolicy = DEFAULT_RETRY) {}

  /**
   * Whether Jira's last answer said the app's allowance runs low (`X-RateLimit-NearLimit`: under 20 % of a budget
   * left). Long background work (re-evaluation) pauses on it, so requests' own events and the breach watch keep theirs.
   */
  get nearLimit(): boolean {
    return this.near;
  }

  /**
   * A call that must not happen twice (a notification, a comment): retried only when Jira refused it unprocessed
   * (429 Too Many Requests, 503 Service Unavailable); any other failure goes back to the caller, who knows whether
   * the call may have landed.
   */
  private once<T>(label: string, send: Send): Promise<T> {
    return withRetries(() => this.answer<T>(label, send), (error) => (error instanceof JiraRequestError && (error.status === 429 || error.status === 503) ? { retryAfterMs: error.retryAfterMs } : undefined), this.retry);
  }

  /** A call that is safe to repeat (a read, or a write of a whole value): retried when Jira asks to wait. */
  private repeatable<T>(label: string, send: Send): Promise<T> {
    return withRetries(() => this.answer<T>(label, send), (error) => (error instanceof JiraRequestError && error.transient ? { retryAfterMs: error.retryAfterMs } : undefined), this.retry);
  }

  private async answer<T>(label: string, send: Send): Promise<T> {
    const response = await send();
    this.near = response.headers.get('x-ratelimit-nearlimit') === 'true';
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!response.ok) throw new JiraRequestError(response.status, label, jiraMessages(parsed), retryAfterMs(response.headers.get('retry-after'), Date.now()));
    return parsed as T;
  }

  /**
   * An issue with its whole history: one request when the changelog and the comments fit in the embedded pages
   * (under 100 entries each), more pages only for long histories.
   */
  async readIssueHistory(key: string, fieldIds: string[], propertyKeys: string[]): Promise<IssueHistory> {
    const query = new URLSearchParams({ expand: 'changelog', fields: fieldIds.join(',') });
    if (propertyKeys.length > 0) query.set('properties', propertyKeys.join(','));
    const issue = await this.repeatable<JiraIssue>(`GET issue ${key}`, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/${key}?${query}`, { method: 'GET', headers: JSON_IN }),
    );
    const embedded = issue.changelog;
    let histories = embedded?.histories ?? [];
    if (embedded && embedded.total > histories.length) histories = await this.allHistories(key, embedded.total);
    const commentField = issue.fields.comment;
    let comments = commentField?.comments ?? [];
    if (commentField && commentField.total > comments.length) comments = await this.allComments(key);
    return { issue, histories, comments };
  }

  /**
   * Every changelog page of a long history. The first answer says how many there are; the rest are read a few at a
   * time in parallel, so 20,000 entries cost 25 round trips rather than 200 (Jira's burst limit answers 429 to more).
   */
  private async allHistories(key: string, total: number): Promise<JiraHistory[]> {
    const page = (startAt: number) => {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE) });
      return this.repeatable<PageOfChangelogs>(`GET changelog of ${key}`, () =>
        api.asApp().requestJira(route`/rest/api/3/issue/${key}/changelog?${query}`, { method: 'GET', headers: JSON_IN }),
      );
    };
    const first = await page(0);
    const pages = await inWaves(offsetsAfter(first.values.length, Math.max(total, first.total)), page);
    return [first, ...pages].flatMap((p) => p.values);
  }

  /** Every comment of a request with many, read like the changelog (a first page, then the rest in waves). */
  private async allComments(key: string): Promise<JiraComment[]> {
    const page = (startAt: number) => {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE), orderBy: 'created' });
      return this.repeatable<PageOfComments>(`GET comments of ${key}`, () =>
        api.asApp().requestJira(route`/rest/api/3/issue/${key}/comment?${query}`, { method: 'GET', headers: JSON_IN }),
      );
    };
    const first = await page(0);
    const pages = await inWaves(offsetsAfter(first.comments.length, first.total), page);
    return [first, ...pages].flatMap((p) => p.comments);
  }

  /**
   * Asks Jira to e-mail a notification about an issue to the named users and groups (never the reporter, the
   * watchers or voters by Jira's own lists: the app names each person), restricted to people who may edit the
   * issue: JSM's portal customers never may, so no group or user list can reach a customer.
   */
  async notify(key: string, notification: Notification): Promise<void> {
    const body = JSON.stringify({
      subject: notification.subject,
      textBody: notification.textBody,
      htmlBody: notification.htmlBody,
      to: {
        reporter: false,
        assignee: false,
        watchers: false,
        voters: false,
        users: notification.to.users.map((accountId) => ({ accountId })),
        groups: notification.to.groups.map((name) => ({ name })),
      },
      restrict: { permissions: [{ key: 'EDIT_ISSUES' }] },
    });
    await this.once(`POST notify on ${key}`, () => api.asApp().requestJira(route`/rest/api/3/issue/${key}/notify`, { method: 'POST', headers: JSON_IN_OUT, body }));
  }

  /**
   * Adds a comment as the app: internal (JSM's `sd.public.comment` property) or shared with the customer, carrying
   * `marker` as a comment property so the app can later find out whether it was added. Returns the comment's id and
   * its author (the app's own account).
   */
  async addComment(key: string, text: string, visibility: 'internal' | 'public', marker: { key: string; value: unknown }): Promise<{ id: string; authorAccountId?: string }> {
    const body = JSON.stringify({
      body: { type: 'doc', version: 1, content: text.split(/\n{2,}/).map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })) },
      properties: [{ key: 'sd.public.comment', value: { internal: visibility === 'internal' } }, marker],
    });
    const comment = await this.once<JiraComment>(`POST comment on ${key}`, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/${key}/comment`, { method: 'POST', headers: JSON_IN_OUT, body }),
    );
    return { id: String(comment.id), ...(comment.author?.accountId ? { authorAccountId: comment.author.accountId } : {}) };
  }

  /** The newest comments of an issue first (one page): where the app looks for a comment it may have added. */
  async newestComments(key: string): Promise<JiraComment[]> {
    const query = new URLSearchParams({ orderBy: '-created', maxResults: String(PAGE) });
    const page = await this.repeatable<PageOfComments>(`GET comments of ${key}`, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/${key}/comment?${query}`, { method: 'GET', headers: JSON_IN }),
    );
    return page.comments;
  }

  /** A comment's property, or undefined when the comment has none by that key. */
  async commentProperty(commentId: string, propertyKey: string): Promise<unknown> {
    try {
      const answer = await this.repeatable<{ value: unknown }>(`GET property ${propertyKey} of comment ${commentId}`, () =>
        api.asApp().requestJira(route`/rest/api/3/comment/${commentId}/properties/${propertyKey}`, { method: 'GET', headers: JSON_IN }),
      );
      return answer.value;
    } catch (error) {
      if (error instanceof JiraRequestError && error.notFound) return undefined;
      throw error;
    }
  }

  /**
   * Display names of accounts (the admin page's history says who saved each version). An account Jira does not
   * return, or every one when Jira refuses, is simply missing: the page shows its account id instead.
   */
  async userNames(accountIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const ids = accountIds.slice(0, MAX_NAMED_ACCOUNTS);
    if (ids.length === 0) return names;
    const query = new URLSearchParams([...ids.map((id): [string, string] => ['accountId', id]), ['maxResults', String(ids.length)]]);
    try {
      const page = await this.repeatable<{ values?: JiraUser[] }>('GET users', () =>
        api.asApp().requestJira(route`/rest/api/3/user/bulk?${query}`, { method: 'GET', headers: JSON_IN }),
      );
      for (const user of page.values ?? []) if (user.displayName) names.set(user.accountId, user.displayName);
    } catch (error) {
      if (!(error instanceof JiraRequestError)) throw error;
    }
    return names;
  }

  /** Assigns the issue as the calling user (Jira checks they may assign it, and that the assignee may take it). */
  async assignAsUser(key: string, accountId: string): Promise<void> {
    await this.repeatable(`PUT assignee of ${key}`, () =>
      api.asUser().requestJira(route`/rest/api/3/issue/${key}/assignee`, { method: 'PUT', headers: JSON_IN_OUT, body: JSON.stringify({ accountId }) }),
    );
  }

  /** The issue's watchers (account ids and account types). */
  async watchers(key: string): Promise<JiraUser[]> {
    const answer = await this.repeatable<{ watchers?: JiraUser[] }>(`GET watchers of ${key}`, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/${key}/watchers`, { method: 'GET', headers: JSON_IN }),
    );
    return answer.watchers ?? [];
  }

  listFields(): Promise<JiraField[]> {
    return this.repeatable('GET fields', () => api.asApp().requestJira(route`/rest/api/3/field`, { method: 'GET', headers: JSON_IN }));
  }

  listStatuses(): Promise<JiraStatus[]> {
    return this.repeatable('GET statuses', () => api.asApp().requestJira(route`/rest/api/3/status`, { method: 'GET', headers: JSON_IN }));
  }

  async setIssueProperty(key: string, propertyKey: string, value: unknown): Promise<void> {
    await this.repeatable(`PUT property ${propertyKey} of ${key}`, () =>
      api.asApp().requestJira(route`/rest/api/3/issue/${key}/properties/${propertyKey}`, { method: 'PUT', headers: JSON_IN_OUT, body: JSON.stringify(value) }),
    );
  }

  /**
   * Sets the value of one of the app's own custom fields (read-only to people); the same value may be set again.
   * `history` keeps the change in the issue's changelog (the contract priority: the replay reads it there); the
   * deadline field does not clutter the history. No product event either way: the app computes what follows itself.
   */
  async setAppFieldValue(fieldId: string, issueId: string, value: unknown, history: boolean): Promise<void> {
    const query = new URLSearchParams({ generateChangelog: String(history), generateAppEvents: 'false' });
    const body = JSON.stringify({ updates: [{ customField: fieldId, issueIds: [Number(issueId)], value }] });
    await this.repeatable(`POST value of ${fieldId} on ${issueId}`, () =>
      api.asApp().requestJira(route`/rest/api/3/app/field/value?${query}`, { method: 'POST', headers: JSON_IN_OUT, body }),
    );
  }

  /** One page of issues matching a JQL query (enhanced search, token paging), ids only. */
  async searchIssueIds(jql: string, nextPageToken?: string): Promise<{ ids: string[]; nextPageToken?: string }> {
    const body = JSON.stringify({ jql, fields: ['id'], maxResults: PAGE, ...(nextPageToken ? { nextPageToken } : {}) });
    const page = await this.repeatable<{ issues: Array<{ id: string }>; nextPageToken?: string }>('POST search', () =>
      api.asApp().requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_IN_OUT, body }),
    );
    return { ids: page.issues.map((i) => String(i.id)), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  }

  /** Jira's estimate of how many issues a JQL query matches (one cheap call, for progress figures). */
  async approximateCount(jql: string): Promise<number> {
    const answer = await this.repeatable<{ count: number }>('POST approximate count', () =>
      api.asApp().requestJira(route`/rest/api/3/search/approximate-count`, { method: 'POST', headers: JSON_IN_OUT, body: JSON.stringify({ jql }) }),
    );
    return answer.count;
  }

  /**
   * Whether the calling user, asked as themself, holds a permission: a global one (ADMINISTER), or one on a project
   * or on an issue (which also answers whether they can see that issue at all).
   */
  async userHolds(permission: string, on: { projectKey: string } | { issueKey: string } | 'global'): Promise<boolean> {
    const query = new URLSearchParams({ permissions: permission });
    if (on !== 'global') for (const [name, value] of Object.entries(on)) query.set(name, value);
    const answer = await this.repeatable<{ permissions: Record<string, { havePermission: boolean }> }>(`GET my permission ${permission}`, () =>
      api.asUser().requestJira(route`/rest/api/3/mypermissions?${query}`, { method: 'GET', headers: JSON_IN }),
    );
    return answer.permissions[permission]?.havePermission === true;
  }

  /**
   * The request as the calling portal user sees it, or undefined when they may not: JSM's own rule (reporter,
   * participant, or a member of an organization it is shared with), so the app never decides it differently.
   */
  async requestSeenByUser(key: string): Promise<{ issueId: string; issueKey: string } | undefined> {
    try {
      return await this.repeatable<{ issueId: string; issueKey: string }>(`GET request ${key} as the user`, () =>
        api.asUser().requestJira(route`/rest/servicedeskapi/request/${key}`, { method: 'GET', headers: JSON_IN }),
      );
    } catch (error) {
      if (error instanceof JiraRequestError && (error.status === 403 || error.status === 404 || error.status === 401)) return undefined;
      throw error;
    }
  }

  /** The JSM organizations a customer belongs to (asked as the app, which JSM lets filter by account). */
  organizationsOf(accountId: string): Promise<Organization[]> {
    return this.pagedServiceDesk<Organization>('GET organizations of a customer', (start) => {
      const query = new URLSearchParams({ accountId, start: String(start), limit: '50' });
      return api.asApp().requestJira(route`/rest/servicedeskapi/organization?${query}`, { method: 'GET', headers: JSON_IN });
    });
  }

  listOrganizations(): Promise<Organization[]> {
    return this.pagedServiceDesk<Organization>('GET organizations', (start) => {
      const query = new URLSearchParams({ start: String(start), limit: '50' });
      return api.asApp().requestJira(route`/rest/servicedeskapi/organization?${query}`, { method: 'GET', headers: JSON_IN });
    });
  }

  listRequestTypes(serviceDeskId: string): Promise<RequestType[]> {
    return this.pagedServiceDesk<RequestType>(`GET request types of service desk ${serviceDeskId}`, (start) => {
      const query = new URLSearchParams({ start: String(start), limit: '50' });
      return api.asApp().requestJira(route`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype?${query}`, { method: 'GET', headers: JSON_IN });
    });
  }

  listServiceDesks(): Promise<ServiceDesk[]> {
    return this.pagedServiceDesk<ServiceDesk>('GET service desks', (start) => {
      const query = new URLSearchParams({ start: String(start), limit: '50' });
      return api.asApp().requestJira(route`/rest/servicedeskapi/servicedesk?${query}`, { method: 'GET', headers: JSON_IN });
    });
  }

  /**
   * Raises a request in a service desk on a customer's behalf, with participants. Not repeated on a passing failure:
   * a retry could raise it twice, so the caller records what it did and tries again on its own terms.
   */
  createCustomerRequest(input: CustomerRequestInput): Promise<{ issueId: string; issueKey: string }> {
    const body = JSON.stringify({
      serviceDeskId: input.serviceDeskId,
      requestTypeId: input.requestTypeId,
      requestFieldValues: { summary: input.summary, description: input.description },
      raiseOnBehalfOf: input.raiseOnBehalfOf,
      ...(input.participants.length > 0 ? { requestParticipants: input.participants } : {}),
    });
    return this.answer(`POST request in service desk ${input.serviceDeskId}`, () =>
      api.asApp().requestJira(route`/rest/servicedeskapi/request`, { method: 'POST', headers: JSON_IN_OUT, body }),
    );
  }

  /**
   * Uploads a file to a service desk as a temporary attachment (multipart, the file in the `file` field, with the
   * XSRF opt-out header JSM requires) and returns its temporary id. Safe to repeat: an unused temporary file expires.
   */
  async attachTemporaryFile(serviceDeskId: string, fileName: string, bytes: Uint8Array, mimeType: string): Promise<string> {
    const { body, contentType } = multipartFile('file', fileName, mimeType, bytes);
    const headers = { Accept: 'application/json', 'Content-Type': contentType, 'X-Atlassian-Token': 'no-check', 'X-ExperimentalApi': 'opt-in' };
    const answer = await this.repeatable<{ temporaryAttachments: Array<{ temporaryAttachmentId: string; fileName: string }> }>(`POST temporary file to service desk ${serviceDeskId}`, () =>
      api.asApp().requestJira(route`/rest/servicedeskapi/servicedesk/${serviceDeskId}/attachTemporaryFile`, { method: 'POST', headers, body }),
    );
    const uploaded = answer.temporaryAttachments?.[0]?.temporaryAttachmentId;
    if (!uploaded) throw new JiraRequestError(502, `POST temporary file to service desk ${serviceDeskId}`, ['JSM answered without a temporary attachment id']);
    return uploaded;
  }

  /** Attaches uploaded files to a request, with a comment that shows them; public means the customer sees both. */
  async attachToRequest(key: string, temporaryAttachmentIds: string[], comment: string, visibleToCustomer: boolean): Promise<{ attachmentIds: string[] }> {
    const body = JSON.stringify({ temporaryAttachmentIds, public: visibleToCustomer, additionalComment: { body: comment } });
    const answer = await this.answer<{ attachments?: { values?: Array<{ _links?: { jiraRest?: string }; filename?: string }> } }>(`POST attachment to ${key}`, () =>
      api.asApp().requestJira(route`/rest/servicedeskapi/request/${key}/attachment`, { method: 'POST', headers: JSON_IN_OUT, body }),
    );
    const ids = (answer.attachments?.values ?? []).map((a) => /\/attachment\/(\d+)/.exec(a._links?.jiraRest ?? '')?.[1]).filter((id): id is string => id !== undefined);
    return { attachmentIds: ids };
  }

  /** A development issue's status, assignee and fix versions; undefined when it does not exist or the caller cannot see it. */
  async developmentIssue(key: string, as: Acting): Promise<DevelopmentIssue | undefined> {
    const query = new URLSearchParams({ fields: DEVELOPMENT_FIELDS });
    try {
      const issue = await this.repeatable<JiraIssue>(`GET issue ${key}`, () =>
        as === 'app'
          ? api.asApp().requestJira(route`/rest/api/3/issue/${key}?${query}`, { method: 'GET', headers: JSON_IN })
          : api.asUser().requestJira(route`/rest/api/3/issue/${key}?${query}`, { method: 'GET', headers: JSON_IN }),
      );
      return developmentIssueOf(issue);
    } catch (error) {
      if (error instanceof JiraRequestError && error.notFound) return undefined;
      throw error;
    }
  }

  /** A project's name, type and issue types (asked as the app: the panel names the project to agents who may not browse it). */
  async project(key: string): Promise<ProjectSummary | undefined> {
    try {
      const project = await this.repeatable<ProjectSummary>(`GET project ${key}`, () => api.asApp().requestJira(route`/rest/api/3/project/${key}`, { method: 'GET', headers: JSON_IN }));
      return { key: project.key, name: project.name, projectTypeKey: project.projectTypeKey, issueTypes: (project.issueTypes ?? []).map((t) => ({ id: String(t.id), name: t.name, subtask: t.subtask === true })) };
    } catch (error) {
      if (error instanceof JiraRequestError && error.notFound) return undefined;
      throw error;
    }
  }

  /**
   * Creates a development issue as the agent (Jira checks they may create in the project). Never repeated on a
   * passing failure: a retry could create it twice.
   */
  async createIssueAsUser(input: { projectKey: string; issueTypeId: string; summary: string; description: string }): Promise<{ id: string; key: string }> {
    const body = JSON.stringify({
      fields: {
        project: { key: input.projectKey },
        issuetype: { id: input.issueTypeId },
        summary: input.summary,
        description: { type: 'doc', version: 1, content: input.description.split(/\n{2,}/).map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] })) },
      },
    });
    const created = await this.once<{ id: string; key: string }>(`POST issue in ${input.projectKey}`, () => api.asUser().requestJira(route`/rest/api/3/issue`, { method: 'POST', headers: JSON_IN_OUT, body }));
    return { id: String(created.id), key: created.key };
  }

  /** Links the request to the development issue ("relates to") as the agent. */
  async linkAsUser(requestKey: string, devKey: string): Promise<void> {
    const body = JSON.stringify({ type: { name: 'Relates' }, inwardIssue: { key: requestKey }, outwardIssue: { key: devKey } });
    await this.once(`POST link ${requestKey} to ${devKey}`, () => api.asUser().requestJira(route`/rest/api/3/issueLink`, { method: 'POST', headers: JSON_IN_OUT, body }));
  }

  /** The transitions the caller may take on an issue now. */
  async transitions(key: string, as: Acting): Promise<Transition[]> {
    const answer = await this.repeatable<{ transitions?: Transition[] }>(`GET transitions of ${key}`, () =>
      as === 'app'
        ? api.asApp().requestJira(route`/rest/api/3/issue/${key}/transitions`, { method: 'GET', headers: JSON_IN })
        : api.asUser().requestJira(route`/rest/api/3/issue/${key}/transitions`, { method: 'GET', headers: JSON_IN }),
    );
    return answer.transitions ?? [];
  }

  /** Moves an issue along a transition (as the agent for a hand-over, as the app to resolve on a release). */
  async transition(key: string, transitionId: string, as: Acting): Promise<void> {
    const body = JSON.stringify({ transition: { id: transitionId } });
    await this.once(`POST transition ${transitionId} of ${key}`, () =>
      as === 'app'
        ? api.asApp().requestJira(route`/rest/api/3/issue/${key}/transitions`, { method: 'POST', headers: JSON_IN_OUT, body })
        : api.asUser().requestJira(route`/rest/api/3/issue/${key}/transitions`, { method: 'POST', headers: JSON_IN_OUT, body }),
    );
  }

  /** Service desk lists are short; the bound keeps a runaway answer from looping. */
  private async pagedServiceDesk<T>(label: string, sendAt: (start: number) => Promise<APIResponse>): Promise<T[]> {
    const out: T[] = [];
    for (let start = 0, pages = 0; pages < 50; pages++) {
      const page = await this.repeatable<ServiceDeskPage<T>>(label, () => sendAt(start));
      out.push(...page.values);
      if (page.isLastPage || page.values.length === 0) break;
      start += page.values.length;
    }
    return out;
  }
}
