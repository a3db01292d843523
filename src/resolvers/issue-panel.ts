// Resolvers of the issue panel (agents): the request's obligations and next goal at this moment, and the agents'
// re-classification of its contract priority. Each checks, as the calling user, what they may do on this issue.
import { z } from 'zod';
import { readEventInputs } from '../adapters/storage/issue-store';
import { isKnownZone } from '../engine/zone';
import { answerMatrix } from '../usecases/answer-matrix';
import { reclassifyPriority } from '../usecases/reclassify-priority';
import { recomputeIssue } from '../usecases/recompute-issue';
import { issuePanelView } from '../views/issue-panel';
import { readLink } from '../adapters/storage/development-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import type { JiraClient } from '../adapters/jira/client';
import type { ConfigBundle } from '../engine/types';
import { environmentsWithProduct } from '../usecases/follow-development';
import { handOver } from '../usecases/hand-over';
import { developmentPanel } from '../views/development';
import type { DevelopmentPanel } from '../resolver-contract';
import { accountOf, issueOf, siteUrlOf } from './context';
import type { SurfaceResolvers } from './define';
import { forbidden, invalid, notConfigured } from './envelope';
import { parsePayload } from './payload';
import { requireOnIssue } from './permissions';

const Zone = z.string().refine(isKnownZone, 'unknown time zone');
const ViewPayload = z.object({ timezone: Zone.optional() }).default({});
const PriorityPayload = z.object({ priority: z.string().min(1), timezone: Zone.optional() });
const AnswersPayload = z.object({ impact: z.string().min(1), urgency: z.string().min(1), timezone: Zone.optional() });
const HandOverPayload = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('create'), summary: z.string().max(255).optional(), description: z.string().max(20_000).optional(), timezone: Zone.optional() }),
  z.object({ mode: z.literal('link'), key: z.string().min(1, 'an issue key such as PAY-12 is required'), timezone: Zone.optional() }),
]);

/** The request's configuration and record (computed now when the app has not seen the request yet). */
async function requestRecord(issueId: string, jira: JiraClient, now: number): Promise<{ bundle: ConfigBundle; record: IssueRecord }> {
  const stored = await readEventInputs(issueId);
  if (!stored.configuration) throw notConfigured('Contract SLA has no configuration yet: a Jira administrator sets it up on the Contract SLA admin page');
  const record = stored.record ?? (await recomputeIssue(issueId, jira, now)).record;
  if (!record) throw notConfigured('The request has no stored obligations yet; open the panel again in a moment');
  return { bundle: stored.configuration.bundle, record };
}

/** The Development section: terms, environment, and the development issue once handed over. */
async function developmentView(bundle: ConfigBundle, record: IssueRecord, jira: JiraClient, siteUrl: string): Promise<DevelopmentPanel> {
  const link = await readLink(record.issueId);
  const terms = bundle.agreements.find((a) => a.id === record.agreement)?.development;
  const project = terms ? await jira.project(terms.project) : undefined;
  const canHandOver = terms !== undefined && !link && (await jira.userHolds('EDIT_ISSUES', { issueKey: record.issueKey })) && project !== undefined && (await jira.userHolds('CREATE_ISSUES', { projectKey: terms.project }));
  const environments = record.customer && record.product ? await environmentsWithProduct(bundle, record.customer, record.product) : [];
  return developmentPanel({ bundle, record, link, canHandOver, projectName: project?.name ?? null, environments, baseUrl: siteUrl });
}

