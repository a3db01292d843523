// Custom entities and index queries, through the real @forge/kvs against the local store.
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { KvsStore } from '../../../offline/forge-runtime';
import { rejection, useLocalRuntime } from './helpers';

useLocalRuntime();

interface Obligation {
  issueKey: string;
  contractId: string;
  dueAt: number;
  rank: number;
  state: string;
  breached: boolean;
  notes?: unknown;
}

const obligations = () => kvs.entity<Obligation>('obligation');

function obligation(i: number, overrides: Partial<Obligation> = {}): Obligation {
  return {
    issueKey: `SUP-${String(i).padStart(4, '0')}`,
    contractId: i % 2 === 0 ? 'acme' : 'globex',
    dueAt: 1_700_000_000_000 + i * 60_000,
    rank: i,
    state: i % 3 === 0 ? 'met' : 'open',
    breached: i % 5 === 0,
    ...overrides,
  };
}

async function seed(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await obligations().set(`o${i}`, obligation(i));
}

/** Every page of a query, following cursors. */
async function all(build: (cursor?: string) => { getMany(): Promise<{ results: Array<{ key: string }>; nextCursor?: string }> }): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await build(cursor).getMany();
    keys.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

describe('entity get/set/delete', () => {
  it('stores, reads and deletes entities', async () => {
    await obligations().set('o1', obligation(1, { notes: { free: ['form'] } }));
    expect(await obligations().get('o1')).toEqual(obligation(1, { notes: { free: ['form'] } }));
    expect(await kvs.get('o1')).toBeUndefined();
    await obligations().delete('o1');
    expect(await obligations().get('o1')).toBeUndefined();
  });

  it('refuses undeclared entities and values of the wrong attribute type', async () => {
    const undeclared = await rejection(kvs.entity('nope').set('x', { a: 1 }));
    expect([undeclared.code, undeclared.responseDetails?.status]).toEqual(['SCHEMA_NOT_FOUND', 404]);
    expect((await rejection(obligations().set('o', obligation(1, { rank: 2 ** 31 })))).code).toBe('INCORRECT_PROPERTY_TYPE');
    expect((await rejection(obligations().set('o', obligation(1, { issueKey: 7 as unknown as string })))).code).toBe('INCORRECT_PROPERTY_TYPE');
    expect((await rejection(kvs.entity('obligation').set('o', 'text'))).code).toBe('INVALID_ENTITY_VALUE');
  });

  it.each([
    ['null', { state: null }],
    ['an empty string', { state: '' }],
    ['a blank string', { state: ' \t\n' }],
    ['a float below 1E-130 in magnitude', { dueAt: 1e-131 }],
    ['a float above 9.99…E+125 in magnitude', { dueAt: -2e126 }],
  ])('refuses %s with INVALID_ENTITY_VALUE and stores nothing', async (_name, overrides) => {
    const refused = await rejection(obligations().set('o1', obligation(1, overrides as Partial<Obligation>)));
    expect([refused.code, refused.responseDetails?.status]).toEqual(['INVALID_ENTITY_VALUE', 400]);
    expect(await obligations().get('o1')).toBeUndefined();
  });

  it('accepts the edges of each type, and leaves an absent string out instead of storing it empty', async () => {
    const edges = obligation(1, { rank: -(2 ** 31), dueAt: 0, state: 'x' });
    await obligations().set('o1', edges);
    await obligations().set('o2', obligation(2, { rank: 2 ** 31 - 1, dueAt: 1e-130 }));
    await obligations().set('o3', obligation(3, { dueAt: 1e126 }));
    const { state, ...stateless } = obligation(4);
    expect(state).toBe('open');
    await obligations().set('o4', stateless as Obligation);
    expect(await obligations().get('o1')).toEqual(edges);
    expect(await obligations().get('o4')).toEqual(stateless);
  });

  it('refuses a manifest beyond the custom entity limits', () => {
    const attributes = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, { type: 'string' as const }]));
    expect(() => new KvsStore({ entities: [{ name: 'wide', attributes }] })).toThrow(/at most 50 attributes/);
    expect(() => new KvsStore({ entities: [{ name: 'long', attributes: { [`a${'x'.repeat(30)}`]: { type: 'string' } } }] })).toThrow(/longer than 30/);
    const indexes = Array.from({ length: 8 }, (_, i) => ({ name: `by-${i}-idx`, range: ['a'] }));
    expect(() => new KvsStore({ entities: [{ name: 'many', attributes: { a: { type: 'string' } }, indexes }] })).toThrow(/at most 7 indexes/);
    expect(() => new KvsStore({ entities: [{ name: 'short', attributes: { a: { type: 'string' } }, indexes: [{ name: 'ab', range: ['a'] }] }] })).toThrow(/index name/);
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `entity-${i}`, attributes: {} }));
    expect(() => new KvsStore({ entities: many })).toThrow(/at most 20 custom entities/);
  });
});

