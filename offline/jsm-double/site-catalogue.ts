// The site's catalogue and the questions asked of it: who the users and organizations are, which project, request
// types, statuses, priorities, resolutions and custom fields exist, how to find an issue, and who may see it.
// JsmDouble (jsm-double.ts) adds time, changes and events on top.
import { JsmDoubleError } from './errors';
import { jiraDateTime } from './jira-time';
import type {
  AppFieldType,
  CustomField,
  DoubleState,
  Group,
  Issue,
  IssueLinkType,
  IssueType,
  Organization,
  Priority,
  Project,
  ProjectVersion,
  RequestType,
  Resolution,
  Status,
  User,
} from './model';

export interface SiteOptions {
  /** The site's base URL, used for every `self` link. */
  baseUrl?: string;
  /** The site's default zone: app requests and JQL dates searched by the app use it. */
  timeZone?: string;
  /** The Forge app's id (a UUID) and environment: they name app fields and the portal property key. */
  appId?: string;
  environmentId?: string;
  /** The account id of the app's own user (accountType 'app'), the author of the app's changes. */
  appAccountId?: string;
}

/** Who makes a REST call: the Forge app itself (asApp) or a user (asUser). */
export type Caller = 'app' | { accountId: string };

export class SiteCatalogue {
  readonly state: DoubleState;

  constructor(options: SiteOptions = {}, state?: DoubleState) {
    this.state = state ?? {
      version: 1,
      site: {
        baseUrl: options.baseUrl ?? 'https://nordlys-it.atlassian.net',
        timeZone: options.timeZone ?? 'Europe/Copenhagen',
        appId: options.appId ?? '4d6e2c1a-9b57-4f0e-8a43-2f1c7d0b5e91',
        environmentId: options.environmentId ?? 'b3f1e6a2-7c4d-4e58-9a0b-6d2e8f1c3a74',
        appAccountId: options.appAccountId ?? '630db2b7f1a8c4e2d9b0a517',
      },
      counters: { issue: 10000, comment: 10000, history: 10000, customField: 10100 },
      users: [],
      organizations: [],
      projects: [],
      issueTypes: [],
      requestTypes: [],
      statuses: [],
      priorities: [],
      resolutions: [],
      customFields: [],
      issues: [],
    };
    if (!this.state.users.some((user) => user.accountId === this.state.site.appAccountId)) {
      this.state.users.push({
        accountId: this.state.site.appAccountId,
        displayName: 'Contract SLA',
        accountType: 'app',
        emailAddress: '',
        timeZone: this.state.site.timeZone,
      });
    }
  }

  // ---- catalogue -------------------------------------------------------------------------------------------------

  addUser(user: User): User {
    this.state.users.push({ ...user });
    return user;
  }

  addOrganization(organization: Organization): Organization {
    this.state.organizations.push({ ...organization, memberAccountIds: [...organization.memberAccountIds] });
    return organization;
  }

  /** A Jira group and its members (escalations notify groups by name). */
  addGroup(group: { name: string; members: string[]; groupId?: string }): Group {
    const stored: Group = { groupId: group.groupId ?? `group-${group.name}`, name: group.name, members: group.members.map((id) => this.userOrThrow(id).accountId) };
    (this.state.groups ??= []).push(stored);
    return stored;
  }

  group(name: string): Group | undefined {
    return (this.state.groups ?? []).find((g) => g.name === name);
  }

  addProject(project: Omit<Project, 'nextIssueNumber'> & { nextIssueNumber?: number }): Project {
    const stored: Project = { nextIssueNumber: 1, ...project };
    this.state.projects.push(stored);
    return stored;
  }

  /** A version of a project (a release development names as a fix version). */
  addVersion(projectKey: string, version: { name: string; released?: boolean; releaseDate?: string; description?: string; archived?: boolean }): ProjectVersion {
    const project = this.required(this.project(projectKey), `project ${projectKey}`);
    if (this.version(project.key, version.name)) throw new JsmDoubleError(`${project.key} has a version named ${version.name} already`);
    this.state.counters.version ??= 10200;
    const stored: ProjectVersion = {
      id: String(++this.state.counters.version),
      projectId: project.id,
      name: version.name,
      released: version.released ?? false,
      archived: version.archived ?? false,
      ...(version.releaseDate !== undefined ? { releaseDate: version.releaseDate } : {}),
      ...(version.description !== undefined ? { description: version.description } : {}),
    };
    (this.state.versions ??= []).push(stored);
    return stored;
  }

