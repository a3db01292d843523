// The app installed on a local "site": the real handlers of src/index.ts and the real Forge SDKs, served by the
// local Forge runtime (KVS on SQLite) and the JSM double, with a clock that can be moved. Used by the integration
// tests, the benchmark and the browser sandbox alike.
import path from 'node:path';
import { APP_UUID } from '../../src/app-identity';
import { useClock } from '../../src/adapters/clock';
import * as app from '../../src/index';
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
  private readonly queued: QueuePushRequest[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly failures: unknown[] = [];
  private readonly restoreClock: () => void;
  /** Every event the site emitted, with what the trigger made of it. */
  readonly eventLog: Array<{ event: IssueEvent; outcome?: unknown }> = [];

  constructor(options: ForgeHostOptions) {
    this.clock = { now: options.now };
    const clock = (): number => this.clock.now;
    this.restoreClock = useClock(clock);
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
      queue: (push) => void this.queued.push(push),
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
    const run = runAs(undefined, () => app.onIssueEvent(event as never))
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
    const definitions = app[resolver] as (call: unknown, runtime: unknown) => Promise<unknown>;
    // The caller reaches the resolver as the runtime's principal, never through the context the UI could forge.
    const { accountId, ...rest } = context;
    const result = await runAs(accountId, () =>
      definitions({ call: { functionKey, payload }, context: rest }, accountId ? { principal: { accountId } } : {}),
    );
    await this.settle();
    return result as T;
  }

  /** Runs the scheduled trigger once, as Forge does every five minutes. */
  async runSchedule(): Promise<unknown> {
    const result = await runAs(undefined, () => app.onSchedule());
    await this.settle();
    return result;
  }

  /** Runs the queue consumer for every job pushed so far (and those they push), in order. */
  async drainQueue(): Promise<number> {
    let runs = 0;
    while (this.queued.length > 0) {
      const push = this.queued.shift()!;
      for (const event of push.payload) {
        await runAs(undefined, () => app.reevaluationConsumer({ call: { functionKey: 'reevaluate', payload: event.body }, context: {} } as never, {}));
        runs++;
      }
    }
    await this.settle();
    return runs;
  }

  get queuedJobs(): number {
    return this.queued.length;
  }

  /** Moves the clock (never backwards). */
  advance(ms: number): void {
    this.clock.now += Math.max(0, ms);
  }

  close(): void {
    this.restoreClock();
    this.runtime.uninstall();
    this.store.close();
  }
}
