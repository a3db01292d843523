// The request's escalations at a glance, under the guidance: amber once an escalation is reached (who was told, at
// which threshold, when), red once the request is breached, and the next escalation due.
import { formatLocalTime } from '../../shared/format';
import { EscalationLozenge, NextEscalation, markText } from '../../shared/Escalation';
import type { EscalationSummary } from '../../shared/views';

export function Escalations({ summary, zone, now }: { summary: EscalationSummary; zone: string; now: number }) {
  if (summary.level === 'none' && summary.next === null) return null;
  return (
    <section data-testid="escalations" className={`escalations escalations--${summary.level}`} aria-label="Escalations">
      <div className="escalations__head">
        <span className="escalations__label">Escalations</span>
        <EscalationLozenge summary={summary} />
      </div>
      {summary.reached.length > 0 && (
        <ul className="escalations__reached">
          {summary.reached.map((mark) => (
            <li key={`${mark.goal}#${mark.cycle}#${mark.id}`}>
              {markText(mark)} — reached {formatLocalTime(mark.at, zone, now)}
            </li>
          ))}
        </ul>
      )}
      <NextEscalation next={summary.next} zone={zone} now={now} />
    </section>
  );
}
