// Resolvers of the issue panel (agents): the request's obligations and next goal, recomputed on open.
import { now } from '../adapters/clock';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { isKnownZone } from '../engine/zone';
import { JiraClient } from '../adapters/jira/client';
import { readIssueRecord } from '../adapters/storage/issue-store';
import { readSiteFields } from '../adapters/storage/site-store';
import { recomputeIssue } from '../usecases/recompute-issue';
import { issuePanelView } from '../views/issue-panel';
import { issueOf, projectKeyOf } from './context';
import { enveloped, forbidden, invalid, notConfigured } from './envelope';
import { parsePayload } from './payload';

const ViewPayload = z.object({ timezone: z.string().refine(isKnownZone, 'unknown time zone').optional() }).default({});

const PriorityPayload = z.object({ priority: z.string().min(1), timezone: z.string().refine(isKnownZone, 'unknown time zone').optional() });

export function defineIssuePanel(resolver: Resolver): Resolver {
  resolver.define(
    'issue/set-priority',
    enveloped(async (request) => {
      const { priority, timezone } = parsePayload(PriorityPayload, request.payload);
      const issue = issueOf(request);
      const jira = new JiraClient();
      const projectKey = projectKeyOf(request);
      if (!(await jira.userHasProjectPermission(projectKey, 'EDIT_ISSUES'))) throw forbidden(`You cannot edit requests of project ${projectKey}`);
      const before = await recomputeIssue(issue.id, jira, now());
      const bundle = before.configuration?.bundle;
      if (!bundle || !before.record) throw notConfigured('Contract SLA has no configuration yet');
      const agreement = bundle.agreements.find((a) => a.id === before.record?.agreement);
      if (!agreement) throw invalid([{ path: 'priority', message: 'no agreement applies to this request, so it has no contract priority' }], 'payload');
      const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
      if (!model?.priorities.some((p) => p.id === priority)) {
        throw invalid([{ path: 'priority', message: `"${priority}" is not a priority of ${model?.name ?? agreement.priorityModel}, the model of ${agreement.name ?? agreement.id}` }], 'payload');
      }
      const field = (await readSiteFields()).contractPriority;
      if (!field) throw notConfigured('The "Contract priority" field of the app is missing on this site; reinstall the app');
      // Written to the app's own field, so the change lands in the changelog and the replay sees it.
      await jira.setAppFieldValue(field, issue.id, priority);
      const at = now();
      const { record, configuration } = await recomputeIssue(issue.id, jira, at);
      return issuePanelView(configuration!.bundle, record!, at, timezone ?? 'UTC');
    }),
  );
  return resolver.define(
    'issue/obligations',
    enveloped(async (request) => {
      const { timezone } = parsePayload(ViewPayload, request.payload);
      // The panel only ever shows the issue it is open on; the payload cannot name another one.
      const issue = issueOf(request);
      const at = now();
      const { record, configuration } = await recomputeIssue(issue.id, new JiraClient(), at);
      if (!configuration) {
        throw notConfigured('Contract SLA has no configuration yet: a project administrator sets it up on the Contract SLA project page');
      }
      // A newer history stored concurrently wins; the panel then shows what is stored.
      const shown = record ?? (await readIssueRecord(issue.id));
      if (!shown) throw notConfigured('The request has no stored obligations yet; open the panel again in a moment');
      return issuePanelView(configuration.bundle, shown, at, timezone ?? 'UTC');
    }),
  );
}
