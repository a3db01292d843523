// Readable renderings of the site's requests for the host page: what Jira's issue view and queue (agents) or the
// customer portal (customers) would show beside the app. Read straight from the JSM double's state, as Jira would
// render its own data without asking the app.
import { ISSUE_PROPERTY } from '../../src/app-identity';
import { textFromAdf } from '../jsm-double/adf';
import type { Issue, JsmDouble } from '../jsm-double';
import { CONTRACT_PRIORITY_FIELD_KEY, NEXT_DEADLINE_FIELD_KEY } from '../../src/timeline/site-fields';
import type { CommentView, NotificationView, RequestDetailView, RequestSummaryView } from './api-types';

const iso = (ms: number): string => new Date(ms).toISOString();

function appFieldValue(site: JsmDouble, issue: Issue, key: string): unknown {
  const field = site.customField(key);
  return field ? issue.customFields[field.id] : undefined;
}

function selectValue(site: JsmDouble, issue: Issue, name: string): string | null {
  const field = site.customField(name);
  if (!field || field.kind !== 'select') return null;
  const id = issue.customFields[field.id];
  return field.options.find((o) => o.id === id)?.value ?? null;
}

function displayName(site: JsmDouble, accountId: string): string {
  return site.user(accountId)?.displayName ?? accountId;
}

export function requestSummary(site: JsmDouble, issue: Issue): RequestSummaryView {
  const status = site.status(issue.statusId);
  const requestTypeId = site.valueOfKind(issue, 'requestType');
  const organizations = site.valueOfKind(issue, 'organizations');
  const firstOrganization = Array.isArray(organizations) ? site.state.organizations.find((o) => o.id === String(organizations[0])) : undefined;
  const priority = appFieldValue(site, issue, CONTRACT_PRIORITY_FIELD_KEY);
  const deadline = appFieldValue(site, issue, NEXT_DEADLINE_FIELD_KEY);
  const indexed = issue.properties[ISSUE_PROPERTY] as { breached?: unknown } | undefined;
  return {
    key: issue.key,
    id: issue.id,
    summary: issue.summary,
    status: status.name,
    statusCategory: status.category,
    requestType: site.requestType(String(requestTypeId))?.name ?? '',
    reporter: { accountId: issue.reporter, displayName: displayName(site, issue.reporter) },
    organization: firstOrganization?.name ?? null,
    contractPriority: typeof priority === 'string' ? priority : null,
    nextSlaDeadline: typeof deadline === 'number' ? iso(deadline) : null,
    breached: indexed?.breached === 'yes',
    created: iso(issue.created),
    updated: iso(issue.updated),
  };
}

/** The requests a person may see (agents: all of them), newest first. */
export function requestList(site: JsmDouble, accountId?: string): RequestSummaryView[] {
  return site.state.issues
    // The service project's requests: the contracts project's issues are in no queue and on no portal.
    .filter((issue) => (site.projectOf(issue).projectTypeKey ?? 'service_desk') === 'service_desk')
    .filter((issue) => accountId === undefined || site.canSee({ accountId }, issue))
    .sort((a, b) => b.created - a.created || Number(b.id) - Number(a.id))
    .map((issue) => requestSummary(site, issue));
}

/** One request as `accountId` may see it: customers get the public conversation only. */
export function requestDetail(site: JsmDouble, issue: Issue, accountId: string): RequestDetailView {
  const internalToo = site.canSeeInternalComments({ accountId }, issue);
  const project = site.projectOf(issue);
  const comments: CommentView[] = issue.comments
    .filter((c) => internalToo || c.jsdPublic)
    .map((c) => {
      const author = site.user(c.author);
      return {
        id: c.id,
        author: { accountId: c.author, displayName: author?.displayName ?? c.author, agent: author?.accountType === 'app' || site.isAgent(c.author, project) },
        body: textFromAdf(c.body),
        public: c.jsdPublic,
        created: iso(c.created),
      };
    });
  return {
    ...requestSummary(site, issue),
    description: issue.description,
    priority: site.priority(issue.priorityId).name,
    environment: selectValue(site, issue, 'Environment'),
    product: selectValue(site, issue, 'Product'),
    assignee: issue.assignee ? displayName(site, issue.assignee) : null,
    resolution: issue.resolutionId ? site.resolution(issue.resolutionId).name : null,
    fixVersions: (issue.fixVersionIds ?? []).map((id) => site.versionById(id)?.name ?? id),
    links: linksOf(site, issue, accountId),
    comments,
  };
}

/** The issues linked to this one that the viewer may see (a customer: none of the development project's). */
function linksOf(site: JsmDouble, issue: Issue, accountId: string): RequestDetailView['links'] {
  return site.linksOf(issue).flatMap((link) => {
    const outward = link.inwardIssueId === issue.id;
    const other = site.issue(outward ? link.outwardIssueId : link.inwardIssueId);
    const type = site.issueLinkType(link.typeId);
    if (!other || !type || !site.canSee({ accountId }, other)) return [];
    const status = site.status(other.statusId);
    return [{ relation: outward ? type.outward : type.inward, key: other.key, summary: other.summary, status: status.name, statusCategory: status.category }];
  });
}

/** How many notifications the host page is sent: the latest; the site keeps them all. */
export const NOTIFICATIONS_SHOWN = 100;

/** The e-mails Jira would have sent, the latest first, as the "Sent notifications" page lists them. */
export function notificationList(site: JsmDouble): NotificationView[] {
  return site.notifications
    .slice(-NOTIFICATIONS_SHOWN)
    .reverse()
    .map((n) => ({
      id: n.id,
      at: iso(n.at),
      issueKey: n.issueKey,
      subject: n.subject,
      textBody: n.textBody,
      recipients: n.recipients.map(({ displayName, emailAddress, why }) => ({ displayName, emailAddress, why })),
    }));
}
