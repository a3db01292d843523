// Recompute, don't patch: read the issue's whole history, replay it through the engine, store the result, and make
// Jira show it. Duplicated, late or out-of-order events all give the same stored result, and a failure between any
// two writes is repaired by the next computation (see docs/architecture.md, "Integrity").
import { ISSUE_PROPERTY, PORTAL_CHOICE_PROPERTY, REPORT_REQUEST_PROPERTY } from '../app-identity';
import { JiraRequestError } from '../adapters/jira/errors';
import type { JiraClient } from '../adapters/jira/client';
import type { IssueHistory } from '../adapters/jira/types';
import type { StoredConfiguration } from '../adapters/storage/config-store';
import { NO_DEADLINE, NO_RANK, decodeCycles, encodeCycles, jiraViewOf, keepFrozenCycles, sameView, watchInstant, type IssueRecord } from '../adapters/storage/issue-record';
import { clearFailure, type RecomputeFailure } from '../adapters/storage/failure-store';
import { markDeleted, markShown, readEventInputs, readIssueRecord, writeIssueRecord } from '../adapters/storage/issue-store';
import { SITE_METADATA_TTL_MS, writeSiteMetadata, type SiteMetadata } from '../adapters/storage/site-store';
import { writeRequestMonths } from '../adapters/storage/request-month-store';
import { selectAgreement } from '../engine/agreement';
import { parseInstant } from '../engine/instant';
import { calendarsOf, evaluate } from '../engine/obligations';
import { siteOf } from '../engine/site';
import { applyMatrix, matrixOf, priorityInForce } from '../engine/matrix';
import type { CalendarSet } from '../engine/calendar';
import type { ConfigBundle, Evaluation, StatusCategory, Timeline } from '../engine/types';
import { measuredEnvironment, sharedOrganizations, timelineFromJira } from '../timeline/from-jira';
import { answerText, contractPriorityText, priorityIdOf } from '../timeline/contract-priority';
import { atRiskDueAt, atRiskPercentOf, isAtRisk } from '../engine/at-risk';
import { discoverSiteFields } from '../timeline/site-fields';
import { escalationDuty } from './escalation-duty';
import { computeMonths } from './request-months';

export interface RecomputeOutcome {
  issueId: string;
  /** Stored a new result; found it unchanged; a newer one was stored meanwhile; nothing to do; the issue is gone. */
  result: 'stored' | 'unchanged' | 'newer-stored' | 'no-configuration' | 'deleted';
  record?: IssueRecord;
  /** The configuration it was computed with. */
  configuration?: StoredConfiguration;
  /** Whether the customer's portal choice was found (JSM may save it just after the created event). */
  portalChoiceFound?: boolean;
  /** An earlier failure to compute this request, now over (cleared from the admin's list). */
  clearedFailure?: RecomputeFailure;
}

