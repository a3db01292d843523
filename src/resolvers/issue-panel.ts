// Resolvers of the issue panel (agents): the request's obligations and next goal, recomputed on open.
import { now } from '../clock';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { isKnownZone } from '../engine/zone';
import { JiraClient } from '../jira/client';
import { readIssueRecord } from '../storage/issue-store';
import { recomputeIssue } from '../usecases/recompute-issue';
import { issuePanelView } from '../views/issue-panel';
import { issueOf } from './context';
import { enveloped, notConfigured } from './envelope';
import { parsePayload } from './payload';

const ViewPayload = z.object({ timezone: z.string().refine(isKnownZone, 'unknown time zone').optional() }).default({});

export function defineIssuePanel(resolver: Resolver): Resolver {
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
