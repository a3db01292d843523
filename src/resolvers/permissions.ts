// Admin resolvers act only for people who administer the project, checked as that user with their own rights.
import type { Request } from '@forge/resolver';
import type { JiraClient } from '../adapters/jira/client';
import { projectKeyOf } from './context';
import { forbidden } from './envelope';

export async function requireProjectAdmin(request: Request, jira: JiraClient): Promise<string> {
  const projectKey = projectKeyOf(request);
  if (!(await jira.userHasProjectPermission(projectKey, 'ADMINISTER_PROJECTS'))) {
    throw forbidden(`Only administrators of project ${projectKey} can change Contract SLA`);
  }
  return projectKey;
}
