// An escalation state in a few words, as the issue panel, the work list and the monitoring page say it: amber when
// an escalation is reached, red when the request is breached, and the next one due. The same words everywhere.
import { Lozenge } from './components';
import { formatLocalTime, formatRelative } from './format';
import type { EscalationMark, EscalationSummary } from './views';

export function levelLabel(summary: EscalationSummary): string | null {
  if (summary.level === 'breached') return 'Breached';
  if (summary.level === 'reached') return 'Escalated';
  return null;
}

/** The lozenge of the level: red for breached, amber for an escalation reached; nothing otherwise. */
export function EscalationLozenge({ summary }: { summary: EscalationSummary }) {
  const label = levelLabel(summary);
  if (label === null) return null;
  return <Lozenge appearance={summary.level === 'breached' ? 'removed' : 'moved'}>{label}</Lozenge>;
}

/** `Time to first response: 50 % of the time used` */
export const markText = (mark: EscalationMark): string => `${mark.goalName}${mark.cycle > 1 ? ` #${mark.cycle}` : ''}: ${mark.threshold}`;

/** `Next escalation: Time to first response: the deadline passed, 10:30 (in 14 m)`, or nothing. */
export function NextEscalation({ next, zone, now }: { next: EscalationMark | null; zone: string; now: number }) {
  if (!next) return null;
  return (
    <span className="escalation-next" data-testid="escalation-next">
      Next escalation: {markText(next)}, {formatLocalTime(next.at, zone, now)} ({formatRelative(next.at, now)})
    </span>
  );
}
