// An in-process, stateful stand-in for one Jira Cloud site with Jira Service Management. It holds the catalogue
// (users, organizations, request types, statuses, fields …) and the issues with their comments, changelog and
// properties, and it changes them the way Jira does: every change of a field is recorded as a changelog history,
// and every change emits the Forge product event a trigger would receive. REST is a separate layer (rest/router.ts)
// so the plain methods here can drive the sandbox's control strip and tests directly.
import { adfFromText } from './adf';
import { jiraDateTime, type Clock } from './jira-time';
import type {
  AppFieldType,
  ChangeItem,
  Comment,
  CustomField,
  DoubleState,
  Issue,
  IssueType,
  Organization,
  Priority,
  Project,
  RequestType,
  Resolution,
  Status,
  User,
} from './model';
import type { EventIssue, EventUser, IssueEvent, IssueEventListener, IssueEventType } from './product-events';
import { STATUS_CATEGORIES } from './status-categories';

/** A plain-method call the double refuses (unknown issue, bad value …). REST handlers answer with Jira's shape. */
export class JsmDoubleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsmDoubleError';
  }
}

export interface JsmDoubleOptions {
  clock?: Clock;
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

export interface CreateRequestInput {
  requestTypeId: string;
  /** The customer the request is for (the reporter). */
  reporter: string;
  summary: string;
  description?: string;
  /** Select field values by field name, case-insensitive: `{ environment: 'Production', product: 'Payroll' }`. */
  fieldValues?: Record<string, string | undefined>;
  /** A Jira priority name; Medium when absent. */
  priority?: string;
  /**
   * What the portal priority picker submitted. It is stored as an issue property keyed by the app id, which is
   * where Jira saves a `portalRequestCreatePropertyPanel` submission.
   */
  contractPriority?: unknown;
  properties?: Record<string, unknown>;
  /** Defaults to every organization the reporter belongs to (the request is shared with them). */
  organizationIds?: string[];
  participants?: string[];
  /** Who raised it (an agent raising on behalf of the customer); the reporter when absent. */
  raisedBy?: string;
}

export interface ActorOption {
  /** The account making the change; the first agent of the project when absent. */
  by?: string;
}

export interface FieldValueOptions extends ActorOption {
  /** Jira's `generateChangelog` flag of the app field value API. */
  generateChangelog?: boolean;
  /** Jira's `generateAppEvents` flag: false suppresses the product event. */
  generateAppEvents?: boolean;
}

const PROPERTY_VALUE_LIMIT = 32_768;
const PROPERTY_KEY_LIMIT = 255;

export class JsmDouble {
  readonly state: DoubleState;
  private clockOverride: number | null = null;
  private readonly listeners = new Set<IssueEventListener>();
  private readonly clock: Clock;

