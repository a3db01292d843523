// The value of global.__forge_runtime__, which @forge/api reads through __getRuntime(): getAppContext() takes the
// app, environment and installation ids from it, wrapInMetrics() its metrics sink, and @forge/kvs checks it for a
// dedicated KVS endpoint (absent here, so KVS requests arrive as { type: 'kvs', provider: 'app', remote: 'kvs' }).
import type { ForgeRuntime } from '@forge/api';
import type { InvocationContext } from './invocation-context';

export interface RuntimeIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: string;
  installationId: string;
  cloudId: string;
}

export const DEFAULT_IDENTITY: RuntimeIdentity = {
  appId: '00000000-0000-4000-8000-00000000c5a1',
  appVersion: '1.0.0',
  environmentId: '00000000-0000-4000-8000-0000000000e1',
  environmentType: 'DEVELOPMENT',
  installationId: '00000000-0000-4000-8000-0000000000a1',
  cloudId: '00000000-0000-4000-8000-0000000000c1',
};

const noopMetrics: ForgeRuntime['metrics'] = {
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  counter: () => ({ incr: () => undefined, incrBy: () => undefined, decr: () => undefined, decrBy: () => undefined }),
  gauge: () => ({ set: () => undefined }),
};

/** Outside a hosted invocation (a test calling the SDK directly) the resolver budget is reported. */
const DEFAULT_BUDGET_MS = 25_000;

export function buildRuntime(identity: RuntimeIdentity, invocation: InvocationContext | undefined): ForgeRuntime {
  const invocationId = invocation?.invocationId ?? 'no-invocation';
  const startedAt = Date.now();
  const runtime: ForgeRuntime = {
    proxy: { token: 'local-runtime', url: 'http://local-forge-runtime.invalid' },
    contextAri: `ari:cloud:jira::site/${identity.cloudId}`,
    container: {},
    appContext: {
      appId: identity.appId,
      appVersion: identity.appVersion,
      environmentId: identity.environmentId,
      environmentType: identity.environmentType,
      invocationId,
      installationId: identity.installationId,
      functionKey: invocation?.functionKey ?? invocation?.moduleKey ?? 'local',
      moduleType: 'local',
      moduleKey: invocation?.moduleKey ?? 'local',
    },
    lambdaContext: { awsRequestId: invocationId, getRemainingTimeInMillis: () => Math.max(0, (invocation?.timeLimitMs ?? DEFAULT_BUDGET_MS) - (Date.now() - startedAt)) },
    tracing: { traceId: invocationId, spanId: invocationId },
    realtime: {},
    metrics: noopMetrics,
    featureFlags: () => false,
  };
  if (invocation?.accountId !== undefined) runtime.aaid = invocation.accountId;
  return runtime;
}
