// The two questions of an impact × urgency matrix (formats.md §6), in the customer's own words: how many are
// affected, and how soon it is needed. Their answers name a cell, and the cell names the priority — shown with the
// times it promises, so the customer sees the consequence of their answers before they send the request.
import { Swatch } from '../../shared/components';
import type { AgreementCommitments } from '../../shared/views';

type Matrix = NonNullable<AgreementCommitments['matrix']>;
export interface Answers {
  impact: string | null;
  urgency: string | null;
}

/** The priority the answers name, or null until both are given (or when they name no cell). */
export function priorityOfAnswers(matrix: Matrix, answers: Answers): string | null {
  if (answers.impact === null || answers.urgency === null) return null;
  return matrix.cells[answers.impact]?.[answers.urgency] ?? null;
}

function Question({ axis, legend, levels, chosen, onChoose }: { axis: 'impact' | 'urgency'; legend: string; levels: Matrix['impact']; chosen: string | null; onChoose: (id: string) => void }) {
  return (
    <fieldset className="choices" data-testid={`matrix-${axis}`}>
      <legend>{legend}</legend>
      {levels.map((level) => (
        <label key={level.id} data-testid={`${axis}-option-${level.id}`} className={`choice${chosen === level.id ? ' choice--checked' : ''}`}>
          <input type="radio" name={`contract-${axis}`} value={level.id} checked={chosen === level.id} onChange={() => onChoose(level.id)} />
          <span className="choice__body">
            <span className="choice__name">{level.label}</span>
            {level.description && <span className="choice__description">{level.description}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function MatrixQuestions({ offer, answers, onAnswer }: { offer: AgreementCommitments; answers: Answers; onAnswer: (answers: Answers) => void }) {
  const matrix = offer.matrix!;
  const priorityId = priorityOfAnswers(matrix, answers);
  const priority = offer.priorities.find((p) => p.id === priorityId) ?? null;
  return (
    <>
      <Question axis="impact" legend="How many people are affected?" levels={matrix.impact} chosen={answers.impact} onChoose={(impact) => onAnswer({ ...answers, impact })} />
      <Question axis="urgency" legend="How soon do you need it?" levels={matrix.urgency} chosen={answers.urgency} onChoose={(urgency) => onAnswer({ ...answers, urgency })} />
      <div className="matrix-result" data-testid="matrix-result" aria-live="polite">
        {priority ? (
          <>
            <span className="choice__name">
              Your request&apos;s priority: <Swatch colour={priority.colour} />
              {priority.name}
            </span>
            <span className="choice__commitments">
              {priority.commitments.length > 0 ? (
                priority.commitments.map((c) => (
                  <span key={c.goal} className="choice__commitment">
                    {c.words}
                  </span>
                ))
              ) : (
                <span className="choice__commitment">No response time is committed to at this priority</span>
              )}
            </span>
          </>
        ) : (
          <span className="subtle">Answer both questions to see the priority and the times it promises.</span>
        )}
      </div>
    </>
  );
}
