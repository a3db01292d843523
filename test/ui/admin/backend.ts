// A fake admin resolver behind the mocked @forge/bridge `invoke`: the shipped example bundle as the stored
// configuration, the real bundle validator for `validate` and `save` (so answers are the backend's own), and
// per-test overrides for anything else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { droppedPriorities } from '../../../src/config/priority-ids';
import { validateBundle } from '../../../src/config/validate-bundle';
import type { ConfigBundle } from '../../../src/engine/types';

export type Envelope = { ok: true; data: unknown } | { ok: false; errors: Array<{ code: string; message: string; path?: string }> };
type Handler = (payload: Record<string, unknown>) => Envelope | Promise<Envelope>;

const examples = path.join(__dirname, '..', '..', '..', 'examples');
export const readExample = (name: string): string => readFileSync(path.join(examples, name), 'utf8');
export const exampleBundle = (): ConfigBundle => JSON.parse(readExample('config.json')) as ConfigBundle;

export const ok = (data: unknown): Envelope => ({ ok: true, data });
export const invalid = (...errors: Array<{ path: string; message: string }>): Envelope => ({ ok: false, errors: errors.map((e) => ({ code: 'INVALID', ...e })) });

export const SAVED_AT = Date.UTC(2026, 10, 20, 9, 30);
export const STORED_VERSION = 7;

/** Paths as the resolvers write them: `bundle.calendars[0]…`, `bundle` for the bundle itself. */
const underBundle = (p: string): string => (p === '(root)' ? 'bundle' : p.startsWith('[') ? `bundle${p}` : `bundle.${p}`);

export interface FakeBackend {
  calls: Array<{ key: string; payload: Record<string, unknown> }>;
  /** The payloads sent to one resolver, in order. */
  sent: (key: string) => Array<Record<string, unknown>>;
  invoke: (key: string, payload?: Record<string, unknown>) => Promise<Envelope>;
}

export function fakeBackend(overrides: Record<string, Handler> = {}): FakeBackend {
  const calls: FakeBackend['calls'] = [];
  const handlers: Record<string, Handler> = {
    'admin/config/get': () => ok({ version: STORED_VERSION, savedAt: SAVED_AT, savedBy: 'admin-account', bundle: exampleBundle(), canEdit: true }),
    'admin/reevaluation/status': () => ok({ reevaluation: null, failures: [] }),
    'admin/escalations/status': () => ok({ failed: [], unconfirmed: [], recent: [] }),
    'admin/reminders/status': () => ok({ failed: [], unconfirmed: [], recent: [] }),
    'admin/config/validate': ({ bundle }) => {
      const result = validateBundle(bundle);
      return ok({ valid: result.ok, issues: result.ok ? [] : result.issues.map((i) => ({ path: i.path, message: i.message })) });
    },
    'admin/config/save': ({ bundle, expectedVersion, removePriorities }) => {
      const result = validateBundle(bundle);
      if (!result.ok) return invalid(...result.issues.map((i) => ({ path: underBundle(i.path), message: i.message })));
      // The backend's rule: priority ids the stored configuration had are dropped only when confirmed.
      const dropped = removePriorities === true ? [] : droppedPriorities(exampleBundle(), result.value);
      if (dropped.length > 0) return { ok: false, errors: dropped.map((i) => ({ code: 'CONFIRM', path: underBundle(i.path), message: i.message })) };
      return ok({ version: (expectedVersion as number) + 1, savedAt: SAVED_AT + 60_000, savedBy: 'admin-account', unchanged: false, reevaluation: null });
    },
    'admin/config/history': () =>
      ok([
        { version: 7, savedAt: SAVED_AT, savedBy: 'admin-account', savedByName: 'Mette Hansen' },
        // An account Jira gives no name for.
        { version: 6, savedAt: SAVED_AT - 86_400_000, savedBy: 'other-admin', savedByName: null },
      ]),
    'admin/jira/organizations': () => ok([{ id: '12', name: 'ACME' }, { id: '14', name: 'Globex' }]),
    'admin/jira/request-types': () => ok([{ id: '1', name: 'Incident' }, { id: '2', name: 'Service request' }]),
    ...overrides,
  };
  return {
    calls,
    sent: (key) => calls.filter((c) => c.key === key).map((c) => c.payload),
    invoke: async (key, payload = {}) => {
      calls.push({ key, payload: JSON.parse(JSON.stringify(payload)) as Record<string, unknown> });
      const handler = handlers[key];
      if (!handler) return { ok: false, errors: [{ code: 'NOT_FOUND', message: `no resolver ${key} in this test` }] };
      return handler(payload);
    },
  };
}
