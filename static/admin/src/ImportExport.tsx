// The configuration as a file: export the saved bundle, import one (validated and versioned like a save), the
// saved versions, the requests the app could not compute, and a manual re-evaluation of the site's requests.
import { Fragment, useCallback, useRef, useState } from 'react';
import { MAX_IMPORT_CHARS } from '../../../src/app-identity';
import { ApiError, call } from '../../shared/api';
import { Badge, Button, SectionMessage } from '../../shared/components';
import { messageWithCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import type { FieldIssue } from './errors';
import { ChangeList } from './ChangeList';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';
import type { ConfigMeta } from './model';
import { fieldOf } from './places';
import { ApplyAgainPanel, FailuresPanel, type RecomputeFailure } from './Reevaluation';

interface Props {
  version: number;
  dirty: boolean;
  /** Jira administrators import, restore and recompute; others only export and read the history. */
  canEdit: boolean;
  failures: RecomputeFailure[];
  /** The import became the stored configuration. */
  onImported: (meta: ConfigMeta) => Promise<void>;
  onReevaluationStarted: () => void;
  onConflict: (message: string) => void;
}

function readText(file: File): Promise<string> {
  // FileReader rather than File.text(): older embedded browsers lack the latter.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/** Offers text as a file download through a temporary object URL. */
export function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function ExportPanel() {
  const [state, setState] = useState<string | null>(null);
  const run = async () => {
    try {
      const { fileName, json } = await call('admin/config/export');
      download(fileName, json);
      setState(`Downloaded ${fileName}`);
    } catch (error) {
      setState(messagesOf(error).join('; '));
    }
  };
  return (
    <section className="card">
      <h3>Export</h3>
      <p>Downloads the saved configuration (not unsaved edits) as a JSON file, to keep or to import elsewhere.</p>
      <Button onClick={() => void run()} data-testid="export">
        Export configuration
      </Button>
      {state && (
        <p role="status" className="hint">
          {state}
        </p>
      )}
    </section>
  );
}

function ImportPanel({ version, dirty, onImported, onConflict }: Props) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = async (chosen: File | undefined) => {
    setIssues([]);
    setMessage(null);
    if (!chosen) return setFile(null);
    try {
      const text = await readText(chosen);
      if (text.length > MAX_IMPORT_CHARS) {
        setFile(null);
        return setMessage(`${chosen.name} is ${Math.ceil(text.length / 1000)} KB; a configuration file can be at most ${MAX_IMPORT_CHARS / 1000} KB.`);
      }
      setFile({ name: chosen.name, text });
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  /** What the file would take away (priority ids requests may have), waiting for "Import anyway". */
  const [toConfirm, setToConfirm] = useState<string[]>([]);

  const run = async (removePriorities = false) => {
    if (!file) return;
    setBusy(true);
    setIssues([]);
    setMessage(null);
    setToConfirm([]);
    try {
      const meta = await call('admin/config/import', { json: file.text, expectedVersion: version, ...(removePriorities ? { removePriorities } : {}) });
      setFile(null);
      if (input.current) input.current.value = '';
      if (meta.unchanged) return setMessage(`${file.name} is the configuration saved as version ${meta.version} already: nothing was imported.`);
      setMessage(`Imported ${file.name} as version ${meta.version}.`);
      await onImported(meta);
    } catch (error) {
      const conflict = messageWithCode(error, 'CONFLICT');
      const confirm = error instanceof ApiError ? error.errors.filter((e) => e.code === 'CONFIRM').map((e) => e.message) : [];
      if (confirm.length > 0) setToConfirm(confirm);
      else if (conflict !== undefined) onConflict(conflict);
      else if (error instanceof ApiError) {
        // Paths are in the file (bundle.…) or about the file itself; none of them is a field on this page.
        setIssues(error.errors.map((e) => ({ path: fieldOf(e.path) ?? e.path ?? '', message: e.message })));
        setMessage(`${file.name} was not imported: nothing was saved.`);
      } else setMessage(messagesOf(error).join('; '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h3>Import</h3>
      <p>
        Replaces the whole configuration with a JSON file. It is checked like a save: a file with problems is refused
        and nothing changes.{dirty && ' Your unsaved edits on this page would be discarded.'}
      </p>
      <label className="field">
        <span className="field-label">Configuration file (.json)</span>
        <input ref={input} type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {file && (
        <Button appearance="primary" onClick={() => void run()} disabled={busy} data-testid="import">
          Import {file.name}
        </Button>
      )}
      {message && (
        <p role="status" className="hint">
          {message}
        </p>
      )}
      {toConfirm.length > 0 && file && (
        <SectionMessage appearance="warning" announce="politely" testId="import-confirm">
          <p>{file.name} would take away what requests may already have:</p>
          <ul>
            {toConfirm.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <Button appearance="danger" onClick={() => void run(true)} disabled={busy} data-testid="import-anyway">
            Import anyway
          </Button>
        </SectionMessage>
      )}
      {issues.length > 0 && (
        <ul className="file-issues">
          {issues.map((issue, i) => (
            <li key={i} className="field-error" data-file-path={issue.path}>
              <strong>{issue.path}</strong>: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What one version changed from the one before it (the first: everything it holds). */
function VersionChanges({ version }: { version: number }) {
  const fetchChanges = useCallback(() => call('admin/config/changes', { to: version }), [version]);
  const changes = useResource(fetchChanges);
  if (changes.error !== null) return <p className="danger-text">{messagesOf(changes.error).join('; ')}</p>;
  if (!changes.data) return <p className="hint">Loading…</p>;
  return (
    <div data-testid={`version-changes-${version}`}>
      <p className="hint">{changes.data.from === 0 ? `Version ${version} is the first saved.` : `From version ${changes.data.from} to ${version}:`}</p>
      <ChangeList changes={changes.data.changes} empty="The same configuration as the version before." />
    </div>
  );
}

function HistoryPanel({ version, dirty, onImported, onConflict }: Props) {
  const zone = useZone();
  // Every new version is a new entry: a new version asks again.
  const fetchHistory = useCallback(() => call('admin/config/history'), [version]);
  const history = useResource(fetchHistory);
  const entries = history.data;
  const [failure, setFailure] = useState<unknown>(null);
  const [opened, setOpened] = useState<number | null>(null);
  const restore = async (earlier: number) => {
    setFailure(null);
    try {
      const meta = await call('admin/config/restore', { version: earlier, expectedVersion: version });
      await onImported(meta);
    } catch (error) {
      const conflict = messageWithCode(error, 'CONFLICT');
      if (conflict !== undefined) onConflict(conflict);
      else setFailure(error);
    }
  };
  const error = failure ?? history.error;
  return (
    <section className="card">
      <h3>History</h3>
      {error !== null && (
        <SectionMessage appearance="error" announce="no">
          <p>{messagesOf(error).join('; ')}</p>
        </SectionMessage>
      )}
      {!entries && error === null && <p className="hint">Loading…</p>}
      {entries && entries.length === 0 && <p className="hint">Nothing has been saved yet.</p>}
      {entries && entries.length > 0 && (
        <table className="table" data-testid="history">
          <thead>
            <tr>
              <th>Version</th>
              <th>Saved</th>
              <th>By</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <Fragment key={entry.version}>
                <tr>
                  <td>
                    {entry.version}
                    {entry.version === version && <Badge>current</Badge>}
                  </td>
                  <td>{formatSavedAt(entry.savedAt, zone)}</td>
                  <td title={entry.savedBy ?? undefined}>{entry.savedByName ?? entry.savedBy}</td>
                  <td>
                    <Button
                      appearance="link"
                      aria-expanded={opened === entry.version}
                      onClick={() => setOpened(opened === entry.version ? null : entry.version)}
                      data-testid={`changes-${entry.version}`}
                    >
                      What changed
                    </Button>
                    {entry.version !== version && (
                      // Unsaved edits would be replaced by the restored version, so restoring waits for them.
                      <Button onClick={() => void restore(entry.version)} disabled={dirty} data-testid={`restore-${entry.version}`}>
                        Restore as a new version
                      </Button>
                    )}
                  </td>
                </tr>
                {opened === entry.version && (
                  <tr>
                    <td colSpan={4}>
                      <VersionChanges version={entry.version} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ImportExport(props: Props) {
  // Reading is for everyone who may see the page; importing, restoring and recomputing change the site.
  return (
    <div>
      <ExportPanel />
      {props.canEdit && <ImportPanel {...props} />}
      <HistoryPanel {...props} />
      <FailuresPanel failures={props.failures} />
      {props.canEdit && <ApplyAgainPanel onStarted={props.onReevaluationStarted} />}
    </div>
  );
}
