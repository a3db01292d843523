// An issue's Jira/JSM history (issue, changelog, comments) → the spec's timeline (formats.md §2).
// The rules are documented in docs/timeline-mapping.md; each is tested on recorded REST payloads.
import { parseInstant } from '../engine/instant';
import { organizationOwner, siteNamed } from '../engine/site';

/** Whom a JSM organization is: a customer, or one of a customer's sites (§6), whose requests are that site's. */
type OrganizationOwner = NonNullable<ReturnType<typeof organizationOwner>>;
import { priorityIdOf } from './contract-priority';
import type { CommentAuthor, ConfigBundle, StatusCategory, Timeline, TimelineEvent } from '../engine/types';
import type { IssueHistory, JiraChangeItem, JiraComment, JiraUser } from '../adapters/jira/types';

/** Where this site keeps what the timeline needs: custom field ids discovered from GET /rest/api/3/field. */
export interface SiteFields {
  /** JSM "Request Type" (`com.atlassian.servicedesk:vp-origin`). */
  requestType?: string;
  /** JSM "Organizations" (`com.atlassian.servicedesk:sd-customer-organizations`). */
  organizations?: string;
  /** JSM "Request participants" (`com.atlassian.servicedesk:sd-request-participants`). */
  participants?: string;
  /** The site's "Environment" field (select or text). */
  environment?: string;
  /** The site's "Product" field (select or text). */
  product?: string;
  /** A "Site" request field (select or text) naming one of the customer's sites by id or name (§6). */
  site?: string;
  /** The app's "Contract impact" and "Contract urgency" fields: a matrix's answers as `label [id]` (§6). */
  contractImpact?: string;
  contractUrgency?: string;
  /** The app's own read-only "Contract priority" field; holds a priority id of the agreement's model. */
  contractPriority?: string;
}

export interface MappingContext {
  fields: SiteFields;
  /** Status id → category, from GET /rest/api/3/status. */
  statusCategories: ReadonlyMap<string, StatusCategory>;
  bundle: ConfigBundle;
  /** The priority id the customer chose on the portal (the create panel's issue property), if any. */
  portalPriority?: string;
  /** The agreement whose priorities the customer chose from on the portal: its environment is what they were promised. */
  portalAgreement?: string;
  /** The customer's answers on the portal when the agreement's priority model has a matrix (§6): level ids. */
  portalAnswers?: { impact?: string; urgency?: string };
  /**
   * The JSM organizations the reporter belongs to, asked only when the request is shared with no organization: the
   * customer is then the reporter's own (see customerOf).
   */
  reporterOrganizations?: ReadonlyArray<{ id: string }>;
  /** The app's own account: the comments it adds (escalations) are nobody's reply, so they are left out. */
  appAccountId?: string;
}

export class TimelineMappingError extends Error {}

/**
 * The environment a request is measured in, and the request form's own when it says otherwise. One source of truth:
 * the customer chose a priority with the times of one agreement on the portal, and that agreement's environment is
 * what they were promised, so it counts, whatever the form's Environment field said; once an agent changes that
 * field, the change is a correction and the field counts. Without a portal choice the field counts, as always.
 */
export function measuredEnvironment(history: IssueHistory, context: Pick<MappingContext, 'fields' | 'bundle' | 'portalAgreement'>): { environment?: string; form?: string } {
  const field = context.fields.environment;
  const form = field ? optionText(history.issue.fields[field]) : undefined;
  // A made-up agreement id in a submission promises nothing: the form's field counts then.
  const promised = context.portalAgreement ? context.bundle.agreements.find((a) => a.id === context.portalAgreement) : undefined;
  const corrected = field !== undefined && history.histories.some((h) => h.items.some((i) => i.fieldId === field));
  if (!promised || corrected || promised.environment === form) return { environment: form };
  return { environment: promised.environment, ...(form !== undefined ? { form } : {}) };
}

function instant(text: string | undefined, what: string): number {
  const at = text === undefined ? undefined : parseInstant(text);
  if (at === undefined) throw new TimelineMappingError(`${what}: "${text}" is not a Jira timestamp`);
  return at;
}

/** Text of a select (`{ value }`), an option list, a plain string or a number; undefined otherwise. */
function optionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return optionText(value[0]);
  if (value && typeof value === 'object') {
    const record = value as { value?: unknown; name?: unknown };
    if (typeof record.value === 'string') return record.value;
    if (typeof record.name === 'string') return record.name;
  }
  return undefined;
}

