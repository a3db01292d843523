// One priority of the customer's own model as a card: its name and colour, what it is for, and the times the
// agreement promises for it, so the customer chooses by consequence rather than by label.
import { Swatch } from '../../shared/components';
import type { PriorityOffer } from '../../shared/views';

interface Props {
  priority: PriorityOffer;
  checked: boolean;
  onChoose: (id: string) => void;
}

export function PriorityOption({ priority: p, checked, onChoose }: Props) {
  const describedBy = `priority-${p.id}-promises`;
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
        <span id={describedBy} className="choice__promises">
          {p.promises.length > 0 ? (
            p.promises.map((promise) => (
              <span key={promise.goal} className="choice__promise">
                {promise.words}
              </span>
            ))
          ) : (
            <span className="choice__promise">No response time is promised at this priority</span>
          )}
        </span>
      </span>
    </label>
  );
}
