// What the resolvers read from the Forge invocation context, checked rather than trusted blindly.
import type { Request } from '@forge/resolver';
import { forbidden } from './envelope';

interface Extension {
  type?: string;
  project?: { key?: string; id?: string };
  issue?: { key?: string; id?: string };
  request?: { key?: string; typeId?: string | number };
  portal?: { id?: string | number };
}

export function extensionOf(request: Request): Extension {
  return ((request.context as { extension?: Extension }).extension ?? {}) as Extension;
}

export function accountOf(request: Request): string {
  const accountId = (request.context as { accountId?: string }).accountId;
  if (!accountId) throw forbidden('You need to be logged in');
  return accountId;
}

export function projectKeyOf(request: Request): string {
  const key = extensionOf(request).project?.key;
  if (!key) throw forbidden('This function is only available on a project page');
  return key;
}

export function issueOf(request: Request): { id: string; key: string } {
  const issue = extensionOf(request).issue;
  if (!issue?.id || !issue.key) throw forbidden('This function is only available in the issue view');
  return { id: String(issue.id), key: issue.key };
}

/** The site's address (Forge puts it in the context), for links to Jira pages; empty when absent. */
export function siteUrlOf(request: Request): string {
  return ((request.context as { siteUrl?: string }).siteUrl ?? '').replace(/\/$/, '');
}
