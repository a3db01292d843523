// Resolvers of the customer portal. A customer sees the agreements of their own organizations when raising a
// request, and the commitments of a request exactly when JSM lets them see that request (reporter, participant,
// or a member of an organization it is shared with) — asked of JSM as the customer, before anything is read.
import type { Request } from '@forge/resolver';
import type { JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { readEventInputs } from '../adapters/storage/issue-store';
import type { ConfigBundle, Site } from '../engine/types';
import { recomputeIssue } from '../usecases/recompute-issue';
import { readLink } from '../adapters/storage/development-store';
import { progressOf } from '../views/development';
import { evaluationAt, obligationViews } from '../views/issue-panel';
import { agreementsOffered, commitmentsOf, customerFacing } from '../views/commitments';
import { organizationOwner } from '../engine/site';
import { accountOf, extensionOf } from './context';
import type { SurfaceResolvers } from './define';
import { forbidden, notConfigured, notFound } from './envelope';

/**
 * Who the calling customer is in the bundle: the customers whose JSM organization (or one of whose sites'
 * organizations, §6) they belong to, each with the site when it is one, in the bundle's order.
 */
export async function callersPlaces(request: Request, jira: JiraClient, bundle: ConfigBundle): Promise<Array<{ customer: string; site: Site | null }>> {
  const organizations = await jira.organizationsOf(accountOf(request));
  const owners = organizations.flatMap((o) => organizationOwner(bundle, String(o.id)) ?? []);
  return bundle.customers.flatMap((c) => {
    const mine = owners.filter((o) => o.customer === c.id);
    if (mine.length === 0) return [];
    // A member of the customer's own organization and of one of its sites is at that site.
    const siteId = mine.find((o) => o.site !== undefined)?.site;
    return [{ customer: c.id, site: c.sites?.find((s) => s.id === siteId) ?? null }];
  });
}

/** The bundle's customers whose JSM organization (or a site's) the calling customer belongs to. */
export async function callersCustomers(request: Request, jira: JiraClient, bundle: ConfigBundle): Promise<string[]> {
  return (await callersPlaces(request, jira, bundle)).map((p) => p.customer);
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
    const places = await callersPlaces(request, jira, bundle);
    const { request: form, portal } = extensionOf(request);
    let requestType: string | undefined;
    if (form?.typeId !== undefined && portal?.id !== undefined) {
      // In JSM a portal's id is its service desk's id.
      const types = await jira.listRequestTypes(String(portal.id));
      requestType = types.find((t) => String(t.id) === String(form.typeId))?.name;
    }
    return {
      requestType: requestType ?? null,
      // A group's agreement is offered to its members that have none of their own for that environment (§6).
      agreements: agreementsOffered(
        bundle,
        places.map((p) => p.customer),
        now,
      ).map(({ agreement, customer }) => commitmentsOf(bundle, agreement, requestType, places.find((p) => p.customer === customer)?.site ?? null)),
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
    const link = await readLink(record.issueId);
    return {
      request: key,
      agreement: agreement ? { id: agreement.id, name: agreement.name ?? agreement.id } : null,
      priority: priority ? { id: priority.id, name: priority.name ?? priority.id } : null,
      obligations,
      // Where development stands, in the customer's words (never the development issue's key or comments).
      progress: link ? progressOf(link) : null,
    };
  });

  return surface;
}
