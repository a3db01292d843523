// The app installed on the local platform, run the way Forge runs it from its manifest: resolvers invoked through
// their UI module (and refused to users the module is not open to), product events delivered to the trigger modules
// that subscribe to them through their filters, with the platform's retries, queue events delivered to the consumer
// function as AsyncEvents, scheduled triggers run without retries. Every function runs as its own invocation with its
// time limit (invocation.ts). Failures are collected in `failures` rather than thrown from the platform's side.
import type { AppManifest, ConsumerModule, TriggerModule, UiModule, WebTriggerModule } from './app-manifest';
import { AsyncEventQueue, backoffSeconds, MAX_RETRY_DATA_BYTES, retryRequest, type AsyncEvent, type QueuedEvent, type RetryContext } from './async-event-queue';
import type { QueuePushRequest } from './handlers';
import { currentInvocation, type InvocationChain } from './invocation-context';
import { byteSize, invoke, InvocationFailure, INVOCATION_LIMITS, timeLimitMs, type InvokedAs, type TimeLimits } from './invocation';
import { filterEvent } from './trigger-filter';

/** The account types Forge reports in a resolver's context (`accountType`). */
export type AccountType = 'licensed' | 'unlicensed' | 'customer' | 'anonymous';

export interface AppHostOptions {
  manifest: AppManifest;
  /** The app's code by file: the handler `index.onIssueEvent` is `modules.index.onIssueEvent`. */
  modules: Record<string, Record<string, unknown>>;
  now: () => number;
  /** What kind of account a user is (a licensed agent, a portal customer …). */
  accountType: (accountId: string) => AccountType;
  /** The ARI of the site the app is installed on, e.g. `ari:cloud:jira::site/<cloudId>`. */
  installContext: string;
  timeLimits?: TimeLimits;
}

export interface ResolverContext {
  accountId?: string;
  extension?: Record<string, unknown>;
  [name: string]: unknown;
}

export interface HostFailure {
  kind: InvokedAs;
  moduleKey: string;
  error: unknown;
}

export interface HostLogEntry {
  at: number;
  kind: InvokedAs;
  moduleKey: string;
  outcome: 'delivered' | 'filtered' | 'retry-scheduled' | 'failed' | 'dropped';
  detail?: string;
}

export interface ScheduledRun {
  moduleKey: string;
  result?: unknown;
  error?: unknown;
}

/** A product event as a trigger function receives it. */
export type ProductEvent = Record<string, unknown> & { eventType: string; retryContext?: Omit<RetryContext, 'retentionWindow'> };

interface TriggerRetry {
  dueAt: number;
  trigger: TriggerModule;
  event: ProductEvent;
}

/** An HTTP request to a web trigger, as the platform hands it to the function (web trigger events reference). */
export interface WebTriggerRequest {
  method: string;
  /** Header name → its values, as the platform serializes them. */
  headers?: Record<string, string[]>;
  body?: string;
  path?: string;
  userPath?: string;
  queryParameters?: Record<string, string[]>;
}

/** The HTTP response a web trigger's result becomes. */
export interface WebTriggerResponse {
  statusCode: number;
  statusText?: string;
  headers: Record<string, string[]>;
  body: string;
}

/** The documented response shape, or why a result is not of it. */
function webTriggerResponse(result: unknown): WebTriggerResponse | string {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return 'the function returned no response object';
  const { statusCode, statusText, headers, body } = result as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return 'statusCode must be an integer HTTP status';
  if (statusText !== undefined && typeof statusText !== 'string') return 'statusText must be a string';
  if (body !== undefined && typeof body !== 'string') return 'body must be a string';
  if (headers !== undefined) {
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return 'headers must be an object of header names';
    for (const [name, values] of Object.entries(headers)) {
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) return `header ${name} must be a list of strings`;
    }
  }
  return { statusCode, ...(statusText === undefined ? {} : { statusText }), headers: (headers ?? {}) as Record<string, string[]>, body: body ?? '' };
}

