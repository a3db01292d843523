// The local Forge runtime: run the app's real code and the real Forge SDKs on this machine (see DESIGN.md,
// "Running it all offline").
export { installLocalForgeRuntime, type LocalForgeRuntime, type LocalForgeRuntimeOptions, type RuntimeCounters } from './forge-fetch';
export { KvsStore, type KvsStoreOptions, type StoredItem } from './kvs-store';
export { loadEntityDefinitions, type EntityDefinition, type AttributeType, type IndexDeclaration } from './entity-definitions';
export { runAs, runInvocation, currentInvocation, type InvocationContext } from './invocation-context';
export type { Caller, ProductHandler, ProductRequest, ProductResponse, QueueHandler, QueuePushRequest, QueuedEvent } from './handlers';
export { LIMITS } from './limits';
export type { RuntimeIdentity } from './runtime-object';
