// The registry of environment versions (formats.md §9.3): per customer × environment × product, the deployment that
// is current (`environment-version`) and every deployment ever reported (`environment-deployment`, indexed by target
// and deployed-at). Writes are conditional on the current deployment read, so two reports at once never both become
// current, and a report delivered again finds its own entry and changes nothing.
import kvs, { Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { ENTITY, INDEX } from './entities';
import { keyText } from './issued-report';
import { conditionFailed, stored, StorageReadError } from './kvs-retry';

/** One customer environment's product: what a version is recorded for. */
export interface EnvironmentTarget {
  customer: string;
  environment: string;
  product: string;
}

/** Where a version came from: the bundle, an admin on the admin page, a CSV import, a deployment pipeline. */
export type DeploymentSource = 'configuration' | 'admin' | 'csv' | 'pipeline';

/** Whether a deployment is the one the environment runs, or history (a later one replaced it, or it came late). */
export type DeploymentOutcome = 'current' | 'superseded';

/** A reported deployment, as history keeps it. */
export interface Deployment extends EnvironmentTarget {
  /** The registry key of the target (the history index's partition). */
  target: string;
  version: string;
  /** The version's sort key (engine/version.ts): its string order is the version order. */
  versionKey: string;
  deployedAt: number;
  source: DeploymentSource;
  /** The admin's account id, or the pipeline's own name for itself; absent when not said. */
  by?: string;
  recordedAt: number;
  outcome: DeploymentOutcome;
  /** The version it replaced when it became current (the bundle's, for the first). */
  previous?: string;
}

/** The current deployment of a target, and the key of its history entry. */
export interface CurrentVersion extends Omit<Deployment, 'outcome'> {
  deployment: string;
}

const currents = () => kvs.entity<CurrentVersion>(ENTITY.environmentVersion);
const deployments = () => kvs.entity<Deployment>(ENTITY.environmentDeployment);

export const targetKey = (t: EnvironmentTarget): string => `${keyText(t.customer)}:${keyText(t.environment)}:${keyText(t.product)}`;

/** One deployment's key: the target, the instant and the version (by its sort key), so a report sent again lands on itself. */
export const deploymentKey = (target: string, deployedAt: number, versionKey: string): string => `${target}:${deployedAt}:${keyText(versionKey)}`;

const BATCH = 25;

/** The current versions of the targets that have any deployment recorded, by target key. */
export async function currentVersions(targets: readonly EnvironmentTarget[]): Promise<Map<string, CurrentVersion>> {
  const keys = [...new Set(targets.map(targetKey))];
  const out = new Map<string, CurrentVersion>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const chunk = keys.slice(i, i + BATCH);
    const { successfulKeys, failedKeys } = await stored(() => kvs.batchGet<CurrentVersion>(chunk.map((key) => ({ key, entityName: ENTITY.environmentVersion }))));
    const unreadable = failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (unreadable.length > 0) throw new StorageReadError(unreadable.map((f) => `${ENTITY.environmentVersion}/${f.key} (${f.error.code})`));
    for (const item of successfulKeys) out.set(item.key, item.value);
  }
  return out;
}

export function readCurrent(target: EnvironmentTarget): Promise<CurrentVersion | undefined> {
  return stored(() => currents().get(targetKey(target)));
}

export function readDeployment(key: string): Promise<Deployment | undefined> {
  return stored(() => deployments().get(key));
}

/** A target's deployments, the latest deployed first, a page of at most 100. */
export async function deploymentHistory(target: EnvironmentTarget, limit: number, cursor?: string): Promise<{ entries: Deployment[]; cursor?: string }> {
  const partition = targetKey(target);
  let query = deployments().query().index(INDEX.byTarget, { partition: [partition] }).where(WhereConditions.greaterThanEqualTo(0)).sort(Sort.DESC).limit(Math.min(limit, 100));
  if (cursor !== undefined) query = query.cursor(cursor);
  const page = await stored(() => query.getMany());
  // Deployments at the same instant: the higher version first, as it is the one that counts (the key orders versions).
  const entries = page.results.map((r) => r.value).sort((a, b) => b.deployedAt - a.deployedAt || (a.versionKey < b.versionKey ? 1 : a.versionKey > b.versionKey ? -1 : 0));
  return { entries, ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
}

/** The first deployment of a target: it becomes current only if no other deployment became current first. */
export async function writeFirst(current: CurrentVersion, entry: Deployment): Promise<'written' | 'raced'> {
  try {
    await stored(() => currents().set(current.target, current, { keyPolicy: 'FAIL_IF_EXISTS' }));
  } catch (error) {
    if (conditionFailed(error)) return 'raced';
    throw error;
  }
  // Were this write to fail, the same report again finds its deployment current and writes the entry then.
  await stored(() => deployments().set(current.deployment, entry));
  return 'written';
}

/** A newer deployment replaces the current one: all three writes, or none, and only if the current one is still `was`. */
export async function writeReplacing(current: CurrentVersion, entry: Deployment, was: CurrentVersion, wasEntry: Deployment | undefined): Promise<'written' | 'raced'> {
  const unchanged = new Filter<CurrentVersion>().and('deployment', FilterConditions.equalTo(was.deployment));
  let transaction = kvs
    .transact()
    .set(current.target, current, { entityName: ENTITY.environmentVersion, conditions: unchanged })
    .set(current.deployment, entry, { entityName: ENTITY.environmentDeployment });
  if (wasEntry !== undefined) transaction = transaction.set(was.deployment, { ...wasEntry, outcome: 'superseded' }, { entityName: ENTITY.environmentDeployment });
  try {
    await stored(() => transaction.execute());
    return 'written';
  } catch (error) {
    if (conditionFailed(error)) return 'raced';
    throw error;
  }
}

/** A deployment that does not become current (an earlier one reported late): history only, once. */
export async function writeHistoryOnly(entry: Deployment, key: string): Promise<'written' | 'exists'> {
  try {
    await stored(() => deployments().set(key, entry, { keyPolicy: 'FAIL_IF_EXISTS' }));
    return 'written';
  } catch (error) {
    if (conditionFailed(error)) return 'exists';
    throw error;
  }
}

/** The entry a current deployment points at, written when its first write landed without it. */
export async function repairEntry(key: string, entry: Deployment): Promise<void> {
  await stored(() => deployments().set(key, entry, { keyPolicy: 'FAIL_IF_EXISTS' })).catch((error: unknown) => {
    if (!conditionFailed(error)) throw error;
  });
}
