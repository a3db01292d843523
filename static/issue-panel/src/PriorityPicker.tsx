// The agent re-classifies the request in its agreement's own priority model (P1–P4, Gold/Silver, …), not Jira's.
import { useState } from 'react';
import { ProblemMessage, Swatch } from '../../shared/components';
import type { AgreementView } from '../../shared/views';

interface Props {
  choices: AgreementView['priorityChoices'];
  current: string | null;
  modelName: string;
  /** Saves the choice; rejects with the resolver's error, shown beside the picker. */
  onChoose: (priority: string) => Promise<void>;
}

export function PriorityPicker({ choices, current, modelName, onChoose }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const choose = async (priority: string): Promise<void> => {
    if (!priority || priority === current) return;
    setPending(priority);
    setProblem(null);
    try {
      await onChoose(priority);
    } catch (error) {
      setProblem(error);
    } finally {
      setPending(null);
    }
  };

  const shown = pending ?? current ?? '';
  const selected = choices.find((c) => c.id === shown);
  return (
    <div className="priority-picker">
      <label htmlFor="contract-priority">Contract priority ({modelName})</label>
      <div className="priority-picker__row">
        <select id="contract-priority" value={shown} disabled={pending !== null} onChange={(e) => void choose(e.target.value)}>
          {current === null && <option value="">Choose a priority…</option>}
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} (rank {c.rank})
            </option>
          ))}
        </select>
        {pending !== null && (
          <span className="subtle" role="status">
            Saving…
          </span>
        )}
      </div>
      {selected?.description && (
        <p className="subtle">
          <Swatch colour={selected.colour} />
          {selected.description}
        </p>
      )}
      {problem !== null && <ProblemMessage title="The priority was not changed" error={problem} />}
    </div>
  );
}
