// Resolvers of the customer portal. A customer only ever sees their own organization's agreements.
import { now } from '../adapters/clock';
import type Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import type { ConfigBundle } from '../engine/types';
import { JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { recomputeIssue } from '../usecases/recompute-issue';
import { evaluationOf, obligationViews } from '../views/issue-panel';
import { agreementsInForce, offerOf } from '../views/promises';
import { accountOf, extensionOf } from './context';
import { enveloped, forbidden, notConfigured, notFound } from './envelope';

/** The bundle's customers whose JSM organization the calling customer belongs to. */
async function callersCustomers(request: Request, jira: JiraClient, bundle: ConfigBundle): Promise<string[]> {
  const organizations = await jira.organizationsOf(accountOf(request));
  const ids = new Set(organizations.map((o) => String(o.id)));
  return bundle.customers.filter((c) => c.organizationId !== undefined && ids.has(c.organizationId)).map((c) => c.id);
}

async function configured(): Promise<ConfigBundle> {
  const stored = await currentConfiguration();
  if (!stored) throw notConfigured('Your service provider has not set up Contract SLA yet');
  return stored.bundle;
}

export function definePortal(resolver: Resolver): Resolver {
  resolver.define(
    'portal/priorities',
    enveloped(async (request) => {
      const bundle = await configured();
      const jira = new JiraClient();
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
        agreements: agreementsInForce(bundle, customers, now()).map((a) => offerOf(bundle, a, requestType)),
      };
    }),
  );

  resolver.define(
    'portal/commitments',
    enveloped(async (request) => {
      const key = extensionOf(request).request?.key;
      if (!key) throw notFound('This panel belongs on a request');
      const jira = new JiraClient();
      const at = now();
      const { record, configuration } = await recomputeIssue(key, jira, at);
      if (!configuration) throw notConfigured('Your service provider has not set up Contract SLA yet');
      if (!record) throw notFound(`No commitments are recorded for ${key} yet`);
      const customers = await callersCustomers(request, jira, configuration.bundle);
      if (!customers.includes(record.customer)) throw forbidden('This request belongs to another organization');
      const { bundle } = configuration;
      const agreement = bundle.agreements.find((a) => a.id === record.agreement);
      // Internal (OLA) goals are the provider's business, never shown to customers.
      const obligations = obligationViews(bundle, evaluationOf(record).obligations.filter((o) => !o.internal));
      return { request: key, agreement: agreement ? { id: agreement.id, name: agreement.name ?? agreement.id } : null, obligations };
    }),
  );
  return resolver;
}
