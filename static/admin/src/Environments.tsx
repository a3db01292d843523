// Which version of each product every customer environment runs (formats.md §9.3): the registry's current versions
// with where each came from, the requests waiting there for a release of a fix (§9.5), a product's history of deployments, setting a version by hand, importing a CSV file of
// versions, and the deployment-report web trigger pipelines call (its URL, its secret and rotating it).
import { useCallback, useState } from 'react';
import type { AnswerOf, EnvironmentTargetPayload } from '../../../src/resolver-contract';
import { ApiError, call } from '../../shared/api';
import { Button, Lozenge, ProblemMessage, SectionMessage } from '../../shared/components';
import { RequestLink } from '../../shared/RequestLink';
import { useResource } from '../../shared/use-resource';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';

type Overview = AnswerOf<'admin/environments/overview'>;
type History = AnswerOf<'admin/environments/history'>;
type Status = AnswerOf<'admin/deployments/status'>;

const SOURCE: Record<string, string> = { configuration: 'configuration', admin: 'set by an admin', csv: 'CSV import', pipeline: 'pipeline' };
const fetchOverview = (): Promise<Overview> => call('admin/environments/overview');
const fetchStatus = (): Promise<Status> => call('admin/deployments/status');
const targetId = (t: EnvironmentTargetPayload): string => `${t.customer}/${t.environment}/${t.product}`;

