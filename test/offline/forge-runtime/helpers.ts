// Shared set-up: a fresh in-memory store behind an installed local runtime for each test, uninstalled after it.
import {
  installLocalForgeRuntime,
  KvsStore,
  readAppManifest,
  type AppManifest,
  type EntityDefinition,
  type LocalForgeRuntime,
  type LocalForgeRuntimeOptions,
} from '../../../offline/forge-runtime';

export const ENTITIES: EntityDefinition[] = [
  {
    name: 'obligation',
    attributes: {
      issueKey: { type: 'string' },
      contractId: { type: 'string' },
      dueAt: { type: 'float' },
      rank: { type: 'integer' },
      state: { type: 'string' },
      breached: { type: 'boolean' },
      notes: { type: 'any' },
    },
    indexes: [
      'rank',
      { name: 'by-contract-due', partition: ['contractId'], range: ['dueAt'] },
      { name: 'by-state-issue', partition: ['state', 'breached'], range: ['issueKey'] },
    ],
  },
];

/** A small app: storage, the queue `sla-recalc` and a Jira scope; tests that need another pass their own. */
export function fixtureManifest(extra: { scopes?: unknown; modules?: Record<string, unknown> } = {}): AppManifest {
  return readAppManifest({
    modules: {
      consumer: [{ key: 'recalc', queue: 'sla-recalc', function: 'recalc-fn' }],
      function: [{ key: 'recalc-fn', handler: 'index.recalc' }],
      ...extra.modules,
    },
    permissions: { scopes: extra.scopes ?? ['storage:app', 'read:jira-work', 'write:jira-work'] },
    app: { storage: { entities: ENTITIES } },
  });
}

export interface Harness {
  store: KvsStore;
  runtime: LocalForgeRuntime;
  clock: { now: number };
}

/** Registers beforeEach/afterEach hooks; the returned object is filled in before each test. */
export function useLocalRuntime(extra: Omit<LocalForgeRuntimeOptions, 'kvs'> = {}): Harness {
  const harness = { clock: { now: Date.UTC(2026, 0, 5, 9) } } as Harness;
  beforeEach(() => {
    harness.clock.now = Date.UTC(2026, 0, 5, 9);
    harness.store = new KvsStore({ entities: ENTITIES, now: () => harness.clock.now });
    harness.runtime = installLocalForgeRuntime({ kvs: harness.store, manifest: fixtureManifest(), now: () => harness.clock.now, ...extra });
  });
  afterEach(() => {
    harness.runtime.uninstall();
    harness.store.close();
  });
  return harness;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string; responseDetails?: { status: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string; responseDetails?: { status: number } };
  }
  throw new Error('expected the promise to reject');
}
