// Product REST (requestJira & co.) as the Forge proxy and the product's API gateway meet it: who is calling (the app,
// the invoking user, or an offline-impersonated user), injected faults, the app's scopes against the endpoint's
// documented ones, then the product double. The double's answer goes back to the app untouched.
import type { AppManifest } from './app-manifest';
import type { FaultInjector } from './faults';
import type { Caller, ProductHandler } from './handlers';
import { bodyBytes, bodyText, headerRecord, jsonResponse, parseBody, type FetchInit } from './http';
import { currentInvocation } from './invocation-context';
import { missingScopes, type ScopeTable } from './scope-table';

export interface ProductGatewayOptions {
  product: string;
  handler: ProductHandler | undefined;
  scopes: ScopeTable | undefined;
  manifest: AppManifest;
  faults: FaultInjector;
  onRequest: () => void;
}

/** The first argument of __forge_fetch__, as the SDKs build it. */
export interface FetchDescriptor {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** Where the platform's proxy refuses a user request for want of a user, the SDK throws NeedsAuthenticationError. */
function needsAuthentication(): Response {
  return jsonResponse(401, { message: 'No user in this invocation: asUser() needs runAs(accountId, ...)' }, { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' });
}

/** What the API gateway answers a token without the endpoint's scopes (observed from Forge and OAuth 2.0 apps alike). */
function scopeMismatch(): Response {
  return jsonResponse(401, { code: 401, message: 'Unauthorized; scope does not match' });
}

export function productGateway(options: ProductGatewayOptions): (descriptor: FetchDescriptor, path: string, init: FetchInit | undefined) => Promise<Response> {
  return async (descriptor, path, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (!options.handler) throw new Error(`local Forge runtime: no ${options.product} handler installed for ${method} ${path}`);
    const invocation = currentInvocation();
    let as: Caller = 'app';
    // asUser(accountId) for anyone but the invoking user is offline impersonation: only allowImpersonation scopes apply.
    let offline = false;
    if (descriptor.provider === 'user') {
      const accountId = descriptor.accountId ?? invocation?.accountId;
      if (accountId === undefined) return needsAuthentication();
      offline = accountId !== invocation?.accountId;
      as = { accountId };
    }
    const url = new URL(path, 'http://product.invalid');
    const fault = options.faults.takeProduct(options.product, method, url.pathname);
    if (fault?.when === 'before') return jsonResponse(fault.reply.status, fault.reply.body, fault.reply.headers);
    if (!options.scopes) {
      return jsonResponse(403, { errorMessages: [`The local platform has no scope table for ${options.product}: every ${options.product} call is refused.`], errors: {} });
    }
    const rule = options.scopes.find(method, url.pathname);
    if (!rule) {
      return jsonResponse(403, {
        errorMessages: [`The local platform does not know which scopes ${method} ${url.pathname} needs: add it to the ${options.product} scope table with its source.`],
        errors: {},
      });
    }
    const granted = offline ? options.manifest.impersonationScopes : options.manifest.scopes;
    if (missingScopes(rule, granted).length > 0) return scopeMismatch();
    options.onRequest();
    const headers = headerRecord(init?.headers);
    // Files travel as multipart/form-data bytes; everything else the app sends is text (JSON, mostly).
    const multipart = (headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
    const reply = await options.handler({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: multipart ? bodyBytes(init?.body) : parseBody(bodyText(init?.body), headers['content-type']),
      as,
    });
    if (fault) return jsonResponse(fault.reply.status, fault.reply.body, fault.reply.headers);
    return jsonResponse(reply.status, reply.body, reply.headers);
  };
}
