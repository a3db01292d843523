// Development issues and versions changing (Forge product events of software projects, formats.md §9.5): the requests
// handed over to the issue read it again. A version renamed or merged changes what its issues show without any issue
// event, so each of its issues is read again too.
import type { JiraClient } from '../adapters/jira/client';
import { JiraRequestError } from '../adapters/jira/errors';
import { followDevelopmentIssue } from '../usecases/follow-development';

/** avi:jira:updated:issue of a project that is not a service project (the trigger's filter). */
export interface DevelopmentIssueEvent {
  issue: { id: string; key: string };
}

/** avi:jira:{released,updated,merged}:version. */
export interface VersionEvent {
  eventType: string;
  version: { id: string; name: string };
  mergedVersion?: { id: string; name: string };
}

export function handleDevelopmentEvent(event: DevelopmentIssueEvent, jira: JiraClient, now: number) {
  return followDevelopmentIssue(String(event.issue.id), jira, now);
}

/** At most this many issues of one version are read again in one event (a release rarely names more). */
const MAX_VERSION_ISSUES = 1000;

export async function handleVersionEvent(event: VersionEvent, jira: JiraClient, now: number) {
  const ids = new Set<string>();
  for (const version of [event.version, event.mergedVersion]) {
    if (!version) continue;
    let token: string | undefined;
    try {
      do {
        const page = await jira.searchIssueIds(`fixVersion = ${version.id}`, token);
        for (const id of page.ids) ids.add(id);
        token = page.nextPageToken;
      } while (token && ids.size < MAX_VERSION_ISSUES);
    } catch (error) {
      // A merged-away version is gone: JQL no longer knows it, and its issues name the other one.
      if (!(error instanceof JiraRequestError && error.status === 400)) throw error;
    }
  }
  let links = 0;
  for (const id of ids) links += (await followDevelopmentIssue(id, jira, now)).links;
  return { issues: ids.size, links };
}
