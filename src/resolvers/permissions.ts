// Who may do what, always asked of Jira as the calling user with their own rights. The configuration is site-wide:
// only a Jira administrator changes it (from any page); a project's administrators may read it on their project.
import type { Request } from '@forge/resolver';
import type { JiraClient } from '../adapters/jira/client';
import { extensionOf } from './context';
import { forbidden } from './envelope';

export async function isSiteAdmin(jira: JiraClient): Promise<boolean> {
  return jira.userHolds('ADMINISTER', 'global');
}

export async function requireSiteAdmin(jira: JiraClient): Promise<void> {
  if (!(await isSiteAdmin(jira))) throw forbidden('Only Jira administrators can change Contract SLA: its configuration applies to every service project of the site');
}

/** Site admins read it anywhere; a project's administrators on their project's settings page. Returns whether they may edit. */
export async function requireConfigurationReader(request: Request, jira: JiraClient): Promise<{ canEdit: boolean }> {
  if (await isSiteAdmin(jira)) return { canEdit: true };
  const projectKey = extensionOf(request).project?.key;
  if (projectKey && (await jira.userHolds('ADMINISTER_PROJECTS', { projectKey }))) return { canEdit: false };
  throw forbidden(projectKey ? `Only administrators of project ${projectKey} or of Jira can see the Contract SLA configuration` : 'Only Jira administrators can see the Contract SLA configuration');
}

/** The caller holds `permission` on this very issue (which includes being able to see it). */
export async function requireOnIssue(jira: JiraClient, issueKey: string, permission: 'BROWSE_PROJECTS' | 'EDIT_ISSUES', refusal: string): Promise<void> {
  if (!(await jira.userHolds(permission, { issueKey }))) throw forbidden(refusal);
}
