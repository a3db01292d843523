// Storage units and the per-installation rate limits: every request costs read or write units of 10 KB, and beyond
// the limits per minute the platform answers 429 RATE_LIMIT_EXCEEDED with Retry-After, measured on the runtime clock.
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { installLocalForgeRuntime, KvsStore, type LocalForgeRuntime } from '../../../offline/forge-runtime';
import { ENTITIES, fixtureManifest, rejection } from './helpers';

const clock = { now: Date.UTC(2026, 0, 5, 9) };
let store: KvsStore;
let runtime: LocalForgeRuntime;

function install(options: Partial<Parameters<typeof installLocalForgeRuntime>[0]> = {}): void {
  store = new KvsStore({ entities: ENTITIES, now: () => clock.now });
  runtime = installLocalForgeRuntime({ kvs: store, manifest: fixtureManifest(), now: () => clock.now, ...options });
}

afterEach(() => {
  runtime.uninstall();
  store.close();
});

/** A raw storage request, to see the HTTP answer (@forge/kvs keeps only status and body). */
async function raw(path: string, body: unknown): Promise<Response> {
  const fetch = (globalThis as unknown as { __forge_fetch__: (d: unknown, p: string, i: unknown) => Promise<Response> }).__forge_fetch__;
  return fetch({ type: 'kvs', provider: 'app', remote: 'kvs' }, path, { method: 'POST', body: JSON.stringify(body) });
}

const text = (bytes: number): string => 'x'.repeat(bytes);

describe('storage units', () => {
  beforeEach(() => install());

  it('charges writes by what they send and reads by what they return, in 10 KB units of at least 1', async () => {
    await kvs.set('small', 'a');
    await kvs.set('big', text(25_000));
    expect(runtime.counters.storage.writeUnits).toBe(1 + 3);
    await kvs.get('small');
    await kvs.get('big');
    await kvs.get('absent');
    expect(runtime.counters.storage.readUnits).toBe(1 + 3 + 1);
    expect(runtime.counters.storage.byOperation['/api/v1/set']).toEqual({ requests: 2, readUnits: 0, writeUnits: 4 });
    expect(runtime.counters.storage.byOperation['/api/v1/get']).toEqual({ requests: 3, readUnits: 5, writeUnits: 0 });
  });

  it('charges a batch for its whole size, so ten small writes batched cost less than ten alone', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: text(900) }));
    await kvs.batchSet(items);
    expect(runtime.counters.storage.writeUnits).toBe(1);
    for (const item of items) await kvs.set(item.key, item.value);
    expect(runtime.counters.storage.writeUnits).toBe(1 + 10);
  });

  it('charges a filtered entity query for every entry it read, not only those it returned', async () => {
    for (let i = 0; i < 20; i += 1) {
      await kvs.entity<Record<string, unknown>>('obligation').set(`o${i}`, { issueKey: `SUP-${i}`, contractId: 'acme', dueAt: i, rank: i, state: 'open', breached: false, notes: text(4_000) });
    }
    const before = runtime.counters.storage.readUnits;
    const page = await kvs
      .entity<{ rank: number }>('obligation')
      .query()
      .index('by-contract-due', { partition: ['acme'] })
      .filters(new Filter<{ rank: number }>().and('rank', FilterConditions.equalTo(3)))
      .limit(20)
      .getMany();
    expect(page.results.map((r) => r.key)).toEqual(['o3']);
    // Twenty entries of just over 4 KB were read: about 81 KB, 9 units, although one entry came back.
    expect(runtime.counters.storage.readUnits - before).toBe(9);
  });
});

describe('rate limits (enforce)', () => {
  it('answers 429 RATE_LIMIT_EXCEEDED with Retry-After once a minute\'s write units are spent, until the clock moves on', async () => {
    install({ storageLimits: { writeUnitsPerMinute: 5 } });
    for (let i = 0; i < 5; i += 1) await kvs.set(`k${i}`, i);
    const refused = await rejection(kvs.set('k5', 5));
    expect([refused.code, refused.responseDetails?.status]).toEqual(['RATE_LIMIT_EXCEEDED', 429]);
    const answer = await raw('/api/v1/set', { key: 'k5', value: 5 });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('60');
    expect(await kvs.get('k5')).toBeUndefined();
    expect(runtime.counters.storage.rateLimited).toBe(2);
    clock.now += 30_000;
    expect((await raw('/api/v1/set', { key: 'k5', value: 5 })).headers.get('retry-after')).toBe('30');
    clock.now += 30_000;
    await kvs.set('k5', 5);
    expect(await kvs.get('k5')).toBe(5);
  });

  it('refuses a write that would not fit in what is left of the minute', async () => {
    install({ storageLimits: { writeUnitsPerMinute: 4 } });
    await kvs.set('a', text(15_000));
    await kvs.set('b', 1);
    expect((await rejection(kvs.set('c', text(15_000)))).code).toBe('RATE_LIMIT_EXCEEDED');
    await kvs.set('c', 1);
  });

  it('names the transaction refusal TOO_MANY_REQUESTS, as the transactions page does', async () => {
    install({ storageLimits: { writeUnitsPerMinute: 1 } });
    await kvs.set('a', 1);
    const refused = await rejection(kvs.transact().set('b', 1).execute());
    expect([refused.code, refused.responseDetails?.status]).toEqual(['TOO_MANY_REQUESTS', 429]);
  });

  it('keeps reads and writes in separate budgets', async () => {
    install({ storageLimits: { readUnitsPerMinute: 2 } });
    await kvs.get('a');
    await kvs.get('b');
    expect((await rejection(kvs.get('c'))).code).toBe('RATE_LIMIT_EXCEEDED');
    await kvs.set('c', 1);
  });

  it('enforces the platform numbers by default: 1,000 requests a second and 4,000 write units a minute', async () => {
    install();
    for (let i = 0; i < 1_000; i += 1) await kvs.set(`k${i}`, i);
    expect((await rejection(kvs.set('one-too-many', 1))).code).toBe('RATE_LIMIT_EXCEEDED');
    for (let second = 1; second < 4; second += 1) {
      clock.now += 1_000;
      for (let i = 0; i < 1_000; i += 1) await kvs.set(`k${i}`, i);
    }
    clock.now += 1_000;
    expect(runtime.counters.storage.writeUnits).toBe(4_000);
    expect((await rejection(kvs.set('k', 1))).code).toBe('RATE_LIMIT_EXCEEDED');
    clock.now += 56_000;
    await kvs.set('k', 1);
  });
});

describe('rate limits (count)', () => {
  it('serves everything and adds up the waiting the platform would have imposed', async () => {
    install({ rateLimits: 'count', storageLimits: { writeUnitsPerMinute: 5 } });
    for (let i = 0; i < 12; i += 1) await kvs.set(`k${i}`, i);
    expect(await kvs.get('k11')).toBe(11);
    // Writes 6-10 wait a minute for the first five to leave the window; writes 11-12 another minute.
    expect(runtime.counters.storage.throttledMs).toBe(120_000);
    expect(runtime.counters.storage.rateLimited).toBe(2);
    expect(runtime.counters.storage.writeUnits).toBe(12);
  });
});
