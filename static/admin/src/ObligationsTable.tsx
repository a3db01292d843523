// What the engine says about the simulated request: every cycle of every goal, and the goal to work on next.
import type { EvaluationJson } from '../../../src/engine/simulate-json';
import { Badge, SectionMessage } from '../../shared/components';
import { formatInstant, formatSeconds } from './format';
import type { ConfigBundle } from './model';
import { useZone } from './viewer-zone';

// The simulator shows exactly what `admin/simulate` answers: the spec's evaluation JSON, typed by the backend.
export type { EvaluationJson, ObligationJson } from '../../../src/engine/simulate-json';

function When({ iso, zone }: { iso: string | null; zone: string }) {
  if (iso === null) return <span className="hint">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatInstant(iso, zone)}
    </time>
  );
}

export function ObligationsTable({ evaluation, bundle }: { evaluation: EvaluationJson; bundle: ConfigBundle }) {
  const agreement = bundle.agreements.find((a) => a.id === evaluation.agreement);
  // The viewer's zone, like every time on the page; the agreement's calendar is named when it counts in another.
  const zone = useZone();
  const calendarZone = bundle.calendars.find((c) => c.id === agreement?.calendar)?.timezone;
  const goalName = (id: string) => bundle.goals.find((g) => g.id === id)?.name ?? id;
  if (evaluation.agreement === null) {
    return (
      <SectionMessage appearance="warning" announce="no" testId="simulation-result">
        <p>No agreement applies to {evaluation.issue}: check its customer, environment, product and creation date. It has no obligations.</p>
      </SectionMessage>
    );
  }
  const next = evaluation.next;
  return (
    <div data-testid="simulation-result">
      <p>
        {evaluation.issue} is measured by agreement <strong>{agreement?.name ?? evaluation.agreement}</strong> ({evaluation.agreement}). Times in {zone}
        {calendarZone && calendarZone !== zone ? `; its calendar counts business time in ${calendarZone}` : ''}.
      </p>
      <p data-testid="next-goal" className="next-goal">
        {next ? (
          <>
            Next: <strong>{goalName(next.goal)}</strong> (cycle {next.cycle}){next.deadline ? <>, due <When iso={next.deadline} zone={zone} /></> : ', paused'}
          </>
        ) : (
          'Nothing is open: no next goal.'
        )}
      </p>
      {evaluation.obligations.length === 0 ? (
        <p className="hint">No goal of the agreement was started.</p>
      ) : (
        <table className="table obligations">
          <thead>
            <tr>
              <th>Goal</th>
              <th>Cycle</th>
              <th>State</th>
              <th>Target</th>
              <th>Elapsed</th>
              <th>Remaining</th>
              <th>Deadline</th>
              <th>Breached</th>
            </tr>
          </thead>
          <tbody>
            {evaluation.obligations.map((o) => (
              <tr key={`${o.goal}:${o.cycle}`} className={o.breached ? 'breached' : undefined}>
                <td>
                  {goalName(o.goal)}
                  {o.internal && <Badge>internal</Badge>}
                </td>
                <td>{o.cycle}</td>
                <td>{o.state}</td>
                <td>{formatSeconds(o.targetSeconds)}</td>
                <td>{formatSeconds(o.elapsedSeconds)}</td>
                <td>{formatSeconds(o.remainingSeconds)}</td>
                <td>
                  <When iso={o.deadline} zone={zone} />
                </td>
                <td>
                  {o.breached ? (
                    <span className="danger-text">
                      Yes{o.breachedAt && <>, at <When iso={o.breachedAt} zone={zone} /></>}
                    </span>
                  ) : (
                    'No'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
