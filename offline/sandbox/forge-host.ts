// The app installed on a local "site": the real handlers (src/app.ts builds the same ones src/index.ts exports, here
// around the site's movable clock) and the real Forge SDKs, served by the local Forge runtime (KVS on SQLite) and the
// JSM double. Used by the integration tests, the benchmark and the browser sandbox alike.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { APP_UUID, JOB_QUEUE } from '../../src/app-identity';
import { createApp, type App } from '../../src/app';
import { JsmDouble, jsmProductHandler, seedDemo, type IssueEvent } from '../jsm-double';
import { installLocalForgeRuntime, KvsStore, loadEntityDefinitions, runAs, type LocalForgeRuntime, type QueuePushRequest } from '../forge-runtime';
import { CONTRACT_PRIORITY_FIELD_KEY, NEXT_DEADLINE_FIELD_KEY } from '../../src/timeline/site-fields';

export type ResolverName = 'issuePanelResolver' | 'adminResolver' | 'portalResolver' | 'worklistResolver';

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
  /** Pushed jobs with the instant (on the site's clock) they become due. */
  private readonly queued: Array<{ push: QueuePushRequest; dueAt: number }> = [];
  readonly app: App;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly failures: unknown[] = [];
  /** Every event the site emitted, with what the trigger made of it. */
  readonly eventLog: Array<{ event: IssueEvent; outcome?: unknown }> = [];

  constructor(options: ForgeHostOptions) {
    this.clock = { now: options.now };
    const clock = (): number => this.clock.now;
    this.app = createApp({ now: clock });
    this.store = new KvsStore({
      path: options.storagePath ?? ':memory:',
      entities: loadEntityDefinitions(options.manifestPath ?? path.join(ROOT, 'manifest.yml')),
      now: clock,
    });
    if (options.site !== undefined) {
      this.double = JsmDouble.fromJSON(options.site, { clock });
    } else {
      this.double = new JsmDouble({ clock, appId: APP_UUID, timeZone: 'Europe/Copenhagen' });
      // Installing the app creates its fields on the site.
      this.double.registerAppField({ key: NEXT_DEADLINE_FIELD_KEY, name: 'Next SLA deadline', type: 'datetime' });
      this.double.registerAppField({ key: CONTRACT_PRIORITY_FIELD_KEY, name: 'Contract priority', type: 'string' });
      if (options.seed !== false) seedDemo(this.double, options.now);
    }
    this.runtime = installLocalForgeRuntime({
      kvs: this.store,
      products: { jira: jsmProductHandler(this.double) },
      queue: (push) => {
        const delay = Math.max(0, ...push.payload.map((event) => event.delayInSeconds ?? 0));
        this.queued.push({ push, dueAt: this.clock.now + delay * 1000 });
      },
      identity: { appId: APP_UUID },
    });
    this.double.onEvent((event) => this.deliver(event));
  }

  /** Forge delivers product events to the trigger asynchronously, as the app (no user). */
  private deliver(event: IssueEvent): void {
    // The manifest's trigger filter `ignoreSelf: true`: events the app caused itself are not delivered.
    if (event.selfGenerated) return;
    const entry: { event: IssueEvent; outcome?: unknown } = { event };
    this.eventLog.push(entry);
    const run = runAs(undefined, () => this.app.onIssueEvent(event as never))
      .then((outcome) => {
        entry.outcome = outcome;
      })
      .catch((error: unknown) => {
        this.failures.push(error);
      })
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  /** Waits until every delivered event has been handled; rethrows the first failure. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
  }

  /** Delivers the site's past (seeded) history as if the app had been there: one created event per request. */
  async replaySeededRequests(): Promise<void> {
    for (const issue of this.double.toJSON().issues) {
      this.deliver({ eventType: 'avi:jira:created:issue', issue: { id: issue.id, key: issue.key, fields: {} }, selfGenerated: false, associatedUsers: [] } as unknown as IssueEvent);
    }
    await this.settle();
  }

  /** Calls a resolver the way Forge does: the call, the context, and the caller as the runtime's principal. */
  async invoke<T = unknown>(resolver: ResolverName, functionKey: string, payload: unknown, context: InvokeContext): Promise<T> {
    const definitions = this.app[resolver] as (call: unknown, runtime: unknown) => Promise<unknown>;
    // The caller reaches the resolver as the runtime's principal, never through the context the UI could forge;
    // Forge also says what kind of account it is (a licensed user, or a portal customer).
    const { accountId, ...rest } = context;
    const user = accountId ? this.double.user(accountId) : undefined;
    const accountType = user === undefined ? 'anonymous' : user.accountType === 'customer' ? 'customer' : 'licensed';
    const result = await runAs(accountId, () =>
      definitions({ call: { functionKey, payload }, context: { ...rest, ...(accountId ? { accountId } : {}), accountType } }, accountId ? { principal: { accountId } } : {}),
    );
    await this.settle();
    return result as T;
  }

  /** Runs the scheduled trigger once, as Forge does every five minutes. */
  async runSchedule(): Promise<unknown> {
    const result = await runAs(undefined, () => this.app.onSchedule());
    await this.settle();
    return result;
  }

  /**
   * Runs the queue consumer, as async events v2 deliver them, for every job due on the site's clock (and those they
   * push), in order. Delayed jobs wait until the clock reaches them.
   */
  async drainQueue(): Promise<number> {
    let runs = 0;
    for (;;) {
      const due = this.queued.findIndex((job) => job.dueAt <= this.clock.now);
      if (due < 0) break;
      const { push } = this.queued.splice(due, 1)[0]!;
      for (const event of push.payload) {
        const asyncEvent = { body: event.body, queueName: JOB_QUEUE, jobId: push.jobId, eventId: randomUUID() };
        await runAs(undefined, () => this.app.onJob(asyncEvent));
        runs++;
      }
    }
    await this.settle();
    return runs;
  }

  /** Jobs pushed and not yet run (due or delayed). */
  get queuedJobs(): number {
    return this.queued.length;
  }

  /** Moves the clock (never backwards). */
  advance(ms: number): void {
    this.clock.now += Math.max(0, ms);
  }

  close(): void {
    this.runtime.uninstall();
    this.store.close();
  }
}