  /** A project's versions, in the order they were added (Jira's sequence). */
  versionsOf(projectKey: string): ProjectVersion[] {
    const project = this.project(projectKey);
    return project ? (this.state.versions ?? []).filter((v) => v.projectId === project.id) : [];
  }

  /** A project's version by name (exact, as Jira matches version names) or id. */
  version(projectKey: string, nameOrId: string): ProjectVersion | undefined {
    return this.versionsOf(projectKey).find((v) => v.name === nameOrId || v.id === nameOrId);
  }

  versionById(id: string): ProjectVersion | undefined {
    return (this.state.versions ?? []).find((v) => v.id === id);
  }

  /** An issue link type (Jira has "Relates", "Blocks", … by default). */
  addIssueLinkType(type: IssueLinkType): IssueLinkType {
    (this.state.issueLinkTypes ??= []).push({ ...type });
    return type;
  }

  issueLinkType(nameOrId: string): IssueLinkType | undefined {
    const lower = nameOrId.toLowerCase();
    return (this.state.issueLinkTypes ?? []).find((t) => t.id === nameOrId || t.name.toLowerCase() === lower);
  }

  /** The statuses a project's workflow moves its issues through (every status when it names none). */
  workflowOf(project: Project): Status[] {
    if (!project.workflow) return this.state.statuses;
    return project.workflow.map((id) => this.status(id));
  }

  addIssueType(issueType: IssueType): IssueType {
    this.state.issueTypes.push({ ...issueType });
    return issueType;
  }

  addRequestType(requestType: RequestType): RequestType {
    this.state.requestTypes.push({ ...requestType });
    return requestType;
  }

  addStatus(status: Status): Status {
    this.state.statuses.push({ ...status });
    return status;
  }

  addPriority(priority: Priority): Priority {
    this.state.priorities.push({ ...priority });
    return priority;
  }

  addResolution(resolution: Resolution): Resolution {
    this.state.resolutions.push({ ...resolution });
    return resolution;
  }

  /** A JSM system field (Request Type, Organizations, Request participants) or a select list field. */
  addCustomField(field: Exclude<CustomField, { kind: 'app' }>): CustomField {
    this.state.customFields.push(structuredClone(field));
    return field;
  }

  /** A Forge `jira:customField` the app declares in its manifest, known by its module key. */
  registerAppField(field: { key: string; name: string; type: AppFieldType; description?: string }): CustomField {
    const existing = this.state.customFields.find((f) => f.kind === 'app' && f.key === field.key);
    if (existing) return existing;
    const stored: CustomField = { kind: 'app', id: `customfield_${this.state.counters.customField++}`, ...field };
    this.state.customFields.push(stored);
    return stored;
  }

  // ---- lookups ---------------------------------------------------------------------------------------------------

  user(accountId: string): User | undefined {
    return this.state.users.find((user) => user.accountId === accountId);
  }

  issue(idOrKey: string): Issue | undefined {
    const wanted = idOrKey.toUpperCase();
    const index = this.issueIndex();
    const found = index.get(idOrKey) ?? index.get(wanted);
    // The index only caches state.issues, which callers may change: an entry counts while it still answers to the name.
    if (found && (found.id === idOrKey || found.key === wanted)) return found;
    return this.state.issues.find((issue) => issue.id === idOrKey || issue.key === wanted);
  }

  /**
   * Issues by id and by key. A linear search per lookup cost ~1 ms on a 50,000-request site (bench/scale.js), several
   * times per request the app computes; issues are only ever appended (new requests) or the list replaced (a delete),
   * so the index catches up with appended ones and is rebuilt when the list was replaced or shortened.
   */
  private indexed: { issues: Issue[]; count: number; byName: Map<string, Issue> } | undefined;

  private issueIndex(): Map<string, Issue> {
    const issues = this.state.issues;
    if (!this.indexed || this.indexed.issues !== issues || this.indexed.count > issues.length) {
      this.indexed = { issues, count: 0, byName: new Map() };
    }
    const index = this.indexed;
    for (; index.count < issues.length; index.count++) {
      const issue = issues[index.count] as Issue;
      index.byName.set(issue.id, issue);
      index.byName.set(issue.key, issue);
    }
    return index.byName;
  }

  project(idOrKey: string): Project | undefined {
    return this.state.projects.find((p) => p.id === idOrKey || p.key === idOrKey.toUpperCase());
  }

  projectOf(issue: Issue): Project {
    return this.required(this.state.projects.find((p) => p.id === issue.projectId), `project ${issue.projectId}`);
  }

