// kvs.transact(): all operations land or none do, through the real @forge/kvs against the local store.
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { rejection, useLocalRuntime } from './helpers';

useLocalRuntime();

interface Obligation {
  issueKey: string;
  contractId: string;
  dueAt: number;
  rank: number;
  state: string;
  breached: boolean;
}

const base: Obligation = { issueKey: 'SUP-1', contractId: 'acme', dueAt: 1, rank: 1, state: 'open', breached: false };
const isOpen = () => new Filter<Obligation>().and('state', FilterConditions.equalTo('open'));

describe('kvs.transact', () => {
  it('commits sets and deletes across plain keys and entities together', async () => {
    await kvs.set('gone', 1);
    await kvs.entity('obligation').set('o1', base);
    await kvs
      .transact()
      .set('plain', { a: 1 })
      .delete('gone')
      .set('o2', { ...base, issueKey: 'SUP-2' }, { entityName: 'obligation' })
      .set('o1', { ...base, state: 'met' }, { entityName: 'obligation', conditions: isOpen() })
      .delete('absent')
      .execute();
    expect(await kvs.get('plain')).toEqual({ a: 1 });
    expect(await kvs.get('gone')).toBeUndefined();
    expect(await kvs.entity<Obligation>('obligation').get('o1')).toEqual({ ...base, state: 'met' });
    expect(await kvs.entity<Obligation>('obligation').get('o2')).toEqual({ ...base, issueKey: 'SUP-2' });
  });

  it('writes nothing when a condition fails', async () => {
    await kvs.set('untouched', 'before');
    await kvs.entity('obligation').set('o1', { ...base, state: 'met' });
    const error = await rejection(
      kvs
        .transact()
        .set('new-key', 1)
        .delete('untouched')
        .check('o1', { entityName: 'obligation', conditions: isOpen() })
        .execute(),
    );
    expect([error.code, error.responseDetails?.status]).toEqual(['CONDITIONAL_CHECK_FAILED', 400]);
    expect(await kvs.get('new-key')).toBeUndefined();
    expect(await kvs.get('untouched')).toBe('before');
  });

  it('treats a condition on an absent entity as failed', async () => {
    const error = await rejection(kvs.transact().set('o9', base, { entityName: 'obligation', conditions: isOpen() }).execute());
    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await kvs.entity('obligation').get('o9')).toBeUndefined();
  });

  it('writes nothing when a later operation is refused', async () => {
    const error = await rejection(kvs.transact().set('first', 1).set('bad/key', 2).execute());
    expect(error.code).toBe('INVALID_KEY');
    expect(await kvs.get('first')).toBeUndefined();
    const tooBig = await rejection(kvs.transact().set('a', 1).set('b', 'x'.repeat(300 * 1024)).execute());
    expect(tooBig.code).toBe('MAX_SIZE');
    expect(await kvs.get('a')).toBeUndefined();
  });

  it('refuses more than 25 operations and a key used twice', async () => {
    let big = kvs.transact();
    for (let i = 0; i < 26; i += 1) big = big.set(`k${i}`, i);
    const tooMany = await rejection(big.execute());
    expect([tooMany.code, tooMany.responseDetails?.status]).toEqual(['UNPROCESSABLE_ENTITY', 422]);
    expect(await kvs.get('k0')).toBeUndefined();
    let limit = kvs.transact();
    for (let i = 0; i < 25; i += 1) limit = limit.set(`k${i}`, i);
    await limit.execute();
    expect(await kvs.get('k24')).toBe(24);
    expect((await rejection(kvs.transact().set('dup', 1).delete('dup').execute())).code).toBe('KEY_DUPLICATION_ERROR');
  });

  it('refuses a transaction whose payload is over 4 MB, although each value is under 240 KiB', async () => {
    let heavy = kvs.transact();
    for (let i = 0; i < 20; i += 1) heavy = heavy.set(`h${i}`, 'x'.repeat(210_000));
    const refused = await rejection(heavy.execute());
    expect([refused.code, refused.responseDetails?.status]).toEqual(['MAX_SIZE', 400]);
    expect(await kvs.get('h0')).toBeUndefined();
  });
});