/** A product's deployments, the latest deployed first; superseded ones (reported late) muted. */
function HistoryList({ target }: { target: EnvironmentTargetPayload }) {
  const zone = useZone();
  const fetcher = useCallback((): Promise<History> => call('admin/environments/history', target), [target]);
  const history = useResource<History>(fetcher);
  if (history.error) return <ProblemMessage title="The history could not be read" error={history.error} />;
  if (!history.data) return <p className="hint">Reading the history…</p>;
  return (
    <div className="environment-history" data-testid={`history-${targetId(target)}`}>
      <p className="hint">Starting version from the configuration: {history.data.starting ?? 'none'}.</p>
      {history.data.entries.length === 0 ? (
        <p className="hint">No deployment has been recorded.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Deployed</th>
              <th>Version</th>
              <th>Source</th>
              <th>By</th>
              <th>Recorded</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {history.data.entries.map((d) => (
              <tr key={`${d.deployedAt}-${d.version}`} className={d.outcome === 'superseded' ? 'muted' : ''}>
                <td>{formatSavedAt(d.deployedAt, zone)}</td>
                <td>
                  {d.version}
                  {d.previous ? <span className="hint"> (was {d.previous})</span> : null}
                </td>
                <td>{SOURCE[d.source] ?? d.source}</td>
                <td>{d.by ?? '—'}</td>
                <td>{formatSavedAt(d.recordedAt, zone)}</td>
                <td>{d.outcome === 'superseded' ? 'history only (a later deployment is current)' : d.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function OverviewTable({ overview }: { overview: Overview }) {
  const zone = useZone();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {overview.environments.map((env) => (
        <section key={`${env.customer}/${env.environment}`} className="subcard" data-testid={`environment-${env.customer}-${env.environment}`}>
          <h4>
            {env.customerName} — {env.environment}
          </h4>
          <table className="table">
            <thead>
              <tr>
                <th>Product</th>
                <th>Version</th>
                <th>From</th>
                <th>Since</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {env.products.map((p) => {
                const target = { customer: env.customer, environment: env.environment, product: p.product };
                const id = targetId(target);
                return (
                  <tr key={p.product} data-testid={`version-${id}`}>
                    <td>{p.product}</td>
                    <td>{p.version ?? <span className="hint">unknown</span>}</td>
                    <td>
                      {SOURCE[p.source] ?? p.source}
                      {p.byName ?? p.by ? <span className="hint"> · {p.byName ?? p.by}</span> : null}
                    </td>
                    <td>{p.deployedAt !== undefined ? formatSavedAt(p.deployedAt, zone) : '—'}</td>
                    <td>
                      <Button appearance="link" onClick={() => setOpen(open === id ? null : id)} aria-expanded={open === id}>
                        {open === id ? 'Hide history' : 'History'}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {env.products.map((p) => {
            const target = { customer: env.customer, environment: env.environment, product: p.product };
            return open === targetId(target) ? <HistoryList key={p.product} target={target} /> : null;
          })}
          {env.waiting && env.waiting.length > 0 && (
            <div data-testid={`waiting-${env.customer}-${env.environment}`}>
              <h5>Waiting for a release here</h5>
              <ul className="environment-waiting">
                {env.waiting.map((w) => (
                  <li key={w.issueKey}>
                    <RequestLink issueKey={w.issueKey} className="monitoring__key" /> waits for {w.product} {w.fix} (<RequestLink issueKey={w.devKey} />)
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

/** Sets one product's version by hand, as deployed now or at a given instant. */
function SetVersion({ overview, onDone }: { overview: Overview; onDone: () => void }) {
  const targets = overview.environments.flatMap((e) => e.products.map((p) => ({ customer: e.customer, customerName: e.customerName, environment: e.environment, product: p.product })));
  const [target, setTarget] = useState(targets[0] ? targetId(targets[0]) : '');
  const [version, setVersion] = useState('');
  const [deployedAt, setDeployedAt] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const chosen = targets.find((t) => targetId(t) === target);
  const submit = async (): Promise<void> => {
    if (!chosen) return;
    setProblem(null);
    setOutcome(null);
    try {
      const answer = await call('admin/environments/set-version', {
        customer: chosen.customer,
        environment: chosen.environment,
        product: chosen.product,
        version: version.trim(),
        ...(deployedAt ? { deployedAt: new Date(deployedAt).toISOString() } : {}),
      });
      setOutcome(answer.outcome === 'current' ? `Recorded: ${chosen.customerName} ${chosen.environment} runs ${chosen.product} ${answer.current.version}.` : answer.outcome === 'duplicate' ? 'Already recorded: nothing changed.' : `Recorded as history: a later deployment (${answer.current.version}) is current.`);
      onDone();
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <fieldset className="field" data-testid="set-version">
      <legend className="field-label">Set a version</legend>
      <div className="row wrap">
        <label className="field">
          <span className="field-label">Product of an environment</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((t) => (
              <option key={targetId(t)} value={targetId(t)}>
                {t.customerName} — {t.environment} — {t.product}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Version</span>
          <input value={version} placeholder="5.3.1" onChange={(e) => setVersion(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Deployed at (empty = now)</span>
          <input type="datetime-local" value={deployedAt} onChange={(e) => setDeployedAt(e.target.value)} />
        </label>
        <Button appearance="primary" onClick={() => void submit()} disabled={!chosen || version.trim() === ''}>
          Record
        </Button>
      </div>
      {outcome && (
        <p role="status" data-testid="set-version-outcome">
          {outcome}
        </p>
      )}
      {problem !== null && <ProblemMessage title="The version was not recorded" error={problem} />}
    </fieldset>
  );
}

/** A CSV file of versions, recorded whole or not at all; every mistake named by line. */
function ImportVersions({ onDone }: { onDone: () => void }) {
  const [csv, setCsv] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [errors, setErrors] = useState<Array<{ line: string; messages: string[] }>>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const submit = async (): Promise<void> => {
    setOutcome(null);
    setErrors([]);
    setProblem(null);
    try {
      const answer = await call('admin/environments/import', { csv });
      setOutcome(`${answer.rows} rows: ${answer.current} current, ${answer.superseded} history only, ${answer.duplicate} already recorded.`);
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) return setProblem(error);
      // Errors at `csv[<line>].<column>`: grouped by line, in the file's order.
      const byLine = new Map<string, string[]>();
      for (const e of error.errors) {
        const line = /^csv\[(\d+)\]/.exec(e.path ?? '')?.[1] ?? 'file';
        const column = /^csv\[\d+\]\.(.+)$/.exec(e.path ?? '')?.[1];
        byLine.set(line, [...(byLine.get(line) ?? []), column ? `${column}: ${e.message}` : e.message]);
      }
      setErrors([...byLine].map(([line, messages]) => ({ line, messages })));
    }
  };
  const readFile = async (file: File | undefined): Promise<void> => {
    if (file) setCsv(await file.text());
  };
  return (
    <fieldset className="field" data-testid="import-versions">
      <legend className="field-label">Import versions (CSV)</legend>
      <p className="hint">Columns: customer, environment, product, version, deployedAt (optional, ISO). At most 500 rows; nothing is recorded unless every row is right.</p>
      <input type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={(e) => void readFile(e.target.files?.[0])} />
      <textarea aria-label="CSV text" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={'customer,environment,product,version\nacme,UAT,Payroll,5.3.1'} />
      <div className="row">
        <Button onClick={() => void submit()} disabled={csv.trim() === ''}>
          Import
        </Button>
      </div>
      {outcome && (
        <p role="status" data-testid="import-outcome">
          {outcome}
        </p>
      )}
      {errors.length > 0 && (
        <SectionMessage appearance="error" title="Nothing was recorded" testId="import-errors">
          <ul>
            {errors.map((e) => (
              <li key={e.line}>
                {e.line === 'file' ? 'The file' : `Line ${e.line}`}: {e.messages.join('; ')}
              </li>
            ))}
          </ul>
        </SectionMessage>
      )}
      {problem !== null && <ProblemMessage title="The file was not imported" error={problem} />}
    </fieldset>
  );
}

/** Where pipelines report deployments, and the secret they sign with: rotated here, shown once. */
function DeploymentReports({ canEdit }: { canEdit: boolean }) {
  const zone = useZone();
  const status = useResource<Status>(fetchStatus);
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const rotate = async (): Promise<void> => {
    setProblem(null);
    try {
      const answer = await call('admin/deployments/rotate-secret');
      setSecret(answer.secret);
      setConfirming(false);
      await status.reload();
    } catch (error) {
      setProblem(error);
    }
  };
  if (status.error) return <ProblemMessage title="The deployment reports' status could not be read" error={status.error} />;
  const s = status.data;
  if (!s) return <p className="hint">Reading the deployment reports' status…</p>;
  return (
    <fieldset className="field" data-testid="deployment-reports">
      <legend className="field-label">Deployment reports from pipelines</legend>
      <p>
        URL: <code data-testid="deployment-url">{s.url}</code>{' '}
        <Button appearance="link" onClick={() => void navigator.clipboard?.writeText(s.url)}>
          Copy
        </Button>
      </p>
      <p className="hint">
        Signed with HMAC-SHA256 over timestamp, nonce and body: headers {s.headers.timestamp}, {s.headers.nonce} and {s.headers.signature}; a timestamp may be {s.windowSeconds} s old at most. The README has a curl example.
      </p>
      <p data-testid="secret-state">
        {s.secretSet ? <Lozenge appearance="success">Secret set</Lozenge> : <Lozenge appearance="removed">No secret yet: reports are refused</Lozenge>}{' '}
        {s.createdAt !== null && `since ${formatSavedAt(s.createdAt, zone)}${s.createdBy ? ` by ${s.createdBy}` : ''}`}
        {s.previousValidUntil !== null && ` · the previous secret signs until ${formatSavedAt(s.previousValidUntil, zone)}`}
      </p>
      {secret && (
        <SectionMessage appearance="warning" title="Copy the secret now: it is not shown again" testId="new-secret">
          <p>
            <code>{secret}</code>{' '}
            <Button appearance="link" onClick={() => void navigator.clipboard?.writeText(secret)}>
              Copy
            </Button>
          </p>
        </SectionMessage>
      )}
      {canEdit &&
        (confirming ? (
          <div className="row" role="group" aria-label="Confirm the new secret">
            <span>{s.secretSet ? 'Pipelines have one hour to switch to the new secret. Create it?' : 'Create the secret pipelines sign with?'}</span>
            <Button appearance="primary" onClick={() => void rotate()}>
              {s.secretSet ? 'Rotate the secret' : 'Create the secret'}
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        ) : (
          <Button onClick={() => setConfirming(true)}>{s.secretSet ? 'Rotate secret…' : 'Create secret…'}</Button>
        ))}
      {problem !== null && <ProblemMessage title="The secret was not changed" error={problem} />}
    </fieldset>
  );
}

export function Environments({ canEdit }: { canEdit: boolean }) {
  const overview = useResource<Overview>(fetchOverview);
  const reload = () => void overview.reload();
  return (
    <div className="environments">
      <p className="hint">
        Which version of each product every customer environment runs. The configuration&apos;s versions are the starting point; admins, CSV
        files and deployment pipelines record what was deployed, and the latest deployment is current whatever order reports arrive in.
      </p>
      {overview.error ? (
        <ProblemMessage title="The environments could not be read" error={overview.error}>
          <Button onClick={reload}>Try again</Button>
        </ProblemMessage>
      ) : !overview.data ? (
        <p className="hint">Reading the environments…</p>
      ) : (
        <>
          <OverviewTable overview={overview.data} />
          {canEdit ? (
            <>
              <SetVersion overview={overview.data} onDone={reload} />
              <ImportVersions onDone={reload} />
            </>
          ) : (
            <p className="hint">Only Jira administrators record versions.</p>
          )}
        </>
      )}
      <DeploymentReports canEdit={canEdit} />
    </div>
  );
}