  status(id: string): Status {
    return this.required(this.state.statuses.find((s) => s.id === id), `status ${id}`);
  }

  priority(id: string): Priority {
    return this.required(this.state.priorities.find((p) => p.id === id), `priority ${id}`);
  }

  resolution(id: string): Resolution {
    return this.required(this.state.resolutions.find((r) => r.id === id), `resolution ${id}`);
  }

  issueType(id: string): IssueType {
    return this.required(this.state.issueTypes.find((t) => t.id === id), `issue type ${id}`);
  }

  requestType(id: string): RequestType | undefined {
    return this.state.requestTypes.find((r) => r.id === id);
  }

  /** A custom field by id (`customfield_10010`), app field key or name (case-insensitive). */
  customField(idKeyOrName: string): CustomField | undefined {
    const lower = idKeyOrName.toLowerCase();
    return (
      this.state.customFields.find((f) => f.id === idKeyOrName || (f.kind === 'app' && f.key === idKeyOrName)) ??
      this.state.customFields.find((f) => f.name.toLowerCase() === lower)
    );
  }

  fieldOfKind<K extends CustomField['kind']>(kind: K): Extract<CustomField, { kind: K }> | undefined {
    return this.state.customFields.find((f): f is Extract<CustomField, { kind: K }> => f.kind === kind);
  }

  organizationsOf(accountId: string): Organization[] {
    return this.state.organizations.filter((o) => o.memberAccountIds.includes(accountId));
  }

  isAgent(accountId: string, project: Project): boolean {
    return project.agents.includes(accountId) || project.administrators.includes(accountId);
  }

  isAdministrator(accountId: string, project: Project): boolean {
    return project.administrators.includes(accountId);
  }

  /**
   * Whether a caller may see an issue. The app and the project's agents see every issue; a portal customer sees the
   * requests they reported, participate in, or that are shared with one of their organizations — JSM's rule.
   */
  canSee(caller: Caller, issue: Issue): boolean {
    if (caller === 'app') return true;
    const project = this.projectOf(issue);
    if (this.isAgent(caller.accountId, project)) return true;
    if (issue.reporter === caller.accountId) return true;
    const participants = this.valueOfKind(issue, 'participants');
    if (Array.isArray(participants) && participants.includes(caller.accountId)) return true;
    const shared = this.valueOfKind(issue, 'organizations');
    const mine = this.organizationsOf(caller.accountId).map((o) => o.id);
    return Array.isArray(shared) && shared.some((id) => mine.includes(String(id)));
  }

  /** Internal comments are for agents and the app; customers see public ones only. */
  canSeeInternalComments(caller: Caller, issue: Issue): boolean {
    return caller === 'app' || this.isAgent(caller.accountId, this.projectOf(issue));
  }

  // ---- helpers used by the REST layer ----------------------------------------------------------------------------

  issueOrThrow(idOrKey: string): Issue {
    return this.required(this.issue(idOrKey), `issue ${idOrKey}`);
  }

  userOrThrow(accountId: string): User {
    return this.required(this.user(accountId), `user ${accountId}`);
  }

  statusByName(name: string): Status {
    const lower = name.trim().toLowerCase();
    return this.required(this.state.statuses.find((s) => s.name.toLowerCase() === lower), `status ${name}`);
  }

  priorityByName(name: string): Priority {
    const lower = name.trim().toLowerCase();
    return this.required(this.state.priorities.find((p) => p.name.toLowerCase() === lower), `priority ${name}`);
  }

  resolutionByName(name: string): Resolution {
    const lower = name.trim().toLowerCase();
    return this.required(this.state.resolutions.find((r) => r.name.toLowerCase() === lower), `resolution ${name}`);
  }

  valueOfKind(issue: Issue, kind: CustomField['kind']): unknown {
    const field = this.fieldOfKind(kind);
    return field ? issue.customFields[field.id] : undefined;
  }

  /** An instant as Jira's REST API writes it, in the site zone. */
  timestamp(ms: number): string {
    return jiraDateTime(ms, this.state.site.timeZone);
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  protected required<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new JsmDoubleError(`the JSM double has no ${what}`);
    return value;
  }

  protected organizationOrThrow(id: string): Organization {
    return this.required(this.state.organizations.find((o) => o.id === id), `organization ${id}`);
  }

  protected optionOrThrow(field: Extract<CustomField, { kind: 'select' }>, value: string) {
    const lower = value.toLowerCase();
    return this.required(
      field.options.find((o) => o.value.toLowerCase() === lower || o.id === value),
      `option ${value} of ${field.name}`,
    );
  }
}
