// The admin resolvers through the real getDefinitions(), on the local Forge runtime (real @forge/kvs and
// @forge/api), with Jira answering the permission checks for four people: a Jira administrator, an administrator of
// project SUP only, an agent, and a portal customer. The configuration is site-wide, so only a Jira administrator
// changes it; a project's administrators may read it on their project.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adminResolver } from '../../src/index';
import { installLocalForgeRuntime, KvsStore, loadAppManifest, runAs, type LocalForgeRuntime, type ProductRequest, type QueuePushRequest } from '../../offline/forge-runtime';
import { JIRA_SCOPES } from '../../offline/jsm-double';
import { currentConfiguration } from '../../src/adapters/storage/config-store';
import { currentReevaluation } from '../../src/adapters/storage/reevaluation-store';

const root = path.join(__dirname, '../..');
const example = readFileSync(path.join(root, 'examples/config.json'), 'utf8');
const ADMIN = 'acc-mette';
const PROJECT_ADMIN = 'acc-peter';
const AGENT = 'acc-lars';
const CUSTOMER = 'acc-sofie';

/** The names Jira gives; the project admin's account is one Jira no longer returns. */
const NAMES: Record<string, string> = { [ADMIN]: 'Mette Hansen', [AGENT]: 'Lars Berg' };

let usersRefused = false;
let store: KvsStore;
let runtime: LocalForgeRuntime;
let pushes: QueuePushRequest[];

/** Who holds what: Administer Jira for the admin; Administer Projects on SUP for the admin and SUP's admin. */
function holds(accountId: string, permission: string, projectKey: string | null): boolean {
  if (permission === 'ADMINISTER') return accountId === ADMIN;
  if (permission === 'ADMINISTER_PROJECTS') return (accountId === ADMIN || accountId === PROJECT_ADMIN) && projectKey === 'SUP';
  return false;
}

async function jira(request: ProductRequest) {
  if (request.path === '/rest/api/3/mypermissions' && request.as !== 'app') {
    const permission = request.query.get('permissions') ?? '';
    const havePermission = holds(request.as.accountId, permission, request.query.get('projectKey'));
    return { status: 200, body: { permissions: { [permission]: { id: '0', key: permission, havePermission } } } };
  }
  if (request.path === '/rest/api/3/search/approximate-count') return { status: 200, body: { count: 42 } };
  if (request.path === '/rest/api/3/user/bulk' && usersRefused) return { status: 403, body: { errorMessages: ['You do not have permission to view users.'] } };
  if (request.path === '/rest/api/3/user/bulk') {
    const values = request.query.getAll('accountId').filter((id) => id in NAMES).map((accountId) => ({ accountId, displayName: NAMES[accountId], active: true }));
    return { status: 200, body: { startAt: 0, maxResults: 10, total: values.length, isLast: true, values } };
  }
  return { status: 404, body: { errorMessages: [`not in this test: ${request.method} ${request.path}`] } };
}

beforeEach(() => {
  // The local platform judges the app by its manifest: scopes, entities and queues all come from it.
  const manifest = loadAppManifest(path.join(root, 'manifest.yml'));
  store = new KvsStore({ entities: manifest.entities });
  pushes = [];
  usersRefused = false;
  runtime = installLocalForgeRuntime({ kvs: store, manifest, products: { jira }, scopeTables: { jira: JIRA_SCOPES }, queue: (push) => void pushes.push(push) });
});
afterEach(() => {
  runtime?.uninstall();
  store?.close();
});

type Envelope = { ok: boolean; data?: Record<string, unknown>; errors?: Array<{ code: string; message: string; path?: string }> };

/** On Jira's admin page (no project) unless a project's settings page is named. */
function call(functionKey: string, payload: unknown, accountId = ADMIN, project?: string): Promise<Envelope> {
  const extension = project ? { type: 'jira:projectSettingsPage', project: { key: project } } : { type: 'jira:adminPage' };
  const accountType = accountId === CUSTOMER ? 'customer' : 'licensed';
  return runAs(accountId, () =>
    // Forge hands the caller's identity to getDefinitions() beside the call, as the runtime's principal.
    adminResolver({ call: { functionKey, payload }, context: { accountId, accountType, extension } } as never, { principal: { accountId } }),
  ) as Promise<Envelope>;
}