  constructor(options: JsmDoubleOptions = {}, state?: DoubleState) {
    this.clock = options.clock ?? Date.now;
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

  /** Epoch ms now: the injected clock, or the instant fixed by atTime(). */
  now(): number {
    return this.clockOverride ?? this.clock();
  }

  /** Runs `change` as if it happened at `instant` — how the demo seed writes a history spread over past days. */
  atTime<T>(instant: number, change: () => T): T {
    const previous = this.clockOverride;
    this.clockOverride = instant;
    try {
      return change();
    } finally {
      this.clockOverride = previous;
    }
  }

  onEvent(listener: IssueEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toJSON(): DoubleState {
    return structuredClone(this.state);
  }

  static fromJSON(json: unknown, options: Pick<JsmDoubleOptions, 'clock'> = {}): JsmDouble {
    const state = json as DoubleState | null;
    if (state === null || typeof state !== 'object' || state.version !== 1 || !Array.isArray(state.issues)) {
      throw new JsmDoubleError('not a saved JSM double (expected { version: 1, … })');
    }
    return new JsmDouble(options, structuredClone(state));
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

  addProject(project: Omit<Project, 'nextIssueNumber'> & { nextIssueNumber?: number }): Project {
    const stored: Project = { nextIssueNumber: 1, ...project };
    this.state.projects.push(stored);
    return stored;
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
    return this.state.issues.find((issue) => issue.id === idOrKey || issue.key === wanted);
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

  // ---- mutations -------------------------------------------------------------------------------------------------

  createRequest(input: CreateRequestInput): Issue {
    const requestType = this.requestType(input.requestTypeId);
    if (!requestType) throw new JsmDoubleError(`no request type with id ${input.requestTypeId}`);
    const project = this.required(
      this.state.projects.find((p) => p.serviceDeskId === requestType.serviceDeskId),
      `service desk ${requestType.serviceDeskId}`,
    );
    const reporter = this.userOrThrow(input.reporter);
    const raisedBy = input.raisedBy === undefined ? reporter : this.userOrThrow(input.raisedBy);
    const initial = this.required(this.state.statuses.find((s) => s.category === 'new'), 'a status of category new');
    const priority = this.priorityByName(input.priority ?? 'Medium');
    const now = this.now();
    const issue: Issue = {
      id: String(++this.state.counters.issue),
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      issueTypeId: requestType.issueTypeId,
      summary: input.summary,
      description: input.description ?? null,
      statusId: initial.id,
      priorityId: priority.id,
      resolutionId: null,
      resolutionDate: null,
      statusCategoryChangeDate: now,
      created: now,
      updated: now,
      creator: raisedBy.accountId,
      reporter: reporter.accountId,
      assignee: null,
      customFields: {},
      comments: [],
      histories: [],
      properties: {},
    };
    const requestTypeField = this.fieldOfKind('requestType');
    if (requestTypeField) issue.customFields[requestTypeField.id] = requestType.id;
    const organizationsField = this.fieldOfKind('organizations');
    if (organizationsField) {
      const ids = input.organizationIds ?? this.organizationsOf(reporter.accountId).map((o) => o.id);
      for (const id of ids) this.organizationOrThrow(id);
      issue.customFields[organizationsField.id] = ids;
    }
    const participantsField = this.fieldOfKind('participants');
    if (participantsField) {
      for (const id of input.participants ?? []) this.userOrThrow(id);
      issue.customFields[participantsField.id] = [...(input.participants ?? [])];
    }
    for (const [name, value] of Object.entries(input.fieldValues ?? {})) {
      if (value === undefined) continue;
      const field = this.customField(name);
      if (!field || field.kind !== 'select') throw new JsmDoubleError(`no select field named ${name}`);
      issue.customFields[field.id] = this.optionOrThrow(field, value).id;
    }
    for (const [key, value] of Object.entries(input.properties ?? {})) issue.properties[key] = checkedProperty(key, value);
    if (input.contractPriority !== undefined) {
      issue.properties[this.state.site.appId] = checkedProperty(this.state.site.appId, input.contractPriority);
    }
    this.state.issues.push(issue);
    this.emit('avi:jira:created:issue', issue, raisedBy.accountId);
    return issue;
  }

  addComment(idOrKey: string, comment: { author: string; body: string | object; public: boolean }): Comment {
    const issue = this.issueOrThrow(idOrKey);
    const author = this.userOrThrow(comment.author);
    const agent = author.accountType === 'app' || this.isAgent(author.accountId, this.projectOf(issue));
    if (!agent && !comment.public) throw new JsmDoubleError('customers can only add public comments');
    const now = this.now();
    const stored: Comment = {
      id: String(++this.state.counters.comment),
      author: author.accountId,
      body: typeof comment.body === 'string' ? adfFromText(comment.body) : structuredClone(comment.body),
      created: now,
      updated: now,
      jsdPublic: comment.public,
    };
    issue.comments.push(stored);
    issue.updated = now;
    this.emit('avi:jira:commented:issue', issue, author.accountId, {
      comment: {
        id: stored.id,
        author: { accountId: author.accountId },
        updateAuthor: { accountId: author.accountId },
        body: structuredClone(stored.body),
        created: this.timestamp(stored.created),
        updated: this.timestamp(stored.updated),
        jsdPublic: stored.jsdPublic,
      },
    });
    return stored;
  }

  /**
   * Moves an issue to a status, as a workflow transition does: entering a done-category status sets the resolution
   * (Done unless given) and leaving the done category clears it, all in one changelog history.
   */
  transition(idOrKey: string, toStatusName: string, options: ActorOption & { resolution?: string } = {}): Issue {
    const issue = this.issueOrThrow(idOrKey);
    const from = this.status(issue.statusId);
    const to = this.statusByName(toStatusName);
    if (to.id === from.id) throw new JsmDoubleError(`${issue.key} is already in status ${from.name}`);
    const actor = this.actor(issue, options.by);
    const items: ChangeItem[] = [
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name },
    ];
    const now = this.now();
    if (to.category === 'done' && issue.resolutionId === null) {
      const resolution = this.resolutionByName(options.resolution ?? 'Done');
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: resolution.id, toString: resolution.name });
      issue.resolutionId = resolution.id;
      issue.resolutionDate = now;
    } else if (to.category !== 'done' && issue.resolutionId !== null) {
      const resolution = this.resolution(issue.resolutionId);
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: resolution.id, fromString: resolution.name, to: null, toString: null });
      issue.resolutionId = null;
      issue.resolutionDate = null;
    }
    if (to.category !== from.category) issue.statusCategoryChangeDate = now;
    issue.statusId = to.id;
    this.recordChange(issue, actor, items, {
      associatedStatuses: [{ id: from.id, name: from.name }, { id: to.id, name: to.name }],
    });
    return issue;
  }

