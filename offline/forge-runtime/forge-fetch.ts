// Installs the two globals through which every server-side Forge SDK reaches the platform:
//   global.__forge_fetch__(descriptor, path, init) -> Promise<Response>   (all platform I/O)
//   global.__forge_runtime__                                              (app/installation identity, metrics)
// and serves them locally. What the SDKs send (read from node_modules/@forge/{kvs,api,events}/out):
//   @forge/kvs:    ({ type: 'kvs', provider: 'app', remote: 'kvs' }, '/api/v1/<op>', POST JSON)  -> KvsStore
//   @forge/api:    asApp().requestJira(route)   ({ type: 'fpp', provider: 'app',  remote: 'jira' }, path, init)
//                  asUser().requestJira(route)  ({ type: 'fpp', provider: 'user', remote: 'jira', accountId? }, ...)
//                  -> the product handler; the Response goes back to the app untouched
//   @forge/events: Queue.push   ({ type: 'fpp', provider: 'app', remote: 'stargate' },
//                  '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}', POST JSON), wants 201
import type { ForgeRuntime } from '@forge/api';
import type { Caller, ProductHandler, QueueHandler, QueuePushRequest } from './handlers';
import { bodyText, headerRecord, jsonResponse, parseBody, type FetchInit } from './http';
import { currentInvocation, type InvocationContext } from './invocation-context';
import { handleKvsRequest } from './kvs-router';
import type { KvsStore } from './kvs-store';
import { DEFAULT_IDENTITY, buildRuntime, type RuntimeIdentity } from './runtime-object';

export interface LocalForgeRuntimeOptions {
  kvs: KvsStore;
  products?: { jira?: ProductHandler; confluence?: ProductHandler; bitbucket?: ProductHandler };
  queue?: QueueHandler;
  /** App, environment and installation ids reported by getAppContext(); defaults are fixed placeholder UUIDs. */
  identity?: Partial<RuntimeIdentity>;
}

/** Running totals, for benchmark figures: one per request the app's code made through an SDK. */
export interface RuntimeCounters {
  kvsOps: number;
  productRequests: number;
  queuePushes: number;
  /** KVS requests per wire operation, e.g. '/api/v1/entity/query'. */
  kvsByOperation: Record<string, number>;
}

export interface LocalForgeRuntime {
  readonly counters: RuntimeCounters;
  readonly identity: RuntimeIdentity;
  resetCounters(): void;
  uninstall(): void;
}

/** The first argument of __forge_fetch__, as the SDKs build it. */
interface FetchDescriptor {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

const PRODUCTS = ['jira', 'confluence', 'bitbucket'] as const;
const QUEUE_PUBLISH = '/webhook/queue/publish/';
const QUEUE_OTHER = '/webhook/queue/';

function emptyCounters(): RuntimeCounters {
  return { kvsOps: 0, productRequests: 0, queuePushes: 0, kvsByOperation: {} };
}

/** Where the platform's proxy refuses a user request for want of a user, the SDK throws NeedsAuthenticationError. */
function needsAuthentication(): Response {
  return jsonResponse(401, { message: 'No user in this invocation: asUser() needs runAs(accountId, ...)' }, { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' });
}

export function installLocalForgeRuntime(options: LocalForgeRuntimeOptions): LocalForgeRuntime {
  const identity: RuntimeIdentity = { ...DEFAULT_IDENTITY, ...options.identity };
  const counters = emptyCounters();
  const runtimes = new WeakMap<InvocationContext, ForgeRuntime>();
  const outside = buildRuntime(identity, undefined);

  const runtimeFor = (invocation: InvocationContext | undefined): ForgeRuntime => {
    if (!invocation) return outside;
    let runtime = runtimes.get(invocation);
    if (!runtime) {
      runtime = buildRuntime(identity, invocation);
      runtimes.set(invocation, runtime);
    }
    return runtime;
  };

  const serveKvs = (path: string, init: FetchInit | undefined): Response => {
    counters.kvsOps += 1;
    counters.kvsByOperation[path] = (counters.kvsByOperation[path] ?? 0) + 1;
    const reply = handleKvsRequest(options.kvs, path, bodyText(init?.body));
    return jsonResponse(reply.status, reply.body, { 'x-b3-traceid': currentInvocation()?.invocationId ?? 'no-invocation' });
  };

  const serveQueue = async (path: string, init: FetchInit | undefined): Promise<Response> => {
    // Job statistics and cancellation are not modelled: every job is unknown, which the SDK reports as
    // JobDoesNotExistError.
    if (!path.startsWith(QUEUE_PUBLISH)) return jsonResponse(404, { message: 'Job not found (not modelled locally)' });
    if (!options.queue) throw new Error('local Forge runtime: Queue.push was called but no queue handler is installed');
    counters.queuePushes += 1;
    await options.queue(JSON.parse(bodyText(init?.body) ?? '{}') as QueuePushRequest);
    return jsonResponse(201, {});
  };

  const serveProduct = async (product: (typeof PRODUCTS)[number], descriptor: FetchDescriptor, path: string, init: FetchInit | undefined): Promise<Response> => {
    const handler = options.products?.[product];
    if (!handler) throw new Error(`local Forge runtime: no ${product} handler installed for ${init?.method ?? 'GET'} ${path}`);
    let as: Caller = 'app';
    if (descriptor.provider === 'user') {
      const accountId = descriptor.accountId ?? currentInvocation()?.accountId;
      if (accountId === undefined) return needsAuthentication();
      as = { accountId };
    }
    counters.productRequests += 1;
    const url = new URL(path, 'http://product.invalid');
    const headers = headerRecord(init?.headers);
    const reply = await handler({
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: parseBody(bodyText(init?.body), headers['content-type']),
      as,
    });
    return jsonResponse(reply.status, reply.body, reply.headers);
  };

  const forgeFetch = async (descriptor: FetchDescriptor, path: string, init?: FetchInit): Promise<Response> => {
    if (descriptor.type === 'kvs') return serveKvs(path, init);
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && path.startsWith(QUEUE_OTHER)) return serveQueue(path, init);
    const product = PRODUCTS.find((name) => name === descriptor.remote);
    if (descriptor.type === 'fpp' && product) return serveProduct(product, descriptor, path, init);
    throw new Error(`local Forge runtime: nothing serves ${JSON.stringify(descriptor)} ${path}`);
  };

  const previousFetch = Object.getOwnPropertyDescriptor(globalThis, '__forge_fetch__');
  const previousRuntime = Object.getOwnPropertyDescriptor(globalThis, '__forge_runtime__');
  Object.defineProperty(globalThis, '__forge_fetch__', { value: forgeFetch, configurable: true, writable: true });
  // A getter, so each invocation (see runAs) sees its own runtime, as each Forge invocation does.
  Object.defineProperty(globalThis, '__forge_runtime__', { get: () => runtimeFor(currentInvocation()), configurable: true });

  const restore = (name: string, previous: PropertyDescriptor | undefined): void => {
    if (previous) Object.defineProperty(globalThis, name, previous);
    else Reflect.deleteProperty(globalThis, name);
  };

  return {
    counters,
    identity,
    resetCounters: () => {
      Object.assign(counters, emptyCounters());
    },
    uninstall: () => {
      restore('__forge_fetch__', previousFetch);
      restore('__forge_runtime__', previousRuntime);
    },
  };
}
