// Handing a request over to development (formats.md §9.5), as the agent: a new issue in the agreement's development
// project carrying the request's summary, description, customer, environment, product and the version that
// environment runs — or an existing issue of a software project — linked "relates to", then the request moved to the
// agreement's waiting status. Everything that can be refused is checked before Jira is changed.
import type { DevelopmentIssue, JiraClient } from '../adapters/jira/client';
import { JiraRequestError } from '../adapters/jira/errors';
import { readLink, writeLink } from '../adapters/storage/development-store';
import { releaseLease, takeLease } from '../adapters/storage/lease-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import type { ConfigBundle, DevelopmentTerms } from '../engine/types';
import { environmentsWithProduct, linkWith, releaseWhereReached } from './follow-development';

export type HandOver = { mode: 'create'; summary?: string; description?: string } | { mode: 'link'; key: string };

export type HandOverOutcome = { ok: true } | { ok: false; reason: 'invalid'; problems: Array<{ path: string; message: string }> } | { ok: false; reason: 'refused'; message: string };

const refused = (message: string): HandOverOutcome => ({ ok: false, reason: 'refused', message });
const invalidAt = (path: string, message: string): HandOverOutcome => ({ ok: false, reason: 'invalid', problems: [{ path, message }] });

export interface HandOverContext {
  bundle: ConfigBundle;
  record: IssueRecord;
  terms: DevelopmentTerms;
  agent: string;
  jira: JiraClient;
  now: number;
}

/** The version the request's environment runs now, in words for the development issue. */
async function environmentLine(c: HandOverContext): Promise<string> {
  const { record, bundle } = c;
  const customer = bundle.customers.find((x) => x.id === record.customer);
  const running = record.customer && record.product && record.environment ? (await environmentsWithProduct(bundle, record.customer, record.product)).find((e) => e.environment === record.environment)?.version : undefined;
  return [
    `Customer: ${customer?.name ?? record.customer ?? 'not known'}`,
    `Environment: ${record.environment ?? 'not known'}`,
    `Product: ${record.product ?? 'not known'}${running ? ` ${running} (the version ${record.environment} runs now)` : ''}`,
  ].join('\n');
}

/** How long a hand-over may hold its request: far beyond the few Jira calls it makes, within a resolver's 25 s. */
const HAND_OVER_LEASE_MS = 60_000;

/**
 * Hands the request over, once: a lease on the request keeps two agents (or two clicks) apart, so the second never
 * creates a development issue of its own; it finds the first one's link.
 */
export async function handOver(c: HandOverContext, input: HandOver): Promise<HandOverOutcome> {
  const lease = `hand-over:${c.record.issueId}`;
  const holder = `${c.agent}:${c.now}:${Math.random().toString(36).slice(2, 8)}`;
  if (!(await takeLease(lease, holder, c.now, c.now + HAND_OVER_LEASE_MS))) return refused(`${c.record.issueKey} is being handed over by someone else right now`);
  try {
    return await handOverHeld(c, input);
  } finally {
    await releaseLease(lease, holder);
  }
}

async function handOverHeld(c: HandOverContext, input: HandOver): Promise<HandOverOutcome> {
  const { record, terms, jira } = c;
  const existing = await readLink(record.issueId);
  if (existing) return refused(`${record.issueKey} was handed over to ${existing.devKey} already`);
  const statusNow = record.status ?? '';
  const transition = statusNow.toLowerCase() === terms.waitingStatus.toLowerCase() ? undefined : (await jira.transitions(record.issueKey, 'user')).find((t) => t.to.name.toLowerCase() === terms.waitingStatus.toLowerCase());
  if (statusNow.toLowerCase() !== terms.waitingStatus.toLowerCase() && !transition) {
    return refused(`${record.issueKey} cannot move from "${statusNow}" to "${terms.waitingStatus}" (the agreement's waiting status): no transition of its workflow leads there for you`);
  }

  let dev: DevelopmentIssue | undefined;
  if (input.mode === 'link') {
    const key = input.key.trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(key)) return invalidAt('key', `"${input.key}" is not an issue key such as ${terms.project}-12`);
    dev = await jira.developmentIssue(key, 'user');
    if (!dev) return invalidAt('key', `${key} does not exist or you cannot see it`);
    if (dev.projectType === 'service_desk') return invalidAt('key', `${key} is a service request, not a development issue: link an issue of a software project such as ${terms.project}`);
  } else {
    const summary = (input.summary ?? record.summary ?? '').trim();
    if (summary === '') return invalidAt('summary', 'a summary is required');
    if (summary.length > 255) return invalidAt('summary', `the summary has ${summary.length} characters; Jira takes at most 255`);
    const project = await jira.project(terms.project);
    if (!project) return refused(`the development project ${terms.project} of the agreement does not exist: a Jira administrator corrects the agreement's development terms`);
    if (!(await jira.userHolds('CREATE_ISSUES', { projectKey: project.key }))) return refused(`You cannot create issues in ${project.key} (${project.name})`);
    const types = project.issueTypes.filter((t) => !t.subtask);
    const type = types.find((t) => t.name === 'Bug') ?? types[0];
    if (!type) return refused(`${project.key} offers no issue type to create`);
    const description = [input.description?.trim() || `Handed over from ${record.issueKey}.`, await environmentLine(c), `Service request: ${record.issueKey}`].join('\n\n');
    try {
      const created = await jira.createIssueAsUser({ projectKey: project.key, issueTypeId: type.id, summary, description });
      dev = await jira.developmentIssue(created.key, 'app');
    } catch (error) {
      if (error instanceof JiraRequestError && error.status === 400) return invalidAt('summary', `Jira refused the issue: ${error.messages.join('; ')}`);
      throw error;
    }
    if (!dev) throw new Error(`the development issue created for ${record.issueKey} cannot be read back`);
  }

  await jira.linkAsUser(record.issueKey, dev.key);
  if (transition) await jira.transition(record.issueKey, transition.id, 'user');
  const link = linkWith(
    {
      issueId: record.issueId,
      issueKey: record.issueKey,
      projectKey: record.projectKey,
      ...(record.customer ? { customer: record.customer } : {}),
      ...(record.environment ? { environment: record.environment } : {}),
      ...(record.product ? { product: record.product } : {}),
      ...(record.agreement ? { agreement: record.agreement } : {}),
      devKey: dev.key,
      devId: dev.id,
      devProject: dev.projectKey,
      devSummary: dev.summary,
      devStatus: dev.status,
      devCategory: dev.category,
      fixVersions: [],
      stage: 'handed-over',
      notices: [],
      handedOverAt: c.now,
      handedOverBy: c.agent,
      updatedAt: c.now,
    },
    dev,
    c.now,
  );
  const written = await writeLink(link, undefined);
  if (!written) return refused(`${record.issueKey} was handed over by someone else at the same moment`);
  // An existing issue may be finished already, its fix running on the customer's environment.
  if (written.waiting !== undefined) await releaseWhereReached([written]);
  return { ok: true };
}