function isCategory(key: string | undefined): key is StatusCategory {
  return key === 'new' || key === 'indeterminate' || key === 'done';
}

/** The ids of the JSM organizations a request is shared with (its Organizations field). */
export function sharedOrganizations(value: unknown): string[] {
  const organizations = Array.isArray(value) ? value : [];
  return organizations.flatMap((o) => (o && typeof o === 'object' && (o as { id?: unknown }).id !== undefined ? [String((o as { id: unknown }).id)] : []));
}

/**
 * Whose request it is: the first configured customer among the organizations it is shared with. A request shared
 * with none ("shared with no one", an ordinary JSM choice) belongs to its reporter's customer, when the reporter is a
 * member of exactly one configured customer (of several, none is guessed). Participants never change it: a colleague
 * of another company following a request does not make it theirs.
 */
function customerOf(shared: string[], reporterOrganizations: ReadonlyArray<{ id: string }> | undefined, bundle: ConfigBundle): OrganizationOwner | undefined {
  for (const id of shared) {
    const owner = organizationOwner(bundle, id);
    if (owner) return owner;
  }
  if (shared.length > 0 || !reporterOrganizations) return undefined;
  const candidates = new Map(reporterOrganizations.flatMap((o) => {
    const owner = organizationOwner(bundle, String(o.id));
    return owner ? [[`${owner.customer} ${owner.site ?? ''}`, owner] as const] : [];
  }));
  return candidates.size === 1 ? [...candidates.values()][0] : undefined;
}


/**
 * Customers write as customers: portal-only accounts, the reporter and the request participants.
 * Everyone else (agents, automation, apps) writes as the provider.
 */
function authorRole(author: JiraUser | undefined, customers: ReadonlySet<string>): CommentAuthor {
  if (!author) return 'agent';
  if (author.accountType === 'customer' || customers.has(author.accountId)) return 'customer';
  return 'agent';
}

function participants(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((user) => (user && typeof user === 'object' && typeof (user as JiraUser).accountId === 'string' ? [(user as JiraUser).accountId] : []));
}

interface Stamped {
  at: number;
  order: number;
  event: TimelineEvent;
}

