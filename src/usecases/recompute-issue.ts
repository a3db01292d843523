// Recompute, don't patch: read the issue's whole history, replay it through the engine, store the result.
// Duplicated, late or out-of-order events therefore all give the same stored result.
import { ISSUE_PROPERTY, PORTAL_CHOICE_PROPERTY } from '../app-identity';
import { selectAgreement } from '../engine/agreement';
import { evaluate } from '../engine/obligations';
import { formatInstant, parseInstant } from '../engine/instant';
import type { ConfigBundle, StatusCategory } from '../engine/types';
import type { JiraClient } from '../adapters/jira/client';
import type { IssueHistory } from '../adapters/jira/types';
import type { StoredConfiguration } from '../adapters/storage/config-store';
import { NO_DEADLINE, NO_RANK, decodeCycles, encodeCycles, keepFrozenCycles, type IssueRecord } from '../adapters/storage/issue-record';
import { readEventInputs, writeIssueRecord } from '../adapters/storage/issue-store';
import { SITE_METADATA_TTL_MS, writeSiteMetadata, type SiteMetadata } from '../adapters/storage/site-store';
import { timelineFromJira } from '../timeline/from-jira';
import { discoverSiteFields } from '../timeline/site-fields';

export interface RecomputeOutcome {
  issueId: string;
  /** What happened: stored a new result, found it unchanged, skipped (and why). */
  result: 'stored' | 'unchanged' | 'newer-stored' | 'no-configuration';
  record?: IssueRecord;
  /** The configuration it was computed with. */
  configuration?: StoredConfiguration;
}

/** The part of the record Jira sees (entity property and field); Jira is written only when this changes. */
export interface JiraView {
  nextDeadline: string | null;
  breached: 'yes' | 'no';
  rank: number;
  nextGoal: string | null;
  agreement: string | null;
}

export async function refreshSiteMetadata(jira: JiraClient, now: number): Promise<SiteMetadata> {
  const [fields, statuses] = await Promise.all([jira.listFields(), jira.listStatuses()]);
  const statusCategories: Record<string, StatusCategory> = {};
  for (const status of statuses) {
    const key = status.statusCategory.key;
    if (key === 'new' || key === 'indeterminate' || key === 'done') statusCategories[status.id] = key;
  }
  const site: SiteMetadata = { fields: discoverSiteFields(fields), statusCategories, refreshedAt: now };
  await writeSiteMetadata(site);
  return site;
}

/** Fields the event path reads: the standard ones plus the site's custom fields. */
function fieldsToRead(site: SiteMetadata): string[] {
  const { nextDeadline: _ignored, ...custom } = site.fields;
  return ['summary', 'assignee', 'created', 'updated', 'status', 'resolution', 'reporter', 'project', 'comment', ...Object.values(custom)];
}

function unknownStatus(history: IssueHistory, site: SiteMetadata): boolean {
  return history.histories.some((h) => h.items.some((i) => i.field === 'status' && i.to !== null && !(i.to in site.statusCategories)));
}

/**
 * The priority the customer chose on the portal. JSM stores the create panel's submitted field under the app's
 * property; the value is `{ priority }`, possibly wrapped in the field key it was submitted with.
 */
