// Which agreement measures the request and why, so an agent can tell a wrong customer or environment at a glance.
import { Fact, SectionMessage } from '../../shared/components';
import type { AgreementView } from '../../shared/views';
import { MatrixAnswers } from './MatrixAnswers';
import { PriorityPicker } from './PriorityPicker';

interface Props {
  agreement: AgreementView;
  onChoosePriority: (priority: string) => Promise<void>;
  onAnswer: (answers: { impact: string; urgency: string }) => Promise<void>;
}

export function AgreementSection({ agreement: a, onChoosePriority, onAnswer }: Props) {
  return (
    <section className="agreement" aria-labelledby="agreement-title">
      <h3 id="agreement-title">Agreement: {a.name}</h3>
      <dl className="facts">
        <Fact label="Customer">{a.customer.name}</Fact>
        <Fact label="Environment">{a.environment}</Fact>
        <Fact label="Products">{a.products.length > 0 ? a.products.join(', ') : 'All products'}</Fact>
        <Fact label="Priority">
          <span data-testid="agreement-priority">
            {a.priority ? `${a.priority.name} — ${a.priorityModel.name}, rank ${a.priority.rank}` : `Not chosen yet (${a.priorityModel.name})`}
          </span>
        </Fact>
        <Fact label="Calendar">
          {a.calendar.name} <span className="subtlest">({a.calendar.timezone})</span>
        </Fact>
      </dl>
      {a.priorityChoices.length > 0 && (
        <PriorityPicker choices={a.priorityChoices} current={a.priority?.id ?? null} modelName={a.priorityModel.name} onChoose={onChoosePriority} />
      )}
      {a.matrix && <MatrixAnswers key={`${a.matrix.answers.impact}-${a.matrix.answers.urgency}`} matrix={a.matrix} names={new Map(a.priorityChoices.map((p) => [p.id, p.name]))} onAnswer={onAnswer} />}
      <h4>Why this agreement applies</h4>
      <ul className="agreement__why">
        {a.why.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** No agreement: nothing is measured, so say what would make one apply. */
export function NoAgreement({ howToFix }: { howToFix: string[] }) {
  return (
    <SectionMessage appearance="warning" title="Nothing is measured until an agreement applies">
      {howToFix.length > 0 ? (
        <>
          <p>To fix it:</p>
          <ol data-testid="how-to-fix">
            {howToFix.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>Ask a project administrator to check the agreements on the Contract SLA project page.</p>
      )}
    </SectionMessage>
  );
}
