// An in-process, stateful stand-in for one Jira Cloud site with Jira Service Management. On top of the site's
// catalogue it keeps time (an injected clock) and changes issues the way Jira does: every change of a field is
// recorded as a changelog history, and every change emits the Forge product event a trigger would receive. REST is
// a separate layer (rest/router.ts), so these plain methods can drive the sandbox's control strip and tests directly.
import { adfFromText } from './adf';
import { JsmDoubleError } from './errors';
import { appFieldValue, checkedProperty } from './field-values';
import type { Clock } from './jira-time';
import { DateTime } from 'luxon';
import type { AppFieldType, Attachment, ChangeItem, Comment, CustomField, DoubleState, Issue, IssueLink, Project, ProjectVersion, SentNotification, Status, TemporaryAttachment } from './model';
import { eventIssue, versionBean, type IssueEvent, type IssueEventListener, type IssueEventType, type VersionEvent, type VersionEventListener, type VersionEventType } from './product-events';
import { SiteCatalogue, type SiteOptions } from './site-catalogue';

export { JsmDoubleError } from './errors';
export { appFieldValue } from './field-values';
export type { Caller } from './site-catalogue';

export interface JsmDoubleOptions extends SiteOptions {
  clock?: Clock;
}

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
  /** Who watches it from the start (account ids). */
  watchers?: string[];
}

/** What POST /rest/api/3/issue/{key}/notify asks for: the recipient lists as Jira takes them. */
export interface NotifyInput {
  subject?: string;
  textBody?: string;
  htmlBody?: string;
  to: { reporter?: boolean; assignee?: boolean; watchers?: boolean; voters?: boolean; users?: string[]; groups?: string[] };
  /** `restrict`: only people who pass this (members of the restricting groups, holders of its permissions) are mailed. */
  restrictTo?: (accountId: string) => boolean;
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

export class JsmDouble extends SiteCatalogue {
  private clockOverride: number | null = null;
  private readonly listeners = new Set<IssueEventListener>();
  private readonly versionListeners = new Set<VersionEventListener>();
  private readonly clock: Clock;

