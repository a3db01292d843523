// Resolvers of the project admin page. Each starts with the permission check, made as the calling user.
import { now } from '../adapters/clock';
import type Resolver from '@forge/resolver';
import type { Request } from '@forge/resolver';
import { z } from 'zod';
import { validateBundle } from '../config/validate-bundle';
import { validateTimeline } from '../config/validate-timeline';
import { CalendarSet } from '../engine/calendar';
import { evaluate } from '../engine/obligations';
import { formatInstant, parseInstant } from '../engine/instant';
import { toEvaluationJson } from '../engine/simulate-json';
import type { ConfigBundle } from '../engine/types';
import { JiraClient } from '../adapters/jira/client';
import { configurationHistory, configurationVersion, currentConfiguration, saveConfiguration } from '../adapters/storage/config-store';
import { enqueueReevaluation } from '../usecases/reevaluate-project';
import { accountOf } from './context';
import { conflict, enveloped, invalid, notFound } from './envelope';
import { parsePayload } from './payload';
import { requireProjectAdmin } from './permissions';

const EMPTY_BUNDLE: ConfigBundle = {
  version: 1, holidayCollections: [], calendars: [], priorityModels: [], actions: [], actionModels: [], goals: [], customers: [], agreements: [],
};

const Instant = z.string().refine((s) => parseInstant(s) !== undefined, 'not an ISO-8601 instant with an offset, such as 2026-11-23T09:00:00+01:00');
const BundlePayload = z.object({ bundle: z.unknown() });
const SavePayload = z.object({ bundle: z.unknown(), expectedVersion: z.number().int().min(0) });
const ImportPayload = z.object({ json: z.string().max(1_000_000), expectedVersion: z.number().int().min(0) });
const SimulatePayload = z.object({ bundle: z.unknown().optional(), timeline: z.unknown(), at: Instant });
const PreviewPayload = z.object({ bundle: z.unknown().optional(), calendar: z.string(), from: Instant, days: z.number().int().min(1).max(62).default(14) });
const RestorePayload = z.object({ version: z.number().int().min(1), expectedVersion: z.number().int().min(0) });
const ServiceDeskPayload = z.object({ serviceDeskId: z.string().optional() }).default({});

/** The bundle a request brings, or the stored one; either way validated, errors under `bundle`. */
async function bundleFrom(input: unknown): Promise<ConfigBundle> {
  if (input === undefined) return (await currentConfiguration())?.bundle ?? EMPTY_BUNDLE;
  const result = validateBundle(input);
  if (!result.ok) throw invalid(result.issues, 'bundle');
  return result.value;
}

async function save(request: Request, bundle: unknown, expectedVersion: number, projectKey: string, now: number) {
  const outcome = await saveConfiguration(bundle, expectedVersion, accountOf(request), now);
  if (!outcome.ok && outcome.reason === 'invalid') throw invalid(outcome.issues, 'bundle');
  if (!outcome.ok) throw conflict(`Someone saved version ${outcome.current} meanwhile; reload to see it, then make your change again`);
  // Open cycles follow the new contract; closed ones stay as they were reported.
  await enqueueReevaluation({ projectKey });
  const { bundle: _stored, ...meta } = outcome.saved;
  return meta;
}

export function defineAdmin(resolver: Resolver): Resolver {
  const admin = <T>(key: string, handler: (request: Request, projectKey: string, jira: JiraClient) => Promise<T>) =>
    resolver.define(
      key,
      enveloped(async (request) => {
        const jira = new JiraClient();
        const projectKey = await requireProjectAdmin(request, jira);
        return handler(request, projectKey, jira);
      }),
    );

  admin('admin/config/get', async () => {
    const stored = await currentConfiguration();
    return stored ?? { version: 0, savedAt: null, savedBy: null, bundle: EMPTY_BUNDLE };
  });

  admin('admin/config/validate', async (request) => {
    const { bundle } = parsePayload(BundlePayload, request.payload);
    const result = validateBundle(bundle);
    return { valid: result.ok, issues: result.ok ? [] : result.issues.map((i) => ({ path: i.path, message: i.message })) };
  });

  admin('admin/config/save', async (request, projectKey) => {
    const { bundle, expectedVersion } = parsePayload(SavePayload, request.payload);
    return save(request, bundle, expectedVersion, projectKey, now());
  });

  admin('admin/config/import', async (request, projectKey) => {
    const { json, expectedVersion } = parsePayload(ImportPayload, request.payload);
    let bundle: unknown;
    try {
      bundle = JSON.parse(json);
    } catch (error) {
      throw invalid([{ path: '(root)', message: `the file is not valid JSON: ${(error as Error).message}` }], 'file');
    }
    return save(request, bundle, expectedVersion, projectKey, now());
  });

  admin('admin/config/export', async () => {
    const stored = await currentConfiguration();
    const bundle = stored?.bundle ?? EMPTY_BUNDLE;
    const stamp = formatInstant(now()).slice(0, 10);
    return { fileName: `contract-sla-config-v${stored?.version ?? 0}-${stamp}.json`, json: JSON.stringify(bundle, null, 2) };
  });

  admin('admin/config/history', async () => configurationHistory());

  // Restoring saves an earlier version's bundle as a new version: history only ever grows.
  admin('admin/config/restore', async (request, projectKey) => {
    const { version, expectedVersion } = parsePayload(RestorePayload, request.payload);
    const earlier = await configurationVersion(version);
    if (!earlier) throw notFound(`There is no saved version ${version}`);
    return save(request, earlier.bundle, expectedVersion, projectKey, now());
  });

  admin('admin/simulate', async (request) => {
    const payload = parsePayload(SimulatePayload, request.payload);
    const bundle = await bundleFrom(payload.bundle);
    const timeline = validateTimeline(payload.timeline);
    if (!timeline.ok) throw invalid(timeline.issues, 'timeline');
    return toEvaluationJson(evaluate(bundle, timeline.value, parseInstant(payload.at)!));
  });

  admin('admin/calendar/preview', async (request) => {
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

  admin('admin/jira/organizations', async (_request, _projectKey, jira) => jira.listOrganizations());

  admin('admin/jira/statuses', async (_request, _projectKey, jira) =>
    (await jira.listStatuses()).map((s) => ({ id: s.id, name: s.name, category: s.statusCategory.key })),
  );

  admin('admin/jira/request-types', async (request, projectKey, jira) => {
    const { serviceDeskId } = parsePayload(ServiceDeskPayload, request.payload);
    const desk = serviceDeskId ?? (await jira.listServiceDesks()).find((d) => d.projectKey === projectKey)?.id;
    if (!desk) throw notFound(`Project ${projectKey} is not a service project`);
    return jira.listRequestTypes(desk);
  });

  admin('admin/reevaluate', async (_request, projectKey) => {
    await enqueueReevaluation({ projectKey });
    return { queued: true };
  });

  return resolver;
}