/** "You can only retry an event for a maximum of four times." */
export const MAX_TRIGGER_RETRIES = 4;

type Handler = (...args: unknown[]) => unknown;

export class AppHost {
  readonly queue: AsyncEventQueue;
  readonly failures: HostFailure[] = [];
  readonly log: HostLogEntry[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly triggerRetries: TriggerRetry[] = [];

  constructor(private readonly options: AppHostOptions) {
    this.queue = new AsyncEventQueue(options.now);
    // An app whose manifest names a handler it does not export cannot be deployed.
    for (const fn of options.manifest.functions.values()) this.handler(fn.key);
  }

  // ---- resolvers ---------------------------------------------------------------------------------------------

  /**
   * Invokes the resolver of a UI module as @forge/bridge's invoke does. A user whose account type the module is not
   * open to (`unlicensedAccess`) is refused: for them the module "won't be available and won't be run".
   */
  async invokeResolver<T = unknown>(moduleKey: string, functionKey: string, payload: unknown, context: ResolverContext): Promise<T> {
    const module = this.uiModule(moduleKey);
    const accountType: AccountType = context.accountId === undefined ? 'anonymous' : this.options.accountType(context.accountId);
    if (accountType !== 'licensed' && !module.unlicensedAccess.includes(accountType)) {
      throw new InvocationFailure(
        'MODULE_NOT_AVAILABLE',
        `${module.type} ${module.key} is not available to ${accountType} users: it declares no unlicensedAccess for them (and the app must be shared for unlicensed access to work)`,
      );
    }
    if (byteSize(payload) > INVOCATION_LIMITS.invokePayloadBytes) {
      throw new InvocationFailure('PAYLOAD_TOO_LARGE', `the invoke payload for ${functionKey} is over the 500 KB front-end invocation limit`);
    }
    const functionModule = module.resolverFunction as string;
    const handler = this.handler(functionModule);
    const { accountId, ...rest } = context;
    const result = await invoke(
      { invokedAs: 'resolver', moduleKey, functionKey: functionModule, limitMs: this.limit('resolver', functionModule), chain: { pushes: 0 }, ...(accountId === undefined ? {} : { accountId }) },
      async () =>
        handler(
          { call: { functionKey, payload }, context: { ...rest, moduleKey, accountType } },
          { principal: accountId === undefined ? undefined : { accountId }, installContext: this.options.installContext },
        ),
    );
    if (byteSize(result) > INVOCATION_LIMITS.invokeResponseBytes) {
      throw new InvocationFailure('RESPONSE_TOO_LARGE', `the response of ${functionKey} is over the 5 MB front-end invocation limit`);
    }
    return result as T;
  }

  /** The UI modules whose resolver runs in the function with this handler export (`index.<name>`). */
  modulesWithResolver(handlerExport: string): UiModule[] {
    return [...this.options.manifest.uiModules.values()].filter(
      (module) => module.resolverFunction !== undefined && this.options.manifest.functions.get(module.resolverFunction)?.handler.split('.')[1] === handlerExport,
    );
  }

  // ---- web triggers ------------------------------------------------------------------------------------------

  /**
   * Runs a web trigger module for one HTTP request, as the platform does: the request serialized to the documented
   * JSON (headers as lists of values), the function's result turned into the HTTP response. A result that is not of
   * the documented shape (an integer `statusCode`, optional `headers` as lists of strings, optional string `body` and
   * `statusText`), a function that throws or outlives its 55 s, and a response over 5 MB are a 500 with an empty body.
   */
  async runWebTrigger(moduleKey: string, request: WebTriggerRequest): Promise<WebTriggerResponse> {
    const module = this.webTrigger(moduleKey);
    const body = request.body ?? '';
    if (Buffer.byteLength(body, 'utf8') > INVOCATION_LIMITS.webTriggerPayloadBytes) {
      this.record('webtrigger', moduleKey, 'failed', 'request over the 5 MB payload limit');
      return { statusCode: 413, headers: {}, body: '' };
    }
    const event = {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
      path: request.path ?? `/x1/${moduleKey}`,
      userPath: request.userPath ?? '',
      queryParameters: request.queryParameters ?? {},
    };
    const handler = this.handler(module.function);
    try {
      const result = await invoke(
        { invokedAs: 'webtrigger', moduleKey, functionKey: module.function, limitMs: this.limit('webtrigger', module.function), chain: { pushes: 0 } },
        async () => handler(event, { installContext: this.options.installContext }),
      );
      const response = webTriggerResponse(result);
      if (typeof response === 'string') throw new InvocationFailure('INCOMPATIBLE_RESPONSE', `web trigger ${moduleKey}: ${response}`);
      if (byteSize(response) > INVOCATION_LIMITS.webTriggerPayloadBytes) throw new InvocationFailure('RESPONSE_TOO_LARGE', `web trigger ${moduleKey}: the response is over the 5 MB payload limit`);
      this.record('webtrigger', moduleKey, 'delivered', String(response.statusCode));
      return response;
    } catch (error) {
      this.fail('webtrigger', moduleKey, error);
      return { statusCode: 500, headers: {}, body: '' };
    }
  }

  /** The web trigger modules of the manifest. */
  get webTriggers(): readonly WebTriggerModule[] {
    return this.options.manifest.webTriggers;
  }

  private webTrigger(moduleKey: string): WebTriggerModule {
    const module = this.options.manifest.webTriggers.find((m) => m.key === moduleKey);
    if (!module) throw new InvocationFailure('MODULE_NOT_FOUND', `the manifest declares no webtrigger ${moduleKey}`);
    return module;
  }

  // ---- product events ----------------------------------------------------------------------------------------

  /** Hands a product event to every trigger module subscribed to it, through each module's filter; how many took it. */
  deliver(event: ProductEvent): number {
    let delivered = 0;
    for (const trigger of this.options.manifest.triggers) {
      const decision = filterEvent(trigger, event);
      if (!decision.deliver) {
        if (decision.reason !== 'not-subscribed') this.record('trigger', trigger.key, 'filtered', decision.log ?? decision.reason);
        continue;
      }
      // onError: RECEIVE_AND_LOG delivers the event and logs why the expression failed.
      if (decision.log !== undefined) this.record('trigger', trigger.key, 'delivered', decision.log);
      this.track(this.runTrigger(trigger, structuredClone(event)));
      delivered += 1;
    }
    return delivered;
  }

  /** Waits for every delivery in flight, and runs the retries that are due by the clock, until none is left. */
  async settle(): Promise<void> {
    for (;;) {
      while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
      const now = this.options.now();
      const due = this.triggerRetries.filter((retry) => retry.dueAt <= now);
      if (due.length === 0) return;
      for (const retry of due) {
        this.triggerRetries.splice(this.triggerRetries.indexOf(retry), 1);
        this.track(this.runTrigger(retry.trigger, retry.event));
      }
    }
  }

  /** Trigger retries scheduled for later on the clock. */
  get pendingTriggerRetries(): number {
    return this.triggerRetries.length;
  }

  private async runTrigger(trigger: TriggerModule, event: ProductEvent): Promise<void> {
    const handler = this.handler(trigger.function);
    const retries = event.retryContext?.retryCount ?? 0;
    const scheduleRetry = (afterSeconds: number, retryReason: string, retryData: unknown): void => {
      if (retries >= MAX_TRIGGER_RETRIES) {
        this.record('trigger', trigger.key, 'dropped', `retried ${MAX_TRIGGER_RETRIES} times already (${retryReason})`);
        return;
      }
      const retryContext = { retryCount: retries + 1, retryReason, retryData };
      this.triggerRetries.push({ dueAt: this.options.now() + afterSeconds * 1000, trigger, event: { ...event, retryContext } });
      this.record('trigger', trigger.key, 'retry-scheduled', `${retryReason} in ${afterSeconds} s`);
    };
    try {
      const result = await invoke(
        { invokedAs: 'trigger', moduleKey: trigger.key, functionKey: trigger.function, limitMs: this.limit('trigger', trigger.function), chain: { pushes: 0 } },
        async () => handler(event, { installContext: this.options.installContext }),
      );
      const retry = retryRequest(result);
      if (!retry) {
        this.record('trigger', trigger.key, 'delivered');
        return;
      }
      if (byteSize(retry.retryData) > MAX_RETRY_DATA_BYTES) {
        this.fail('trigger', trigger.key, new InvocationFailure('RETRY_DATA_TOO_LARGE', 'retryData is larger than 4KB: the retry request is refused'));
        return;
      }
      scheduleRetry(retry.retryAfterSeconds, retry.retryReason, retry.retryData);
    } catch (error) {
      this.fail('trigger', trigger.key, error);
      // Platform-level errors (a time-out) are retried by the platform; an error the function throws is not.
      if (error instanceof InvocationFailure && error.code === 'FUNCTION_TIME_OUT') scheduleRetry(backoffSeconds(retries + 1), 'FUNCTION_TIME_OUT', undefined);
    }
  }

  // ---- async events ------------------------------------------------------------------------------------------

  /** The runtime's queue handler: takes a push the service accepted, with the invocation chain it came from. */
  readonly acceptPush = (push: QueuePushRequest): void => {
    this.queue.accept(push, currentInvocation()?.chain ?? { pushes: 1 });
  };

  /** Delivers every queue event due by the clock (and those its consumers push, when due), one at a time. */
  async drainQueue(): Promise<number> {
    let runs = 0;
    for (let queued = this.queue.takeDue(); queued; queued = this.queue.takeDue()) {
      await this.runConsumer(queued);
      runs += 1;
    }
    return runs;
  }

  private async runConsumer(queued: QueuedEvent): Promise<void> {
    const consumer: ConsumerModule | undefined = this.options.manifest.consumers.find((candidate) => candidate.queue === queued.event.queueName);
    if (!consumer) {
      this.queue.dropped.push({ event: queued.event, reason: 'no consumer module reads this queue' });
      return;
    }
    const handler = this.handler(consumer.function);
    const delivery = { ...queued, attempts: queued.attempts + 1 };
    const event: AsyncEvent = structuredClone(queued.event);
    const chain: InvocationChain = queued.chain;
    try {
      const result = await invoke(
        { invokedAs: 'consumer', moduleKey: consumer.key, functionKey: consumer.function, limitMs: this.limit('consumer', consumer.function), chain },
        async () => handler(event, { installContext: this.options.installContext }),
      );
      const retry = retryRequest(result);
      if (!retry) {
        this.record('consumer', consumer.key, 'delivered');
        return;
      }
      if (byteSize(retry.retryData) > MAX_RETRY_DATA_BYTES) throw new InvocationFailure('RETRY_DATA_TOO_LARGE', 'retryData is larger than 4KB');
      this.queue.retry(delivery, retry.retryAfterSeconds, retry.retryReason, retry.retryData);
      this.record('consumer', consumer.key, 'retry-scheduled', `${retry.retryReason} in ${retry.retryAfterSeconds} s`);
    } catch (error) {
      // App-level errors (it threw, it timed out) are retried with backoff within the retention window.
      this.fail('consumer', consumer.key, error);
      const reason = error instanceof InvocationFailure && error.code === 'FUNCTION_TIME_OUT' ? 'FUNCTION_TIME_OUT' : 'FUNCTION_ERROR';
      this.queue.retry(delivery, backoffSeconds(delivery.attempts), reason, undefined);
      this.record('consumer', consumer.key, 'retry-scheduled', `${reason} in ${backoffSeconds(delivery.attempts)} s`);
    }
  }

  // ---- scheduled triggers ------------------------------------------------------------------------------------

  /**
   * Runs a scheduled trigger once (the only one when no key is given). A failure is recorded and never retried:
   * "the function invocation will not be retried. The function will be invoked the next time the schedule is due."
   */
  async runScheduledTrigger(moduleKey?: string): Promise<ScheduledRun> {
    const scheduled = this.scheduledTrigger(moduleKey);
    const handler = this.handler(scheduled.function);
    const cloudId = this.options.installContext.split('/').pop() ?? '';
    try {
      const result = await invoke(
        { invokedAs: 'scheduled', moduleKey: scheduled.key, functionKey: scheduled.function, limitMs: this.limit('scheduled', scheduled.function), chain: { pushes: 0 } },
        async () => handler({ context: { cloudId, moduleKey: scheduled.key }, contextToken: 'local-context-token' }, { principal: undefined, installContext: this.options.installContext }),
      );
      this.record('scheduled', scheduled.key, 'delivered');
      return { moduleKey: scheduled.key, result };
    } catch (error) {
      this.fail('scheduled', scheduled.key, error);
      return { moduleKey: scheduled.key, error };
    }
  }

  /** Starts `count` runs of a scheduled trigger at once, as overlapping schedules (or a duplicated invocation) do. */
  async runOverlappingScheduledTriggers(count = 2, moduleKey?: string): Promise<ScheduledRun[]> {
    return Promise.all(Array.from({ length: count }, () => this.runScheduledTrigger(moduleKey)));
  }

  // ---- shared ------------------------------------------------------------------------------------------------

  private uiModule(moduleKey: string): UiModule & { resolverFunction: string } {
    const module = this.options.manifest.uiModules.get(moduleKey);
    if (!module) throw new InvocationFailure('MODULE_NOT_FOUND', `the manifest declares no UI module ${moduleKey}`);
    if (module.resolverFunction === undefined) throw new InvocationFailure('MODULE_NOT_FOUND', `${module.type} ${moduleKey} has no resolver`);
    return module as UiModule & { resolverFunction: string };
  }

  private scheduledTrigger(moduleKey: string | undefined) {
    const all = this.options.manifest.scheduledTriggers;
    const found = moduleKey === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((candidate) => candidate.key === moduleKey);
    if (!found) throw new Error(moduleKey === undefined ? `the manifest has ${all.length} scheduled triggers: name one` : `no scheduled trigger ${moduleKey}`);
    return found;
  }

  private handler(functionKey: string): Handler {
    const fn = this.options.manifest.functions.get(functionKey);
    if (!fn) throw new Error(`no function module ${functionKey}`);
    const [file = '', name = ''] = fn.handler.split('.');
    const exported = this.options.modules[file]?.[name];
    if (typeof exported !== 'function') throw new Error(`function ${functionKey}: the handler ${fn.handler} is not exported by the app`);
    return exported as Handler;
  }

  private limit(invokedAs: InvokedAs, functionKey: string): number {
    return timeLimitMs(invokedAs, this.options.manifest.functions.get(functionKey)?.timeoutSeconds, this.options.timeLimits);
  }

  private track(run: Promise<void>): void {
    const tracked = run.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private fail(kind: InvokedAs, moduleKey: string, error: unknown): void {
    this.failures.push({ kind, moduleKey, error });
    this.record(kind, moduleKey, 'failed', error instanceof Error ? error.message : String(error));
  }

  private record(kind: InvokedAs, moduleKey: string, outcome: HostLogEntry['outcome'], detail?: string): void {
    this.log.push({ at: this.options.now(), kind, moduleKey, outcome, ...(detail === undefined ? {} : { detail }) });
  }
}
