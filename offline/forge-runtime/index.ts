// The local Forge runtime: run the app's real code and the real Forge SDKs on this machine (see DESIGN.md,
// "Running it all offline").
export { installLocalForgeRuntime, EMPTY_MANIFEST, type LocalForgeRuntime, type LocalForgeRuntimeOptions, type RuntimeCounters } from './forge-fetch';
export { loadAppManifest, readAppManifest, ManifestError, type AppManifest, type TriggerModule, type ConsumerModule, type UiModule, type WebTriggerModule } from './app-manifest';
export { ScopeTable, missingScopes, type ScopeRule } from './scope-table';
export { FaultInjector, type Fault, type FaultSpec, type KvsFault, type ProductFault } from './faults';
export { STORAGE_LIMITS, UNIT_BYTES, unitsFor, type RateLimitMode, type StorageLimits, type StorageCounters } from './storage-meter';
export { compileEventExpression, ExpressionEvaluationError, ExpressionSyntaxError, type EventExpression } from './event-expression';
export { QUEUE_LIMITS } from './queue-gateway';
export { AppHost, MAX_TRIGGER_RETRIES, type AccountType, type AppHostOptions, type HostFailure, type HostLogEntry, type ProductEvent, type ResolverContext, type ScheduledRun, type WebTriggerRequest, type WebTriggerResponse } from './app-host';
export { AsyncEventQueue, RETENTION_MS, type AsyncEvent, type RetryContext } from './async-event-queue';
export { InvocationFailure, INVOCATION_LIMITS, type InvokedAs, type TimeLimits } from './invocation';
export { MAX_EVENT_BYTES } from './trigger-filter';
export { KvsStore, type KvsStoreOptions, type StoredItem } from './kvs-store';
export { loadEntityDefinitions, type EntityDefinition, type AttributeType, type IndexDeclaration } from './entity-definitions';
export { runAs, runInvocation, currentInvocation, type InvocationContext } from './invocation-context';
export type { Caller, ProductHandler, ProductRequest, ProductResponse, QueueHandler, QueuePushRequest, QueuedEvent } from './handlers';
export { LIMITS } from './limits';
export { DEFAULT_IDENTITY, type RuntimeIdentity } from './runtime-object';
export { webTriggerId } from './web-trigger-urls';