export function defineIssuePanel(surface: SurfaceResolvers): SurfaceResolvers {
  const define: SurfaceResolvers['define'] = (key, handler) => surface.define(key, handler);

  define('issue/obligations', async ({ request, jira, now }) => {
    const { timezone } = parsePayload(ViewPayload, request.payload);
    // The panel only ever shows the issue it is open on; the payload cannot name another one.
    const issue = issueOf(request);
    await requireOnIssue(jira, issue.key, 'BROWSE_PROJECTS', `You cannot see ${issue.key}`);
    const stored = await readEventInputs(issue.id);
    if (!stored.configuration) {
      throw notConfigured('Contract SLA has no configuration yet: a Jira administrator sets it up on the Contract SLA admin page');
    }
    // The record follows every event; only a request the app has not seen yet is computed here.
    const record = stored.record ?? (await recomputeIssue(issue.id, jira, now)).record;
    if (!record) throw notConfigured('The request has no stored obligations yet; open the panel again in a moment');
    return issuePanelView(stored.configuration.bundle, record, now, timezone ?? 'UTC');
  });

  define('issue/set-priority', async ({ request, jira, now }) => {
    const { priority, timezone } = parsePayload(PriorityPayload, request.payload);
    const issue = issueOf(request);
    await requireOnIssue(jira, issue.key, 'EDIT_ISSUES', `You cannot edit ${issue.key}`);
    const outcome = await reclassifyPriority(issue.id, priority, jira, now);
    if (!outcome.ok && (outcome.reason === 'no-agreement' || outcome.reason === 'not-in-model')) throw invalid([{ path: 'priority', message: outcome.message }], 'payload');
    if (!outcome.ok) throw notConfigured(outcome.message);
    return issuePanelView(outcome.configuration.bundle, outcome.record, now, timezone ?? 'UTC');
  });

  // The matrix's answers (§6): the priority follows from them, kept in the history like any priority change.
  define('issue/set-answers', async ({ request, jira, now }) => {
    const { impact, urgency, timezone } = parsePayload(AnswersPayload, request.payload);
    const issue = issueOf(request);
    await requireOnIssue(jira, issue.key, 'EDIT_ISSUES', `You cannot edit ${issue.key}`);
    const outcome = await answerMatrix(issue.id, { impact, urgency }, jira, now);
    if (!outcome.ok && outcome.reason === 'invalid') throw invalid(outcome.problems, 'payload');
    if (!outcome.ok) throw notConfigured(outcome.message);
    return issuePanelView(outcome.configuration.bundle, outcome.record, now, timezone ?? 'UTC');
  });

  // Development (formats.md §9.5): where the request stands with development, and handing it over.
  define('issue/development', async ({ request, jira, now }) => {
    parsePayload(ViewPayload, request.payload);
    const issue = issueOf(request);
    await requireOnIssue(jira, issue.key, 'BROWSE_PROJECTS', `You cannot see ${issue.key}`);
    const { bundle, record } = await requestRecord(issue.id, jira, now);
    return developmentView(bundle, record, jira, siteUrlOf(request));
  });

  define('issue/development/hand-over', async ({ request, jira, now }) => {
    const payload = parsePayload(HandOverPayload, request.payload);
    const issue = issueOf(request);
    await requireOnIssue(jira, issue.key, 'EDIT_ISSUES', `You cannot edit ${issue.key}`);
    const { bundle, record } = await requestRecord(issue.id, jira, now);
    const terms = bundle.agreements.find((a) => a.id === record.agreement)?.development;
    if (!terms) throw notConfigured(record.agreement ? `The agreement ${record.agreement} has no development terms: a Jira administrator adds them on the Contract SLA admin page` : 'No agreement measures this request, so it cannot be handed to development');
    const { timezone: _zone, ...input } = payload;
    const outcome = await handOver({ bundle, record, terms, agent: accountOf(request), jira, now }, input);
    if (!outcome.ok && outcome.reason === 'invalid') throw invalid(outcome.problems, 'payload');
    if (!outcome.ok) throw forbidden(outcome.message);
    // The request moved to the waiting status: its clocks are computed again before the panel shows them.
    await recomputeIssue(issue.id, jira, now);
    return developmentView(bundle, record, jira, siteUrlOf(request));
  });

  return surface;
}