describe('entity index queries', () => {
  it('selects by partition and orders by the range attribute', async () => {
    await seed(12);
    const page = await obligations().query().index('by-contract-due', { partition: ['acme'] }).limit(100).getMany();
    expect(page.results.map((r) => r.key)).toEqual(['o0', 'o2', 'o4', 'o6', 'o8', 'o10']);
    expect(page.nextCursor).toBeUndefined();
    const desc = await obligations().query().index('by-contract-due', { partition: ['acme'] }).sort(Sort.DESC).limit(3).getMany();
    expect(desc.results.map((r) => r.key)).toEqual(['o10', 'o8', 'o6']);
    expect(desc.results[0]?.value).toEqual(obligation(10));
  });

  it('applies each range condition', async () => {
    await seed(10);
    const dueAt = (i: number) => obligation(i).dueAt;
    const keys = async (condition: ReturnType<(typeof WhereConditions)[keyof typeof WhereConditions]>) =>
      (await obligations().query().index('by-contract-due', { partition: ['acme'] }).where(condition).limit(100).getMany()).results.map((r) => r.key);
    expect(await keys(WhereConditions.equalTo(dueAt(4)))).toEqual(['o4']);
    expect(await keys(WhereConditions.between(dueAt(2), dueAt(6)))).toEqual(['o2', 'o4', 'o6']);
    expect(await keys(WhereConditions.greaterThan(dueAt(6)))).toEqual(['o8']);
    expect(await keys(WhereConditions.greaterThanEqualTo(dueAt(6)))).toEqual(['o6', 'o8']);
    expect(await keys(WhereConditions.lessThan(dueAt(2)))).toEqual(['o0']);
    expect(await keys(WhereConditions.lessThanEqualTo(dueAt(2)))).toEqual(['o0', 'o2']);
  });

  it('matches string ranges with beginsWith under a multi-attribute partition', async () => {
    await seed(30);
    await obligations().set('x1', obligation(100, { issueKey: 'OPS-0001', state: 'open', breached: false }));
    const page = await obligations()
      .query()
      .index('by-state-issue', { partition: ['open', false] })
      .where(WhereConditions.beginsWith('SUP-001'))
      .limit(100)
      .getMany();
    // i in 10..19 that are open (i % 3 !== 0) and not breached (i % 5 !== 0).
    expect(page.results.map((r) => r.value.issueKey)).toEqual(['SUP-0011', 'SUP-0013', 'SUP-0014', 'SUP-0016', 'SUP-0017', 'SUP-0019']);
  });

  it('indexes a bare attribute (no partition) and leaves out entities without it', async () => {
    await seed(5);
    const { rank, ...withoutRank } = obligation(99);
    expect(rank).toBe(99);
    await kvs.entity('obligation').set('no-rank', withoutRank);
    const page = await obligations().query().index('rank').where(WhereConditions.greaterThan(2)).getMany();
    expect(page.results.map((r) => r.key)).toEqual(['o3', 'o4']);
  });

  it('pages through more than 100 results with cursors, in both sort orders', async () => {
    await seed(230);
    const acme = Array.from({ length: 115 }, (_, i) => `o${i * 2}`);
    const ascending = await all((cursor) => {
      const query = obligations().query().index('by-contract-due', { partition: ['acme'] }).limit(100);
      return cursor ? query.cursor(cursor) : query;
    });
    expect(ascending).toEqual(acme);
    const descending = await all((cursor) => {
      const query = obligations().query().index('by-contract-due', { partition: ['acme'] }).sort(Sort.DESC).limit(40);
      return cursor ? query.cursor(cursor) : query;
    });
    expect(descending).toEqual([...acme].reverse());
  });

  it('keeps its place when rows change between pages', async () => {
    await seed(10);
    const first = await obligations().query().index('rank').limit(3).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['o0', 'o1', 'o2']);
    await obligations().delete('o3');
    await obligations().set('o0', obligation(0, { rank: 50 }));
    const second = await obligations().query().index('rank').limit(3).cursor(first.nextCursor as string).getMany();
    expect(second.results.map((r) => r.key)).toEqual(['o4', 'o5', 'o6']);
  });

  it('reads a page of index entries first and filters it afterwards, so a page may be short or empty', async () => {
    await seed(40);
    const open = new Filter<Obligation>().and('state', FilterConditions.equalTo('open')).and('breached', FilterConditions.equalTo(true));
    const first = await obligations().query().index('by-contract-due', { partition: ['acme'] }).filters(open).limit(2).getMany();
    // The first two acme entries (o0, o2) are read; neither is open and breached, so the page is empty but not the end.
    expect(first.results).toEqual([]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const or = await obligations()
      .query()
      .index('rank')
      .where(WhereConditions.lessThan(10))
      .filters(new Filter<Obligation>().or('issueKey', FilterConditions.contains('0003')).or('rank', FilterConditions.between(8, 9)))
      .getMany();
    expect(or.results.map((r) => r.key)).toEqual(['o3', 'o8', 'o9']);
  });

  it('finds every match for an app that follows cursors, and misses some for one that stops at an empty page', async () => {
    await seed(40);
    const open = () => new Filter<Obligation>().and('state', FilterConditions.equalTo('open')).and('breached', FilterConditions.equalTo(true));
    const page = (cursor?: string) => {
      const query = obligations().query().index('by-contract-due', { partition: ['acme'] }).filters(open()).limit(4);
      return cursor ? query.cursor(cursor) : query;
    };
    // Even i that are open (i % 3 !== 0) and breached (i % 5 === 0): 10 and 20.
    expect(await all(page)).toEqual(['o10', 'o20']);
    const naive: string[] = [];
    let cursor: string | undefined;
    do {
      const { results, nextCursor } = await page(cursor).getMany();
      if (results.length === 0) break;
      naive.push(...results.map((r) => r.key));
      cursor = nextCursor;
    } while (cursor);
    expect(naive).toEqual([]);
  });

  it('refuses filters on attributes of type any, undeclared attributes, and conditions the type does not support', async () => {
    const query = (filter: ReturnType<Filter<Obligation>['and']>) => obligations().query().index('rank').filters(filter).getMany();
    const anyTyped = await rejection(query(new Filter<Obligation>().and('notes', FilterConditions.exists())));
    expect([anyTyped.code, anyTyped.responseDetails?.status]).toEqual(['UNPROCESSABLE_ENTITY', 422]);
    expect((await rejection(query(new Filter<Obligation>().and('missing' as keyof Obligation, FilterConditions.exists())))).code).toBe('UNPROCESSABLE_ENTITY');
    expect((await rejection(query(new Filter<Obligation>().and('rank', FilterConditions.contains('1' as never))))).code).toBe('UNPROCESSABLE_ENTITY');
    expect((await rejection(query(new Filter<Obligation>().and('breached', FilterConditions.greaterThan(true as never))))).code).toBe('UNPROCESSABLE_ENTITY');
  });

  it('refuses what the platform refuses', async () => {
    expect((await rejection(obligations().query().index('by-contract-due', { partition: ['acme'] }).limit(101).getMany())).code).toBe(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
    );
    expect((await rejection(obligations().query().index('by-contract-due', { partition: ['acme'] }).limit(0).getMany())).code).toBe(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
    );
    expect((await rejection(obligations().query().index('no-such-index').getMany())).code).toBe('INVALID_ENTITY_INDEX');
    expect((await rejection(obligations().query().index('by-contract-due').getMany())).code).toBe('INVALID_PARTITION');
  });
});