test('a Jira administrator saves the bundle; it is stored as version 1 and re-evaluation of the whole site starts', async () => {
  const saved = await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  expect(saved).toMatchObject({ ok: true, data: { version: 1, savedBy: ADMIN, reevaluation: { version: 1, state: 'running', done: 0, estimate: 42 } } });
  expect((await currentConfiguration())?.bundle.agreements[0]?.id).toBe('acme-prod');
  expect(pushes).toHaveLength(1);
  expect(pushes[0]!.payload[0]!.body).toEqual({ kind: 'reevaluate', version: 1 });
  expect(await runAs(undefined, () => currentReevaluation())).toMatchObject({ version: 1, below: 1, startedBy: ADMIN });
  const read = await call('admin/config/get', {});
  expect(read).toMatchObject({ ok: true, data: { version: 1, canEdit: true } });
});

test("a project's administrator reads the configuration on their project, read-only, and cannot change it", async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  expect(await call('admin/config/get', {}, PROJECT_ADMIN, 'SUP')).toMatchObject({ ok: true, data: { version: 1, canEdit: false } });
  const saved = await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 1 }, PROJECT_ADMIN, 'SUP');
  expect(saved).toEqual({
    ok: false,
    errors: [{ code: 'FORBIDDEN', message: 'Only Jira administrators can change Contract SLA: its configuration applies to every service project of the site' }],
  });
  expect((await currentConfiguration())?.version).toBe(1);
  expect(pushes).toHaveLength(1);
});

test.each([
  ['an agent who administers nothing', AGENT, 'SUP', 'Only administrators of project SUP or of Jira can see the Contract SLA configuration'],
  ['an administrator of SUP on another project', PROJECT_ADMIN, 'OPS', 'Only administrators of project OPS or of Jira can see the Contract SLA configuration'],
  ['an administrator of SUP on Jira\'s admin page', PROJECT_ADMIN, undefined, 'Only Jira administrators can see the Contract SLA configuration'],
  ['a portal customer', CUSTOMER, 'SUP', 'This is available to the service team only'],
])('%s can neither read nor change it, and nothing is stored', async (_label, account, project, refusal) => {
  const saved = await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 }, account, project);
  expect(saved).toMatchObject({ ok: false, errors: [{ code: 'FORBIDDEN' }] });
  expect(await currentConfiguration()).toBeUndefined();
  expect(await call('admin/config/get', {}, account, project)).toEqual({ ok: false, errors: [{ code: 'FORBIDDEN', message: refusal }] });
  expect(pushes).toEqual([]);
});

test('an invalid bundle is refused with every error on its field, and the stored version is untouched', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  const broken = JSON.parse(example);
  broken.calendars[0].week.mon = [['08:00', '12:00'], ['11:00', '16:00']];
  broken.agreements[0].targets[0].target = 'P1M';
  delete broken.calendars[1];
  broken.calendars = broken.calendars.filter(Boolean);
  const result = await call('admin/config/save', { bundle: broken, expectedVersion: 1 });
  expect(result.ok).toBe(false);
  const paths = result.errors!.map((e) => e.path);
  expect(paths).toEqual(expect.arrayContaining(['bundle.calendars[0].week.mon[1]', 'bundle.agreements[0].targets[0].target', 'bundle.agreements[0].targets[0].calendar']));
  expect(result.errors!.every((e) => e.code === 'INVALID')).toBe(true);
  // Deleting a calendar still in use is refused, naming where it is used.
  expect(result.errors!.find((e) => e.path === 'bundle.agreements[0].targets[0].calendar')?.message).toContain('always');
  const stored = await currentConfiguration();
  expect(stored?.version).toBe(1);
  expect(stored?.bundle.calendars).toHaveLength(2);
});

test('a flood of mistakes shows the first 200 on their fields and counts the rest, in validate and in save', async () => {
  const flood = JSON.parse(example);
  flood.calendars[0].week.mon = Array.from({ length: 5000 }, () => ['09:00', '08:00']);
  const validated = await call('admin/config/validate', { bundle: flood });
  const issues = (validated.data as { valid: boolean; issues: Array<{ path: string; message: string }> }).issues;
  expect(issues).toHaveLength(201);
  expect(issues[199]).toEqual({ path: 'calendars[0].week.mon[199]', message: 'end 08:00 is before start 09:00' });
  expect(issues[200]).toEqual({ path: '(root)', message: '… and 4800 more problems; fix these first' });
  const saved = await call('admin/config/save', { bundle: flood, expectedVersion: 0 });
  expect(saved.errors).toHaveLength(201);
  expect(saved.errors![200]).toEqual({ code: 'INVALID', path: 'bundle', message: '… and 4800 more problems; fix these first' });
  expect(await currentConfiguration()).toBeUndefined();
});

