// The one sentence an agent needs first: what is due next and by when, or why nothing is counting.
import type { IssuePanelView } from '../../shared/views';

const LABELS: Record<string, string> = {
  running: 'Next goal',
  paused: 'Paused',
  breached: 'Overdue',
  done: 'All done',
  none: 'No agreement',
};

export function Guidance({ guidance }: { guidance: IssuePanelView['guidance'] }) {
  const state = guidance.state in LABELS ? guidance.state : 'none';
  return (
    <section data-testid="guidance" className={`guidance callout guidance--${state}`} aria-label="What to do next">
      <span className="callout__label">{LABELS[state]}</span>
      <p className="guidance__text">{guidance.text}</p>
      {guidance.alsoDue.length > 0 && (
        <ul className="guidance__also" aria-label="Also due">
          {guidance.alsoDue.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
