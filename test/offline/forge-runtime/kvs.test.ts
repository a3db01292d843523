// Plain key-value storage and secrets, through the real @forge/kvs against the local store.
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { LIMITS } from '../../../offline/forge-runtime';
import { rejection, useLocalRuntime } from './helpers';

const harness = useLocalRuntime();

describe('kvs get/set/delete', () => {
  it('round-trips JSON values and forgets deleted keys', async () => {
    await kvs.set('contract:acme', { name: 'Acme', hours: [9, 17], active: true });
    await kvs.set('counter', 3);
    expect(await kvs.get('contract:acme')).toEqual({ name: 'Acme', hours: [9, 17], active: true });
    expect(await kvs.get('counter')).toBe(3);
    await kvs.delete('contract:acme');
    expect(await kvs.get('contract:acme')).toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
    expect(harness.runtime.counters.kvsOps).toBe(7);
    expect(harness.runtime.counters.kvsByOperation['/api/v1/set']).toBe(2);
  });

  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });

  it('holds a secret of at most 128 KiB, where a plain value may have 240 KiB', async () => {
    const large = 'x'.repeat(130 * 1024);
    expect((await rejection(kvs.setSecret('big', large))).code).toBe('MAX_SIZE');
    expect(await kvs.getSecret('big')).toBeUndefined();
    await kvs.set('big', large);
    await kvs.setSecret('fits', 'x'.repeat(120 * 1024));
  });

  it('returns metadata when asked, with timestamps from the store clock', async () => {
    await kvs.set('k', 'v1');
    harness.clock.now += 1_000;
    await kvs.set('k', 'v2');
    const got = await kvs.get('k', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(got).toEqual({ key: 'k', value: 'v2', createdAt: harness.clock.now - 1_000, updatedAt: harness.clock.now });
  });

  it('honours keyPolicy and returnValue', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const conflict = await rejection(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(conflict.code).toBe('KEY_CONFLICT');
    expect(conflict.responseDetails?.status).toBe(409);
    const previous = await kvs.set('once', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'once', value: 1 });
    const latest = await kvs.set('once', 4, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
    expect(latest).toEqual({ key: 'once', value: 4 });
  });

  it('expires values after their TTL', async () => {
    await kvs.set('lease', 'held', { ttl: { value: 30, unit: 'SECONDS' } });
    const withExpiry = await kvs.get('lease', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(withExpiry).toEqual({ key: 'lease', value: 'held', expireTime: new Date(harness.clock.now + 30_000).toISOString() });
    harness.clock.now += 30_000;
    expect(await kvs.get('lease')).toBeUndefined();
    expect((await rejection(kvs.set('x', 1, { ttl: { value: 0, unit: 'SECONDS' } }))).code).toBe('INVALID_TTL');
    expect((await rejection(kvs.set('x', 1, { ttl: { value: 366, unit: 'DAYS' } }))).code).toBe('INVALID_TTL');
    await kvs.set('x', 1, { ttl: { value: 365, unit: 'DAYS' } });
  });
});

describe('kvs limits', () => {
  it(`refuses a value over ${LIMITS.valueBytes} bytes with MAX_SIZE, and accepts one at the limit`, async () => {
    // JSON text of a string is its characters plus two quotes.
    await kvs.set('at-limit', 'x'.repeat(LIMITS.valueBytes - 2));
    const error = await rejection(kvs.set('too-big', 'x'.repeat(LIMITS.valueBytes - 1)));
    expect(error.code).toBe('MAX_SIZE');
    expect(error.responseDetails?.status).toBe(400);
    expect(await kvs.get('too-big')).toBeUndefined();
  });

  it('refuses values nested deeper than the platform allows', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.objectDepth + 1; i += 1) deep = { d: deep };
    expect((await rejection(kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });

  it('refuses null, which storage cannot hold', async () => {
    expect((await rejection(kvs.set('nothing', null))).code).toBe('BAD_REQUEST');
    expect(await kvs.get('nothing')).toBeUndefined();
  });

  it('refuses bad keys', async () => {
    expect((await rejection(kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    expect((await rejection(kvs.set('a/b', 1))).code).toBe('INVALID_KEY');
    expect((await rejection(kvs.set('   ', 1))).code).toBe('INVALID_KEY');
    await kvs.set('ok:key_1.2 #-x', 1);
  });
});

describe('kvs.query', () => {
  it('lists keys by prefix in key order, paging with cursors', async () => {
    for (let i = 0; i < 25; i += 1) await kvs.set(`job:${String(i).padStart(3, '0')}`, { i });
    await kvs.set('jobs-other', 'not a job');
    await kvs.set('a-first', 'before');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('job:')).limit(10);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<{ i: number }>();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `job:${String(i).padStart(3, '0')}`));
  });

  it('returns 10 results by default and refuses a limit over 100', async () => {
    for (let i = 0; i < 12; i += 1) await kvs.set(`k${String(i).padStart(2, '0')}`, i);
    const page = await kvs.query().getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toBeDefined();
    expect(await kvs.query().where('key', WhereConditions.beginsWith('k11')).getOne()).toEqual({ key: 'k11', value: 11 });
    expect((await rejection(kvs.query().limit(101).getMany())).code).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  });
});

describe('kvs batches', () => {
  it('sets, gets and deletes up to 25 keys, reporting misses per key', async () => {
    const set = await kvs.batchSet([
      { key: 'b1', value: 1 },
      { key: 'b2', value: 2 },
      { key: 'bad/key', value: 3 },
    ]);
    expect(set.successfulKeys.map((k) => k.key)).toEqual(['b1', 'b2']);
    expect(set.failedKeys).toEqual([{ key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } }]);
    const got = await kvs.batchGet([{ key: 'b1' }, { key: 'missing' }]);
    expect(got.successfulKeys).toEqual([expect.objectContaining({ key: 'b1', value: 1 })]);
    expect(got.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } }]);
    await kvs.batchDelete([{ key: 'b1' }, { key: 'b2' }]);
    expect(await kvs.get('b2')).toBeUndefined();
    const tooMany = Array.from({ length: 26 }, (_, i) => ({ key: `t${i}`, value: i }));
    expect((await rejection(kvs.batchSet(tooMany))).code).toBe('TOO_MANY_BATCH_ENTITIES');
  });
});
