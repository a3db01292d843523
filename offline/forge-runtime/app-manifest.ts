// The parts of manifest.yml the local platform acts on, read once and checked the way `forge lint`/`forge deploy`
// and the platform would refuse them: declared scopes (and which allow offline impersonation), functions and their
// timeouts, product-event triggers with their filters, scheduled triggers, async-event consumers, and the UI modules
// whose resolvers can be invoked (with who may invoke them). A manifest the platform would refuse fails to load,
// with the documentation page that says why.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import type { EntityDefinition } from './entity-definitions';
import { compileEventExpression, ExpressionSyntaxError, type EventExpression } from './event-expression';

export class ManifestError extends Error {
  constructor(message: string) {
    super(`manifest: ${message}`);
    this.name = 'ManifestError';
  }
}

export interface FunctionModule {
  key: string;
  /** `file.export`, e.g. `index.onIssueEvent`. */
  handler: string;
  timeoutSeconds?: number;
}

export type OnError = 'IGNORE_AND_LOG' | 'IGNORE' | 'RECEIVE_AND_LOG' | 'RECEIVE';

export interface TriggerModule {
  key: string;
  function: string;
  events: string[];
  ignoreSelf: boolean;
  expression?: EventExpression;
  onError: OnError;
}

export type ScheduleInterval = 'fiveMinute' | 'hour' | 'day' | 'week';

export interface ScheduledTriggerModule {
  key: string;
  function: string;
  interval: ScheduleInterval;
}

export interface ConsumerModule {
  key: string;
  queue: string;
  function: string;
}

/** A `webtrigger` module: an HTTP endpoint running a function (only `dynamic` responses are modelled). */
export interface WebTriggerModule {
  key: string;
  function: string;
}

export type UnlicensedUser = 'customer' | 'unlicensed' | 'anonymous';

export interface UiModule {
  key: string;
  /** The module type, e.g. `jira:issuePanel`. */
  type: string;
  /** The function module its resolver runs in, when it has a resolver. */
  resolverFunction?: string;
  unlicensedAccess: UnlicensedUser[];
}

export interface AppManifest {
  /** Every scope in `permissions.scopes`. */
  scopes: ReadonlySet<string>;
  /** The scopes declared with `allowImpersonation: true` (what an offline asUser(accountId) call may use). */
  impersonationScopes: ReadonlySet<string>;
  entities: EntityDefinition[];
  functions: ReadonlyMap<string, FunctionModule>;
  triggers: TriggerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  consumers: ConsumerModule[];
  uiModules: ReadonlyMap<string, UiModule>;
  webTriggers: WebTriggerModule[];
  /** The app's `jira:customField` modules: installing the app creates each field on the site. */
  customFields: CustomFieldModule[];
}

/** The data types of a `jira:customField` (manifest reference, jira-custom-field). */
const FIELD_TYPES = ['string', 'number', 'datetime', 'date', 'user', 'group', 'object'] as const;
export type CustomFieldType = (typeof FIELD_TYPES)[number];

export interface CustomFieldModule {
  key: string;
  name: string;
  type: CustomFieldType;
  description?: string;
}

const DOCS = {
  eventsV2: 'https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade/',
  trigger: 'https://developer.atlassian.com/platform/forge/manifest-reference/modules/trigger/',
  productEvents: 'https://developer.atlassian.com/platform/forge/events-reference/product_events/',
  scheduledTrigger: 'https://developer.atlassian.com/platform/forge/manifest-reference/modules/scheduled-trigger/',
  invocationLimits: 'https://developer.atlassian.com/platform/forge/limits-invocation/',
  webTrigger: 'https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/',
} as const;

const INTERVALS: ReadonlySet<string> = new Set(['fiveMinute', 'hour', 'day', 'week']);
const ON_ERROR: ReadonlySet<string> = new Set(['IGNORE_AND_LOG', 'IGNORE', 'RECEIVE_AND_LOG', 'RECEIVE']);
const UNLICENSED: ReadonlySet<string> = new Set(['customer', 'unlicensed', 'anonymous']);
/** "Apps can declare up to five scheduled triggers." */
const MAX_SCHEDULED_TRIGGERS = 5;
/** timeoutSeconds: "Range: 1–900 seconds." */
const MAX_TIMEOUT_SECONDS = 900;
/** Module kinds that are not UI extensions, even when they carry a function. */
const BACKEND_KINDS: ReadonlySet<string> = new Set(['trigger', 'scheduledTrigger', 'consumer', 'function', 'webtrigger', 'jira:entityProperty', 'jira:customField']);

