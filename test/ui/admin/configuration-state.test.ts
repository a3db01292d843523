// The admin page's configuration state as a table: each action, from a given state, to the state expected.
import { configurationReducer, initialConfiguration, type ConfigurationAction, type ConfigurationState } from '../../../static/admin/src/configuration-state';
import { withAllSections, type ConfigMeta } from '../../../static/admin/src/model';
import { exampleBundle, SAVED_AT, STORED_VERSION } from './backend';

const META: ConfigMeta = { version: STORED_VERSION, savedAt: SAVED_AT, savedBy: 'admin-account' };
const NEXT: ConfigMeta = { version: STORED_VERSION + 1, savedAt: SAVED_AT + 60_000, savedBy: 'admin-account' };
const SAVED = { ...NEXT, unchanged: false, reevaluation: null };
const ISSUE = { path: 'calendars[0].timezone', message: 'unknown time zone "Mars/Olympus"' };
const OTHER_ISSUE = { path: 'goals[1].stop[0]', message: 'unknown action "nope"' };
const OFFLINE = new Error('offline');

/** As loaded: a Jira administrator's configuration, nothing edited. */
const ready: ConfigurationState = { ...initialConfiguration, load: { status: 'ready' }, meta: META, canEdit: true, bundle: exampleBundle(), base: exampleBundle() };

const renamed = (name: string): ConfigurationState['bundle'] => {
  const bundle = exampleBundle();
  bundle.calendars[0]!.name = name;
  return bundle;
};

/** A stored bundle from before customers existed: the section is absent. */
const withoutCustomers = (): ConfigurationState['bundle'] => {
  const { customers: _absent, ...rest } = exampleBundle();
  return rest as ConfigurationState['bundle'];
};

/** Edited and being checked (request 3), with an issue from an earlier check. */
const editing: ConfigurationState = { ...ready, bundle: renamed('Office'), dirty: true, checking: true, issues: [ISSUE], request: 3 };

interface Case {
  name: string;
  given: ConfigurationState;
  action: ConfigurationAction;
  expected: ConfigurationState;
}

