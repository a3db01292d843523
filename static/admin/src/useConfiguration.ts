// The configuration being edited: loaded with its version, checked by the backend as the admin types (the same
// validator that guards saving), saved with the version it was based on so a concurrent save is detected. The state
// and what each outcome does to it are configuration-state.ts; this runs the requests.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { ApiError, call } from '../../shared/api';
import { messageWithCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import { configurationReducer, initialConfiguration, type ConfigurationState } from './configuration-state';
import type { Edit } from './editing';
import type { FieldIssue } from './errors';
import type { ConfigMeta } from './model';
import { routeBundleErrors } from './places';

/** Long enough not to validate on every keystroke, short enough that the error appears while the admin looks. */
export const VALIDATE_DELAY_MS = 400;

export interface Configuration extends ConfigurationState {
  edit: Edit;
  /**
   * `over`: after a conflict, the newer version to save over (the admin saw its changes); `removePriorities`: the
   * admin confirmed dropping priority ids requests may have.
   */
  save: (over?: number, removePriorities?: boolean) => Promise<void>;
  dismissConfirmation: () => void;
  reload: () => Promise<void>;
  /** Shows issues another resolver found in the bundle on screen (the simulator's). */
  reportBundleIssues: (issues: FieldIssue[]) => void;
  /** After an import or restore the stored configuration is new: take it, and say which version it became. */
  adoptSaved: (meta: ConfigMeta) => Promise<void>;
  showConflict: (message: string) => void;
  dismissConflict: () => void;
}

const fetchStored = () => call('admin/config/get');

export function useConfiguration(): Configuration {
  const [state, dispatch] = useReducer(configurationReducer, initialConfiguration);
  const stored = useResource(fetchStored);
  // Numbers the checks, saves and reloads, so the reducer can drop answers to requests superseded meanwhile.
  const requests = useRef(0);

  useEffect(() => {
    if (stored.data) dispatch({ type: 'loaded', stored: stored.data });
  }, [stored.data]);
  useEffect(() => {
    if (stored.error) dispatch({ type: 'loadFailed', error: stored.error });
  }, [stored.error]);

  const reloadStored = stored.reload;
  const reload = useCallback(async () => {
    dispatch({ type: 'reloading', request: ++requests.current });
    await reloadStored();
  }, [reloadStored]);

  const edit = useCallback<Edit>((change) => dispatch({ type: 'edited', change }), []);

  const { bundle, dirty } = state;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      const request = ++requests.current;
      dispatch({ type: 'checking', request });
      call('admin/config/validate', { bundle }).then(
        (answer) => dispatch({ type: 'checked', request, issues: answer.issues }),
        () => dispatch({ type: 'checkFailed', request }),
      );
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bundle, dirty]);

  const version = state.meta.version;
  /** Saves the edits on the version they started from, or, after a conflict, over the newer version `over`. */
  const save = useCallback(async (over?: number, removePriorities = false) => {
    const request = ++requests.current;
    dispatch({ type: 'saving', request });
    try {
      const meta = await call('admin/config/save', { bundle, expectedVersion: over ?? version, ...(removePriorities ? { removePriorities } : {}) });
      dispatch({ type: 'saved', request, meta });
    } catch (error) {
      const conflict = messageWithCode(error, 'CONFLICT');
      const toConfirm = error instanceof ApiError ? error.errors.filter((e) => e.code === 'CONFIRM') : [];
      if (toConfirm.length > 0) {
        dispatch({ type: 'confirmationNeeded', messages: toConfirm.map((e) => e.message) });
      } else if (conflict !== undefined) {
        dispatch({ type: 'conflicted', message: conflict });
      } else if (error instanceof ApiError) {
        const { issues, rest } = routeBundleErrors(error.errors);
        dispatch({ type: 'failed', issues, problems: rest.map((e) => e.message) });
      } else {
        dispatch({ type: 'failed', issues: [], problems: messagesOf(error) });
      }
    }
  }, [bundle, version]);

  const adoptSaved = useCallback(
    async (meta: ConfigMeta) => {
      await reload();
      dispatch({ type: 'adopted', meta });
    },
    [reload],
  );

  const actions = useMemo(
    () => ({
      reportBundleIssues: (issues: FieldIssue[]) => dispatch({ type: 'reported', issues }),
      showConflict: (message: string) => dispatch({ type: 'conflicted', message }),
      dismissConflict: () => dispatch({ type: 'conflictDismissed' }),
      dismissConfirmation: () => dispatch({ type: 'confirmationDismissed' }),
    }),
    [],
  );

  return { ...state, edit, save, reload, adoptSaved, ...actions };
}
