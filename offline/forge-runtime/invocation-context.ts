// On Forge each function invocation runs with its own context (the calling user, an invocation id); the platform
// keeps it per async call chain, which is why @forge/api offers bindInvocationContext (an AsyncLocalStorage bind).
// Locally the same: runAs/runInvocation put a context on the async chain, and everything the app awaits inside sees
// it (asUser() picks up the accountId, __forge_runtime__ reports it as `aaid`).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The async-event pushes that descend from one initial invocation (the platform's cyclic invocation limit). */
export interface InvocationChain {
  pushes: number;
}

export interface InvocationContext {
  /** The Atlassian account of the user whose action started the invocation; absent for app-only work (triggers). */
  accountId?: string;
  invocationId: string;
  /** The manifest module being run (a resolver, trigger, consumer), reported in getAppContext(). */
  moduleKey?: string;
  /** The function module running, reported in getAppContext(). */
  functionKey?: string;
  /** How long the invocation may run (ms), reported by getRemainingTimeInMillis(). */
  timeLimitMs?: number;
  chain?: InvocationChain;
}

// One store per realm even if this module is loaded twice (from src/ and dist/, say): the key is global.
const KEY = Symbol.for('contract-sla.local-runtime.invocation-context');
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<InvocationContext> | undefined>;
const storage: AsyncLocalStorage<InvocationContext> = (holder[KEY] ??= new AsyncLocalStorage<InvocationContext>());

export function runInvocation<T>(context: Partial<InvocationContext>, fn: () => T): T {
  return storage.run({ ...context, invocationId: context.invocationId ?? randomUUID() }, fn);
}

/** Runs `fn` as one invocation on behalf of `accountId` (undefined: as the app alone, like a scheduled trigger). */
export function runAs<T>(accountId: string | undefined, fn: () => T): T {
  return runInvocation(accountId === undefined ? {} : { accountId }, fn);
}

export function currentInvocation(): InvocationContext | undefined {
  return storage.getStore();
}