type Raw = Record<string, unknown>;

const asList = (value: unknown, where: string): Raw[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ManifestError(`${where} must be a list`);
  return value as Raw[];
};

const text = (value: unknown, where: string): string => {
  if (typeof value !== 'string' || value === '') throw new ManifestError(`${where} must be a non-empty string`);
  return value;
};

/**
 * Which classic and granular scopes each product event needs, from @forge/manifest's own mapping (what `forge lint`
 * checks triggers against).
 */
let eventScopes: Map<string, { current: string[]; beta: string[] }> | undefined;
function eventScopeMapping(): Map<string, { current: string[]; beta: string[] }> {
  if (eventScopes) return eventScopes;
  // The package's exports hide the file, so it is read next to the package's entry point.
  const entry = createRequire(__filename).resolve('@forge/manifest');
  const mapping = JSON.parse(readFileSync(path.join(path.dirname(entry), 'mapping/product-event-to-scope-mapping.json'), 'utf8')) as {
    mapping: Array<{ productEvent: string; oAuthScopes: { current?: string[]; beta?: string[] } }>;
  };
  eventScopes = new Map(mapping.mapping.map((item) => [item.productEvent, { current: item.oAuthScopes.current ?? [], beta: item.oAuthScopes.beta ?? [] }]));
  return eventScopes;
}

function readScopes(raw: unknown): { scopes: Set<string>; impersonation: Set<string> } {
  const scopes = new Set<string>();
  const impersonation = new Set<string>();
  if (raw === undefined || raw === null) return { scopes, impersonation };
  if (Array.isArray(raw)) {
    for (const scope of raw) scopes.add(text(scope, 'permissions.scopes[]'));
    return { scopes, impersonation };
  }
  if (typeof raw !== 'object') throw new ManifestError('permissions.scopes must be a list or a map');
  for (const [scope, options] of Object.entries(raw as Raw)) {
    scopes.add(scope);
    if ((options as { allowImpersonation?: unknown } | null)?.allowImpersonation === true) impersonation.add(scope);
  }
  return { scopes, impersonation };
}

function readFunctions(raw: Raw[]): Map<string, FunctionModule> {
  const functions = new Map<string, FunctionModule>();
  for (const entry of raw) {
    const key = text(entry.key, 'function.key');
    const handler = text(entry.handler, `function ${key}: handler`);
    if (!/^[^.]+\.[A-Za-z_$][\w$]*$/.test(handler)) throw new ManifestError(`function ${key}: handler "${handler}" must be file.export`);
    const timeout = entry.timeoutSeconds;
    if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_SECONDS)) {
      throw new ManifestError(`function ${key}: timeoutSeconds must be an integer from 1 to ${MAX_TIMEOUT_SECONDS} (${DOCS.invocationLimits})`);
    }
    if (functions.has(key)) throw new ManifestError(`function ${key} is declared twice`);
    functions.set(key, { key, handler, ...(typeof timeout === 'number' ? { timeoutSeconds: timeout } : {}) });
  }
  return functions;
}

