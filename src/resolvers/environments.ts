// Resolvers of the admin page's environment versions (formats.md §9.3): every customer environment with the version
// each product runs, a product's deployment history, setting a version by hand and importing a CSV file. Only Jira
// administrators, checked as the calling user, like every change to the configuration.
import { z } from 'zod';
import { currentConfiguration } from '../adapters/storage/config-store';
import { deploymentHistory } from '../adapters/storage/environment-store';
import { checkDeployment, checkTarget, type FieldIssue } from '../config/deployment-input';
import { MAX_CSV_BYTES, readEnvironmentCsv } from '../config/environment-csv';
import type { ConfigBundle } from '../engine/types';
import type { ResolverKey, WaitingRequest } from '../resolver-contract';
import { waitingFor } from '../adapters/storage/development-store';
import { bundleVersion, environmentOverview, recordDeployment, recordDeployments, type RecordOutcome } from '../usecases/environment-versions';
import { accountOf } from './context';
import type { ResolverHandler, SurfaceResolvers } from './define';
import { invalid, notConfigured } from './envelope';
import { parsePayload } from './payload';
import { requireSiteAdmin } from './permissions';

const HistoryPayload = z.object({ customer: z.unknown().optional(), environment: z.unknown().optional(), product: z.unknown().optional(), cursor: z.string().optional(), limit: z.number().int().min(1).max(100).default(50) });
const SetVersionPayload = z.object({ customer: z.unknown().optional(), environment: z.unknown().optional(), product: z.unknown().optional(), version: z.unknown().optional(), deployedAt: z.unknown().optional() });
// Characters, not bytes, at the gate (a resolver payload is at most 500 KB); the file's own limit is checked in bytes.
const ImportPayload = z.object({ csv: z.string().max(MAX_CSV_BYTES, `the file is larger than ${MAX_CSV_BYTES / 1024} KB; split it`) });

/** How many waiting requests the overview lists per customer and product. */
const MAX_WAITING = 100;

/** The requests waiting for a release, by customer and environment (the request's own). */
async function waitingByEnvironment(bundle: ConfigBundle): Promise<Map<string, WaitingRequest[]>> {
  const out = new Map<string, WaitingRequest[]>();
  const pairs = new Set(bundle.customers.flatMap((c) => c.environments.flatMap((e) => e.products.map((p) => `${c.id}\u0000${p.name}`))));
  for (const pair of pairs) {
    const [customer = '', product = ''] = pair.split('\u0000');
    for (const link of await waitingFor(customer, product, MAX_WAITING)) {
      const key = `${customer}\u0000${link.environment}`;
      out.set(key, [...(out.get(key) ?? []), { issueKey: link.issueKey, product, devKey: link.devKey, fix: link.fix! }]);
    }
  }
  return out;
}

async function configured(): Promise<ConfigBundle> {
  const stored = await currentConfiguration();
  if (!stored) throw notConfigured('Save a configuration with customers and their environments first');
  return stored.bundle;
}

const atPayload = (issues: FieldIssue[]) => invalid(issues.map((i) => ({ path: i.field, message: i.message })), 'payload');

export function defineEnvironments(surface: SurfaceResolvers): SurfaceResolvers {
  const admin = <K extends ResolverKey>(key: K, handler: ResolverHandler<K>) =>
    surface.define(key, async (invocation) => {
      await requireSiteAdmin(invocation.jira);
      return handler(invocation);
    });

  admin('admin/environments/overview', async ({ jira }) => {
    const bundle = await configured();
    const environments = await environmentOverview(bundle);
    const waiting = await waitingByEnvironment(bundle);
    const accounts = [...new Set(environments.flatMap((e) => e.products.filter((p) => p.source === 'admin' || p.source === 'csv').flatMap((p) => (p.by ? [p.by] : []))))];
    const names = accounts.length > 0 ? await jira.userNames(accounts) : new Map<string, string>();
    return {
      environments: environments.map((e) => ({
        ...e,
        products: e.products.map((p) => (p.by && names.has(p.by) ? { ...p, byName: names.get(p.by)! } : p)),
        waiting: waiting.get(`${e.customer}\u0000${e.environment}`) ?? [],
      })),
    };
  });

  admin('admin/environments/history', async ({ request }) => {
    const payload = parsePayload(HistoryPayload, request.payload);
    const bundle = await configured();
    const issues: FieldIssue[] = [];
    const target = checkTarget(bundle, payload, issues);
    if (!target) throw atPayload(issues);
    const page = await deploymentHistory(target, payload.limit, payload.cursor);
    return { ...target, starting: bundleVersion(bundle, target) ?? null, ...page };
  });

  admin('admin/environments/set-version', async ({ request, now }) => {
    const payload = parsePayload(SetVersionPayload, request.payload);
    const bundle = await configured();
    const checked = checkDeployment(bundle, payload, now);
    if (!checked.ok) throw atPayload(checked.issues);
    const recorded = await recordDeployment(bundle, checked.value, 'admin', accountOf(request), now);
    return { outcome: recorded.outcome, deployment: recorded.deployment, current: recorded.current };
  });

  // Every row is checked before anything is recorded; a row recorded before (the same file again) changes nothing.
  admin('admin/environments/import', async ({ request, now }) => {
    const { csv } = parsePayload(ImportPayload, request.payload);
    const bundle = await configured();
    const read = readEnvironmentCsv(bundle, csv, now);
    if (!read.ok) throw invalid(read.issues);
    const by = accountOf(request);
    const counts: Record<RecordOutcome, number> = { current: 0, superseded: 0, duplicate: 0 };
    for (const recorded of await recordDeployments(bundle, read.rows.map((row) => row.deployment), 'csv', by, now)) counts[recorded.outcome]++;
    return { rows: read.rows.length, ...counts };
  });

  return surface;
}
