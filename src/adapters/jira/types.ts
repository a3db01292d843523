// The documented Jira Cloud / JSM REST shapes the app reads, reduced to the fields it uses.

export interface JiraUser {
  accountId: string;
  accountType?: 'atlassian' | 'app' | 'customer' | string;
  displayName?: string;
  timeZone?: string;
}

export interface JiraStatusCategory {
  id?: number;
  key: 'new' | 'indeterminate' | 'done' | string;
  name?: string;
}

export interface JiraStatus {
  id: string;
  name: string;
  statusCategory: JiraStatusCategory;
}

export interface JiraChangeItem {
  field: string;
  fieldtype?: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface JiraHistory {
  id: string;
  author?: JiraUser;
  created: string;
  items: JiraChangeItem[];
}

export interface JiraComment {
  id: string;
  author?: JiraUser;
  created: string;
  /** JSM: whether the customer sees the comment (false = internal note). */
  jsdPublic?: boolean;
  body?: unknown;
}

export interface JiraField {
  id: string;
  key?: string;
  name: string;
  custom: boolean;
  schema?: { type?: string; custom?: string; customId?: number };
}

/** GET /rest/api/3/issue/{key} with `expand=changelog`. */
export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown> & {
    created?: string;
    status?: { id: string; name: string; statusCategory?: JiraStatusCategory };
    resolution?: { id: string; name: string } | null;
    reporter?: JiraUser | null;
    assignee?: JiraUser | null;
    project?: { id: string; key: string };
    comment?: { comments: JiraComment[]; total: number; startAt: number; maxResults: number };
  };
  changelog?: { startAt: number; maxResults: number; total: number; histories: JiraHistory[] };
  properties?: Record<string, unknown>;
}

/** An issue with every changelog history and every comment, pages joined. */
export interface IssueHistory {
  issue: JiraIssue;
  histories: JiraHistory[];
  comments: JiraComment[];
}
