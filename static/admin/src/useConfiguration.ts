// The configuration being edited: loaded with its version, checked by the backend as the admin types (the same
// validator that guards saving), saved with the version it was based on so a concurrent save is detected.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../shared/api';
import type { FieldIssue } from './errors';
import { copyOf, withAllSections, type ConfigBundle, type ConfigMeta } from './model';
import { withoutPrefix } from './paths';

/** Long enough not to validate on every keystroke, short enough that the error appears while the admin looks. */
export const VALIDATE_DELAY_MS = 400;

export type LoadState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready' };

export interface Configuration {
  load: LoadState;
  meta: ConfigMeta;
  /** Whether the caller may change it (a Jira administrator); otherwise the page is read-only. */
  canEdit: boolean;
  bundle: ConfigBundle;
  dirty: boolean;
  checking: boolean;
  saving: boolean;
  issues: FieldIssue[];
  /** Errors that concern no field (permission, storage, network). */
  problems: string[];
  /** Set after a save or import: the version it produced. */
  saved: ConfigMeta | null;
  /** Set when someone else saved meanwhile. */
  conflict: string | null;
  edit: (change: (draft: ConfigBundle) => void) => void;
  save: () => Promise<void>;
  reload: () => Promise<void>;
  /** Shows errors that a resolver reported on the bundle (`bundle.…` paths), e.g. from the simulator. */
  showBundleErrors: (error: ApiError) => void;
  /** After an import the stored configuration is new: take it, and say which version it became. */
  adoptSaved: (meta: ConfigMeta) => Promise<void>;
  setConflict: (message: string | null) => void;
}

const messagesOf = (error: unknown): string[] =>
  error instanceof ApiError ? error.errors.map((e) => e.message) : [error instanceof Error ? error.message : String(error)];

export function useConfiguration(): Configuration {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [meta, setMeta] = useState<ConfigMeta>({ version: 0, savedAt: null, savedBy: null });
  const [canEdit, setCanEdit] = useState(false);
  const [bundle, setBundle] = useState<ConfigBundle>(() => withAllSections(undefined));
  const [dirty, setDirty] = useState(false);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<ConfigMeta | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  // Answers can arrive out of order; only the latest request may set the issues.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    latest.current++;
    try {
      const stored = await call('admin/config/get');
      setMeta({ version: stored.version, savedAt: stored.savedAt, savedBy: stored.savedBy });
      setCanEdit(stored.canEdit === true);
      setBundle(withAllSections(stored.bundle));
      setDirty(false);
      setIssues([]);
      setProblems([]);
      setConflict(null);
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const edit = useCallback((change: (draft: ConfigBundle) => void) => {
    setBundle((current) => {
      const draft = copyOf(current);
      change(draft);
      return draft;
    });
    setDirty(true);
    setSaved(null);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => {
      const ticket = ++latest.current;
      setChecking(true);
      call('admin/config/validate', { bundle })
        .then((answer) => {
          if (ticket === latest.current) setIssues(answer.issues);
        })
        // Checking while typing is a courtesy; saving validates for real and reports any failure.
        .catch(() => undefined)
        .finally(() => {
          if (ticket === latest.current) setChecking(false);
        });
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [bundle, dirty]);

  const showBundleErrors = useCallback((error: ApiError) => {
    const fieldIssues: FieldIssue[] = [];
    const other: string[] = [];
    for (const item of error.errors) {
      const path = withoutPrefix(item.path, 'bundle');
      if (item.code === 'INVALID' && path !== undefined) fieldIssues.push({ path, message: item.message });
      else other.push(item.message);
    }
    setIssues(fieldIssues);
    setProblems(other);
  }, []);

  const save = useCallback(async () => {
    const ticket = ++latest.current;
    setSaving(true);
    setChecking(false);
    setProblems([]);
    try {
      const answer = await call('admin/config/save', { bundle, expectedVersion: meta.version });
      if (ticket !== latest.current) return;
      setMeta(answer);
      setSaved(answer);
      setDirty(false);
      setIssues([]);
    } catch (error) {
      if (error instanceof ApiError && error.errors.some((e) => e.code === 'CONFLICT')) {
        setConflict(error.errors.find((e) => e.code === 'CONFLICT')!.message);
      } else if (error instanceof ApiError) {
        showBundleErrors(error);
      } else {
        setProblems(messagesOf(error));
      }
    } finally {
      setSaving(false);
    }
  }, [bundle, meta.version, showBundleErrors]);

  const adoptSaved = useCallback(
    async (answer: ConfigMeta) => {
      await reload();
      setSaved(answer);
    },
    [reload],
  );

  return { load, meta, canEdit, bundle, dirty, checking, saving, issues, problems, saved, conflict, edit, save, reload, showBundleErrors, adoptSaved, setConflict };
}