export function timelineFromJira(history: IssueHistory, context: MappingContext): Timeline {
  const { issue } = history;
  const { fields } = context;
  const created = instant(issue.fields.created, `${issue.key} fields.created`);
  const priorityField = fields.contractPriority;

  // Each timestamp is parsed once: long histories have thousands.
  const histories = history.histories
    .map((h) => ({ at: instant(h.created, `${issue.key} changelog ${h.id}`), items: h.items }))
    .sort((a, b) => a.at - b.at);
  const items = histories.flatMap((h) => h.items.map((item) => ({ at: h.at, item })));
  const isPriorityItem = (item: JiraChangeItem): boolean => priorityField !== undefined && (item.fieldId === priorityField || item.field === priorityField);
  // The app's field holds a string: Jira's changelog carries a string field's value in `toString` (`to` is null);
  // the value is the priority's name with its id (contract-priority.ts), and the id is what counts.
  const priorityOf = (item: JiraChangeItem): string | null => {
    const text = item.toString ?? item.to;
    return text === null ? null : priorityIdOf(text);
  };

  // The priority in force at creation: the customer's portal choice; failing that, the first classification
  // an agent gave, which then counts from creation (otherwise goals with priority rows could never start).
  const firstClassification = items.find(({ item }) => isPriorityItem(item) && priorityOf(item) !== null);
  const initialPriority = context.portalPriority ?? (firstClassification ? priorityOf(firstClassification.item) : null) ?? undefined;
  const firstStatusItem = items.find(({ item }) => item.field === 'status');
  const initialStatus = firstStatusItem?.item.fromString ?? issue.fields.status?.name;

  const stamped: Stamped[] = [];
  let order = 0;
  const push = (at: number, event: TimelineEvent): void => {
    stamped.push({ at, order: order++, event });
  };
  const initialCategory = issue.fields.status && firstStatusItem === undefined ? issue.fields.status.statusCategory?.key : undefined;
  push(created, {
    at: created,
    type: 'created',
    ...(initialStatus !== undefined ? { status: initialStatus } : {}),
    ...(isCategory(initialCategory) ? { statusCategory: initialCategory } : {}),
  });

  let priority = initialPriority;
  // The answers in force, starting from the portal's; the app's fields hold `label [id]` as the priority field does.
  const answers: { impact?: string; urgency?: string } = { ...context.portalAnswers };
  const answerOf = (item: JiraChangeItem): { axis: 'impact' | 'urgency'; to: string | null } | undefined => {
    const is = (field: string | undefined): boolean => field !== undefined && (item.fieldId === field || item.field === field);
    const axis = is(fields.contractImpact) ? 'impact' : is(fields.contractUrgency) ? 'urgency' : undefined;
    if (axis === undefined) return undefined;
    const text = item.toString ?? item.to;
    return { axis, to: text === null ? null : priorityIdOf(text) };
  };
  for (const { at, item } of items) {
    if (item.field === 'status') {
      const toCategory = item.to === null ? undefined : context.statusCategories.get(item.to);
      push(at, { at, type: 'status', ...(item.fromString !== null ? { from: item.fromString } : {}), to: item.toString ?? '', ...(toCategory ? { toCategory } : {}) });
    } else if (item.field === 'resolution') {
      push(at, { at, type: 'resolution', to: item.toString });
    } else if (answerOf(item) !== undefined) {
      // An agent's answer to the matrix (impact or urgency): the engine turns it into a priority change (§6).
      const { axis, to } = answerOf(item)!;
      if (to === null || to === answers[axis]) continue;
      push(at, { at, type: axis, ...(answers[axis] !== undefined ? { from: answers[axis] } : {}), to });
      answers[axis] = to;
    } else if (isPriorityItem(item)) {
      // Re-stating the priority in force (the app copying the portal choice into its field) is no change.
      const to = priorityOf(item);
      if (to === null || to === priority) continue;
      push(at, { at, type: 'priority', ...(priority !== undefined ? { from: priority } : {}), to });
      priority = to;
    } else {
      push(at, { at, type: 'field', field: item.field, from: item.fromString, to: item.toString });
    }
  }

  const reporter = issue.fields.reporter?.accountId;
  const customerAccounts = new Set<string>(participants(fields.participants ? issue.fields[fields.participants] : undefined));
  if (reporter) customerAccounts.add(reporter);
  for (const comment of history.comments) {
    if (context.appAccountId !== undefined && comment.author?.accountId === context.appAccountId) continue;
    const at = instant(comment.created, `${issue.key} comment ${comment.id}`);
    push(at, { at, type: 'comment', visibility: visibilityOf(comment), author: authorRole(comment.author, customerAccounts) });
  }

  // Stable by instant: the creation first, then changelog before comments at the same instant, as Jira lists them.
  stamped.sort((a, b) => a.at - b.at || a.order - b.order);
  const optional = (key: string, value: string | undefined): Record<string, string> => (value === undefined ? {} : { [key]: value });
  const owner = fields.organizations ? customerOf(sharedOrganizations(issue.fields[fields.organizations]), context.reporterOrganizations, context.bundle) : undefined;
  return {
    issue: {
      key: issue.key,
      ...optional('requestType', fields.requestType ? requestTypeName(issue.fields[fields.requestType]) : undefined),
      ...optional('customer', owner?.customer),
      // The request's Site field, when it names a site of the customer (or its groups), else the organization's site.
      ...optional('site', (owner && fields.site ? siteNamed(context.bundle, owner.customer, optionText(issue.fields[fields.site])) : undefined) ?? owner?.site),
      ...optional('environment', measuredEnvironment(history, context).environment),
      ...optional('product', fields.product ? optionText(issue.fields[fields.product]) : undefined),
      ...optional('priority', initialPriority),
      ...optional('impact', context.portalAnswers?.impact),
      ...optional('urgency', context.portalAnswers?.urgency),
      created,
    },
    events: stamped.map((s) => s.event),
  };
}

function visibilityOf(comment: JiraComment): 'public' | 'internal' {
  return comment.jsdPublic === false ? 'internal' : 'public';
}

function requestTypeName(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const requestType = (value as { requestType?: { name?: unknown } }).requestType;
    if (requestType && typeof requestType.name === 'string') return requestType.name;
  }
  return undefined;
}
