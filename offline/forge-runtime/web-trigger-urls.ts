// webTrigger.getUrl of @forge/api, as the platform answers it: the SDK sends the GraphQL mutation
// createWebTriggerUrl through the app's Atlassian GraphQL gateway (stargate `/graphql`), and gets the URL of the
// module for this app, environment and site back ("Managing web trigger URLs via SDK": the URL is stable for each
// module key, app, site and environment). A module key the manifest does not declare is a GraphQL error, which the
// SDK turns into a thrown "Failed to get web trigger URL".
import { createHash } from 'node:crypto';
import type { AppManifest } from './app-manifest';
import { jsonResponse } from './http';
import type { RuntimeIdentity } from './runtime-object';

/** The stable id of a module's URL: derived from the app, environment, site and module key, as opaque as Forge's. */
export function webTriggerId(identity: RuntimeIdentity, moduleKey: string): string {
  return createHash('sha256').update(`${identity.appId}/${identity.environmentId}/${identity.cloudId}/${moduleKey}`).digest('hex').slice(0, 24);
}

export function webTriggerUrlService(manifest: AppManifest, identity: RuntimeIdentity, baseUrl: () => string): (body: string) => Response {
  return (body) => {
    let request: { query?: unknown; variables?: { input?: { triggerKey?: unknown } } };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return jsonResponse(400, { errors: [{ message: 'the GraphQL request is not JSON' }] });
    }
    if (typeof request.query !== 'string' || !request.query.includes('createWebTriggerUrl')) {
      return jsonResponse(200, { errors: [{ message: 'the local platform answers only the createWebTriggerUrl mutation' }] });
    }
    const key = request.variables?.input?.triggerKey;
    if (typeof key !== 'string' || !manifest.webTriggers.some((m) => m.key === key)) {
      return jsonResponse(200, { data: { createWebTriggerUrl: null }, errors: [{ message: `the app declares no webtrigger module ${String(key)}` }] });
    }
    return jsonResponse(200, { data: { createWebTriggerUrl: { url: `${baseUrl()}/x1/${webTriggerId(identity, key)}` } } });
  };
}
