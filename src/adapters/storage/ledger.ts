// What the delivery ledgers (escalations, contract reminders) share: how an id becomes part of a key, and the one way
// an entry is written — only over the revision it was read at, so two workers never both claim the same delivery.
import kvs, { Filter, FilterConditions } from '@forge/kvs';
import { conditionFailed, stored } from './kvs-retry';

/** Keys allow letters, digits and `:._-#`: anything else (and `:` itself) is written as `:` and its UTF-8 bytes in hex. */
export function keyPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, (c) => [...Buffer.from(c, 'utf8')].map((b) => `:${b.toString(16).padStart(2, '0')}`).join(''));
}

/**
 * Writes the entry unless someone else wrote it since `previous` was read (or, with no previous, unless it exists).
 * Returns the entry written, or undefined when another worker got there first.
 */
export async function writeOverRevision<T extends { rev: number }>(entityName: string, key: string, next: Omit<T, 'rev'>, previous: T | undefined): Promise<T | undefined> {
  const entry = { ...next, rev: (previous?.rev ?? 0) + 1 } as T;
  try {
    if (previous === undefined) {
      await stored(() => kvs.entity<T>(entityName).set(key, entry, { keyPolicy: 'FAIL_IF_EXISTS' }));
    } else {
      const same = new Filter<T>().and('rev', FilterConditions.equalTo(previous.rev));
      await stored(() => kvs.transact().set(key, entry, { entityName, conditions: same }).execute());
    }
    return entry;
  } catch (error) {
    if (conditionFailed(error)) return undefined;
    throw error;
  }
}
