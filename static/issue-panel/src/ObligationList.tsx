// Every obligation of the request, cycle by cycle: what was promised, how much business time is used, and when it
// falls due in the agent's zone and the calendar's. Open cycles first and in full; closed ones folded.
import { Badge, Fact, Lozenge, type LozengeAppearance } from '../../shared/components';
import { formatDuration, formatInZones, formatLocalTime } from '../../shared/format';
import type { IssuePanelView, ObligationView } from '../../shared/views';

function stateOf(o: ObligationView): { appearance: LozengeAppearance; label: string } {
  if (o.state === 'completed') return o.breached ? { appearance: 'removed', label: 'Met late' } : { appearance: 'success', label: 'Met' };
  if (o.state === 'cancelled') return { appearance: 'default', label: 'Cancelled' };
  if (o.breached) return { appearance: 'removed', label: o.state === 'paused' ? 'Breached, paused' : 'Breached' };
  if (o.state === 'paused') return { appearance: 'default', label: 'Paused' };
  if (o.atRisk) return { appearance: 'moved', label: 'At risk' };
  return { appearance: 'inprogress', label: 'Running' };
}

function remainingText(o: ObligationView): string {
  return o.remainingSeconds >= 0 ? formatDuration(o.remainingSeconds) : `${formatDuration(o.remainingSeconds)} over`;
}

export function ObligationRow({ obligation: o, zone, now, showCalendar = true }: { obligation: ObligationView; zone: string; now: number; showCalendar?: boolean }) {
  const state = stateOf(o);
  const open = o.state === 'running' || o.state === 'paused';
  const when = (iso: string): string => formatInZones(iso, zone, o.calendar.timezone, now);
  return (
    <li data-testid="obligation-row" className={`obligation${o.breached ? ' obligation--breached' : o.atRisk ? ' obligation--at-risk' : ''}`}>
      <div className="obligation__head">
        <span className="obligation__goal">{o.goalName}</span>
        {o.cycle > 1 && <span className="obligation__cycle">#{o.cycle}</span>}
        {o.state === 'paused' && (
          // A stopped clock, beside the word for it.
          <span className="obligation__paused" aria-hidden="true">
            ⏸
          </span>
        )}
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
        {showCalendar && (
          <Fact label="Calendar" wide>
            {o.calendar.name} <span className="subtlest">({o.calendar.timezone})</span>
          </Fact>
        )}
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

type Calendar = ObligationView['calendar'];

/**
 * The calendar most obligations count in, the agreement's own among equals (then the first): named once above them,
 * not on every row.
 */
function sharedCalendar(obligations: readonly ObligationView[], preferred: string | undefined): Calendar | undefined {
  const counts = new Map<string, { calendar: Calendar; count: number }>();
  for (const o of obligations) {
    const seen = counts.get(o.calendar.id);
    counts.set(o.calendar.id, { calendar: o.calendar, count: (seen?.count ?? 0) + 1 });
  }
  let best: { calendar: Calendar; count: number } | undefined;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && entry.calendar.id === preferred)) best = entry;
  }
  return best?.calendar;
}

const isOpen = (o: ObligationView): boolean => o.state === 'running' || o.state === 'paused';

function closedSummary(closed: readonly ObligationView[]): string {
  const met = closed.filter((o) => o.state === 'completed' && !o.breached).length;
  const late = closed.filter((o) => o.state === 'completed' && o.breached).length;
  const cancelled = closed.filter((o) => o.state === 'cancelled').length;
  const parts = [met > 0 && `${met} met`, late > 0 && `${late} met late`, cancelled > 0 && `${cancelled} cancelled`].filter(Boolean);
  return `Closed cycles (${closed.length}): ${parts.join(', ')}`;
}

/**
 * What is still open, in full; closed cycles folded away (a glance at the panel is about what is due), and the
 * calendar named once for the obligations that share it.
 */
interface ListProps {
  obligations: ObligationView[];
  earlier: EarlierCycles;
  zone: string;
  now: number;
  /** The agreement's calendar, named once in a tie. */
  agreementCalendar?: string;
}

export function ObligationList({ obligations, earlier, zone, now, agreementCalendar }: ListProps) {
  const shared = sharedCalendar(obligations, agreementCalendar);
  const mixed = obligations.some((o) => o.calendar.id !== shared?.id);
  const open = obligations.filter(isOpen);
  const closed = obligations.filter((o) => !isOpen(o));
  const row = (o: ObligationView) => <ObligationRow key={`${o.goal}#${o.cycle}`} obligation={o} zone={zone} now={now} showCalendar={o.calendar.id !== shared?.id} />;
  return (
    <section aria-labelledby="obligations-title">
      <h3 id="obligations-title">Obligations</h3>
      {shared && (
        <p className="subtle" data-testid="obligations-calendar">
          Business time in {shared.name} <span className="subtlest">({shared.timezone})</span>
          {mixed ? ', unless a goal names its own calendar.' : '.'}
        </p>
      )}
      {earlier.map((e) => (
        <p key={e.goal} className="subtle" data-testid={`earlier-${e.goal}`}>
          {`${e.goalName}: the first ${e.cycles.toLocaleString('en-GB')} cycles are summarised — ${e.met.toLocaleString('en-GB')} met, ${e.breached.toLocaleString('en-GB')} breached${e.cancelled > 0 ? `, ${e.cancelled.toLocaleString('en-GB')} cancelled` : ''}.`}
        </p>
      ))}
      {obligations.length === 0 ? (
        <p className="subtle">No goal has started on this request.</p>
      ) : (
        <>
          {open.length > 0 ? <ul className="obligations">{open.map(row)}</ul> : <p className="subtle">Nothing is open: every cycle is closed.</p>}
          {closed.length > 0 && (
            <details className="closed-cycles" data-testid="closed-cycles">
              <summary>{closedSummary(closed)}</summary>
              <ul className="obligations">{closed.map(row)}</ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/**
 * A supplier's goals on this request (formats.md §6): what the supplier owes the provider while the request waits for
 * it, listed apart from the customer's obligations, each with the calendar it counts in. Never shown to customers.
 */
export function SupplierGoals({ obligations, zone, now }: { obligations: ObligationView[]; zone: string; now: number }) {
  if (obligations.length === 0) return null;
  return (
    <section aria-labelledby="supplier-goals-title" data-testid="supplier-goals">
      <h3 id="supplier-goals-title">
        Supplier goals <span className="subtle">(internal: never shown to the customer)</span>
      </h3>
      <ul className="obligations">
        {obligations.map((o) => (
          <ObligationRow key={`${o.goal}#${o.cycle}`} obligation={o} zone={zone} now={now} showCalendar />
        ))}
      </ul>
    </section>
  );
}