  setPriority(idOrKey: string, priorityName: string, options: ActorOption = {}): Issue {
    const issue = this.issueOrThrow(idOrKey);
    const from = this.priority(issue.priorityId);
    const to = this.priorityByName(priorityName);
    if (from.id === to.id) return issue;
    issue.priorityId = to.id;
    this.recordChange(issue, this.actor(issue, options.by), [
      { field: 'priority', fieldtype: 'jira', fieldId: 'priority', from: from.id, fromString: from.name, to: to.id, toString: to.name },
    ]);
    return issue;
  }

  /**
   * Sets a custom field: a select field by option value (null clears), Organizations/Request participants by ids,
   * or an app field by the value the app field value API takes. Only the app may write an app field.
   * An unchanged value records nothing and emits nothing — that is what keeps an app that writes on every
   * `updated` event from looping.
   */
  setFieldValue(idOrKey: string, fieldIdKeyOrName: string, value: unknown, options: FieldValueOptions = {}): Issue {
    const issue = this.issueOrThrow(idOrKey);
    const field = this.customField(fieldIdKeyOrName);
    if (!field) throw new JsmDoubleError(`no custom field ${fieldIdKeyOrName}`);
    const actor = field.kind === 'app' ? this.state.site.appAccountId : this.actor(issue, options.by);
    if (field.kind === 'app' && options.by !== undefined && options.by !== this.state.site.appAccountId) {
      throw new JsmDoubleError(`only the app that owns ${field.name} can update its values`);
    }
    const before = issue.customFields[field.id] ?? null;
    const after = this.storedValue(field, value);
    if (JSON.stringify(before) === JSON.stringify(after)) return issue;
    issue.customFields[field.id] = after;
    const from = this.changeText(field, before);
    const to = this.changeText(field, after);
    const item: ChangeItem = {
      field: field.name,
      fieldtype: 'custom',
      fieldId: field.id,
      from: from.raw,
      fromString: from.shown,
      to: to.raw,
      toString: to.shown,
    };
    this.recordChange(issue, actor, [item], {
      history: options.generateChangelog !== false,
      event: options.generateAppEvents !== false,
    });
    return issue;
  }

