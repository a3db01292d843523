// Resolvers of the admin page's deployment reports (formats.md §9.4): the web trigger's URL and whether a secret is
// set, and a new secret (shown this once; the previous one keeps working for an hour). Jira administrators only.
import { deploymentReportUrl } from '../adapters/web-trigger';
import { readSecret, rotateSecret } from '../adapters/storage/deployment-secret';
import type { ResolverKey } from '../resolver-contract';
import { SIGNATURE_HEADERS, SIGNATURE_WINDOW_S } from '../usecases/deployment-report';
import { accountOf } from './context';
import type { ResolverHandler, SurfaceResolvers } from './define';
import { requireSiteAdmin } from './permissions';

export function defineDeployments(surface: SurfaceResolvers): SurfaceResolvers {
  const admin = <K extends ResolverKey>(key: K, handler: ResolverHandler<K>) =>
    surface.define(key, async (invocation) => {
      await requireSiteAdmin(invocation.jira);
      return handler(invocation);
    });

  admin('admin/deployments/status', async ({ now }) => {
    const secret = await readSecret();
    const previousValid = secret?.previousUntil !== undefined && secret.previousUntil > now;
    return {
      url: await deploymentReportUrl(),
      secretSet: secret !== undefined,
      createdAt: secret?.createdAt ?? null,
      createdBy: secret?.createdBy ?? null,
      previousValidUntil: previousValid ? secret!.previousUntil! : null,
      headers: SIGNATURE_HEADERS,
      windowSeconds: SIGNATURE_WINDOW_S,
    };
  });

  admin('admin/deployments/rotate-secret', async ({ request, now }) => {
    const secret = await rotateSecret(accountOf(request), now);
    return { secret: secret.current, createdAt: secret.createdAt, previousValidUntil: secret.previousUntil ?? null };
  });

  return surface;
}
