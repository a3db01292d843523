// The app installed on a local "site": the real handlers (src/app.ts builds the same ones src/index.ts exports, here
// around the site's movable clock) and the real Forge SDKs, run from the app's manifest.yml by the local Forge runtime (KVS on SQLite, scopes, rate limits, faults) and the JSM double, with a
// clock that can be moved. Product events reach the app through its trigger modules' filters, resolvers through
// their UI modules (and only for the users those modules are open to), queue events through the consumer function.
// Used by the integration tests, the benchmark and the browser sandbox alike.
import path from 'node:path';
import { APP_UUID } from '../../src/app-identity';
import { createApp, type App } from '../../src/app';
import { JIRA_SCOPES, JiraRateLimiter, JsmDouble, jsmProductHandler, seedDemo, type IssueEvent, type JiraRateLimitOptions } from '../jsm-double';
import { eventIssue } from '../jsm-double/product-events';
import {
  AppHost,
  DEFAULT_IDENTITY,
  installLocalForgeRuntime,
  KvsStore,
  loadAppManifest,
  runInvocation,
  type AccountType,
  type AppManifest,
  type FaultInjector,
  type LocalForgeRuntime,
  type ProductEvent,
  type RateLimitMode,
  type ScheduledRun,
  type StorageLimits,
  type TimeLimits,
  type WebTriggerRequest,
  type WebTriggerResponse,
  webTriggerId,
} from '../forge-runtime';

export type ResolverName = 'issuePanelResolver' | 'adminResolver' | 'portalResolver' | 'worklistResolver' | 'monitoringResolver';

export interface ForgeHostOptions {
  /** SQLite file for the app's storage; `:memory:` (default) for tests. */
  storagePath?: string;
  /** A saved JSM double (JsmDouble#toJSON); a fresh demo site is seeded when absent. */
  site?: unknown;
  /** The starting instant of the clock (epoch ms). */
  now: number;
  /** Seed the demo site (when no saved site is given). */
  seed?: boolean;
  manifestPath?: string;
  /** Storage rate limits: 'enforce' (default) answers 429; 'count' only adds up the waiting (the benchmark). */
  rateLimits?: RateLimitMode;
  storageLimits?: Partial<StorageLimits>;
  /** Jira's points-based rate limit (enforced at the default budget unless told otherwise). */
  jiraRateLimit?: JiraRateLimitOptions;
  /** Function time limits in ms by kind, overriding the platform's (tests prove a limit with a short one). */
  timeLimits?: TimeLimits;
  /** Where web trigger URLs point (webTrigger.getUrl); the sandbox server's own address. */
  webTriggerBaseUrl?: string | (() => string);
}

export interface InvokeContext {
  accountId?: string;
  extension: Record<string, unknown>;
  /** The rest of what Forge puts in a resolver's context (moduleKey, localId, cloudId, siteUrl, timezone, locale). */
  moduleKey?: string;
  localId?: string;
  cloudId?: string;
  siteUrl?: string;
  timezone?: string;
  locale?: string;
}

const ROOT = path.join(__dirname, '../..');

export class ForgeHost {
  readonly clock: { now: number };
  readonly double: JsmDouble;
  readonly store: KvsStore;
  readonly runtime: LocalForgeRuntime;
  readonly manifest: AppManifest;
  /** The app run from its manifest: its failures, log and queue are here. */
  readonly app: AppHost;
  readonly jiraRateLimit: JiraRateLimiter;
  /** The app's handlers themselves, for a test that calls one directly (a duplicated event, say). */
  readonly handlers: App;
  /** How many of app.failures settle()/drainQueue() have already reported. */
  private reported = 0;
  /** Every event the site emitted that reached at least one of the app's triggers. */
  readonly eventLog: Array<{ event: IssueEvent }> = [];

  constructor(options: ForgeHostOptions) {
    this.clock = { now: options.now };
    const clock = (): number => this.clock.now;
    this.manifest = loadAppManifest(options.manifestPath ?? path.join(ROOT, 'manifest.yml'));
    this.handlers = createApp({ now: clock });
    // Checked before anything is opened: an app the platform would not install leaves nothing behind.
    this.app = new AppHost({
      manifest: this.manifest,
      modules: { index: this.handlers as unknown as Record<string, unknown> },
      now: clock,
      accountType: (accountId) => this.accountType(accountId),
      installContext: `ari:cloud:jira::site/${DEFAULT_IDENTITY.cloudId}`,
      ...(options.timeLimits ? { timeLimits: options.timeLimits } : {}),
    });
    this.store = new KvsStore({ path: options.storagePath ?? ':memory:', entities: this.manifest.entities, now: clock });
    if (options.site !== undefined) {
      this.double = JsmDouble.fromJSON(options.site, { clock });
    } else {
      this.double = new JsmDouble({ clock, appId: APP_UUID, timeZone: 'Europe/Copenhagen' });
      // Installing the app creates its fields on the site, as its manifest declares them.
      for (const field of this.manifest.customFields) this.double.registerAppField({ ...field, type: field.type });
      if (options.seed !== false) seedDemo(this.double, options.now);
    }
    this.jiraRateLimit = new JiraRateLimiter(clock, options.jiraRateLimit);
    this.runtime = installLocalForgeRuntime({
      kvs: this.store,
      manifest: this.manifest,
      products: { jira: jsmProductHandler(this.double, this.jiraRateLimit) },
      scopeTables: { jira: JIRA_SCOPES },
      ...(options.webTriggerBaseUrl === undefined ? {} : { webTriggerBaseUrl: options.webTriggerBaseUrl }),
      queue: this.app.acceptPush,
      identity: { appId: APP_UUID },
      now: clock,
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
      ...(options.storageLimits ? { storageLimits: options.storageLimits } : {}),
    });
    this.double.onEvent((event) => this.deliver(event));
    // Project version events (a release, a rename, a merge) reach the app's triggers too: they carry no issue.
    this.double.onVersionEvent((event) => this.app.deliver(event as unknown as ProductEvent));
  }

