// The one typed Jira client. Every REST call of the app goes through here: paths are built with `route`
// (never whole URLs), responses are checked, failures become JiraRequestError with Jira's own messages.
import api, { route, type Route } from '@forge/api';
import { JiraRequestError, jiraMessages } from './errors';
import type { IssueHistory, JiraComment, JiraField, JiraHistory, JiraIssue, JiraStatus } from './types';

/** Who a call is made as: the app itself, or the user whose invocation this is (permission checks). */
export type Caller = 'app' | 'user';

const PAGE = 100;

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

export class JiraClient {
  /** Counts requests, for the benchmark's "Jira requests per event". */
  requests = 0;

  private async call<T>(as: Caller, path: Route, init: { method?: string; body?: unknown } = {}): Promise<T> {
    this.requests++;
    const requester = as === 'app' ? api.asApp() : api.asUser();
    const response = await requester.requestJira(path, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) throw new JiraRequestError(response.status, path.value, jiraMessages(body));
    return body as T;
  }

  /**
   * An issue with its whole history: one request when the changelog and the comments fit in the embedded pages
   * (under 100 entries each), more pages only for long histories.
   */
  async readIssueHistory(key: string, fieldIds: string[], propertyKeys: string[]): Promise<IssueHistory> {
    const query = new URLSearchParams({ expand: 'changelog', fields: fieldIds.join(',') });
    if (propertyKeys.length > 0) query.set('properties', propertyKeys.join(','));
    const issue = await this.call<JiraIssue>('app', route`/rest/api/3/issue/${key}?${query}`);
    const embedded = issue.changelog;
    let histories = embedded?.histories ?? [];
    if (embedded && embedded.total > histories.length) histories = await this.allHistories(key, embedded.total);
    const commentField = issue.fields.comment;
    let comments = commentField?.comments ?? [];
    if (commentField && commentField.total > comments.length) comments = await this.allComments(key);
    return { issue, histories, comments };
  }

  private async allHistories(key: string, total: number): Promise<JiraHistory[]> {
    const out: JiraHistory[] = [];
    for (let startAt = 0; startAt < total; startAt += PAGE) {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE) });
      const page = await this.call<PageOfChangelogs>('app', route`/rest/api/3/issue/${key}/changelog?${query}`);
      out.push(...page.values);
      if (page.isLast || page.values.length === 0) break;
    }
    return out;
  }

  private async allComments(key: string): Promise<JiraComment[]> {
    const out: JiraComment[] = [];
    for (let startAt = 0; ; startAt += PAGE) {
      const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE), orderBy: 'created' });
      const page = await this.call<PageOfComments>('app', route`/rest/api/3/issue/${key}/comment?${query}`);
      out.push(...page.comments);
      if (page.comments.length === 0 || out.length >= page.total) return out;
    }
  }

  listFields(): Promise<JiraField[]> {
    return this.call<JiraField[]>('app', route`/rest/api/3/field`);
  }

  listStatuses(): Promise<JiraStatus[]> {
    return this.call<JiraStatus[]>('app', route`/rest/api/3/status`);
  }

  async setIssueProperty(key: string, propertyKey: string, value: unknown): Promise<void> {
    await this.call('app', route`/rest/api/3/issue/${key}/properties/${propertyKey}`, { method: 'PUT', body: value });
  }

  async deleteIssueProperty(key: string, propertyKey: string): Promise<void> {
    await this.call('app', route`/rest/api/3/issue/${key}/properties/${propertyKey}`, { method: 'DELETE' });
  }

  /** Sets the value of one of the app's own custom fields (read-only to people). */
  async setAppFieldValue(fieldId: string, issueId: string, value: unknown): Promise<void> {
    await this.call('app', route`/rest/api/3/app/field/value`, {
      method: 'POST',
      body: { updates: [{ customField: fieldId, issueIds: [Number(issueId)], value }] },
    });
  }

  /** One page of issue keys matching a JQL query (enhanced search, token paging). */
  async searchIssueKeys(jql: string, nextPageToken?: string): Promise<{ keys: string[]; nextPageToken?: string }> {
    const page = await this.call<{ issues: Array<{ key: string }>; nextPageToken?: string }>('app', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: { jql, fields: ['key'], maxResults: PAGE, ...(nextPageToken ? { nextPageToken } : {}) },
    });
    return { keys: page.issues.map((i) => i.key), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
  }

  /** Whether the calling user (as themself) holds a project permission. */
  async userHasProjectPermission(projectKey: string, permission: string): Promise<boolean> {
    const query = new URLSearchParams({ projectKey, permissions: permission });
    const answer = await this.call<{ permissions: Record<string, { havePermission: boolean }> }>('user', route`/rest/api/3/mypermissions?${query}`);
    return answer.permissions[permission]?.havePermission === true;
  }

  /** The JSM organizations a customer belongs to. */
  async organizationsOf(accountId: string): Promise<Organization[]> {
    return this.pagedServiceDesk<Organization>((start) => {
      const query = new URLSearchParams({ accountId, start: String(start), limit: '50' });
      return route`/rest/servicedeskapi/organization?${query}`;
    });
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.pagedServiceDesk<Organization>((start) => {
      const query = new URLSearchParams({ start: String(start), limit: '50' });
      return route`/rest/servicedeskapi/organization?${query}`;
    });
  }

  async listRequestTypes(serviceDeskId: string): Promise<RequestType[]> {
    return this.pagedServiceDesk<RequestType>((start) => {
      const query = new URLSearchParams({ start: String(start), limit: '50' });
      return route`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype?${query}`;
    });
  }

  async listServiceDesks(): Promise<Array<{ id: string; projectKey: string; projectName?: string }>> {
    return this.pagedServiceDesk((start) => {
      const query = new URLSearchParams({ start: String(start), limit: '50' });
      return route`/rest/servicedeskapi/servicedesk?${query}`;
    });
  }

  /** Service desk lists are short; the bound keeps a runaway answer from looping. */
  private async pagedServiceDesk<T>(pathAt: (start: number) => Route): Promise<T[]> {
    const out: T[] = [];
    for (let start = 0, pages = 0; pages < 50; pages++) {
      const page = await this.call<ServiceDeskPage<T>>('app', pathAt(start));
      out.push(...page.values);
      if (page.isLastPage || page.values.length === 0) break;
      start += page.values.length;
    }
    return out;
  }
}
