// Resolvers of the issue panel (agents): the request's obligations and next goal at this moment, and the agents'
// re-classification of its contract priority. Each checks, as the calling user, what they may do on this issue.
import { z } from 'zod';
import { readEventInputs } from '../adapters/storage/issue-store';
import { isKnownZone } from '../engine/zone';
import { answerMatrix } from '../usecases/answer-matrix';
import { reclassifyPriority } from '../usecases/reclassify-priority';
import { recomputeIssue } from '../usecases/recompute-issue';
import { issuePanelView } from '../views/issue-panel';
import { issueOf } from './context';
import type { SurfaceResolvers } from './define';
import { invalid, notConfigured } from './envelope';
import { parsePayload } from './payload';
import { requireOnIssue } from './permissions';

const Zone = z.string().refine(isKnownZone, 'unknown time zone');
const ViewPayload = z.object({ timezone: Zone.optional() }).default({});
const PriorityPayload = z.object({ priority: z.string().min(1), timezone: Zone.optional() });
const AnswersPayload = z.object({ impact: z.string().min(1), urgency: z.string().min(1), timezone: Zone.optional() });

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

  return surface;
}