/** The example with one calendar renamed: a different configuration. */
function renamed(name: string): unknown {
  const bundle = JSON.parse(example);
  bundle.calendars[0].name = name;
  return bundle;
}

test('a save based on an old version is refused as a conflict', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  await call('admin/config/save', { bundle: renamed('Office'), expectedVersion: 1 });
  const stale = await call('admin/config/save', { bundle: renamed('Office (winter)'), expectedVersion: 1 });
  expect(stale).toMatchObject({ ok: false, errors: [{ code: 'CONFLICT' }] });
  expect((await currentConfiguration())?.version).toBe(2);
  const history = await call('admin/config/history', {});
  expect((history.data as unknown as Array<{ version: number }>).map((v) => v.version)).toEqual([2, 1]);
});

test('saving or importing the configuration that is already current makes no version and applies nothing', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  expect(pushes).toHaveLength(1);
  const again = await call('admin/config/import', { json: example, expectedVersion: 1 });
  expect(again).toEqual({ ok: true, data: { version: 1, savedAt: expect.any(Number), savedBy: ADMIN, unchanged: true, reevaluation: null } });
  // Even from a page that is a version behind: there is nothing of theirs to overwrite.
  await call('admin/config/save', { bundle: renamed('Office'), expectedVersion: 1 });
  expect(await call('admin/config/save', { bundle: renamed('Office'), expectedVersion: 1 })).toMatchObject({ ok: true, data: { version: 2, unchanged: true } });
  expect(pushes).toHaveLength(2);
  const history = await call('admin/config/history', {});
  expect((history.data as unknown as Array<{ version: number }>).map((v) => v.version)).toEqual([2, 1]);
  // The same content in another key order and spacing is the same configuration.
  const reversed = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(reversed) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
  const reordered = JSON.stringify(reversed(renamed('Office')), null, 1);
  expect(await call('admin/config/import', { json: reordered, expectedVersion: 2 })).toMatchObject({ ok: true, data: { version: 2, unchanged: true } });
});

test('the history names who saved each version; without an answer from Jira it still lists them, by account id', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  const history = await call('admin/config/history', {});
  expect(history.data).toEqual([{ version: 1, savedAt: expect.any(Number), savedBy: ADMIN, savedByName: 'Mette Hansen' }]);
  usersRefused = true;
  expect((await call('admin/config/history', {})).data).toEqual([{ version: 1, savedAt: expect.any(Number), savedBy: ADMIN, savedByName: null }]);
});

test('what a version changed, what was saved since a version, and refusals naming the field', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  await call('admin/config/save', { bundle: renamed('Office'), expectedVersion: 1 });
  const changed = await call('admin/config/changes', {});
  expect(changed).toEqual({
    ok: true,
    data: { from: 1, to: 2, changes: [{ entry: 'Calendar “Office”', field: 'name', path: 'calendars[0].name', kind: 'changed', before: 'Copenhagen office hours', after: 'Office' }] },
  });
  const first = await call('admin/config/changes', { from: 0, to: 1 });
  expect((first.data!.changes as Array<{ kind: string }>).every((c) => c.kind === 'added')).toBe(true);
  expect(await call('admin/config/changes', { from: 2, to: 1 })).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.from' }] });
  expect(await call('admin/config/changes', { from: 1, to: 5 })).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
  expect(await call('admin/config/changes', { from: 'one' })).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.from' }] });
  // Readers may ask: a project's administrator on their project.
  expect(await call('admin/config/changes', {}, PROJECT_ADMIN, 'SUP')).toMatchObject({ ok: true, data: { from: 1, to: 2 } });
  expect(await call('admin/config/changes', {}, CUSTOMER)).toMatchObject({ ok: false });
});