  /** Issue properties are not fields: Jira neither records them in the changelog nor emits an issue event. */
  setProperty(idOrKey: string, propertyKey: string, value: unknown): 'created' | 'updated' {
    const issue = this.issueOrThrow(idOrKey);
    const existed = Object.prototype.hasOwnProperty.call(issue.properties, propertyKey);
    issue.properties[propertyKey] = checkedProperty(propertyKey, value);
    return existed ? 'updated' : 'created';
  }

  deleteProperty(idOrKey: string, propertyKey: string): boolean {
    const issue = this.issueOrThrow(idOrKey);
    if (!Object.prototype.hasOwnProperty.call(issue.properties, propertyKey)) return false;
    delete issue.properties[propertyKey];
    return true;
  }

  deleteIssue(idOrKey: string, options: ActorOption = {}): void {
    const issue = this.issueOrThrow(idOrKey);
    const actor = this.actor(issue, options.by);
    this.state.issues = this.state.issues.filter((i) => i.id !== issue.id);
    this.emit('avi:jira:deleted:issue', issue, actor);
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

  private required<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new JsmDoubleError(`the JSM double has no ${what}`);
    return value;
  }

  private organizationOrThrow(id: string): Organization {
    return this.required(this.state.organizations.find((o) => o.id === id), `organization ${id}`);
  }

  private optionOrThrow(field: Extract<CustomField, { kind: 'select' }>, value: string) {
    const lower = value.toLowerCase();
    return this.required(
      field.options.find((o) => o.value.toLowerCase() === lower || o.id === value),
      `option ${value} of ${field.name}`,
    );
  }

  private actor(issue: Issue, by: string | undefined): string {
    if (by !== undefined) return this.userOrThrow(by).accountId;
    const project = this.projectOf(issue);
    return this.required(project.agents[0] ?? project.administrators[0], `agent in project ${project.key}`);
  }

  private storedValue(field: CustomField, value: unknown): unknown {
    if (value === null || value === undefined) return field.kind === 'organizations' || field.kind === 'participants' ? [] : null;
    switch (field.kind) {
      case 'select':
        return this.optionOrThrow(field, String(value)).id;
      case 'organizations':
        if (!Array.isArray(value)) throw new JsmDoubleError(`${field.name} takes a list of organization ids`);
        return value.map((id) => this.organizationOrThrow(String(id)).id);
      case 'participants':
        if (!Array.isArray(value)) throw new JsmDoubleError(`${field.name} takes a list of account ids`);
        return value.map((id) => this.userOrThrow(String(id)).accountId);
      case 'requestType': {
        const requestType = this.requestType(String(value));
        if (!requestType) throw new JsmDoubleError(`no request type with id ${String(value)}`);
        return requestType.id;
      }
      case 'app':
        return appFieldValue(field.type, field.name, value);
    }
  }

  /** `from`/`fromString` (or `to`/`toString`) of a changelog item for a stored custom field value. */
  private changeText(field: CustomField, stored: unknown): { raw: string | null; shown: string | null } {
    const text = (raw: string | null, shown: string | null) => ({ raw, shown });
    if (stored === null || (Array.isArray(stored) && stored.length === 0)) return text(null, null);
    switch (field.kind) {
      case 'select': {
        const option = field.options.find((o) => o.id === stored);
        return text(String(stored), option?.value ?? null);
      }
      case 'organizations': {
        const ids = stored as string[];
        const names = ids.map((id) => this.state.organizations.find((o) => o.id === id)?.name ?? id);
        return text(ids.join(', '), names.join(', '));
      }
      case 'participants': {
        const ids = stored as string[];
        return text(ids.join(', '), ids.map((id) => this.user(id)?.displayName ?? id).join(', '));
      }
      case 'requestType':
        return text(String(stored), this.requestType(String(stored))?.name ?? null);
      case 'app': {
        const shown =
          field.type === 'datetime' && typeof stored === 'number'
            ? this.timestamp(stored)
            : typeof stored === 'string' || typeof stored === 'number'
              ? String(stored)
              : JSON.stringify(stored);
        return text(shown, shown);
      }
    }
  }

