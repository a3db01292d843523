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
// Each goes through a gateway that refuses what the platform refuses (kvs-gateway, product-gateway, queue-gateway).
import type { ForgeRuntime } from '@forge/api';
import type { AppManifest } from './app-manifest';
import { FaultInjector } from './faults';
import type { ProductHandler, QueueHandler } from './handlers';
import { bodyText, type FetchInit } from './http';
import { currentInvocation, type InvocationContext } from './invocation-context';
import { kvsGateway } from './kvs-gateway';
import type { KvsStore } from './kvs-store';
import { productGateway, type FetchDescriptor } from './product-gateway';
import { queueGateway } from './queue-gateway';
import { webTriggerUrlService } from './web-trigger-urls';
import { DEFAULT_IDENTITY, buildRuntime, type RuntimeIdentity } from './runtime-object';
import type { ScopeTable } from './scope-table';
import { emptyStorageCounters, STORAGE_LIMITS, StorageMeter, type RateLimitMode, type StorageCounters, type StorageLimits } from './storage-meter';

type Product = 'jira' | 'confluence' | 'bitbucket';

export interface LocalForgeRuntimeOptions {
  kvs: KvsStore;
  /**
   * The app's manifest: its scopes gate storage and product calls, its consumers the queues it may push to. Absent,
   * the app declares nothing, so every storage, product and queue call is refused.
   */
  manifest?: AppManifest;
  products?: Partial<Record<Product, ProductHandler>>;
  /** Per product, the scopes each endpoint needs; a product without a table has every call refused. */
  scopeTables?: Partial<Record<Product, ScopeTable>>;
  queue?: QueueHandler;
  /** App, environment and installation ids reported by getAppContext(); defaults are fixed placeholder UUIDs. */
  identity?: Partial<RuntimeIdentity>;
  /** The clock rate-limit windows are measured on (ms since the epoch); the sandbox passes its movable clock. */
  now?: () => number;
  /**
   * 'enforce' (default): beyond the storage limits, answer 429 with Retry-After as the platform does. 'count': serve
   * everything and add up how long the platform would have made the app wait (counters.storage.throttledMs).
   */
  rateLimits?: RateLimitMode;
  /** The per-installation storage limits; the platform's own numbers by default. */
  storageLimits?: Partial<StorageLimits>;
  /** Where web trigger URLs point (webTrigger.getUrl): the sandbox serves them on localhost (asked at each call). */
  webTriggerBaseUrl?: string | (() => string);
}

/** Running totals, for benchmark figures: one per request the app's code made through an SDK. */
export interface RuntimeCounters {
  kvsOps: number;
  productRequests: number;
  queuePushes: number;
  /** KVS requests per wire operation, e.g. '/api/v1/entity/query'. */
  kvsByOperation: Record<string, number>;
  /** Storage read and write units (10 KB each), in total and per wire operation, and rate limiting. */
  storage: StorageCounters;
}

export interface LocalForgeRuntime {
  readonly counters: RuntimeCounters;
  readonly identity: RuntimeIdentity;
  /** Make the next matching storage or product operation fail (faults.ts). */
  readonly faults: FaultInjector;
  resetCounters(): void;
  uninstall(): void;
}

/** A manifest that declares nothing: what the runtime assumes when it is given none. */
export const EMPTY_MANIFEST: AppManifest = {
  scopes: new Set(),
  impersonationScopes: new Set(),
  entities: [],
  customFields: [],
  functions: new Map(),
  triggers: [],
  scheduledTriggers: [],
  consumers: [],
  uiModules: new Map(),
  webTriggers: [],
};

const PRODUCTS: readonly Product[] = ['jira', 'confluence', 'bitbucket'];
const QUEUE_PATHS = '/webhook/queue/';

function baseUrlOf(option: string | (() => string) | undefined): () => string {
  if (typeof option === 'function') return option;
  const fixed = option ?? 'http://localhost:3000';
  return () => fixed;
}

function emptyCounters(): RuntimeCounters {
  return { kvsOps: 0, productRequests: 0, queuePushes: 0, kvsByOperation: {}, storage: emptyStorageCounters() };
}

export function installLocalForgeRuntime(options: LocalForgeRuntimeOptions): LocalForgeRuntime {
  const identity: RuntimeIdentity = { ...DEFAULT_IDENTITY, ...options.identity };
  const manifest = options.manifest ?? EMPTY_MANIFEST;
  const counters = emptyCounters();
  const faults = new FaultInjector();
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

  const meter = new StorageMeter(options.now ?? Date.now, options.rateLimits ?? 'enforce', { ...STORAGE_LIMITS, ...options.storageLimits }, () => counters.storage);
  const serveKvs = kvsGateway({
    store: options.kvs,
    meter,
    faults,
    storageScope: manifest.scopes.has('storage:app'),
    traceId: () => currentInvocation()?.invocationId ?? 'no-invocation',
  });
  const serveQueue = queueGateway({
    manifest,
    handler: options.queue,
    now: options.now ?? Date.now,
    onPush: () => {
      counters.queuePushes += 1;
    },
  });
  const serveProduct = Object.fromEntries(
    PRODUCTS.map((product) => [
      product,
      productGateway({
        product,
        handler: options.products?.[product],
        scopes: options.scopeTables?.[product],
        manifest,
        faults,
        onRequest: () => {
          counters.productRequests += 1;
        },
      }),
    ]),
  ) as Record<Product, ReturnType<typeof productGateway>>;

  const serveWebTriggerUrls = webTriggerUrlService(manifest, identity, baseUrlOf(options.webTriggerBaseUrl));

  const forgeFetch = async (descriptor: FetchDescriptor, path: string, init?: FetchInit): Promise<Response> => {
    if (descriptor.type === 'kvs') {
      counters.kvsOps += 1;
      counters.kvsByOperation[path] = (counters.kvsByOperation[path] ?? 0) + 1;
      return serveKvs(path, bodyText(init?.body));
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && path.startsWith(QUEUE_PATHS)) return serveQueue(path, bodyText(init?.body));
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && descriptor.provider === 'app' && path === '/graphql') return serveWebTriggerUrls(bodyText(init?.body) ?? '');
    const product = PRODUCTS.find((name) => name === descriptor.remote);
    if (descriptor.type === 'fpp' && product) return serveProduct[product](descriptor, path, init);
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
    faults,
    resetCounters: () => {
      Object.assign(counters, emptyCounters());
    },
    uninstall: () => {
      restore('__forge_fetch__', previousFetch);
      restore('__forge_runtime__', previousRuntime);
    },
  };
}
