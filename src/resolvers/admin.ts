// Resolvers of the admin page: the whole configuration bundle, its history, the simulator and the calendar preview,
// the progress of re-evaluation and the requests the app could not compute. One page, two places: Jira's admin
// pages (jira:adminPage, where Jira administrators change it) and each project's settings (read-only for project
// administrators). Every handler starts with the permission check, made as the calling user.
import { z } from 'zod';
import { MAX_IMPORT_CHARS } from '../app-identity';
import { configurationHistory, configurationVersion, currentConfiguration, saveConfiguration } from '../adapters/storage/config-store';
import { deliveryProblems, sentSince } from '../adapters/storage/escalation-ledger';
import { recentFailures } from '../adapters/storage/failure-store';
import { reminderProblems, remindersSentSince } from '../adapters/storage/reminder-ledger';
import { currentReevaluation } from '../adapters/storage/reevaluation-store';
import { describeChanges } from '../config/bundle-changes';
import { droppedPriorities } from '../config/priority-ids';
import { validateBundle } from '../config/validate-bundle';
import { validateTimeline } from '../config/validate-timeline';
import { CalendarSet, FIRST_YEAR, LAST_YEAR } from '../engine/calendar';
import { formatInstant, parseInstant } from '../engine/instant';
import { evaluate } from '../engine/obligations';
import { toEvaluationJson } from '../engine/simulate-json';
import type { ConfigBundle } from '../engine/types';
import { startReevaluation } from '../usecases/reevaluate';
import { requestTimeline } from '../usecases/request-timeline';
import { timelineJson } from '../views/timeline-json';
import { JiraRequestError } from '../adapters/jira/errors';
import { deliveryView } from '../views/escalation-deliveries';
import { reminderView } from '../views/reminder-deliveries';
import { accountOf, extensionOf } from './context';
import type { ResolverKey, SavedVersion } from '../resolver-contract';
import type { Invocation, ResolverHandler, SurfaceResolvers } from './define';
import { conflict, invalid, notFound, shownIssues, unconfirmed } from './envelope';
import { parsePayload } from './payload';
import { requireConfigurationReader, requireSiteAdmin } from './permissions';

const EMPTY_BUNDLE: ConfigBundle = {
  version: 1, holidayCollections: [], calendars: [], priorityModels: [], actions: [], actionModels: [], goals: [], customers: [], agreements: [],
};

const Instant = z
  .string()
  .refine((s) => parseInstant(s) !== undefined, 'not an ISO-8601 instant with an offset, such as 2026-11-23T09:00:00+01:00')
  .refine((s) => {
    const year = new Date(parseInstant(s) ?? 0).getUTCFullYear();
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `outside the years calendars are computed for (${FIRST_YEAR}–${LAST_YEAR})`);
const BundlePayload = z.object({ bundle: z.unknown() });
/** `removePriorities`: the admin confirmed that priority ids requests may have are dropped (see priority-ids.ts). */
const SavePayload = z.object({ bundle: z.unknown(), expectedVersion: z.number().int().min(0), removePriorities: z.boolean().default(false) });
const ImportPayload = z.object({
  json: z.string().max(MAX_IMPORT_CHARS, `the file is larger than ${MAX_IMPORT_CHARS / 1000} KB, more than a configuration can hold`),
  expectedVersion: z.number().int().min(0),
  removePriorities: z.boolean().default(false),
});
const SimulatePayload = z.object({ bundle: z.unknown().optional(), timeline: z.unknown(), at: Instant });
const PreviewPayload = z.object({ bundle: z.unknown().optional(), calendar: z.string(), from: Instant, days: z.number().int().min(1).max(62).default(14) });
const ChangesPayload = z.object({ from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional() }).default({});
const RequestTimelinePayload = z.object({ issueKey: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'a request key such as SUP-7'), bundle: z.unknown().optional() });
const RestorePayload = z.object({ version: z.number().int().min(1), expectedVersion: z.number().int().min(0) });
const ServiceDeskPayload = z.object({ serviceDeskId: z.string().regex(/^\d+$/, 'a service desk id is a number').optional() }).default({});

/** Whether the caller may see an issue (Browse Projects on it); an issue Jira does not know is one they may not. */
async function mayBrowse(jira: Invocation['jira'], issueKey: string): Promise<boolean> {
  try {
    return await jira.userHolds('BROWSE_PROJECTS', { issueKey });
  } catch (error) {
    if (error instanceof JiraRequestError && (error.notFound || error.status === 400)) return false;
    throw error;
  }
}

/** The bundle a request brings, or the stored one; either way validated, errors under `bundle`. */
async function bundleFrom(input: unknown): Promise<ConfigBundle> {
  if (input === undefined) return (await currentConfiguration())?.bundle ?? EMPTY_BUNDLE;
  const result = validateBundle(input);
  if (!result.ok) throw invalid(result.issues, 'bundle');
  return result.value;
}