  private recordChange(
    issue: Issue,
    actor: string,
    items: ChangeItem[],
    extra: { associatedStatuses?: Array<{ id: string; name: string }>; history?: boolean; event?: boolean } = {},
  ): void {
    const now = this.now();
    const id = String(++this.state.counters.history);
    if (extra.history !== false) issue.histories.push({ id, author: actor, created: now, items });
    issue.updated = now;
    if (extra.event === false) return;
    this.emit('avi:jira:updated:issue', issue, actor, {
      changelog: { id, items: structuredClone(items) },
      ...(extra.associatedStatuses ? { associatedStatuses: extra.associatedStatuses } : {}),
    });
  }

  private emit(eventType: IssueEventType, issue: Issue, actor: string, extra: Partial<IssueEvent> = {}): void {
    const event: IssueEvent = {
      eventType,
      issue: this.eventIssue(issue),
      atlassianId: actor,
      selfGenerated: actor === this.state.site.appAccountId,
      associatedUsers: [{ accountId: actor }],
      ...extra,
    };
    for (const listener of [...this.listeners]) listener(structuredClone(event));
  }

  private eventIssue(issue: Issue): EventIssue {
    const project = this.projectOf(issue);
    const status = this.status(issue.statusId);
    const category = STATUS_CATEGORIES[status.category];
    const issueType = this.issueType(issue.issueTypeId);
    const user = (accountId: string): EventUser => ({ accountId });
    return {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: issue.summary,
        issuetype: { id: issueType.id, name: issueType.name },
        project: { id: project.id, key: project.key, name: project.name, projectTypeKey: 'service_desk' },
        status: { id: status.id, name: status.name, statusCategory: { id: category.id, key: category.key, name: category.name } },
        creator: user(issue.creator),
        reporter: user(issue.reporter),
        assignee: issue.assignee === null ? null : user(issue.assignee),
        created: this.timestamp(issue.created),
        updated: this.timestamp(issue.updated),
      },
    };
  }
}

/** Jira's limits on issue properties: a key of at most 255 characters and a JSON value of at most 32768. */
function checkedProperty(key: string, value: unknown): unknown {
  if (key.length === 0 || key.length > PROPERTY_KEY_LIMIT) {
    throw new JsmDoubleError(`The property key must be between 1 and ${PROPERTY_KEY_LIMIT} characters long.`);
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new JsmDoubleError('The property value must be valid JSON.');
  if (json.length > PROPERTY_VALUE_LIMIT) {
    throw new JsmDoubleError(`The property value is too long. The maximum length is ${PROPERTY_VALUE_LIMIT} characters.`);
  }
  return JSON.parse(json) as unknown;
}

/**
 * What the app field value API accepts for each Forge field type (its documentation, "value"): a string, a number,
 * an ISO datetime (milliseconds ignored, stored here as epoch ms), a `yyyy-MM-dd` date, `{ accountId }`,
 * `{ name | groupId }`, or any JSON object.
 */
export function appFieldValue(type: AppFieldType, name: string, value: unknown): unknown {
  const refuse = (expected: string): never => {
    throw new JsmDoubleError(`The value for field ${name} must be ${expected}.`);
  };
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : refuse('a string');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : refuse('a number');
    case 'datetime': {
      const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? refuse('an ISO datetime such as 2023-01-18T12:00:00-03:00') : Math.floor(ms / 1000) * 1000;
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : refuse('a date such as 2023-01-18');
    case 'user':
      return typeof value === 'object' && value !== null && typeof (value as { accountId?: unknown }).accountId === 'string'
        ? { accountId: (value as { accountId: string }).accountId }
        : refuse('an object with an accountId');
    case 'group':
      return typeof value === 'object' && value !== null ? value : refuse('an object with a group name or groupId');
    case 'object':
      return structuredClone(value);
  }
}