export async function refreshSiteMetadata(jira: JiraClient, now: number, previous?: SiteMetadata): Promise<SiteMetadata> {
  const [fields, statuses] = await Promise.all([jira.listFields(), jira.listStatuses()]);
  const statusCategories: Record<string, StatusCategory> = {};
  for (const status of statuses) {
    const key = status.statusCategory.key;
    if (key === 'new' || key === 'indeterminate' || key === 'done') statusCategories[status.id] = key;
  }
  const site: SiteMetadata = { fields: discoverSiteFields(fields), statusCategories, refreshedAt: now, ...(previous?.appAccountId ? { appAccountId: previous.appAccountId } : {}) };
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

/** What the customer chose on the portal: a priority, from an agreement, and the matrix's answers when it has one. */
interface PortalChoice {
  priority: string;
  agreement?: string;
  impact?: string;
  urgency?: string;
}

/**
 * The priority the customer chose on the portal. JSM stores the create panel's submitted field under the app's
 * property; the value is `{ priority }`, possibly wrapped in the field key it was submitted with.
 */
function portalChoice(history: IssueHistory): PortalChoice | undefined {
  const find = (value: unknown, depth: number): PortalChoice | undefined => {
    if (!value || typeof value !== 'object' || depth > 1) return undefined;
    const record = value as Record<string, unknown>;
    const text = (key: string): Record<string, string> => (typeof record[key] === 'string' ? { [key]: record[key] as string } : {});
    if (typeof record.priority === 'string') return { priority: record.priority, ...text('agreement'), ...text('impact'), ...text('urgency') };
    for (const inner of Object.values(record)) {
      const found = find(inner, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const value = history.issue.properties?.[PORTAL_CHOICE_PROPERTY];
  return typeof value === 'string' ? { priority: value } : find(value, 0);
}

function rankOf(bundle: ConfigBundle, modelId: string | undefined, priority: string | undefined): number {
  const model = bundle.priorityModels.find((m) => m.id === modelId);
  return model?.priorities.find((p) => p.id === priority)?.rank ?? NO_RANK;
}

/**
 * Orders two histories of one issue: Jira's `updated` in milliseconds, then how many changes and comments carry
 * that very millisecond, so a second change within the same millisecond still counts as newer.
 */
export function historyRevision(history: IssueHistory, created: number): number {
  const updated = parseInstant(String(history.issue.fields.updated ?? '')) ?? created;
  const within = (instant: string): boolean => parseInstant(instant) === updated;
  const same = history.histories.filter((h) => within(h.created)).length + history.comments.filter((c) => within(c.created)).length;
  return updated * 1000 + Math.min(999, same);
}

/** The record without the instant it was computed at: two computations of the same history compare equal. */
function sameResult(a: IssueRecord | undefined, b: IssueRecord): boolean {
  if (!a) return false;
  return JSON.stringify({ ...a, computedAt: 0, shown: undefined }) === JSON.stringify({ ...b, computedAt: 0, shown: undefined });
}

/**
 * The next instant the record changes by itself. A cycle breaches when its elapsed time exceeds the target, so the
 * first instant it is breached is one millisecond of business time after its deadline: at the deadline itself it is
 * not breached yet, and a deadline at the close of the day breaches only when the calendar opens again. Waking at the
 * deadline would find nothing changed and leave the record due, read again by every run until the calendar reopens.
 */
/** See IssueRecord.riskAt: breaches of open cycles first (they are in the past), else what comes due first. */
function riskAtOf(evaluation: Evaluation): number | undefined {
  let earliest: number | undefined;
  const consider = (instant: number | null): void => {
    if (instant !== null && (earliest === undefined || instant < earliest)) earliest = instant;
  };
  for (const o of evaluation.obligations) {
    if (o.state !== 'running' && o.state !== 'paused') continue;
    if (o.breached) consider(o.breachedAt);
    else if (o.state === 'running') {
      consider(o.deadline);
      for (const escalation of o.escalations) consider(escalation.dueAt);
    }
  }
  return earliest;
}

function watchAtOf(evaluation: Evaluation, calendars: CalendarSet, atRiskPercent: number, now: number): number | undefined {
  let earliest: number | undefined;
  const consider = (instant: number | null): void => {
    if (instant !== null && (earliest === undefined || instant < earliest)) earliest = instant;
  };
  for (const o of evaluation.obligations) {
    if (o.state !== 'running') continue;
    if (!o.breached && o.deadline !== null) consider(calendars.has(o.calendar) ? calendars.get(o.calendar).add(o.deadline, 1) : o.deadline + 1);
    for (const escalation of o.escalations) consider(escalation.dueAt);
    // Turning at risk changes what queues read (goalsAtRisk): the watch wakes then too.
    if (calendars.has(o.calendar)) consider(atRiskDueAt(o, atRiskPercent, calendars.get(o.calendar), now));
  }
  return earliest;
}

const optional = <K extends string>(key: K, value: string | undefined | null): Partial<Record<K, string>> =>
  value === undefined || value === null || value.trim() === '' ? {} : ({ [key]: value } as Record<K, string>);

function resolvedAt(timeline: Timeline, now: number): boolean {
  let resolved = false;
  for (const event of timeline.events) if (event.type === 'resolution' && event.at <= now) resolved = event.to !== null;
  return resolved;
}

export function buildRecord(
  history: IssueHistory,
  configuration: StoredConfiguration,
  site: SiteMetadata,
  previous: IssueRecord | undefined,
  now: number,
  reporterOrganizations?: ReadonlyArray<{ id: string }>,
): IssueRecord {
  return computeRecord(history, configuration, site, previous, now, reporterOrganizations).record;
}

/** The record, and the timeline it was computed from (the month entries are summarized from it too). */
export function computeRecord(
  history: IssueHistory,
  configuration: StoredConfiguration,
  site: SiteMetadata,
  previous: IssueRecord | undefined,
  now: number,
  reporterOrganizations?: ReadonlyArray<{ id: string }>,
): { record: IssueRecord; timeline: Timeline; evaluation: Evaluation } {
  const { bundle } = configuration;
  const statusCategories = new Map(Object.entries(site.statusCategories));
  const choice = portalChoice(history);
  const mapped = timelineFromJira(history, {
    fields: site.fields,
    statusCategories,
    bundle,
    ...(site.appAccountId ? { appAccountId: site.appAccountId } : {}),
    ...(choice ? { portalPriority: choice.priority } : {}),
    ...(choice?.agreement ? { portalAgreement: choice.agreement } : {}),
    ...(choice?.impact !== undefined || choice?.urgency !== undefined ? { portalAnswers: { ...(choice.impact ? { impact: choice.impact } : {}), ...(choice.urgency ? { urgency: choice.urgency } : {}) } } : {}),
    ...(reporterOrganizations ? { reporterOrganizations } : {}),
  });
  // A request the app raised to deliver a report is its own letter to the customer: no agreement measures it.
  const letter = history.issue.properties?.[REPORT_REQUEST_PROPERTY] !== undefined;
  const timeline = letter ? { ...mapped, issue: { ...mapped.issue, customer: undefined } } : mapped;
  const agreement = selectAgreement(bundle, timeline.issue);
  const evaluation = keepFrozenCycles(evaluate(bundle, timeline, now), previous ? decodeCycles(previous) : undefined);
  const next = evaluation.next;
  // The priority in force now: the last priority event, else the one at creation.
  // The priority and the matrix's answers in force now, with the priority changes the answers make (§6).
  const inForce = priorityInForce(agreement ? applyMatrix(timeline, matrixOf(bundle, agreement)) : timeline, now);
  const priority = inForce.priority ?? undefined;
  const answers = { impact: inForce.impact ?? undefined, urgency: inForce.urgency ?? undefined };
  const created = timeline.issue.created;
  const projectKey = history.issue.fields.project?.key ?? history.issue.key.split('-')[0] ?? history.issue.key;
  const open = evaluation.obligations.some((o) => o.state === 'running' || o.state === 'paused');
  const resolved = resolvedAt(timeline, now);
  const active = open || !resolved;
  const atRiskPercent = atRiskPercentOf(bundle);
  const clockWatchAt = watchAtOf(evaluation, calendarsOf(bundle), atRiskPercent, now);
  const atRiskGoals = [...new Set(evaluation.obligations.filter((o) => isAtRisk(o, atRiskPercent)).map((o) => o.goal))];
  const riskAt = riskAtOf(evaluation);
  const duty = escalationDuty(evaluation.obligations, previous);
  const watchAt = watchInstant(clockWatchAt, duty.pending);
  const fields = history.issue.fields;
  const record: IssueRecord = {
    issueId: history.issue.id,
    issueKey: history.issue.key,
    projectKey,
    ...optional('summary', typeof fields.summary === 'string' ? fields.summary : undefined),
    ...optional('status', fields.status?.name),
    ...optional('assignee', fields.assignee?.accountId),
    ...optional('assigneeName', fields.assignee?.displayName),
    ...optional('reporter', fields.reporter?.accountId),
    ...optional('agreement', agreement?.id),
    ...optional('customer', timeline.issue.customer),
    ...optional('requestType', timeline.issue.requestType),
    ...optional('environment', timeline.issue.environment),
    ...optional('formEnvironment', measuredEnvironment(history, { fields: site.fields, bundle, ...(choice?.agreement ? { portalAgreement: choice.agreement } : {}) }).form),
    ...optional('product', timeline.issue.product),
    ...optional('site', siteOf(bundle, timeline.issue)?.id),
    // The supplier's cycles stand apart (§6): agents see them, customers never.
    ...(evaluation.supplierObligations && evaluation.supplierObligations.length > 0 ? { supplierCycles: encodeCycles(evaluation.supplierObligations, timeline.issue.created) } : {}),
    ...optional('impact', answers.impact),
    ...optional('urgency', answers.urgency),
    created,
    revision: historyRevision(history, created),
    configVersion: configuration.version,
    computedAt: now,
    nextDeadline: next?.deadline ?? NO_DEADLINE,
    ...optional('nextGoal', next?.goal),
    nextCycle: next?.cycle ?? 0,
    breached: evaluation.obligations.some((o) => (o.state === 'running' || o.state === 'paused') && o.breached),
    ...(letter ? { letter: true as const } : {}),
    openState: open ? 'open' : 'closed',
    resolved,
    ...(active ? { active: 'yes' as const, workList: projectKey } : {}),
    ...(watchAt !== undefined ? { watchAt } : {}),
    ...(clockWatchAt !== undefined ? { clockWatchAt } : {}),
    ...(riskAt !== undefined ? { riskAt } : {}),
    ...(atRiskGoals.length > 0 ? { atRiskGoals } : {}),
    ...(duty.pending.length > 0 ? { pendingEscalations: duty.pending } : {}),
    ...(duty.sent.length > 0 ? { sentEscalations: duty.sent } : {}),
    rank: rankOf(bundle, agreement?.priorityModel, priority),
    ...optional('priority', priority),
    ...(previous?.shown ? { shown: previous.shown } : {}),
    ...encodeCycles(evaluation.obligations, created, previous?.folded),
  };
  return { record, timeline, evaluation };
}

/**
 * Makes Jira show the stored record (issue property, "Next SLA deadline" field), then remembers that it does. When
 * another computation was stored meanwhile, Jira is made to show that one instead: whichever write lands last, Jira
 * ends up showing the newest stored record.
 */
async function showInJira(record: IssueRecord, jira: JiraClient, site: SiteMetadata): Promise<IssueRecord> {
  let current = record;
  for (let round = 0; round < 3; round++) {
    const view = jiraViewOf(current);
    if (round === 0 && sameView(view, current.shown)) return current;
    await jira.setIssueProperty(current.issueKey, ISSUE_PROPERTY, view);
    if (site.fields.nextDeadline) await jira.setAppFieldValue(site.fields.nextDeadline, current.issueId, view.nextDeadline, false);
    if (await markShown(current, view)) return { ...current, shown: view };
    const newer = await readIssueRecord(current.issueId);
    if (!newer) return current;
    current = newer;
  }
  return current;
}

/**
 * Keeps the "Contract priority" field showing the priority in force by name: the customer's portal choice is copied
 * into it (queues, JQL and agents see it), and a bare id written before names were shown gets its name. It never
 * changes which priority the field names: an agent's re-classification racing this computation must stand, so a
 * field naming another priority is left alone (the next computation, reading it, agrees with it).
 */
async function showPriorityInJira(history: IssueHistory, record: IssueRecord, bundle: ConfigBundle, site: SiteMetadata, jira: JiraClient): Promise<boolean> {
  const field = site.fields.contractPriority;
  if (!field || !record.priority || !record.agreement) return false;
  const current = history.issue.fields[field];
  const shown = typeof current === 'string' && current !== '' ? current : undefined;
  if (shown !== undefined && priorityIdOf(shown) !== record.priority) return false;
  const agreement = bundle.agreements.find((a) => a.id === record.agreement);
  const name = bundle.priorityModels.find((m) => m.id === agreement?.priorityModel)?.priorities.find((p) => p.id === record.priority)?.name;
  const wanted = contractPriorityText(record.priority, name);
  if (shown === wanted) return false;
  try {
    await jira.setAppFieldValue(field, record.issueId, wanted, true);
  } catch (error) {
    // Deleted meanwhile: nothing was written, and the storage guard keeps a deleted request's record out.
    if (error instanceof JiraRequestError && error.notFound) return false;
    throw error;
  }
  return true;
}

/**
 * Copies the customer's matrix answers into the "Contract impact" and "Contract urgency" fields while they are empty,
 * so agents and queues see them. Never over an answer already there: an agent's change stands. Re-stating an answer
 * in force is no change to the replay (from-jira.ts), so the copy never moves the priority.
 */
async function showAnswersInJira(history: IssueHistory, record: IssueRecord, bundle: ConfigBundle, site: SiteMetadata, jira: JiraClient): Promise<boolean> {
  const agreement = bundle.agreements.find((a) => a.id === record.agreement);
  const matrix = bundle.priorityModels.find((m) => m.id === agreement?.priorityModel)?.matrix;
  if (!matrix) return false;
  let wrote = false;
  for (const axis of ['impact', 'urgency'] as const) {
    const field = axis === 'impact' ? site.fields.contractImpact : site.fields.contractUrgency;
    const answer = record[axis];
    const current = field ? history.issue.fields[field] : undefined;
    if (!field || answer === undefined || (typeof current === 'string' && current !== '')) continue;
    try {
      await jira.setAppFieldValue(field, record.issueId, answerText(matrix, axis, answer), false);
      wrote = true;
    } catch (error) {
      if (error instanceof JiraRequestError && error.notFound) return false;
      throw error;
    }
  }
  return wrote;
}

/** The reporter's organizations, read only for a request shared with no organization (one more Jira call, then). */
export async function reporterOrganizationsIfUnshared(history: IssueHistory, site: SiteMetadata, jira: JiraClient): Promise<Array<{ id: string }> | undefined> {
  const field = site.fields.organizations;
  const reporter = history.issue.fields.reporter?.accountId;
  if (!field || !reporter || sharedOrganizations(history.issue.fields[field]).length > 0) return undefined;
  return jira.organizationsOf(reporter);
}

export async function readHistory(issueIdOrKey: string, jira: JiraClient, site: SiteMetadata): Promise<IssueHistory | undefined> {
  try {
    return await jira.readIssueHistory(issueIdOrKey, fieldsToRead(site), [PORTAL_CHOICE_PROPERTY, REPORT_REQUEST_PROPERTY]);
  } catch (error) {
    if (error instanceof JiraRequestError && error.notFound) return undefined;
    throw error;
  }
}

/** Recomputes one issue from its full history and stores the result; writes Jira only when what it shows changed. */
export async function recomputeIssue(issueIdOrKey: string, jira: JiraClient, now: number, priorityShown = false): Promise<RecomputeOutcome> {
  // The stored record is keyed by issue id; a key works too (the first read of Jira resolves it).
  const inputs = await readEventInputs(issueIdOrKey);
  const configuration = inputs.configuration;
  if (!configuration) return { issueId: issueIdOrKey, result: 'no-configuration' };
  let site = inputs.site;
  if (!site || now - site.refreshedAt > SITE_METADATA_TTL_MS) site = await refreshSiteMetadata(jira, now, site);
  let history = await readHistory(issueIdOrKey, jira, site);
  if (history && unknownStatus(history, site)) {
    site = await refreshSiteMetadata(jira, now, site);
    history = await readHistory(issueIdOrKey, jira, site);
  }
  if (!history) {
    // Gone from Jira (deleted, or moved out of the app's reach): so is its record, for good.
    if (/^\d+$/.test(issueIdOrKey) || inputs.record) await markDeleted(inputs.record?.issueId ?? issueIdOrKey, now);
    return { issueId: issueIdOrKey, result: 'deleted' };
  }
  // A request that failed before and computes now is no longer a problem to show the admin.
  if (inputs.failure) await clearFailure(inputs.failure.issueId);
  const previous = history.issue.id === issueIdOrKey ? inputs.record : await readIssueRecord(history.issue.id);
  const computed = computeRecord(history, configuration, site, previous, now, await reporterOrganizationsIfUnshared(history, site, jira));
  // The month entries the reports read (request-month), written before the record with the same guard.
  const months = computeMonths({ bundle: configuration.bundle, configVersion: configuration.version, ...computed, previous, now });
  const record: IssueRecord = { ...computed.record, months: months.months };
  const portalChoiceFound = portalChoice(history) !== undefined;
  // Writing the field adds to the history the record is computed from: computed once more from the history as it now
  // is, the stored result is the one every later event finds (a duplicate event then changes nothing).
  if (!priorityShown) {
    const wrote = [await showPriorityInJira(history, record, configuration.bundle, site, jira), await showAnswersInJira(history, record, configuration.bundle, site, jira)];
    if (wrote.some(Boolean)) return recomputeIssue(issueIdOrKey, jira, now, true);
  }
  const cleared = inputs.failure ? { clearedFailure: inputs.failure } : {};
  if (sameResult(previous, record) && sameView(jiraViewOf(previous), previous?.shown)) {
    return { issueId: record.issueId, result: 'unchanged', record: previous, configuration, portalChoiceFound, ...cleared };
  }
  if (!sameResult(previous, record) && !(await writeRequestMonths(months.writes))) {
    return { issueId: record.issueId, result: 'newer-stored', configuration, portalChoiceFound, ...cleared };
  }
  if (!sameResult(previous, record) && !(await writeIssueRecord(record, previous))) {
    return { issueId: record.issueId, result: 'newer-stored', configuration, portalChoiceFound, ...cleared };
  }
  const shown = await showInJira(sameResult(previous, record) ? previous! : record, jira, site);
  return { issueId: record.issueId, result: 'stored', record: shown, configuration, portalChoiceFound, ...cleared };
}
