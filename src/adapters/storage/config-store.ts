// The configuration bundle in storage, versioned. Every save is validated first (all errors at once) and written
// with the expected version as a condition, so an invalid bundle is never stored and a concurrent save is refused
// instead of silently overwritten; each version is also kept for export and rollback.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { validateBundle } from '../../config/validate-bundle';
import type { ValidationIssue } from '../../config/issues';
import type { ConfigBundle } from '../../engine/types';
import { CURRENT, ENTITY, INDEX } from './entities';
import { conditionFailed, stored } from './kvs-retry';

export interface StoredConfiguration {
  version: number;
  savedAt: number;
  savedBy: string;
  bundle: ConfigBundle;
}

export type SaveOutcome =
  /** `unchanged`: the bundle is the current one already (an identical re-import): no new version is made. */
  | { ok: true; saved: StoredConfiguration; unchanged: boolean }
  | { ok: false; reason: 'invalid'; issues: ValidationIssue[] }
  | { ok: false; reason: 'conflict'; current: number };

/** Entity values are limited to 240 KiB; a bundle must leave room for the record around it. */
export const MAX_BUNDLE_BYTES = 200 * 1024;

export async function currentConfiguration(): Promise<StoredConfiguration | undefined> {
  return stored(() => kvs.entity<StoredConfiguration>(ENTITY.configuration).get(CURRENT));
}

export async function saveConfiguration(input: unknown, expectedVersion: number, savedBy: string, now: number): Promise<SaveOutcome> {
  const validated = validateBundle(input);
  if (!validated.ok) return { ok: false, reason: 'invalid', issues: validated.issues };
  const bytes = Buffer.byteLength(JSON.stringify(validated.value));
  if (bytes > MAX_BUNDLE_BYTES) {
    return { ok: false, reason: 'invalid', issues: [{ path: '(root)', message: `the configuration takes ${Math.ceil(bytes / 1024)} KiB; at most ${MAX_BUNDLE_BYTES / 1024} KiB can be stored` }] };
  }
  // Validation gives every bundle one shape and key order, so equal JSON is an equal configuration.
  const current = await currentConfiguration();
  if (current && JSON.stringify(current.bundle) === JSON.stringify(validated.value)) return { ok: true, saved: current, unchanged: true };
  const saved: StoredConfiguration = { version: expectedVersion + 1, savedAt: now, savedBy, bundle: validated.value };
  try {
    if (expectedVersion === 0) {
      // The first save: a condition needs an existing record, so refuse to replace one instead. Its history
      // entry follows; were that write to fail, the configuration itself is still whole.
      await stored(() => kvs.entity<StoredConfiguration>(ENTITY.configuration).set(CURRENT, saved, { keyPolicy: 'FAIL_IF_EXISTS' }));
      await stored(() => kvs.entity<StoredConfiguration>(ENTITY.configurationVersion).set(versionKey(saved.version), saved));
    } else {
      const expectation = new Filter<StoredConfiguration>().and('version', FilterConditions.equalTo(expectedVersion));
      await stored(() =>
        kvs
          .transact()
          .set(CURRENT, saved, { entityName: ENTITY.configuration, conditions: expectation })
          .set(versionKey(saved.version), saved, { entityName: ENTITY.configurationVersion })
          .execute(),
      );
    }
  } catch (error) {
    if (!conditionFailed(error)) throw error;
    const latest = await currentConfiguration();
    // A retried write whose first attempt landed finds its own save there: that is success, not a conflict.
    if (latest && latest.version === saved.version && latest.savedAt === saved.savedAt && latest.savedBy === saved.savedBy) return { ok: true, saved, unchanged: false };
    if ((latest?.version ?? 0) !== expectedVersion) return { ok: false, reason: 'conflict', current: latest?.version ?? 0 };
    throw error;
  }
  return { ok: true, saved, unchanged: false };
}

/** Zero-padded so that keys sort like the numbers. */
function versionKey(version: number): string {
  return `v${String(version).padStart(8, '0')}`;
}

export async function configurationVersion(version: number): Promise<StoredConfiguration | undefined> {
  return stored(() => kvs.entity<StoredConfiguration>(ENTITY.configurationVersion).get(versionKey(version)));
}

/** The newest saved versions, newest first, without their bundles. */
export async function configurationHistory(limit = 20): Promise<Array<Omit<StoredConfiguration, 'bundle'>>> {
  const page = await stored(() =>
    kvs
      .entity<StoredConfiguration>(ENTITY.configurationVersion)
      .query()
      .index(INDEX.byVersion)
      .where(WhereConditions.greaterThan(0))
      .sort(Sort.DESC)
      .limit(Math.min(limit, 100))
      .getMany(),
  );
  return page.results.map(({ value }) => ({ version: value.version, savedAt: value.savedAt, savedBy: value.savedBy }));
}