const cases: Case[] = [
  {
    name: 'loaded: the stored configuration, editable by a Jira administrator',
    given: initialConfiguration,
    action: { type: 'loaded', stored: { ...META, bundle: exampleBundle(), canEdit: true } },
    expected: ready,
  },
  {
    name: 'loaded: read-only for a project administrator, every section present',
    given: initialConfiguration,
    action: { type: 'loaded', stored: { ...META, bundle: withoutCustomers(), canEdit: false } },
    expected: { ...ready, canEdit: false, bundle: withAllSections({ ...exampleBundle(), customers: [] }), base: withAllSections({ ...exampleBundle(), customers: [] }) },
  },
  {
    name: 'loaded again: edits, issues, problems, a conflict and a running check are discarded; the saved notice and request stay',
    given: { ...editing, problems: ['Only administrators can change it'], conflict: 'Someone saved version 8 meanwhile', saved: META },
    action: { type: 'loaded', stored: { ...NEXT, bundle: exampleBundle(), canEdit: true } },
    expected: { ...ready, meta: NEXT, saved: META, request: 3 },
  },
  {
    name: 'loadFailed: the first load',
    given: initialConfiguration,
    action: { type: 'loadFailed', error: OFFLINE },
    expected: { ...initialConfiguration, load: { status: 'failed', error: OFFLINE } },
  },
  {
    name: 'loadFailed: a reload; the page shows the failure',
    given: editing,
    action: { type: 'loadFailed', error: OFFLINE },
    expected: { ...editing, load: { status: 'failed', error: OFFLINE } },
  },
  {
    name: 'reloading: answers to requests before it stop counting',
    given: editing,
    action: { type: 'reloading', request: 4 },
    expected: { ...editing, request: 4 },
  },
  {
    name: 'edited: a changed copy, unsaved, the saved notice gone',
    given: { ...ready, saved: META },
    action: { type: 'edited', change: (draft) => void (draft.calendars[0]!.name = 'Office') },
    expected: { ...ready, bundle: renamed('Office'), dirty: true, saved: null },
  },
  {
    name: 'checking: a newer request',
    given: { ...editing, checking: false },
    action: { type: 'checking', request: 4 },
    expected: { ...editing, checking: true, request: 4 },
  },
  {
    name: 'checked: the newest check replaces the issues',
    given: editing,
    action: { type: 'checked', request: 3, issues: [OTHER_ISSUE] },
    expected: { ...editing, checking: false, issues: [OTHER_ISSUE] },
  },
  {
    name: 'checked: an older check changes nothing',
    given: editing,
    action: { type: 'checked', request: 2, issues: [] },
    expected: editing,
  },
  {
    name: 'checkFailed: the newest check stops checking, the issues stay',
    given: editing,
    action: { type: 'checkFailed', request: 3 },
    expected: { ...editing, checking: false },
  },
  {
    name: 'checkFailed: an older check changes nothing',
    given: editing,
    action: { type: 'checkFailed', request: 1 },
    expected: editing,
  },
  {
    name: 'saving: the check under way no longer counts, the problems go',
    given: { ...editing, problems: ['Contract SLA could not be reached'] },
    action: { type: 'saving', request: 4 },
    expected: { ...editing, checking: false, saving: true, request: 4 },
  },
  {
    name: 'saved: the new version, nothing unsaved, no issues; the saved edits are the base of the next ones',
    given: { ...editing, checking: false, saving: true, request: 4 },
    action: { type: 'saved', request: 4, meta: SAVED },
    expected: { ...editing, checking: false, request: 4, meta: NEXT, saved: { ...NEXT, unchanged: false }, base: renamed('Office'), dirty: false, issues: [] },
  },
  {
    name: 'saved over a conflict: the conflict is settled',
    given: { ...editing, checking: false, saving: true, request: 4, conflict: 'Someone saved version 8 meanwhile' },
    action: { type: 'saved', request: 4, meta: { ...SAVED, version: STORED_VERSION + 2 } },
    expected: { ...editing, checking: false, request: 4, meta: { ...NEXT, version: STORED_VERSION + 2 }, saved: { ...NEXT, version: STORED_VERSION + 2, unchanged: false }, base: renamed('Office'), dirty: false, issues: [] },
  },
  {
    name: 'saved unchanged: the stored version was this already',
    given: { ...ready, saving: true, request: 4 },
    action: { type: 'saved', request: 4, meta: { ...META, unchanged: true, reevaluation: null } },
    expected: { ...ready, request: 4, saved: { ...META, unchanged: true } },
  },
  {
    name: 'checking during a save: the save stays the newest request, so its answer counts',
    given: { ...editing, checking: false, saving: true, request: 4 },
    action: { type: 'checking', request: 5 },
    expected: { ...editing, checking: false, saving: true, request: 4 },
  },
  {
    name: 'saved: after a reload meanwhile, only the saving ends',
    given: { ...editing, checking: false, saving: true, request: 5 },
    action: { type: 'saved', request: 4, meta: SAVED },
    expected: { ...editing, checking: false, request: 5 },
  },
  {
    name: 'conflicted: someone saved meanwhile; the edits stay',
    given: { ...editing, checking: false, saving: true, request: 4 },
    action: { type: 'conflicted', message: 'Someone saved version 8 meanwhile' },
    expected: { ...editing, checking: false, request: 4, conflict: 'Someone saved version 8 meanwhile' },
  },
  {
    name: 'confirmationNeeded: the save waits; the edits stay',
    given: { ...editing, checking: false, saving: true, request: 4 },
    action: { type: 'confirmationNeeded', messages: ['priority “3 – Normal” (p3) is gone from the model'] },
    expected: { ...editing, checking: false, request: 4, confirmations: ['priority “3 – Normal” (p3) is gone from the model'] },
  },
  {
    name: 'confirmationDismissed: keep editing',
    given: { ...editing, confirmations: ['priority “3 – Normal” (p3) is gone from the model'] },
    action: { type: 'confirmationDismissed' },
    expected: editing,
  },
  {
    name: 'conflictDismissed: keep editing',
    given: { ...editing, conflict: 'Someone saved version 8 meanwhile' },
    action: { type: 'conflictDismissed' },
    expected: editing,
  },
  {
    name: 'failed: refused with issues on fields and problems on none',
    given: { ...editing, checking: false, saving: true, request: 4 },
    action: { type: 'failed', issues: [OTHER_ISSUE], problems: ['unsupported version 2'] },
    expected: { ...editing, checking: false, request: 4, issues: [OTHER_ISSUE], problems: ['unsupported version 2'] },
  },
  {
    name: 'reported: the simulator found issues in the bundle; a save under way continues',
    given: { ...editing, saving: true, problems: ['earlier'] },
    action: { type: 'reported', issues: [OTHER_ISSUE] },
    expected: { ...editing, saving: true, issues: [OTHER_ISSUE], problems: [] },
  },
  {
    name: 'adopted: an import or restore says which version it became',
    given: ready,
    action: { type: 'adopted', meta: NEXT },
    expected: { ...ready, saved: NEXT },
  },
];

/** Frozen all the way down: a reducer that changed its given state would throw. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Error)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

describe('the configuration state', () => {
  it.each(cases)('$name', ({ given, action, expected }) => {
    expect(configurationReducer(frozen(given), action)).toEqual(expected);
  });

  it('names every action in the table', () => {
    const named = new Set(cases.map((c) => c.action.type));
    const all: Array<ConfigurationAction['type']> = ['reloading', 'loaded', 'loadFailed', 'edited', 'checking', 'checked', 'checkFailed', 'saving', 'saved', 'conflicted', 'conflictDismissed', 'confirmationNeeded', 'confirmationDismissed', 'failed', 'reported', 'adopted'];
    expect([...named].sort()).toEqual([...all].sort());
  });
});
