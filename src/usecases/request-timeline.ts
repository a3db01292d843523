// A real request's history as the engine's timeline, for the admin's simulator ("replay SUP-7, then try a change").
// Jira is read and mapped exactly as the event path does (recompute-issue.ts), so replaying the timeline with the
// saved configuration reports what the app computes for the request; nothing is stored.
import type { JiraClient } from '../adapters/jira/client';
import { SITE_METADATA_TTL_MS } from '../adapters/storage/site-store';
import { readEventInputs } from '../adapters/storage/issue-store';
import type { ConfigBundle, Timeline } from '../engine/types';
import { computeRecord, readHistory, refreshSiteMetadata, reporterOrganizationsIfUnshared } from './recompute-issue';

/**
 * The timeline of the request `issueKey` as Jira holds it at `now`, its customer found with `bundle` (the page's
 * configuration, saved or not); undefined when Jira has no such issue for the app.
 */
export async function requestTimeline(issueKey: string, bundle: ConfigBundle, jira: JiraClient, now: number): Promise<Timeline | undefined> {
  let { site } = await readEventInputs(issueKey);
  if (!site || now - site.refreshedAt > SITE_METADATA_TTL_MS) site = await refreshSiteMetadata(jira, now, site);
  const history = await readHistory(issueKey, jira, site);
  if (!history) return undefined;
  const organizations = await reporterOrganizationsIfUnshared(history, site, jira);
  // Only the mapping is wanted: the configuration's version and the previous record play no part in it.
  return computeRecord(history, { version: 0, savedAt: now, savedBy: '', bundle }, site, undefined, now, organizations).timeline;
}