function portalChoice(history: IssueHistory): string | undefined {
  const find = (value: unknown, depth: number): string | undefined => {
    if (!value || typeof value !== 'object' || depth > 1) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.priority === 'string') return record.priority;
    for (const inner of Object.values(record)) {
      const found = find(inner, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const value = history.issue.properties?.[PORTAL_CHOICE_PROPERTY];
  return typeof value === 'string' ? value : find(value, 0);
}

function rankOf(bundle: ConfigBundle, modelId: string | undefined, priority: string | undefined): number {
  const model = bundle.priorityModels.find((m) => m.id === modelId);
  return model?.priorities.find((p) => p.id === priority)?.rank ?? NO_RANK;
}

export function jiraViewOf(record: IssueRecord | undefined): JiraView {
  if (!record || record.agreement === '') return { nextDeadline: null, breached: 'no', rank: NO_RANK, nextGoal: null, agreement: null };
  return {
    nextDeadline: record.nextDeadline === NO_DEADLINE ? null : formatInstant(record.nextDeadline),
    breached: record.breached ? 'yes' : 'no',
    rank: record.rank,
    nextGoal: record.nextGoal === '' ? null : record.nextGoal,
    agreement: record.agreement,
  };
}

const sameView = (a: JiraView, b: JiraView): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The record without the instant it was computed at: two computations of the same history compare equal. */
function sameRecord(a: IssueRecord | undefined, b: IssueRecord): boolean {
  if (!a) return false;
  return JSON.stringify({ ...a, computedAt: 0 }) === JSON.stringify({ ...b, computedAt: 0 });
}

export function buildRecord(history: IssueHistory, configuration: StoredConfiguration, site: SiteMetadata, previous: IssueRecord | undefined, now: number): IssueRecord {
  const { bundle } = configuration;
  const statusCategories = new Map(Object.entries(site.statusCategories));
  const portalPriority = portalChoice(history);
  const timeline = timelineFromJira(history, { fields: site.fields, statusCategories, bundle, ...(portalPriority ? { portalPriority } : {}) });
  const agreement = selectAgreement(bundle, timeline.issue);
  const evaluation = keepFrozenCycles(evaluate(bundle, timeline, now), previous ? decodeCycles(previous) : undefined);
  const next = evaluation.next;
  // The priority in force now: the last priority event, else the one at creation.
  let priority = timeline.issue.priority;
  for (const event of timeline.events) if (event.type === 'priority' && event.at <= now) priority = event.to;
  const created = timeline.issue.created;
  return {
    issueId: history.issue.id,
    issueKey: history.issue.key,
    projectKey: history.issue.fields.project?.key ?? history.issue.key.split('-')[0] ?? '',
    summary: typeof history.issue.fields.summary === 'string' ? history.issue.fields.summary : '',
    assignee: history.issue.fields.assignee?.accountId ?? '',
    assigneeName: history.issue.fields.assignee?.displayName ?? '',
    agreement: agreement?.id ?? '',
    customer: timeline.issue.customer ?? '',
    requestType: timeline.issue.requestType ?? '',
    environment: timeline.issue.environment ?? '',
    product: timeline.issue.product ?? '',
    createdMonth: new Date(created).toISOString().slice(0, 7),
    created,
    revision: parseInstant(String(history.issue.fields.updated ?? '')) ?? created,
    configVersion: configuration.version,
    computedAt: now,
    nextDeadline: next?.deadline ?? NO_DEADLINE,
    nextGoal: next?.goal ?? '',
    nextCycle: next?.cycle ?? 0,
    breached: evaluation.obligations.some((o) => (o.state === 'running' || o.state === 'paused') && o.breached),
    openState: evaluation.obligations.some((o) => o.state === 'running' || o.state === 'paused') ? 'open' : 'closed',
    rank: rankOf(bundle, agreement?.priorityModel, priority),
    priority: priority ?? '',
    ...encodeCycles(evaluation.obligations, created),
  };
}

/** Recomputes one issue from its full history and stores the result; writes Jira only when what it sees changed. */
export async function recomputeIssue(issueIdOrKey: string, jira: JiraClient, now: number): Promise<RecomputeOutcome> {
  // The stored record is keyed by issue id; a key works too (first read resolves it).
  const inputs = await readEventInputs(issueIdOrKey);
  const configuration = inputs.configuration;
  if (!configuration) return { issueId: issueIdOrKey, result: 'no-configuration' };
  let site = inputs.site;
  if (!site || now - site.refreshedAt > SITE_METADATA_TTL_MS) site = await refreshSiteMetadata(jira, now);
  let history = await jira.readIssueHistory(issueIdOrKey, fieldsToRead(site), [PORTAL_CHOICE_PROPERTY]);
  if (unknownStatus(history, site)) {
    site = await refreshSiteMetadata(jira, now);
    history = await jira.readIssueHistory(issueIdOrKey, fieldsToRead(site), [PORTAL_CHOICE_PROPERTY]);
  }
  const previous = history.issue.id === issueIdOrKey ? inputs.record : (await readEventInputs(history.issue.id)).record;
  const record = buildRecord(history, configuration, site, previous, now);
  if (sameRecord(previous, record)) return { issueId: record.issueId, result: 'unchanged', record: previous, configuration };
  if (!(await writeIssueRecord(record, previous))) return { issueId: record.issueId, result: 'newer-stored', configuration };
  const view = jiraViewOf(record);
  if (!sameView(jiraViewOf(previous), view)) {
    await jira.setIssueProperty(record.issueKey, ISSUE_PROPERTY, view);
    if (site.fields.nextDeadline) await jira.setAppFieldValue(site.fields.nextDeadline, record.issueId, view.nextDeadline);
  }
  return { issueId: record.issueId, result: 'stored', record, configuration };
}