/** Saves a new version and starts applying it to every active request of the site. */
async function save({ request, jira, now }: Invocation, bundle: unknown, expectedVersion: number, removePriorities = false): Promise<SavedVersion> {
  const savedBy = accountOf(request);
  if (!removePriorities) {
    const checked = validateBundle(bundle);
    const current = checked.ok ? await currentConfiguration() : undefined;
    const dropped = checked.ok && current ? droppedPriorities(current.bundle, checked.value) : [];
    if (dropped.length > 0) throw unconfirmed(dropped, 'bundle');
  }
  const outcome = await saveConfiguration(bundle, expectedVersion, savedBy, now);
  if (!outcome.ok && outcome.reason === 'invalid') throw invalid(outcome.issues, 'bundle');
  if (!outcome.ok) throw conflict(`Someone saved version ${outcome.current} meanwhile; their changes are shown beside yours`);
  const { bundle: _stored, ...meta } = outcome.saved;
  // The same configuration again (an identical re-import): nothing new to apply.
  if (outcome.unchanged) return { ...meta, unchanged: true, reevaluation: null };
  const reevaluation = await startReevaluation(outcome.saved.version, savedBy, jira, now);
  return { ...meta, unchanged: false, reevaluation };
}

export function defineAdmin(surface: SurfaceResolvers): SurfaceResolvers {
  const define: SurfaceResolvers['define'] = (key, handler) => surface.define(key, handler);
  const reader = <K extends ResolverKey>(key: K, handler: ResolverHandler<K>) =>
    define(key, async (invocation) => {
      await requireConfigurationReader(invocation.request, invocation.jira);
      return handler(invocation);
    });
  const editor = <K extends ResolverKey>(key: K, handler: ResolverHandler<K>) =>
    define(key, async (invocation) => {
      await requireSiteAdmin(invocation.jira);
      return handler(invocation);
    });

  define('admin/config/get', async ({ request, jira }) => {
    const { canEdit } = await requireConfigurationReader(request, jira);
    const stored = await currentConfiguration();
    return { ...(stored ?? { version: 0, savedAt: null, savedBy: null, bundle: EMPTY_BUNDLE }), canEdit };
  });

  reader('admin/config/validate', async ({ request }) => {
    const { bundle } = parsePayload(BundlePayload, request.payload);
    const result = validateBundle(bundle);
    return { valid: result.ok, issues: result.ok ? [] : shownIssues(result.issues).map((i) => ({ path: i.path, message: i.message })) };
  });

  editor('admin/config/save', async (invocation) => {
    const { bundle, expectedVersion, removePriorities } = parsePayload(SavePayload, invocation.request.payload);
    return save(invocation, bundle, expectedVersion, removePriorities);
  });

  editor('admin/config/import', async (invocation) => {
    const { json, expectedVersion, removePriorities } = parsePayload(ImportPayload, invocation.request.payload);
    let bundle: unknown;
    try {
      bundle = JSON.parse(json);
    } catch (error) {
      throw invalid([{ path: '(root)', message: `the file is not valid JSON: ${(error as Error).message}` }], 'file');
    }
    return save(invocation, bundle, expectedVersion, removePriorities);
  });

  reader('admin/config/export', async ({ now }) => {
    const stored = await currentConfiguration();
    const bundle = stored?.bundle ?? EMPTY_BUNDLE;
    const stamp = formatInstant(now).slice(0, 10);
    return { fileName: `contract-sla-config-v${stored?.version ?? 0}-${stamp}.json`, json: JSON.stringify(bundle, null, 2) };
  });

  reader('admin/config/history', async ({ jira }) => {
    const entries = await configurationHistory();
    const names = await jira.userNames([...new Set(entries.map((e) => e.savedBy))]);
    return entries.map((entry) => ({ ...entry, savedByName: names.get(entry.savedBy) ?? null }));
  });

  // What a version changed (from the one before it by default), or what was saved since a given version.
  reader('admin/config/changes', async ({ request }) => {
    const payload = parsePayload(ChangesPayload, request.payload);
    const current = await currentConfiguration();
    const to = payload.to ?? current?.version ?? 0;
    const from = payload.from ?? Math.max(0, to - 1);
    if (from > to) throw invalid([{ path: 'from', message: `version ${from} is after version ${to}` }], 'payload');
    const bundleOf = async (version: number): Promise<ConfigBundle> => {
      if (version === 0) return EMPTY_BUNDLE;
      const stored = version === current?.version ? current : await configurationVersion(version);
      if (!stored) throw notFound(`There is no saved version ${version}`);
      return stored.bundle;
    };
    return { from, to, changes: describeChanges(await bundleOf(from), await bundleOf(to)) };
  });

  // Restoring saves an earlier version's bundle as a new version: history only ever grows.
  editor('admin/config/restore', async (invocation) => {
    const { version, expectedVersion } = parsePayload(RestorePayload, invocation.request.payload);
    const earlier = await configurationVersion(version);
    if (!earlier) throw notFound(`There is no saved version ${version}`);
    // A version the site already ran, chosen by the admin: its priorities are confirmed by choosing it.
    return save(invocation, earlier.bundle, expectedVersion, true);
  });

  // A real request's history for the simulator, as its timeline: only for someone who may see the request.
  reader('admin/request/timeline', async ({ request, jira, now }) => {
    const payload = parsePayload(RequestTimelinePayload, request.payload);
    const issueKey = payload.issueKey.toUpperCase();
    const missing = notFound(`There is no request ${issueKey} that you may see`);
    if (!(await mayBrowse(jira, issueKey))) throw missing;
    const timeline = await requestTimeline(issueKey, await bundleFrom(payload.bundle), jira, now);
    if (!timeline) throw missing;
    return { issueKey: timeline.issue.key, timeline: timelineJson(timeline) };
  });

  reader('admin/simulate', async ({ request }) => {
    const payload = parsePayload(SimulatePayload, request.payload);
    const bundle = await bundleFrom(payload.bundle);
    const timeline = validateTimeline(payload.timeline);
    if (!timeline.ok) throw invalid(timeline.issues, 'timeline');
    return toEvaluationJson(evaluate(bundle, timeline.value, parseInstant(payload.at)!));
  });

  reader('admin/calendar/preview', async ({ request }) => {
    const payload = parsePayload(PreviewPayload, request.payload);
    const bundle = await bundleFrom(payload.bundle);
    const calendars = new CalendarSet(bundle.calendars, bundle.holidayCollections);
    if (!calendars.has(payload.calendar)) throw notFound(`There is no calendar "${payload.calendar}"`);
    const from = parseInstant(payload.from)!;
    const to = from + payload.days * 86_400_000;
    const calendar = calendars.get(payload.calendar);
    return {
      calendar: payload.calendar,
      openSeconds: Math.floor(calendar.between(from, to) / 1000),
      openings: calendar.openings(from, to).map(([s, e]) => ({ from: formatInstant(s), to: formatInstant(e) })),
    };
  });

  reader('admin/jira/organizations', async ({ jira }) => jira.listOrganizations());

  reader('admin/jira/statuses', async ({ jira }) => (await jira.listStatuses()).map((s) => ({ id: s.id, name: s.name, category: s.statusCategory.key })));

  // On a project's page, that service desk's request types; on Jira's admin page, those of every service desk.
  reader('admin/jira/request-types', async ({ request, jira }) => {
    const { serviceDeskId } = parsePayload(ServiceDeskPayload, request.payload);
    const projectKey = extensionOf(request).project?.key;
    const desks = serviceDeskId ? [serviceDeskId] : (await jira.listServiceDesks()).filter((d) => !projectKey || d.projectKey === projectKey).map((d) => d.id);
    if (desks.length === 0) throw notFound(projectKey ? `Project ${projectKey} is not a service project` : 'This site has no service projects');
    const types = (await Promise.all(desks.map((desk) => jira.listRequestTypes(desk)))).flat();
    return [...new Map(types.map((t) => [t.name, t])).values()];
  });

  // Re-evaluation: what the admin watches after a save, and the requests the app could not compute.
  reader('admin/reevaluation/status', async () => ({ reevaluation: (await currentReevaluation()) ?? null, failures: await recentFailures() }));

  // Escalations the app could not carry out (retried with back-off), those Jira may not have sent, the latest sent.
  reader('admin/escalations/status', async () => {
    const [failed, unconfirmed, recent] = await Promise.all([deliveryProblems('failed'), deliveryProblems('unconfirmed'), sentSince(0, undefined, 20)]);
    return { failed: failed.map(deliveryView), unconfirmed: unconfirmed.map(deliveryView), recent: recent.deliveries.map(deliveryView) };
  });

  // Contract reminders the app could not send (retried with back-off), those Jira may not have sent, the latest sent.
  reader('admin/reminders/status', async () => {
    const [failed, unconfirmed, recent] = await Promise.all([reminderProblems('failed'), reminderProblems('unconfirmed'), remindersSentSince(0)]);
    return { failed: failed.map(reminderView), unconfirmed: unconfirmed.map(reminderView), recent: recent.map(reminderView) };
  });

  editor('admin/reevaluate', async (invocation) => {
    const stored = await currentConfiguration();
    if (!stored) throw notFound('There is no configuration to apply yet');
    return { reevaluation: await startReevaluation(stored.version, accountOf(invocation.request), invocation.jira, invocation.now, true) };
  });

  return surface;
}
