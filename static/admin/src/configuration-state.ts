// The configuration being edited as one pure reducer: what each event of loading, editing, checking and saving does
// to the page's state. useConfiguration runs the requests and dispatches their outcomes.
import type { FieldIssue } from './errors';
import type { SavedVersion } from '../../../src/resolver-contract';
import { copyOf, withAllSections, type ConfigBundle, type ConfigMeta, type StoredConfig } from './model';

export type LoadState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready' };

export interface ConfigurationState {
  load: LoadState;
  meta: ConfigMeta;
  /** Whether the caller may change it (a Jira administrator); otherwise the page is read-only. */
  canEdit: boolean;
  bundle: ConfigBundle;
  /** The stored version the edits started from: what "your changes" are measured against on a conflict. */
  base: ConfigBundle;
  dirty: boolean;
  checking: boolean;
  saving: boolean;
  issues: FieldIssue[];
  /** Errors that concern no field (permission, storage, network). */
  problems: string[];
  /** Set after a save or import: the version it produced (`unchanged`: the stored one was this already). */
  saved: (ConfigMeta & { unchanged?: boolean }) | null;
  /** Set when someone else saved meanwhile. */
  conflict: string | null;
  /** What a save would take away (priority ids requests may have), waiting for the admin to confirm it. */
  confirmations: string[];
  /** The newest check, save or reload: answers to older requests are dropped, since they arrive out of order. */
  request: number;
}

export type ConfigurationAction =
  /** A reload started: checks and saves asked before it no longer count. */
  | { type: 'reloading'; request: number }
  | { type: 'loaded'; stored: StoredConfig }
  | { type: 'loadFailed'; error: unknown }
  /** `change` edits a copy of the bundle in place. */
  | { type: 'edited'; change: (draft: ConfigBundle) => void }
  | { type: 'checking'; request: number }
  | { type: 'checked'; request: number; issues: FieldIssue[] }
  /** Checking while typing is a courtesy: a failed check only stops checking (saving reports for real). */
  | { type: 'checkFailed'; request: number }
  | { type: 'saving'; request: number }
  | { type: 'saved'; request: number; meta: SavedVersion }
  /** Someone else saved meanwhile (on a save, an import or a restore). */
  | { type: 'conflicted'; message: string }
  /** The save would take something away: it waits for the admin's confirmation. */
  | { type: 'confirmationNeeded'; messages: string[] }
  | { type: 'confirmationDismissed' }
  | { type: 'conflictDismissed' }
  /** A save refused (issues on fields) or failed (problems). */
  | { type: 'failed'; issues: FieldIssue[]; problems: string[] }
  /** Another resolver (the simulator's) found these issues in the bundle on screen. */
  | { type: 'reported'; issues: FieldIssue[] }
  /** An import or restore became the stored version (the page reloads it). */
  | { type: 'adopted'; meta: ConfigMeta };

export const initialConfiguration: ConfigurationState = {
  load: { status: 'loading' },
  meta: { version: 0, savedAt: null, savedBy: null },
  canEdit: false,
  bundle: withAllSections(undefined),
  base: withAllSections(undefined),
  dirty: false,
  checking: false,
  saving: false,
  issues: [],
  problems: [],
  saved: null,
  conflict: null,
  confirmations: [],
  request: 0,
};

export function configurationReducer(state: ConfigurationState, action: ConfigurationAction): ConfigurationState {
  switch (action.type) {
    case 'reloading':
      return { ...state, request: action.request };
    case 'loaded': {
      const { version, savedAt, savedBy, canEdit, bundle } = action.stored;
      // The stored configuration needs no check: one still running was for edits now discarded.
      const loaded = withAllSections(bundle);
      return { ...state, load: { status: 'ready' }, meta: { version, savedAt, savedBy }, canEdit: canEdit === true, bundle: loaded, base: loaded, dirty: false, checking: false, issues: [], problems: [], conflict: null, confirmations: [] };
    }
    case 'loadFailed':
      return { ...state, load: { status: 'failed', error: action.error } };
    case 'edited': {
      const bundle = copyOf(state.bundle);
      action.change(bundle);
      return { ...state, bundle, dirty: true, saved: null };
    }
    case 'checking':
      // A check whose timer fires during a save would make the save's answer look superseded, and the page would
      // never learn its version: the save is the newer request, and validates anyway.
      return state.saving ? state : { ...state, request: action.request, checking: true };
    case 'checked':
      return action.request === state.request ? { ...state, checking: false, issues: action.issues } : state;
    case 'checkFailed':
      return action.request === state.request ? { ...state, checking: false } : state;
    case 'saving':
      return { ...state, request: action.request, saving: true, checking: false, problems: [] };
    case 'saved':
      if (action.request !== state.request) return { ...state, saving: false };
      return {
        ...state,
        saving: false,
        meta: { version: action.meta.version, savedAt: action.meta.savedAt, savedBy: action.meta.savedBy },
        saved: { version: action.meta.version, savedAt: action.meta.savedAt, savedBy: action.meta.savedBy, unchanged: action.meta.unchanged },
        base: state.bundle,
        dirty: false,
        issues: [],
        conflict: null,
        confirmations: [],
      };
    case 'conflicted':
      return { ...state, saving: false, conflict: action.message };
    case 'conflictDismissed':
      return { ...state, conflict: null };
    case 'confirmationNeeded':
      return { ...state, saving: false, confirmations: action.messages };
    case 'confirmationDismissed':
      return { ...state, confirmations: [] };
    case 'failed':
      return { ...state, saving: false, issues: action.issues, problems: action.problems };
    case 'reported':
      return { ...state, issues: action.issues, problems: [] };
    case 'adopted':
      return { ...state, saved: action.meta };
  }
}