test('a save that drops a priority id requests may have is made only once the admin confirms it, naming each one', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  // "p2" renamed "high" (its target rows follow, as the admin page renames them): requests storing p2 would lose it.
  const renamedId = JSON.parse(example);
  renamedId.priorityModels[0].priorities[1].id = 'high';
  for (const row of renamedId.agreements[0].targets) if (row.priorities) row.priorities = row.priorities.map((p: string) => (p === 'p2' ? 'high' : p));
  const refused = await call('admin/config/save', { bundle: renamedId, expectedVersion: 1 });
  expect(refused).toEqual({
    ok: false,
    errors: [
      {
        code: 'CONFIRM',
        path: 'bundle.priorityModels[0].priorities',
        message: 'priority “2 – High” (p2) is gone from the model: requests that have it would lose their priority (ACME Production uses this model). Keep its id and change its name, or confirm the removal',
      },
    ],
  });
  expect((await currentConfiguration())?.version).toBe(1);
  expect(pushes).toHaveLength(1);
  // The same as a file: refused alike.
  expect(await call('admin/config/import', { json: JSON.stringify(renamedId), expectedVersion: 1 })).toMatchObject({ ok: false, errors: [{ code: 'CONFIRM' }] });
  // Renaming only its name is no removal.
  const renamedName = JSON.parse(example);
  renamedName.priorityModels[0].priorities[1].name = '2 – Urgent';
  expect(await call('admin/config/save', { bundle: renamedName, expectedVersion: 1 })).toMatchObject({ ok: true, data: { version: 2 } });
  // Confirmed, it is saved.
  expect(await call('admin/config/save', { bundle: renamedId, expectedVersion: 2, removePriorities: true })).toMatchObject({ ok: true, data: { version: 3 } });
  // Restoring a version the site ran needs no confirmation.
  expect(await call('admin/config/restore', { version: 1, expectedVersion: 3 })).toMatchObject({ ok: true, data: { version: 4 } });
});

test('an earlier version is restored as a new version', async () => {
  const first = JSON.parse(example);
  await call('admin/config/save', { bundle: first, expectedVersion: 0 });
  const changed = JSON.parse(example);
  changed.calendars[0].name = 'Changed';
  await call('admin/config/save', { bundle: changed, expectedVersion: 1 });
  expect(await call('admin/config/restore', { version: 1, expectedVersion: 2 })).toMatchObject({ ok: true, data: { version: 3 } });
  expect((await currentConfiguration())?.bundle.calendars[0]?.name).toBe('Copenhagen office hours');
  expect(await call('admin/config/restore', { version: 9, expectedVersion: 3 })).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
});

test('import takes the exported file; a file that is not JSON is refused', async () => {
  expect(await call('admin/config/import', { json: example, expectedVersion: 0 })).toMatchObject({ ok: true, data: { version: 1 } });
  const exported = await call('admin/config/export', {});
  expect(JSON.parse(String(exported.data!.json))).toEqual(JSON.parse(JSON.stringify((await currentConfiguration())!.bundle)));
  expect(String(exported.data!.fileName)).toMatch(/^contract-sla-config-v1-\d{4}-\d{2}-\d{2}\.json$/);
  const bad = await call('admin/config/import', { json: '{"version": 1,', expectedVersion: 1 });
  expect(bad).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'file' }] });
  expect((await currentConfiguration())?.version).toBe(1);
});

test('a malformed payload is refused naming the field', async () => {
  expect(await call('admin/config/save', { bundle: {}, expectedVersion: -1 })).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'payload.expectedVersion' }] });
});

test('the simulator evaluates a timeline against the stored bundle exactly as the CLI does', async () => {
  await call('admin/config/save', { bundle: JSON.parse(example), expectedVersion: 0 });
  const timeline = JSON.parse(readFileSync(path.join(root, 'examples/timeline-sup-17.json'), 'utf8'));
  const { at, expected } = JSON.parse(readFileSync(path.join(root, 'examples/sup-17-at-2026-11-23T140000Z.json'), 'utf8'));
  expect(await call('admin/simulate', { timeline, at })).toEqual({ ok: true, data: expected });
  const bad = await call('admin/simulate', { timeline: { issue: { key: 'X' }, events: [] }, at });
  expect(bad).toMatchObject({ ok: false, errors: [{ code: 'INVALID', path: 'timeline.issue.created' }] });
});

test('the calendar preview lists the next openings of a calendar being edited', async () => {
  const preview = await call('admin/calendar/preview', { bundle: JSON.parse(example), calendar: 'cph-office', from: '2026-12-23T00:00:00+01:00', days: 3 });
  expect(preview).toEqual({
    ok: true,
    data: {
      calendar: 'cph-office',
      openSeconds: 28800,
      // 24 Dec closed, 25 Dec a public holiday: only the 23rd is open.
      openings: [{ from: '2026-12-23T07:00:00Z', to: '2026-12-23T15:00:00Z' }],
    },
  });
});

test.each([
  ['year 1', '0001-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T00:00:00Z'],
])('a calendar preview from %s is INVALID at payload.from, never INTERNAL', async (_year, from) => {
  const preview = await call('admin/calendar/preview', { bundle: JSON.parse(example), calendar: 'cph-office', from, days: 3 });
  expect(preview).toEqual({ ok: false, errors: [{ code: 'INVALID', path: 'payload.from', message: 'outside the years calendars are computed for (1900–2999)' }] });
});