  /** Make the next matching storage or Jira operation fail (before it happens, or after it landed). */
  get faults(): FaultInjector {
    return this.runtime.faults;
  }

  /** Forge delivers product events to the trigger modules asynchronously, through their filters. */
  private deliver(event: IssueEvent): void {
    if (this.app.deliver(event as unknown as ProductEvent) > 0) this.eventLog.push({ event });
  }

  /** Waits until every delivered event has been handled (and due retries run); rethrows the first new failure. */
  async settle(): Promise<void> {
    await this.app.settle();
    this.reportFailure();
  }

  /** Delivers the site's past (seeded) history as if the app had been there: one created event per request. */
  async replaySeededRequests(): Promise<void> {
    for (const issue of this.double.toJSON().issues) {
      const live = this.double.issueOrThrow(issue.key);
      this.deliver({ eventType: 'avi:jira:created:issue', issue: eventIssue(this.double, live), atlassianId: live.reporter, selfGenerated: false, associatedUsers: [{ accountId: live.reporter }] });
    }
    await this.settle();
  }

  /**
   * Runs the web trigger whose URL id this is (`/x1/<id>`), as the platform does for an HTTP request to its URL;
   * undefined when no module of the manifest has that URL.
   */
  async webTrigger(id: string, request: WebTriggerRequest): Promise<WebTriggerResponse | undefined> {
    const module = this.app.webTriggers.find((m) => webTriggerId(this.runtime.identity, m.key) === id);
    if (!module) return undefined;
    return this.app.runWebTrigger(module.key, request);
  }

  /**
   * Calls a resolver the way Forge does: through the UI module (context.moduleKey, or the only module using that
   * resolver), as the caller, who must be allowed to use the module.
   */
  async invoke<T = unknown>(resolver: ResolverName, functionKey: string, payload: unknown, context: InvokeContext): Promise<T> {
    const modules = this.app.modulesWithResolver(resolver);
    const moduleKey = context.moduleKey ?? (modules.length === 1 ? modules[0]?.key : undefined);
    if (moduleKey === undefined) throw new Error(`${resolver} serves ${modules.length} UI modules: say which one in context.moduleKey`);
    if (!modules.some((module) => module.key === moduleKey)) throw new Error(`the UI module ${moduleKey} does not use ${resolver}`);
    const { moduleKey: _named, ...rest } = context;
    const result = await this.app.invokeResolver<T>(moduleKey, functionKey, payload, rest);
    await this.settle();
    return result;
  }

  /** `requestJira` from a Custom UI surface as the viewing user: through the runtime, so scopes and limits apply. */
  async frontendRequestJira(accountId: string, restPath: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Response> {
    const forgeFetch = (globalThis as unknown as { __forge_fetch__: (descriptor: unknown, path: string, init: unknown) => Promise<Response> }).__forge_fetch__;
    return runInvocation({ accountId }, () => forgeFetch({ type: 'fpp', provider: 'user', remote: 'jira' }, restPath, init));
  }

  /**
   * Runs a scheduled trigger once, as Forge does on its interval (the five-minute breach watch unless another is
   * named); a failure is rethrown here but never retried.
   */
  async runSchedule(moduleKey = 'breach-watch'): Promise<unknown> {
    const run = await this.app.runScheduledTrigger(moduleKey);
    await this.settle();
    if (run.error !== undefined) throw run.error;
    return run.result;
  }

  /** The daily run of the report schedules (manifest: `report-schedule`). */
  runReportSchedule(): Promise<unknown> {
    return this.runSchedule('report-schedule');
  }

  /** Starts overlapping runs of a scheduled trigger (a long run and the next tick), and waits for all of them. */
  async runOverlappingSchedules(count = 2, moduleKey = 'breach-watch'): Promise<ScheduledRun[]> {
    const runs = await this.app.runOverlappingScheduledTriggers(count, moduleKey);
    await this.settle();
    return runs;
  }

  /** Runs the queue consumer for every event due by the clock (and those they push, when due), in order. */
  async drainQueue(): Promise<number> {
    const runs = await this.app.drainQueue();
    await this.settle();
    return runs;
  }

  /** Queue events waiting (delayed, or for a retry). */
  get queuedJobs(): number {
    return this.app.queue.pending().length;
  }

  /** Moves the clock (never backwards). */
  advance(ms: number): void {
    this.clock.now += Math.max(0, ms);
  }

  close(): void {
    this.runtime.uninstall();
    this.store.close();
  }

  /** A portal customer is a customer; an Atlassian account with no agent role anywhere is an unlicensed user. */
  private accountType(accountId: string): AccountType {
    const user = this.double.user(accountId);
    if (!user) return 'anonymous';
    if (user.accountType === 'customer') return 'customer';
    if (user.accountType === 'app') return 'licensed';
    return this.double.state.projects.some((project) => this.double.isAgent(accountId, project)) ? 'licensed' : 'unlicensed';
  }

  private reportFailure(): void {
    const failure = this.app.failures[this.reported];
    this.reported = this.app.failures.length;
    if (failure !== undefined) throw failure.error;
  }
}