  constructor(options: JsmDoubleOptions = {}, state?: DoubleState) {
    super(options, state);
    this.clock = options.clock ?? Date.now;
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

  /** Project version events (avi:jira:released:version, …): a listener apart, as they carry no issue. */
  onVersionEvent(listener: VersionEventListener): () => void {
    this.versionListeners.add(listener);
    return () => this.versionListeners.delete(listener);
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
    const initial = this.required(this.workflowOf(project).find((s) => s.category === 'new'), `a status of category new in ${project.key}'s workflow`);
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
    if (input.watchers && input.watchers.length > 0) issue.watchers = [...new Set(input.watchers.map((id) => this.userOrThrow(id).accountId))];
    if (input.contractPriority !== undefined) {
      issue.properties[this.state.site.appId] = checkedProperty(this.state.site.appId, input.contractPriority);
    }
    this.state.issues.push(issue);
    this.emit('avi:jira:created:issue', issue, raisedBy.accountId);
    return issue;
  }

  /**
   * An issue raised in a project that is not a service project (a software team's bug, say): no request type, no
   * organizations, none of JSM's fields. The app must never track it.
   */
  createIssue(input: { projectKey: string; issueTypeId: string; summary: string; reporter: string; description?: string; fixVersions?: string[] }): Issue {
    const project = this.required(this.state.projects.find((p) => p.key === input.projectKey), `project ${input.projectKey}`);
    if ((project.projectTypeKey ?? 'service_desk') === 'service_desk') throw new JsmDoubleError(`${project.key} is a service project: raise a request there (createRequest)`);
    this.issueType(input.issueTypeId);
    const reporter = this.userOrThrow(input.reporter);
    const fixVersionIds = (input.fixVersions ?? []).map((name) => this.versionOrThrow(project, name).id);
    const initial = this.required(this.workflowOf(project).find((s) => s.category === 'new'), `a status of category new in ${project.key}'s workflow`);
    const now = this.now();
    const issue: Issue = {
      id: String(++this.state.counters.issue),
      key: `${project.key}-${project.nextIssueNumber++}`,
      projectId: project.id,
      issueTypeId: input.issueTypeId,
      summary: input.summary,
      description: input.description ?? null,
      statusId: initial.id,
      priorityId: this.priorityByName('Medium').id,
      resolutionId: null,
      resolutionDate: null,
      statusCategoryChangeDate: now,
      created: now,
      updated: now,
      creator: reporter.accountId,
      reporter: reporter.accountId,
      assignee: null,
      customFields: {},
      comments: [],
      histories: [],
      properties: {},
      ...(fixVersionIds.length > 0 ? { fixVersionIds } : {}),
    };
    this.state.issues.push(issue);
    this.emit('avi:jira:created:issue', issue, reporter.accountId);
    return issue;
  }

  addComment(idOrKey: string, comment: { author: string; body: string | object; public: boolean; properties?: Record<string, unknown> }): Comment {
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
      ...(comment.properties && Object.keys(comment.properties).length > 0 ? { properties: structuredClone(comment.properties) } : {}),
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

  /** Keeps an uploaded file for the service desk until its uploader attaches it to a request. */
  addTemporaryAttachment(serviceDeskId: string, file: { filename: string; mimeType: string; bytes: Uint8Array }, uploadedBy: string): TemporaryAttachment {
    if (!this.state.projects.some((p) => p.serviceDeskId === serviceDeskId)) throw new JsmDoubleError(`no service desk ${serviceDeskId}`);
    const n = (this.state.counters.attachment = (this.state.counters.attachment ?? 10000) + 1);
    const temporary: TemporaryAttachment = {
      id: `temp${n}`,
      serviceDeskId,
      filename: file.filename,
      mimeType: file.mimeType,
      uploadedBy,
      created: this.now(),
      content: Buffer.from(file.bytes).toString('base64'),
    };
    (this.state.temporaryAttachments ??= []).push(temporary);
    return temporary;
  }

  /**
   * Attaches uploaded files to a request with a comment that shows them, as JSM's "add attachment" does: one comment
   * (public or internal with the files), the files on the issue, and the change in its history.
   */
  attachToRequest(idOrKey: string, input: { temporaryIds: string[]; public: boolean; comment?: string; by: string }): { comment: Comment; attachments: Attachment[] } {
    const issue = this.issueOrThrow(idOrKey);
    const project = this.projectOf(issue);
    const pending = this.state.temporaryAttachments ?? [];
    const files = input.temporaryIds.map((id) => {
      const found = pending.find((t) => t.id === id && t.serviceDeskId === project.serviceDeskId && t.uploadedBy === input.by);
      if (!found) throw new JsmDoubleError(`no temporary attachment ${id} uploaded by this user to service desk ${project.serviceDeskId}`);
      return found;
    });
    const author = input.by === 'app' ? this.state.site.appAccountId : input.by;
    const now = this.now();
    const attachments = files.map((file): Attachment => ({
      id: String((this.state.counters.attachment = (this.state.counters.attachment ?? 10000) + 1)),
      filename: file.filename,
      mimeType: file.mimeType,
      size: Buffer.from(file.content, 'base64').length,
      author,
      created: now,
      public: input.public,
      content: file.content,
    }));
    this.state.temporaryAttachments = pending.filter((t) => !files.includes(t));
    (issue.attachments ??= []).push(...attachments);
    const text = [input.comment?.trim(), ...attachments.map((a) => `[^${a.filename}]`)].filter(Boolean).join(' ');
    const comment = this.addComment(issue.key, { author, body: text, public: input.public });
    comment.attachmentIds = attachments.map((a) => a.id);
    this.recordChange(
      issue,
      author,
      attachments.map((a) => ({ field: 'Attachment', fieldtype: 'jira' as const, fieldId: 'attachment', from: null, fromString: null, to: a.id, toString: a.filename })),
    );
    return { comment, attachments };
  }

  /** An attachment and the issue it is on. */
  attachment(id: string): { issue: Issue; attachment: Attachment } | undefined {
    for (const issue of this.state.issues) {
      const attachment = issue.attachments?.find((a) => a.id === id);
      if (attachment) return { issue, attachment };
    }
    return undefined;
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
    const project = this.projectOf(issue);
    if (!this.workflowOf(project).some((s) => s.id === to.id)) throw new JsmDoubleError(`${project.key}'s workflow has no status ${to.name}`);
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

  /** Assigns the issue (null: unassigned), as the assignee field's edit does: a changelog history and an updated event. */
  assign(idOrKey: string, accountId: string | null, options: ActorOption = {}): Issue {
    const issue = this.issueOrThrow(idOrKey);
    const to = accountId === null ? null : this.userOrThrow(accountId);
    if ((to?.accountId ?? null) === issue.assignee) return issue;
    const from = issue.assignee === null ? null : this.user(issue.assignee);
    issue.assignee = to?.accountId ?? null;
    this.recordChange(issue, this.actor(issue, options.by), [
      { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: from?.accountId ?? null, fromString: from?.displayName ?? null, to: to?.accountId ?? null, toString: to?.displayName ?? null },
    ]);
    return issue;
  }

  /** Someone starts watching the issue (Jira neither records it in the changelog nor emits an issue event). */
  addWatcher(idOrKey: string, accountId: string): void {
    const issue = this.issueOrThrow(idOrKey);
    const user = this.userOrThrow(accountId);
    issue.watchers = [...new Set([...(issue.watchers ?? []), user.accountId])];
  }

  /**
   * Jira's notification e-mail for an issue: resolves who it goes to (each person once) and records it, as the mail
   * queue would send it. Refuses what Jira refuses: an unassigned issue's assignee, an unknown user or group, the
   * caller as a recipient, nothing to say.
   */
  notify(idOrKey: string, input: NotifyInput, by: string): SentNotification {
    const issue = this.issueOrThrow(idOrKey);
    if (!input.textBody && !input.htmlBody) throw new JsmDoubleError('The notification needs a textBody or an htmlBody.');
    const recipients = new Map<string, string>();
    const add = (accountId: string, why: string): void => {
      if (!recipients.has(accountId)) recipients.set(accountId, why);
    };
    if (input.to.reporter) add(issue.reporter, 'reporter');
    if (input.to.assignee) {
      if (issue.assignee === null) throw new JsmDoubleError('The recipient is invalid: the issue has no assignee.');
      add(issue.assignee, 'assignee');
    }
    if (input.to.watchers) for (const watcher of issue.watchers ?? []) add(watcher, 'watcher');
    for (const accountId of input.to.users ?? []) {
      if (!this.user(accountId)) throw new JsmDoubleError(`The recipient is invalid: no user with account id ${accountId}.`);
      add(accountId, 'user');
    }
    for (const name of input.to.groups ?? []) {
      const group = this.group(name);
      if (!group) throw new JsmDoubleError(`The recipient is invalid: no group named ${name}.`);
      for (const member of group.members) add(member, `group ${name}`);
    }
    if (by !== this.state.site.appAccountId && recipients.has(by)) throw new JsmDoubleError('The recipient is the same as the calling user.');
    if (input.restrictTo) for (const accountId of [...recipients.keys()]) if (!input.restrictTo(accountId)) recipients.delete(accountId);
    const sent: SentNotification = {
      id: String((this.state.notifications?.length ?? 0) + 1),
      issueId: issue.id,
      issueKey: issue.key,
      at: this.now(),
      by,
      subject: input.subject ?? `${issue.key}: ${issue.summary}`,
      textBody: input.textBody ?? '',
      htmlBody: input.htmlBody ?? '',
      recipients: [...recipients].map(([accountId, why]) => {
        const user = this.userOrThrow(accountId);
        return { accountId, displayName: user.displayName, emailAddress: user.emailAddress, why };
      }),
    };
    (this.state.notifications ??= []).push(sent);
    return structuredClone(sent);
  }

  /** Every notification recorded so far, oldest first. */
  get notifications(): readonly SentNotification[] {
    return this.state.notifications ?? [];
  }

  // ---- development (a Jira Software project's issues and versions) ----------------------------------------------

  /**
   * Sets an issue's Fix versions to these version names of its project, as the field's edit does: one changelog
   * history whose items are each version removed (`from`) and each added (`to`), under the field "Fix Version".
   */
  setFixVersions(idOrKey: string, names: string[], accountId?: string): Issue {
    const issue = this.issueOrThrow(idOrKey);
    const project = this.projectOf(issue);
    const after = [...new Set(names.map((name) => this.versionOrThrow(project, name).id))];
    const before = issue.fixVersionIds ?? [];
    const item = (from: ProjectVersion | null, to: ProjectVersion | null): ChangeItem => ({
      field: 'Fix Version', fieldtype: 'jira', fieldId: 'fixVersions', from: from?.id ?? null, fromString: from?.name ?? null, to: to?.id ?? null, toString: to?.name ?? null,
    });
    const items = [
      ...before.filter((id) => !after.includes(id)).map((id) => item(this.versionById(id) ?? null, null)),
      ...after.filter((id) => !before.includes(id)).map((id) => item(null, this.versionById(id) ?? null)),
    ];
    if (items.length === 0) return issue;
    issue.fixVersionIds = after;
    this.recordChange(issue, this.actor(issue, accountId), items);
    return issue;
  }

  /** A developer takes the issue: assigned to them, then moved to the workflow's first status of category in progress. */
  startDevelopment(idOrKey: string, accountId: string): Issue {
    const issue = this.issueOrThrow(idOrKey);
    this.assign(issue.key, accountId, { by: accountId });
    return this.transition(issue.key, this.workflowStatus(issue, 'indeterminate').name, { by: accountId });
  }

  /** Development has finished: the issue moves to its workflow's done status (resolution Done). */
  resolveDevelopmentIssue(idOrKey: string, accountId: string): Issue {
    const issue = this.issueOrThrow(idOrKey);
    return this.transition(issue.key, this.workflowStatus(issue, 'done').name, { by: accountId });
  }

  /** Releases a project version (today in the site's zone unless a day is given): avi:jira:released:version. */
  releaseVersion(projectKey: string, name: string, accountId: string, releaseDate?: string): ProjectVersion {
    const project = this.required(this.project(projectKey), `project ${projectKey}`);
    const version = this.versionOrThrow(project, name);
    if (version.released) throw new JsmDoubleError(`${project.key} ${name} is released already`);
    version.released = true;
    version.releaseDate = releaseDate ?? DateTime.fromMillis(this.now(), { zone: this.state.site.timeZone }).toISODate()!;
    this.emitVersion('avi:jira:released:version', version, this.userOrThrow(accountId).accountId);
    return version;
  }

  /** Renames a version: every issue naming it shows the new name, and only avi:jira:updated:version says so. */
  renameVersion(projectKey: string, name: string, newName: string, accountId: string): ProjectVersion {
    const project = this.required(this.project(projectKey), `project ${projectKey}`);
    const version = this.versionOrThrow(project, name);
    if (this.version(project.key, newName)) throw new JsmDoubleError(`${project.key} has a version named ${newName} already`);
    version.name = newName;
    this.emitVersion('avi:jira:updated:version', version, this.userOrThrow(accountId).accountId);
    return version;
  }

  /**
   * Merges a version into another: its issues name the other one instead and it is gone. Jira records no change
   * on those issues and sends no issue event; avi:jira:merged:version (the merged one, and `mergedVersion` the one
   * it went into) is the only sign.
   */
  mergeVersion(projectKey: string, name: string, into: string, accountId: string): ProjectVersion {
    const project = this.required(this.project(projectKey), `project ${projectKey}`);
    const gone = this.versionOrThrow(project, name);
    const kept = this.versionOrThrow(project, into);
    if (gone.id === kept.id) throw new JsmDoubleError('a version cannot be merged into itself');
    for (const issue of this.state.issues) {
      if (!issue.fixVersionIds?.includes(gone.id)) continue;
      issue.fixVersionIds = [...new Set(issue.fixVersionIds.map((id) => (id === gone.id ? kept.id : id)))];
    }
    this.state.versions = (this.state.versions ?? []).filter((v) => v.id !== gone.id);
    this.emitVersion('avi:jira:merged:version', gone, this.userOrThrow(accountId).accountId, kept);
    return kept;
  }

  /** Links two issues (`inward` relates to `outward`); the same link twice is refused, as Jira refuses it. */
  linkIssues(typeName: string, inwardKey: string, outwardKey: string): IssueLink {
    const type = this.required(this.issueLinkType(typeName), `issue link type ${typeName}`);
    const inward = this.issueOrThrow(inwardKey);
    const outward = this.issueOrThrow(outwardKey);
    if (inward.id === outward.id) throw new JsmDoubleError('You cannot link an issue to itself.');
    const links = (this.state.issueLinks ??= []);
    if (links.some((l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id)) {
      throw new JsmDoubleError(`${inward.key} already ${type.inward} ${outward.key}.`);
    }
    this.state.counters.link ??= 10300;
    const link: IssueLink = { id: String(++this.state.counters.link), typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id };
    links.push(link);
    return link;
  }

  /** The links of an issue, either way. */
  linksOf(issue: Issue): IssueLink[] {
    return (this.state.issueLinks ?? []).filter((l) => l.inwardIssueId === issue.id || l.outwardIssueId === issue.id);
  }

  /** The statuses an issue can move to now: every other status of its project's workflow. */
  transitionsOf(issue: Issue): Status[] {
    return this.workflowOf(this.projectOf(issue)).filter((s) => s.id !== issue.statusId);
  }

  deleteIssue(idOrKey: string, options: ActorOption = {}): void {
    const issue = this.issueOrThrow(idOrKey);
    const actor = this.actor(issue, options.by);
    this.state.issues = this.state.issues.filter((i) => i.id !== issue.id);
    this.emit('avi:jira:deleted:issue', issue, actor);
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private versionOrThrow(project: Project, name: string): ProjectVersion {
    return this.required(this.version(project.key, name), `version ${name} in ${project.key}`);
  }

  /** The first status of a category in the issue's project workflow. */
  private workflowStatus(issue: Issue, category: Status['category']): Status {
    const project = this.projectOf(issue);
    return this.required(this.workflowOf(project).find((s) => s.category === category), `a status of category ${category} in ${project.key}'s workflow`);
  }

  private emitVersion(eventType: VersionEventType, version: ProjectVersion, actor: string, merged?: ProjectVersion): void {
    const event: VersionEvent = {
      eventType,
      selfGenerated: actor === this.state.site.appAccountId,
      version: versionBean(this, version),
      ...(merged ? { mergedVersion: versionBean(this, merged) } : {}),
      atlassianId: actor,
    };
    for (const listener of [...this.versionListeners]) listener(structuredClone(event));
  }

  /** Who made a change: the given account, else the project's first agent (the control strip's default). */
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
      case 'app':
        return this.appChangeText(field.type, stored);
    }
  }

  /**
   * How Jira records an app field's change. A string value goes in fromString/toString with from/to null, as Jira
   * writes text fields (the recorded `summary` item of test/timeline/fixtures/sup-17-issue.json has that shape). A
   * datetime keeps the instant in from/to, in REST's format, and a display form in fromString/toString: nothing
   * documents this shape, so the two are made to differ and an app cannot take the display string for the instant.
   */
  private appChangeText(type: AppFieldType, stored: unknown): { raw: string | null; shown: string | null } {
    switch (type) {
      case 'string':
        return { raw: null, shown: String(stored) };
      case 'datetime': {
        const ms = stored as number;
        return { raw: this.timestamp(ms), shown: DateTime.fromMillis(ms, { zone: this.state.site.timeZone }).toFormat('dd/LLL/yy h:mm a') };
      }
      case 'number':
        return { raw: String(stored), shown: String(stored) };
      default: {
        const text = typeof stored === 'string' ? stored : JSON.stringify(stored);
        return { raw: text, shown: text };
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
      issue: eventIssue(this, issue),
      atlassianId: actor,
      selfGenerated: actor === this.state.site.appAccountId,
      associatedUsers: [{ accountId: actor }],
      ...extra,
    };
    for (const listener of [...this.listeners]) listener(structuredClone(event));
  }
}
