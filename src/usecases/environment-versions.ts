// The registry of environment versions (formats.md §9.3): recording a deployment, whoever reports it. The deployment
// with the latest deployed-at instant is current, whatever order reports arrive in (at the same instant, the higher
// version); an earlier one reported later is kept as history only; the same deployment reported again changes
// nothing. The bundle's versions are where each environment starts: they count until a deployment is recorded.
import {
  currentVersions,
  deploymentKey,
  readCurrent,
  readDeployment,
  repairEntry,
  targetKey,
  writeFirst,
  writeHistoryOnly,
  writeReplacing,
  type CurrentVersion,
  type Deployment,
  type DeploymentSource,
  type EnvironmentTarget,
} from '../adapters/storage/environment-store';
import type { CheckedDeployment } from '../config/deployment-input';
import type { ConfigBundle } from '../engine/types';
import { compareVersions, versionOrThrow } from '../engine/version';
import { enqueue } from '../adapters/queue';

/** What became of a report: the environment now runs it, it is history (a later one runs), or it was recorded before. */
export type RecordOutcome = 'current' | 'superseded' | 'duplicate';

export interface Recorded {
  outcome: RecordOutcome;
  deployment: Deployment;
  /** The deployment the environment runs after this report. */
  current: CurrentVersion;
}

/** The version the bundle gives a target, if it gives one. */
export function bundleVersion(bundle: ConfigBundle, target: EnvironmentTarget): string | undefined {
  return bundle.customers
    .find((c) => c.id === target.customer)
    ?.environments.find((e) => e.name === target.environment)
    ?.products.find((p) => p.name === target.product)?.version;
}

/** Whether `candidate` replaces `current`: deployed later, or at the same instant with a higher version. */
export function replaces(candidate: { deployedAt: number; version: string }, current: { deployedAt: number; version: string }): boolean {
  if (candidate.deployedAt !== current.deployedAt) return candidate.deployedAt > current.deployedAt;
  return compareVersions(versionOrThrow(candidate.version), versionOrThrow(current.version)) > 0;
}

const ATTEMPTS = 10;

/**
 * Records checked deployments and, for those the environment runs (now, or already: a report sent again after a
 * failure), queues one release to the requests waiting for a fix there (formats.md §9.5); the release tells each once.
 */
export async function recordDeployments(bundle: ConfigBundle, checked: readonly CheckedDeployment[], source: DeploymentSource, by: string | undefined, now: number): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const released = new Map<string, EnvironmentTarget>();
  for (const one of checked) {
    const outcome = await recordOnly(bundle, one, source, by, now);
    recorded.push(outcome);
    if (outcome.current.deployment === deploymentKey(outcome.current.target, one.deployedAt, one.versionKey)) {
      released.set(outcome.current.target, { customer: one.customer, environment: one.environment, product: one.product });
    }
  }
  if (released.size > 0) await enqueue({ kind: 'release', targets: [...released.values()] });
  return recorded;
}

/** Records one checked deployment (and queues its release), as recordDeployments does. */
export async function recordDeployment(bundle: ConfigBundle, checked: CheckedDeployment, source: DeploymentSource, by: string | undefined, now: number): Promise<Recorded> {
  const [recorded] = await recordDeployments(bundle, [checked], source, by, now);
  return recorded!;
}

/** Records one checked deployment; `by` is the admin's account id or what a pipeline calls itself. */
async function recordOnly(bundle: ConfigBundle, checked: CheckedDeployment, source: DeploymentSource, by: string | undefined, now: number): Promise<Recorded> {
  const target: EnvironmentTarget = { customer: checked.customer, environment: checked.environment, product: checked.product };
  const tKey = targetKey(target);
  const key = deploymentKey(tKey, checked.deployedAt, checked.versionKey);
  const base = {
    target: tKey,
    ...target,
    version: checked.version,
    versionKey: checked.versionKey,
    deployedAt: checked.deployedAt,
    source,
    ...(by ? { by } : {}),
    recordedAt: now,
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await readCurrent(target);
    const existing = await readDeployment(key);
    if (existing) return { outcome: 'duplicate', deployment: existing, current: current ?? { ...existing, deployment: key } };
    if (current?.deployment === key) {
      // Its first write landed and the history entry did not: the same report again completes it.
      const { deployment: _, ...entry } = current;
      await repairEntry(key, { ...entry, outcome: 'current' });
      return { outcome: 'duplicate', deployment: { ...entry, outcome: 'current' }, current };
    }
    if (current && !replaces(checked, current)) {
      const entry: Deployment = { ...base, outcome: 'superseded' };
      if ((await writeHistoryOnly(entry, key)) === 'exists') continue;
      return { outcome: 'superseded', deployment: entry, current };
    }
    const previous = current?.version ?? bundleVersion(bundle, target);
    const entry: Deployment = { ...base, outcome: 'current', ...(previous !== undefined ? { previous } : {}) };
    const { outcome: _, ...fields } = entry;
    const next: CurrentVersion = { ...fields, deployment: key };
    const written = current ? await writeReplacing(next, entry, current, await readDeployment(current.deployment)) : await writeFirst(next, entry);
    if (written === 'written') return { outcome: 'current', deployment: entry, current: next };
  }
  throw new Error(`could not record the deployment of ${checked.version} to ${target.customer} ${target.environment} ${target.product}: other reports kept changing it`);
}

/** One product of a customer environment as the registry has it: recorded, or as the bundle starts it. */
export interface EnvironmentProductVersion {
  product: string;
  /** Absent when neither the bundle nor any report gives one. */
  version?: string;
  source: DeploymentSource;
  by?: string;
  deployedAt?: number;
  recordedAt?: number;
}

export interface EnvironmentVersions {
  customer: string;
  customerName: string;
  environment: string;
  products: EnvironmentProductVersion[];
}

/** Every customer environment the bundle lists, in its order, each product with the version it runs now. */
export async function environmentOverview(bundle: ConfigBundle): Promise<EnvironmentVersions[]> {
  const targets = bundle.customers.flatMap((c) => c.environments.flatMap((e) => e.products.map((p) => ({ customer: c.id, environment: e.name, product: p.name }))));
  const recorded = await currentVersions(targets);
  return bundle.customers.flatMap((c) =>
    c.environments.map((e) => ({
      customer: c.id,
      customerName: c.name ?? c.id,
      environment: e.name,
      products: e.products.map((p): EnvironmentProductVersion => {
        const current = recorded.get(targetKey({ customer: c.id, environment: e.name, product: p.name }));
        if (!current) return { product: p.name, ...(p.version !== undefined ? { version: p.version } : {}), source: 'configuration' };
        return {
          product: p.name,
          version: current.version,
          source: current.source,
          ...(current.by ? { by: current.by } : {}),
          deployedAt: current.deployedAt,
          recordedAt: current.recordedAt,
        };
      }),
    })),
  );
}
