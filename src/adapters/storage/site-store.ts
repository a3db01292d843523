// What the app learned about the Jira site: which custom fields hold what, and each status's category.
// Read with every event (in the same batch as the configuration) and refreshed when stale or incomplete.
import kvs from '@forge/kvs';
import type { StatusCategory } from '../../engine/types';
import type { SiteFields } from '../../timeline/from-jira';
import { CURRENT, ENTITY } from './entities';
import { stored } from './kvs-retry';

export interface SiteMetadata {
  fields: SiteFields & { nextDeadline?: string };
  /** Status id → category. */
  statusCategories: Record<string, StatusCategory>;
  refreshedAt: number;
  /**
   * The app's own Jira account, learned from the first comment it adds: its comments (escalations) are not replies
   * to the customer, so the timeline leaves them out. Kept across refreshes.
   */
  appAccountId?: string;
}

/** A day: fields and statuses change rarely; an unknown status id also triggers a refresh. */
export const SITE_METADATA_TTL_MS = 24 * 3_600_000;

export async function writeSiteMetadata(site: SiteMetadata): Promise<void> {
  await stored(() => kvs.entity<SiteMetadata>(ENTITY.site).set(CURRENT, site));
}

/** The site's field ids as last discovered (empty before the first event). */
export async function readSiteFields(): Promise<SiteMetadata['fields']> {
  return (await stored(() => kvs.entity<SiteMetadata>(ENTITY.site).get(CURRENT)))?.fields ?? {};
}

/** Remembers the app's own account id (see SiteMetadata.appAccountId), unless it is known already. */
export async function rememberAppAccount(accountId: string): Promise<void> {
  const site = await stored(() => kvs.entity<SiteMetadata>(ENTITY.site).get(CURRENT));
  if (!site || site.appAccountId === accountId) return;
  await stored(() => kvs.entity<SiteMetadata>(ENTITY.site).set(CURRENT, { ...site, appAccountId: accountId }));
}
