// A small app installed on the local platform for the host tests: a manifest (resolver modules, a filtered trigger,
// a consumer, a scheduled trigger) and handlers whose behaviour each test sets, so the platform is tested without
// depending on Contract SLA's own code.
import {
  AppHost,
  installLocalForgeRuntime,
  KvsStore,
  readAppManifest,
  type AccountType,
  type LocalForgeRuntime,
  type TimeLimits,
} from '../../../offline/forge-runtime';

type Handler = (...args: unknown[]) => unknown;

export interface Fixture {
  host: AppHost;
  runtime: LocalForgeRuntime;
  store: KvsStore;
  clock: { now: number };
  /** The app's exports; a test replaces a handler to give it the behaviour it needs. */
  app: Record<string, Handler>;
  /** What each handler was called with, by export name. */
  calls: Record<string, unknown[][]>;
  close(): void;
}

export const ACCOUNTS: Record<string, AccountType> = { agent: 'licensed', customer: 'customer', guest: 'unlicensed' };

export const FIXTURE_MODULES = {
  trigger: [
    {
      key: 'issue-events',
      function: 'on-event',
      events: ['avi:jira:created:issue', 'avi:jira:updated:issue'],
      filter: { ignoreSelf: true, expression: "event.issue.fields.project.projectTypeKey == 'service_desk'" },
    },
  ],
  scheduledTrigger: [{ key: 'sweep', function: 'on-schedule', interval: 'fiveMinute' }],
  consumer: [{ key: 'work-consumer', queue: 'work', function: 'worker' }],
  'jira:issuePanel': [{ key: 'agent-panel', resource: 'r', resolver: { function: 'panel-resolver' }, title: 'Panel' }],
  'jiraServiceManagement:portalRequestDetailPanel': [
    { key: 'portal-panel', resource: 'r', resolver: { function: 'portal-resolver' }, title: 'Portal', unlicensedAccess: ['customer'] },
  ],
  webtrigger: [{ key: 'hook', function: 'hook-fn', response: { type: 'dynamic' } }],
  function: [
    { key: 'hook-fn', handler: 'index.hook' },
    { key: 'on-event', handler: 'index.onEvent' },
    { key: 'on-schedule', handler: 'index.onSchedule', timeoutSeconds: 900 },
    { key: 'worker', handler: 'index.worker', timeoutSeconds: 120 },
    { key: 'panel-resolver', handler: 'index.panelResolver' },
    { key: 'portal-resolver', handler: 'index.portalResolver' },
  ],
};

export function issueEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> & { eventType: string } {
  return {
    eventType: 'avi:jira:updated:issue',
    selfGenerated: false,
    atlassianId: 'agent',
    issue: { id: '10001', key: 'SUP-1', fields: { project: { key: 'SUP', projectTypeKey: 'service_desk' }, issuetype: { name: 'Incident' } } },
    ...overrides,
  };
}

export interface FixtureOptions {
  timeLimits?: TimeLimits;
  modules?: Record<string, unknown>;
}

export function installFixture(options: FixtureOptions = {}): Fixture {
  const clock = { now: Date.UTC(2026, 10, 26, 9) };
  const manifest = readAppManifest({
    modules: { ...FIXTURE_MODULES, ...options.modules },
    permissions: { scopes: ['storage:app', 'read:jira-work'] },
    app: { storage: { entities: [] } },
  });
  const calls: Record<string, unknown[][]> = {};
  const app: Record<string, Handler> = {};
  const handlers: Record<string, Handler> = {};
  for (const name of ['onEvent', 'onSchedule', 'worker', 'panelResolver', 'portalResolver', 'hook']) {
    calls[name] = [];
    app[name] = () => undefined;
    // The host resolves the export once; it forwards to whatever the test has put in `app`.
    handlers[name] = (...args: unknown[]) => {
      (calls[name] as unknown[][]).push(args);
      return (app[name] as Handler)(...args);
    };
  }
  const store = new KvsStore({ now: () => clock.now });
  const host = new AppHost({
    manifest,
    modules: { index: handlers },
    now: () => clock.now,
    accountType: (accountId) => ACCOUNTS[accountId] ?? 'licensed',
    installContext: 'ari:cloud:jira::site/cloud-1',
    ...(options.timeLimits ? { timeLimits: options.timeLimits } : {}),
  });
  const runtime = installLocalForgeRuntime({ kvs: store, manifest, queue: host.acceptPush, now: () => clock.now });
  return {
    host,
    runtime,
    store,
    clock,
    app,
    calls,
    close: () => {
      runtime.uninstall();
      store.close();
    },
  };
}

/** Registers an afterEach that closes the test's fixture; the returned function installs one. */
export function fixtures(): (options?: FixtureOptions) => Fixture {
  let current: Fixture | undefined;
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  return (options) => {
    current = installFixture(options);
    return current;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
