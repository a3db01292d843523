// Following development (formats.md §9.5): a request's link takes what the app reads of its development issue — status,
// assignee, fix versions, and from them the watched fix and the stage. When the fix is known, the customer's
// environments that already run it are released to at once (the `release` job), so a deployment reported before the
// fix was known is not missed.
import type { DevelopmentIssue, JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { linksOfDevIssue, readLink, waitingPartition, writeLink, type DevelopmentLink } from '../adapters/storage/development-store';
import { currentVersions, targetKey } from '../adapters/storage/environment-store';
import { enqueue } from '../adapters/queue';
import { developmentStage, reaches, watchedFix } from '../engine/development';
import type { ConfigBundle } from '../engine/types';
import { bundleVersion } from './environment-versions';

/** The link with what the development issue says now, its stage, and whether it waits in the deployments' index. */
export function linkWith(link: Omit<DevelopmentLink, 'rev'>, dev: DevelopmentIssue, now: number): Omit<DevelopmentLink, 'rev'> {
  const watched = watchedFix(dev.fixVersions, dev.category);
  const { devAssignee: _a, fix: _f, fixKey: _k, fixProblem: _p, waiting: _w, ...rest } = link;
  const next: Omit<DevelopmentLink, 'rev'> = {
    ...rest,
    devKey: dev.key,
    devSummary: dev.summary,
    devStatus: dev.status,
    devCategory: dev.category,
    ...(dev.assignee ? { devAssignee: dev.assignee } : {}),
    fixVersions: dev.fixVersions,
    ...(watched.fix !== null ? { fix: watched.fix, fixKey: watched.fixKey! } : {}),
    ...(watched.problem !== null ? { fixProblem: watched.problem } : {}),
    updatedAt: now,
  };
  return settled(next);
}

/** The stage the facts give, and the index entry while the request waits for its fix on its own environment. */
export function settled(link: Omit<DevelopmentLink, 'rev'>): Omit<DevelopmentLink, 'rev'> {
  const { waiting: _w, ...rest } = link;
  const stage = developmentStage({ category: link.devCategory, fix: link.fix ?? null, environment: link.environment ?? null, notices: link.notices });
  const waits = stage === 'fixed' && link.customer !== undefined && link.product !== undefined;
  return { ...rest, stage, ...(waits ? { waiting: waitingPartition(link.customer!, link.product!) } : {}) };
}

/** Whether two links say the same (the revision and the instant of reading aside): an unchanged event writes nothing. */
function same(a: Omit<DevelopmentLink, 'rev'>, b: Omit<DevelopmentLink, 'rev'>): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Omit<DevelopmentLink, 'rev'> & { rev?: number }) => {
    const { rev: _r, ...kept } = rest;
    return JSON.stringify(Object.entries(kept).sort(([x], [y]) => x.localeCompare(y)));
  };
  return strip(a) === strip(b);
}

/** Applies a change to a link over the revision read; re-read and re-applied when another writer got there first. */
export async function updateLink(issueId: string, change: (link: DevelopmentLink) => Omit<DevelopmentLink, 'rev'>): Promise<DevelopmentLink | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await readLink(issueId);
    if (!current) return undefined;
    const next = change(current);
    if (same(next, current)) return current;
    const written = await writeLink(next, current);
    if (written) return written;
  }
  throw new Error(`the development link of request ${issueId} kept changing under this update`);
}

/** The customer's environments with this product, each with the version it runs now (the registry's, else the bundle's). */
export async function environmentsWithProduct(bundle: ConfigBundle, customer: string, product: string): Promise<Array<{ environment: string; version: string | null }>> {
  const environments = bundle.customers.find((c) => c.id === customer)?.environments.filter((e) => e.products.some((p) => p.name === product)) ?? [];
  const targets = environments.map((e) => ({ customer, environment: e.name, product }));
  const recorded = await currentVersions(targets);
  return targets.map((t) => ({ environment: t.environment, version: recorded.get(targetKey(t))?.version ?? bundleVersion(bundle, t) ?? null }));
}

/**
 * A development issue changed (or a version it names did): every request handed over to it reads it again (by the
 * issue's id: its key changes when it moves project). When a
 * request waits for a fix that one of its customer's environments runs already, that environment's release runs.
 */
export async function followDevelopmentIssue(devId: string, jira: JiraClient, now: number): Promise<{ links: number; releases: number }> {
  // Every issue of every software project reaches the trigger: storage says first whether any request waits on it.
  let page = await linksOfDevIssue(devId);
  if (page.links.length === 0) return { links: 0, releases: 0 };
  const dev = await jira.developmentIssue(devId, 'app');
  if (!dev) return { links: 0, releases: 0 };
  const waiting: DevelopmentLink[] = [];
  let count = 0;
  for (;;) {
    for (const link of page.links) {
      count++;
      const updated = await updateLink(link.issueId, (current) => linkWith(current, dev, now));
      if (updated?.waiting !== undefined) waiting.push(updated);
    }
    if (!page.cursor) break;
    page = await linksOfDevIssue(devId, page.cursor);
  }
  return { links: count, releases: await releaseWhereReached(waiting) };
}

/** Queues the release of every environment that already runs the fix one of these waiting requests needs. */
export async function releaseWhereReached(waiting: readonly DevelopmentLink[]): Promise<number> {
  if (waiting.length === 0) return 0;
  const configuration = await currentConfiguration();
  if (!configuration) return 0;
  const targets = new Map<string, { customer: string; environment: string; product: string }>();
  const byProduct = new Map<string, DevelopmentLink[]>();
  for (const link of waiting) {
    const key = `${link.customer}\u0000${link.product}`;
    byProduct.set(key, [...(byProduct.get(key) ?? []), link]);
  }
  for (const links of byProduct.values()) {
    const { customer, product } = links[0] as Required<Pick<DevelopmentLink, 'customer' | 'product'>>;
    for (const { environment, version } of await environmentsWithProduct(configuration.bundle, customer, product)) {
      if (links.some((l) => reaches(version, l.fixKey))) targets.set(targetKey({ customer, environment, product }), { customer, environment, product });
    }
  }
  if (targets.size > 0) await enqueue({ kind: 'release', targets: [...targets.values()] });
  return targets.size;
}
