// Resolvers of the customer portal. A customer sees the agreements of their own organizations when raising a
// request, and the commitments of a request exactly when JSM lets them see that request (reporter, participant,
// or a member of an organization it is shared with) — asked of JSM as the customer, before anything is read.
import type { Request } from '@forge/resolver';
import type { JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { readEventInputs } from '../adapters/storage/issue-store';
import type { ConfigBundle } from '../engine/types';
import { recomputeIssue } from '../usecases/recompute-issue';
import { evaluationAt, obligationViews } from '../views/issue-panel';
import { agreementsInForce, commitmentsOf, customerFacing } from '../views/commitments';
import { accountOf, extensionOf } from './context';
import type { SurfaceResolvers } from './define';
import { forbidden, notConfigured, notFound } from './envelope';

/** The bundle's customers whose JSM organization the calling customer belongs to. */
export async function callersCustomers(request: Request, jira: JiraClient, bundle: ConfigBundle): Promise<string[]> {
  const organizations = await jira.organizationsOf(accountOf(request));
  const ids = new Set(organizations.map((o) => String(o.id)));
  return bundle.customers.filter((c) => c.organizationId !== undefined && ids.has(c.organizationId)).map((c) => c.id);
}

async function configured(): Promise<ConfigBundle> {
  const stored = await currentConfiguration();
  if (!stored) throw notConfigured('Your service provider has not set up Contract SLA yet');
  return stored.bundle;
}

export function definePortal(surface: SurfaceResolvers): SurfaceResolvers {
  const define: SurfaceResolvers['define'] = (key, handler) => surface.define(key, handler);

  define('portal/priorities', async ({ request, jira, now }) => {
    const bundle = await configured();
    const customers = await callersCustomers(request, jira, bundle);
    const { request: form, portal } = extensionOf(request);
    let requestType: string | undefined;
    if (form?.typeId !== undefined && portal?.id !== undefined) {
      // In JSM a portal's id is its service desk's id.
      const types = await jira.listRequestTypes(String(portal.id));
      requestType = types.find((t) => String(t.id) === String(form.typeId))?.name;
    }
    return {
      requestType: requestType ?? null,
      agreements: agreementsInForce(bundle, customers, now).map((a) => commitmentsOf(bundle, a, requestType)),
    };
  });

  define('portal/commitments', async ({ request, jira, now }) => {
    const key = extensionOf(request).request?.key;
    if (!key) throw notFound('This panel belongs on a request');
    const seen = await jira.requestSeenByUser(key);
    if (!seen) throw forbidden('This request is not shared with you');
    const bundle = await configured();
    const record = (await readEventInputs(String(seen.issueId))).record ?? (await recomputeIssue(String(seen.issueId), jira, now)).record;
    if (!record) throw notFound(`No commitments are recorded for ${key} yet`);
    const agreement = bundle.agreements.find((a) => a.id === record.agreement);
    // Internal (OLA) goals and escalations are the provider's business, never shown to customers.
    // Goals in the customer's words where the configuration gives them (customerLabel, §8).
    const label = (goal: string, name: string): string => bundle.goals.find((g) => g.id === goal)?.customerLabel ?? name;
    const obligations = obligationViews(bundle, customerFacing(evaluationAt(bundle, record, now).obligations)).map(({ escalations: _escalations, ...shown }) => ({ ...shown, goalName: label(shown.goal, shown.goalName) }));
    const priority = bundle.priorityModels.find((m) => m.id === agreement?.priorityModel)?.priorities.find((p) => p.id === record.priority);
    return {
      request: key,
      agreement: agreement ? { id: agreement.id, name: agreement.name ?? agreement.id } : null,
      priority: priority ? { id: priority.id, name: priority.name ?? priority.id } : null,
      obligations,
    };
  });

  return surface;
}