function readTrigger(entry: Raw, scopes: ReadonlySet<string>, eventScopes: Map<string, { current: string[]; beta: string[] }>): TriggerModule {
  const key = text(entry.key, 'trigger.key');
  const events = asList(entry.events, `trigger ${key}: events`).map((event) => text(event, `trigger ${key}: events[]`));
  if (events.length === 0) throw new ManifestError(`trigger ${key} subscribes to no events`);
  for (const event of events) {
    const required = eventScopes.get(event);
    if (!required) continue;
    const satisfied = required.current.every((scope) => scopes.has(scope)) || (required.beta.length > 0 && required.beta.every((scope) => scopes.has(scope)));
    if (!satisfied) {
      throw new ManifestError(`trigger ${key}: ${event} needs the scope ${required.current.join(', ')} in permissions.scopes (${DOCS.productEvents}#oauth-2-0-scopes)`);
    }
  }
  const filter = (entry.filter ?? {}) as Raw;
  if (entry.filter !== undefined && filter.appIsLicensed === undefined && filter.ignoreSelf === undefined && filter.expression === undefined) {
    throw new ManifestError(`trigger ${key}: a filter needs at least one of appIsLicensed, ignoreSelf or expression (${DOCS.trigger})`);
  }
  const onError = filter.onError ?? 'IGNORE_AND_LOG';
  if (typeof onError !== 'string' || !ON_ERROR.has(onError)) throw new ManifestError(`trigger ${key}: filter.onError must be one of ${[...ON_ERROR].join(', ')}`);
  if (filter.onError !== undefined && filter.expression === undefined) throw new ManifestError(`trigger ${key}: filter.onError can be used only with filter.expression (${DOCS.trigger})`);
  let expression: EventExpression | undefined;
  if (filter.expression !== undefined) {
    try {
      expression = compileEventExpression(text(filter.expression, `trigger ${key}: filter.expression`));
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      throw new ManifestError(`trigger ${key}: the local platform cannot evaluate filter.expression: ${error.message} (${DOCS.productEvents}#filter-out-atlassian-app-events)`);
    }
  }
  return {
    key,
    function: text(entry.function, `trigger ${key}: function (endpoint triggers are not modelled)`),
    events,
    ignoreSelf: filter.ignoreSelf === true,
    ...(expression ? { expression } : {}),
    onError: onError as OnError,
  };
}

function readConsumer(entry: Raw): ConsumerModule {
  const key = text(entry.key, 'consumer.key');
  if (entry.resolver !== undefined) {
    throw new ManifestError(
      `consumer ${key} names a resolver (function + method): with @forge/events 2 and later "Forge resolvers are no longer used. ` +
        `The Consumer module instead requires a Function" - write \`function: <function key>\` and export a handler taking an AsyncEvent (${DOCS.eventsV2})`,
    );
  }
  return { key, queue: text(entry.queue, `consumer ${key}: queue`), function: text(entry.function, `consumer ${key}: function`) };
}

function readWebTrigger(entry: Raw): WebTriggerModule {
  const key = text(entry.key, 'webtrigger.key');
  if (!/^[a-zA-Z0-9_-]+$/.test(key)) throw new ManifestError(`webtrigger ${key}: key must match ^[a-zA-Z0-9_-]+$ (${DOCS.webTrigger})`);
  const response = entry.response as Raw | undefined;
  if (response !== undefined) {
    const type = response?.type;
    if (type !== 'static' && type !== 'dynamic') throw new ManifestError(`webtrigger ${key}: response.type must be static or dynamic (${DOCS.webTrigger})`);
    // Static responses map the function's answer onto configured outputs; the local platform does not model them.
    if (type === 'static') throw new ManifestError(`webtrigger ${key}: static responses are not modelled by the local platform; use response.type dynamic`);
  }
  if (entry.urlFormat !== undefined && entry.urlFormat !== 'v1' && entry.urlFormat !== 'v2') throw new ManifestError(`webtrigger ${key}: urlFormat must be v1 or v2 (${DOCS.webTrigger})`);
  return { key, function: text(entry.function, `webtrigger ${key}: function`) };
}

function readUiModules(modules: Raw): Map<string, UiModule> {
  const ui = new Map<string, UiModule>();
  for (const [type, entries] of Object.entries(modules)) {
    if (BACKEND_KINDS.has(type)) continue;
    for (const entry of asList(entries, `modules.${type}`)) {
      const key = text(entry.key, `${type}.key`);
      const resolver = entry.resolver as { function?: unknown } | undefined;
      const access = asList(entry.unlicensedAccess, `${type} ${key}: unlicensedAccess`).map((user) => {
        if (typeof user !== 'string' || !UNLICENSED.has(user)) throw new ManifestError(`${type} ${key}: unlicensedAccess takes customer, unlicensed or anonymous`);
        return user as UnlicensedUser;
      });
      ui.set(key, {
        key,
        type,
        ...(resolver?.function !== undefined ? { resolverFunction: text(resolver.function, `${type} ${key}: resolver.function`) } : {}),
        unlicensedAccess: access,
      });
    }
  }
  return ui;
}

