// Every obligation of the request, cycle by cycle: what was promised, how much business time is used, and when it
// falls due in the agent's zone and the calendar's.
import { Badge, Fact, Lozenge, type LozengeAppearance } from '../../shared/components';
import { formatDuration, formatInZones, formatLocalTime } from '../../shared/format';
import type { IssuePanelView, ObligationView } from '../../shared/views';

function stateOf(o: ObligationView): { appearance: LozengeAppearance; label: string } {
  if (o.state === 'completed') return o.breached ? { appearance: 'removed', label: 'Met late' } : { appearance: 'success', label: 'Met' };
  if (o.state === 'cancelled') return { appearance: 'default', label: 'Cancelled' };
  if (o.breached) return { appearance: 'removed', label: o.state === 'paused' ? 'Breached, paused' : 'Breached' };
  if (o.state === 'paused') return { appearance: 'moved', label: 'Paused' };
  return { appearance: 'inprogress', label: 'Running' };
}

function remainingText(o: ObligationView): string {
  return o.remainingSeconds >= 0 ? formatDuration(o.remainingSeconds) : `${formatDuration(o.remainingSeconds)} over`;
}

export function ObligationRow({ obligation: o, zone, now }: { obligation: ObligationView; zone: string; now: number }) {
  const state = stateOf(o);
  const open = o.state === 'running' || o.state === 'paused';
  const when = (iso: string): string => formatInZones(iso, zone, o.calendar.timezone, now);
  return (
    <li data-testid="obligation-row" className={`obligation${o.breached ? ' obligation--breached' : ''}`}>
      <div className="obligation__head">
        <span className="obligation__goal">{o.goalName}</span>
        {o.cycle > 1 && <span className="obligation__cycle">#{o.cycle}</span>}
        <Lozenge appearance={state.appearance}>{state.label}</Lozenge>
        {o.internal ? (
          <Badge title="An operational-level agreement: the provider's own target, not promised to the customer">Internal (OLA)</Badge>
        ) : (
          <Badge title="Promised to the customer in the agreement">Contractual</Badge>
        )}
      </div>
      <dl className="facts facts--inline">
        <Fact label="Target">{formatDuration(o.targetSeconds)}</Fact>
        <Fact label="Elapsed">{formatDuration(o.elapsedSeconds)}</Fact>
        {open && (
          <Fact label="Remaining" className={o.remainingSeconds < 0 ? 'danger' : undefined}>
            {remainingText(o)}
          </Fact>
        )}
        {open && (
          <Fact label="Deadline" wide>
            {o.deadline ? when(o.deadline) : 'none while paused'}
          </Fact>
        )}
        {o.pausedBy && (
          <Fact label="Paused by" wide>
            {o.pausedBy.kind === 'status' ? `status "${o.pausedBy.status}"` : `action "${o.pausedBy.name}"`}
          </Fact>
        )}
        {o.breachedAt && (
          <Fact label="Breached at" wide className="danger">
            {when(o.breachedAt)}
          </Fact>
        )}
        {o.endedAt && (
          <Fact label={o.state === 'cancelled' ? 'Cancelled at' : 'Met at'} wide>
            {when(o.endedAt)}
          </Fact>
        )}
        <Fact label="Calendar" wide>
          {o.calendar.name} <span className="subtlest">({o.calendar.timezone})</span>
        </Fact>
        {o.escalations.length > 0 && (
          <Fact label="Escalations" wide>
            <ul className="obligation__escalations">
              {o.escalations.map((e) => (
                <li key={e.id} data-testid="obligation-escalation">
                  {e.threshold}:{' '}
                  {e.reachedAt ? <Lozenge appearance="moved">{`reached ${formatLocalTime(e.reachedAt, zone, now)}`}</Lozenge> : e.dueAt ? `due ${when(e.dueAt)}` : <span className="subtlest">not reached</span>}
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </dl>
    </li>
  );
}

type EarlierCycles = IssuePanelView['earlierCycles'];

export function ObligationList({ obligations, earlier, zone, now }: { obligations: ObligationView[]; earlier: EarlierCycles; zone: string; now: number }) {
  return (
    <section aria-labelledby="obligations-title">
      <h3 id="obligations-title">Obligations</h3>
      {earlier.map((e) => (
        <p key={e.goal} className="subtle" data-testid={`earlier-${e.goal}`}>
          {`${e.goalName}: the first ${e.cycles.toLocaleString('en-GB')} cycles are summarised — ${e.met.toLocaleString('en-GB')} met, ${e.breached.toLocaleString('en-GB')} breached${e.cancelled > 0 ? `, ${e.cancelled.toLocaleString('en-GB')} cancelled` : ''}.`}
        </p>
      ))}
      {obligations.length === 0 ? (
        <p className="subtle">No goal has started on this request.</p>
      ) : (
        <ul className="obligations">
          {obligations.map((o) => (
            <ObligationRow key={`${o.goal}#${o.cycle}`} obligation={o} zone={zone} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
