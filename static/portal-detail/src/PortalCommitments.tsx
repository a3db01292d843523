// The customer's view of their request: what the provider committed to and where each commitment stands, in the
// customer's own time zone, and where the development work it waits for stands, in the customer's words. Internal
// targets, development issue keys and internal comments never reach this surface (the resolver leaves them out).
import { useCallback } from 'react';
import { call } from '../../shared/api';
import { Button, Loading, Lozenge, SectionMessage, type LozengeAppearance } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { formatLocalTime } from '../../shared/format';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import type { ObligationView as AgentObligationView, PortalCommitments as Commitments } from '../../shared/views';

/** What a customer is shown of an obligation: no escalations (the provider's own business). */
type ObligationView = Omit<AgentObligationView, 'escalations'>;

type Standing = 'met' | 'met-late' | 'running' | 'due-soon' | 'paused' | 'breached' | 'cancelled';

function standingOf(o: ObligationView): Standing {
  if (o.state === 'completed') return o.breached ? 'met-late' : 'met';
  if (o.state === 'cancelled') return 'cancelled';
  if (o.breached) return 'breached';
  if (o.state === 'paused') return 'paused';
  return o.atRisk ? 'due-soon' : 'running';
}

const LOZENGES: Record<Standing, { appearance: LozengeAppearance; label: string }> = {
  met: { appearance: 'success', label: 'Met' },
  'met-late': { appearance: 'removed', label: 'Met late' },
  running: { appearance: 'inprogress', label: 'In progress' },
  'due-soon': { appearance: 'moved', label: 'Due soon' },
  paused: { appearance: 'moved', label: 'On hold' },
  breached: { appearance: 'removed', label: 'Overdue' },
  cancelled: { appearance: 'default', label: 'No longer applies' },
};

/** Why a commitment is on hold, in the words the agents' guidance uses: `while the request is "Waiting for customer"`. */
function holdReason(pausedBy: ObligationView['pausedBy']): string {
  if (!pausedBy) return 'On hold';
  return pausedBy.kind === 'status' ? `On hold while the request is "${pausedBy.status}"` : `On hold since "${pausedBy.name}"`;
}

function detailOf(o: ObligationView, standing: Standing, at: (iso: string) => string): string {
  switch (standing) {
    case 'met':
      return o.endedAt ? `Met at ${at(o.endedAt)}` : 'Met';
    case 'met-late':
      return o.endedAt ? `Met at ${at(o.endedAt)}, after the agreed time` : 'Met after the agreed time';
    case 'running':
    case 'due-soon':
      return o.deadline ? `Due by ${at(o.deadline)}` : 'In progress';
    case 'paused':
      return holdReason(o.pausedBy);
    case 'breached': {
      const since = o.breachedAt ?? o.deadline;
      return since ? `Overdue since ${at(since)}` : 'Overdue';
    }
    case 'cancelled':
      return 'No longer applies to this request';
  }
}

function CommitmentRow({ obligation: o, zone, now }: { obligation: ObligationView; zone: string; now: number }) {
  const standing = standingOf(o);
  const lozenge = LOZENGES[standing];
  return (
    <li data-testid="commitment-row" className={`commitment commitment--${standing}`}>
      <span className="commitment__goal">{o.goalName}</span>
      <Lozenge appearance={lozenge.appearance}>{lozenge.label}</Lozenge>
      <span className="commitment__detail">{detailOf(o, standing, (iso) => formatLocalTime(iso, zone, now))}</span>
    </li>
  );
}

function Unavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (hasCode(error, 'FORBIDDEN')) {
    return <SectionMessage appearance="information" title="Service commitments are shown to the organization that raised this request" />;
  }
  if (hasCode(error, 'NOT_FOUND')) {
    return (
      <SectionMessage appearance="information" title="No service commitments are recorded for this request yet">
        <p>They appear shortly after the request is received.</p>
        <Button onClick={onRetry}>Check again</Button>
      </SectionMessage>
    );
  }
  if (hasCode(error, 'NOT_CONFIGURED')) {
    return (
      <SectionMessage appearance="information" title="Service commitments are not available here">
        <p>{messagesOf(error).join(' ')}</p>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="warning" title="Service commitments could not be shown right now">
      <p>Please try again in a moment.</p>
      <Button onClick={onRetry}>Try again</Button>
    </SectionMessage>
  );
}

/** "Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated": said as the resolver words it. */
function Progress({ progress }: { progress: string | null }) {
  if (!progress) return null;
  return (
    <p className="portal-progress callout" data-testid="commitments-progress">
      <span className="callout__label">Progress</span> {progress}
    </p>
  );
}

export function PortalCommitments() {
  const zone = useViewerTimezone();
  const fetcher = useCallback(() => call('portal/commitments'), []);
  const commitments = useResource<Commitments>(zone ? fetcher : null);
  const retry = (): void => void commitments.reload();

  const data = commitments.data;
  if (!zone || !data) {
    if (commitments.error !== null) return <Unavailable error={commitments.error} onRetry={retry} />;
    return <Loading label="Loading the service commitments…" />;
  }
  if (!data.agreement) {
    return (
      <>
        <Progress progress={data.progress} />
        <SectionMessage appearance="information" title="No service agreement applies to this request" />
      </>
    );
  }
  return (
    <section className="portal-detail" aria-labelledby="commitments-title">
      <h3 id="commitments-title">Our commitments ({data.agreement.name})</h3>
      <p className="subtle" data-testid="commitments-priority">
        Priority: {data.priority ? data.priority.name : 'not chosen yet'}
      </p>
      <Progress progress={data.progress} />
      {commitments.error !== null && <Unavailable error={commitments.error} onRetry={retry} />}
      {data.obligations.length === 0 ? (
        <p className="subtle">No commitment has started on this request.</p>
      ) : (
        <ul className="commitments">
          {data.obligations.map((o) => (
            <CommitmentRow key={`${o.goal}#${o.cycle}`} obligation={o} zone={zone} now={commitments.receivedAt} />
          ))}
        </ul>
      )}
      <footer className="toolbar">
        <span className="subtlest">Times in {zone}</span>
        <Button appearance="subtle" onClick={retry} disabled={commitments.loading}>
          {commitments.loading ? 'Refreshing…' : 'Refresh'}
        </Button>
      </footer>
    </section>
  );
}