/** Reads and checks a manifest (a parsed object, e.g. a test fixture, or the YAML of manifest.yml). */
export function readAppManifest(raw: unknown): AppManifest {
  if (raw === null || typeof raw !== 'object') throw new ManifestError('not a manifest');
  const manifest = raw as { modules?: Raw; permissions?: { scopes?: unknown }; app?: { storage?: { entities?: unknown } } };
  const modules = manifest.modules ?? {};
  const { scopes, impersonation } = readScopes(manifest.permissions?.scopes);
  const functions = readFunctions(asList(modules.function, 'modules.function'));
  // "Must be unique within the manifest": a key is unique across every kind of module, functions included.
  const keys = new Map<string, string>();
  for (const [kind, entries] of Object.entries(modules)) {
    for (const entry of asList(entries, `modules.${kind}`)) {
      const key = entry.key;
      if (typeof key !== 'string') continue;
      const other = keys.get(key);
      if (other !== undefined) throw new ManifestError(`the module key ${key} is used by ${other} and ${kind}: "Must be unique within the manifest" (${DOCS.webTrigger})`);
      keys.set(key, kind);
    }
  }
  const needFunction = (owner: string, key: string): void => {
    if (!functions.has(key)) throw new ManifestError(`${owner} refers to function ${key}, which modules.function does not declare`);
  };
  const eventScopes = eventScopeMapping();
  const triggers = asList(modules.trigger, 'modules.trigger').map((entry) => readTrigger(entry, scopes, eventScopes));
  const scheduledTriggers = asList(modules.scheduledTrigger, 'modules.scheduledTrigger').map((entry): ScheduledTriggerModule => {
    const key = text(entry.key, 'scheduledTrigger.key');
    const interval = text(entry.interval, `scheduledTrigger ${key}: interval`);
    if (!INTERVALS.has(interval)) throw new ManifestError(`scheduledTrigger ${key}: interval must be fiveMinute, hour, day or week (${DOCS.scheduledTrigger})`);
    return { key, function: text(entry.function, `scheduledTrigger ${key}: function`), interval: interval as ScheduleInterval };
  });
  if (scheduledTriggers.length > MAX_SCHEDULED_TRIGGERS) throw new ManifestError(`at most ${MAX_SCHEDULED_TRIGGERS} scheduled triggers (${DOCS.scheduledTrigger})`);
  // "Total number of scheduled trigger modules with fiveMinute intervals in an app: 1" (platform quotas, 2025-11).
  if (scheduledTriggers.filter((trigger) => trigger.interval === 'fiveMinute').length > 1) throw new ManifestError('at most one scheduled trigger may run every fiveMinute');
  const consumers = asList(modules.consumer, 'modules.consumer').map(readConsumer);
  for (const trigger of triggers) needFunction(`trigger ${trigger.key}`, trigger.function);
  for (const scheduled of scheduledTriggers) needFunction(`scheduledTrigger ${scheduled.key}`, scheduled.function);
  for (const consumer of consumers) needFunction(`consumer ${consumer.key}`, consumer.function);
  const webTriggers = asList(modules.webtrigger, 'modules.webtrigger').map(readWebTrigger);
  for (const webTrigger of webTriggers) needFunction(`webtrigger ${webTrigger.key}`, webTrigger.function);
  const uiModules = readUiModules(modules);
  for (const module of uiModules.values()) if (module.resolverFunction) needFunction(`${module.type} ${module.key}`, module.resolverFunction);
  const entities = manifest.app?.storage?.entities ?? [];
  if (!Array.isArray(entities)) throw new ManifestError('app.storage.entities must be a list');
  const customFields = asList(modules['jira:customField'], "modules['jira:customField']").map((entry): CustomFieldModule => {
    const key = text(entry.key, 'jira:customField.key');
    const type = text(entry.type, `jira:customField ${key}: type`);
    if (!(FIELD_TYPES as readonly string[]).includes(type)) throw new ManifestError(`jira:customField ${key}: type must be one of ${FIELD_TYPES.join(', ')}`);
    return { key, name: text(entry.name, `jira:customField ${key}: name`), type: type as CustomFieldType, ...(typeof entry.description === 'string' ? { description: entry.description } : {}) };
  });
  return { scopes, impersonationScopes: impersonation, entities: entities as EntityDefinition[], functions, triggers, scheduledTriggers, consumers, uiModules, webTriggers, customFields };
}

export function loadAppManifest(file: string): AppManifest {
  return readAppManifest(parse(readFileSync(file, 'utf8')) as unknown);
}
