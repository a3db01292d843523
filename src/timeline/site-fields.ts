// Finds, once per site, which custom fields hold what the timeline needs (ids differ from site to site).
import type { JiraField } from '../adapters/jira/types';
import type { SiteFields } from './from-jira';

const REQUEST_TYPE = 'com.atlassian.servicedesk:vp-origin';
const ORGANIZATIONS = 'com.atlassian.servicedesk:sd-customer-organizations';
const PARTICIPANTS = 'com.atlassian.servicedesk:sd-request-participants';

/** The manifest key of the app's own "Contract priority" field. */
export const CONTRACT_PRIORITY_FIELD_KEY = 'contract-priority';
/** The manifest keys of the app's "Contract impact" and "Contract urgency" fields (a priority matrix's answers, §6). */
export const CONTRACT_IMPACT_FIELD_KEY = 'contract-impact';
export const CONTRACT_URGENCY_FIELD_KEY = 'contract-urgency';
/** The manifest key of the app's read-only "Next SLA deadline" field. */
export const NEXT_DEADLINE_FIELD_KEY = 'next-sla-deadline';

export interface SiteFieldNames {
  /** Name of the site's environment field; "Environment" unless the admin says otherwise. */
  environment: string;
  product: string;
  /** Name of the request field that names the customer's site (§6); "Site". */
  site: string;
}

export const DEFAULT_FIELD_NAMES: SiteFieldNames = { environment: 'Environment', product: 'Product', site: 'Site' };

/** An app field's extension id ends with `/<module key>` and its key with `__<module key>`. */
function isAppField(field: JiraField, moduleKey: string): boolean {
  return field.schema?.custom?.endsWith(`/${moduleKey}`) === true || field.key?.endsWith(`__${moduleKey}`) === true;
}

export function discoverSiteFields(fields: JiraField[], names: SiteFieldNames = DEFAULT_FIELD_NAMES): SiteFields & { nextDeadline?: string } {
  const bySchema = (custom: string): string | undefined => fields.find((f) => f.schema?.custom === custom)?.id;
  const byName = (name: string): string | undefined => fields.find((f) => f.custom && f.name.trim().toLowerCase() === name.trim().toLowerCase())?.id;
  const found: SiteFields & { nextDeadline?: string } = {};
  const set = (key: keyof typeof found, value: string | undefined): void => {
    if (value !== undefined) found[key] = value;
  };
  set('requestType', bySchema(REQUEST_TYPE));
  set('organizations', bySchema(ORGANIZATIONS));
  set('participants', bySchema(PARTICIPANTS));
  set('environment', byName(names.environment));
  set('product', byName(names.product));
  set('site', byName(names.site));
  set('contractPriority', fields.find((f) => isAppField(f, CONTRACT_PRIORITY_FIELD_KEY))?.id);
  set('contractImpact', fields.find((f) => isAppField(f, CONTRACT_IMPACT_FIELD_KEY))?.id);
  set('contractUrgency', fields.find((f) => isAppField(f, CONTRACT_URGENCY_FIELD_KEY))?.id);
  set('nextDeadline', fields.find((f) => isAppField(f, NEXT_DEADLINE_FIELD_KEY))?.id);
  return found;
}
