// One priority of the customer's own model as a card: its name and colour, what it is for, and the times the
// agreement commits to for it, so the customer chooses by consequence rather than by label.
import { Swatch } from '../../shared/components';
import type { PriorityCommitments } from '../../shared/views';

interface Props {
  priority: PriorityCommitments;
  checked: boolean;
  onChoose: (id: string) => void;
}

export function PriorityOption({ priority: p, checked, onChoose }: Props) {
  const describedBy = `priority-${p.id}-commitments`;
  return (
    // A native radio inside the label: arrow keys, Space and screen readers work as for any radio group.
    <label data-testid={`priority-option-${p.id}`} className={`choice${checked ? ' choice--checked' : ''}`}>
      <input type="radio" name="contract-priority" value={p.id} checked={checked} onChange={() => onChoose(p.id)} aria-describedby={describedBy} />
      <span className="choice__body">
        <span className="choice__name">
          <Swatch colour={p.colour} />
          {p.name}
        </span>
        {p.description && <span className="choice__description">{p.description}</span>}
        <span id={describedBy} className="choice__commitments">
          {p.commitments.length > 0 ? (
            p.commitments.map((commitment) => (
              <span key={commitment.goal} className="choice__commitment">
                {commitment.words}
              </span>
            ))
          ) : (
            <span className="choice__commitment">No response time is committed to at this priority</span>
          )}
        </span>
      </span>
    </label>
  );
}
