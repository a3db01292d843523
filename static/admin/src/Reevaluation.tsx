// After a save the app applies the new version to every active request of the site, in the background. This shows
// how far it has come ("1,200 of about 3,000 requests"), refreshing while it runs, and the requests the app could not
// compute, each with Jira's or storage's own message, so nothing fails out of sight.
import { useState } from 'react';
import type { AnswerOf } from '../../../src/resolver-contract';
import { call } from '../../shared/api';
import { Button, SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { useResource, type Resource } from '../../shared/use-resource';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';

export type ReevaluationStatus = AnswerOf<'admin/reevaluation/status'>;
export type Reevaluation = NonNullable<ReevaluationStatus['reevaluation']>;
export type RecomputeFailure = ReevaluationStatus['failures'][number];

/** Often enough to watch it move, rarely enough to cost little: one storage read a poll. */
export const POLL_MS = 3000;

const count = (n: number): string => n.toLocaleString('en-GB');

const fetchStatus = (): Promise<ReevaluationStatus> => call('admin/reevaluation/status');
const whileRunning = (status: ReevaluationStatus): number | null => (status.reevaluation?.state === 'running' ? POLL_MS : null);

/** The status, polled while a re-evaluation runs; `reload` after anything that starts one. */
export function useReevaluation(): Resource<ReevaluationStatus> {
  return useResource(fetchStatus, { pollMs: whileRunning });
}

export function progressText(r: Reevaluation, zone: string): string {
  const failed = r.failed > 0 ? `, ${count(r.failed)} could not be computed` : '';
  if (r.state === 'done') return `Version ${r.version} is applied: ${count(r.done)} requests recomputed${failed}, finished ${formatSavedAt(r.finishedAt ?? null, zone)}.`;
  const of = r.estimate !== undefined ? ` of about ${count(Math.max(r.estimate, r.done))}` : '';
  return `Applying version ${r.version} to the site's requests: ${count(r.done)}${of} recomputed${failed}.`;
}

export function ReevaluationProgress({ status, error }: { status: ReevaluationStatus | null; error: unknown }) {
  const zone = useZone();
  if (error) return <p className="hint danger-text">The progress of re-evaluation could not be read: {messagesOf(error).join('; ')}</p>;
  const r = status?.reevaluation;
  if (!r) return null;
  const max = Math.max(r.estimate ?? 0, r.done + r.failed, 1);
  return (
    <SectionMessage appearance={r.state === 'running' ? 'information' : r.failed > 0 ? 'warning' : 'success'} announce="politely" testId="reevaluation">
      <p>{progressText(r, zone)}</p>
      {r.state === 'running' && <progress max={max} value={r.done + r.failed} aria-label="Requests recomputed" />}
    </SectionMessage>
  );
}

export function FailuresPanel({ failures }: { failures: RecomputeFailure[] }) {
  const zone = useZone();
  return (
    <section className="card" data-testid="failures">
      <h3>Requests the app could not compute</h3>
      {failures.length === 0 ? (
        <p>None: every request was computed.</p>
      ) : (
        <>
          <p>Each is tried again by itself (after 5 minutes, then less and less often); these are the latest failures.</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Request</th>
                <th scope="col">During</th>
                <th scope="col">What went wrong</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last attempt</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((f) => (
                <tr key={f.issueId}>
                  <td>{f.issueKey ?? `issue ${f.issueId}`}</td>
                  <td>{f.during}</td>
                  <td>{f.message}</td>
                  <td>{f.attempts}</td>
                  <td>{formatSavedAt(f.lastFailedAt, zone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Applies the saved version again to every active request (after Jira data changed, say). */
export function ApplyAgainPanel({ onStarted }: { onStarted: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    try {
      await call('admin/reevaluate');
      setMessage('Started: every active request of the site is being recomputed with the saved configuration.');
      onStarted();
    } catch (error) {
      setMessage(messagesOf(error).join('; '));
    }
  };
  return (
    <section className="card">
      <h3>Recompute requests</h3>
      <p>Saving recomputes every active request of the site by itself; recompute by hand when they look out of date.</p>
      <Button onClick={() => void run()}>Recompute all requests</Button>
      {message && (
        <p role="status" className="hint">
          {message}
        </p>
      )}
    </section>
  );
}
