// The agent changes the request's impact or urgency (the questions of its agreement's priority matrix, formats.md §6):
// the priority follows from the cell, and the change is kept in the request's history like any priority change.
import { useState } from 'react';
import { ProblemMessage } from '../../shared/components';
import type { AgreementView } from '../../shared/views';

type Matrix = NonNullable<AgreementView['matrix']>;

interface Props {
  matrix: Matrix;
  /** The priorities by id, to say which one a pair of answers gives. */
  names: Map<string, string>;
  onAnswer: (answers: { impact: string; urgency: string }) => Promise<void>;
}

export function MatrixAnswers({ matrix, names, onAnswer }: Props) {
  const [draft, setDraft] = useState(matrix.answers);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const shown = pending ? draft : { impact: draft.impact ?? matrix.answers.impact, urgency: draft.urgency ?? matrix.answers.urgency };

  const answer = async (change: Partial<typeof draft>): Promise<void> => {
    const next = { ...shown, ...change };
    setDraft(next);
    if (next.impact === null || next.urgency === null) return;
    if (next.impact === matrix.answers.impact && next.urgency === matrix.answers.urgency) return;
    setPending(true);
    setProblem(null);
    try {
      await onAnswer({ impact: next.impact, urgency: next.urgency });
    } catch (error) {
      setProblem(error);
      setDraft(matrix.answers);
    } finally {
      setPending(false);
    }
  };

  const cell = shown.impact !== null && shown.urgency !== null ? matrix.cells[shown.impact]?.[shown.urgency] : undefined;
  const select = (axis: 'impact' | 'urgency', label: string) => (
    <label className="matrix-answer">
      {label}
      <select value={shown[axis] ?? ''} disabled={pending} onChange={(e) => void answer({ [axis]: e.target.value })} data-testid={`answer-${axis}`}>
        {shown[axis] === null && <option value="">Not answered…</option>}
        {matrix[axis].map((level) => (
          <option key={level.id} value={level.id}>
            {level.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="matrix-answers" data-testid="matrix-answers">
      <div className="matrix-answers__row">
        {select('impact', 'Impact')}
        {select('urgency', 'Urgency')}
      </div>
      <p className="subtle" role="status">
        {pending ? 'Saving…' : cell ? `These answers give ${names.get(cell) ?? cell}.` : 'Answer both to set the priority from the matrix.'}
      </p>
      {problem !== null && <ProblemMessage title="The answers were not changed" error={problem} />}
    </div>
  );
}
