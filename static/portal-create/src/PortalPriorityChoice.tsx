// The customer's priority choice on the portal's create form: first which of their agreements (environments) the
// request is about when they have several, then a priority of that agreement's own model. The choice goes to JSM
// with the form (view.submit); JSM stores it on the new request, where the app reads it as the opening priority.
import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../shared/api';
import { Loading, SectionMessage } from '../../shared/components';
import { hasCode } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import type { AgreementCommitments, PortalPriorities } from '../../shared/views';
import { MatrixQuestions, priorityOfAnswers, type Answers } from './MatrixQuestions';
import { PriorityOption } from './PriorityOption';

/** The field key the app reads back from the request's property (docs/resolvers.md). */
export const CHOICE_FIELD = 'contract-priority-choice';

interface Submission {
  fields: Array<{ key: string; value: { priority: string; agreement: string; impact?: string; urgency?: string } }>;
  isValid: boolean;
}

/**
 * What the form carries. With agreements to choose from, the request waits for a priority; without any (or when the
 * choices could not be loaded) the panel must never stand between a customer and their request.
 */
function submissionFor(offers: AgreementCommitments[] | null, agreement: string | null, priority: string | null, answers: Answers): Submission {
  if (!offers || offers.length === 0) return { fields: [], isValid: true };
  const matrix = offers.find((o) => o.agreement.id === agreement)?.matrix;
  // With a matrix the answers name the priority; the replay reads them back as the request's first impact and urgency.
  const chosen = matrix ? priorityOfAnswers(matrix, answers) : priority;
  if (!agreement || !chosen) return { fields: [], isValid: false };
  const asked = matrix ? { impact: answers.impact!, urgency: answers.urgency! } : {};
  return { fields: [{ key: CHOICE_FIELD, value: { priority: chosen, agreement, ...asked } }], isValid: true };
}

function AgreementChoice({ offers, chosen, onChoose }: { offers: AgreementCommitments[]; chosen: string | null; onChoose: (id: string) => void }) {
  return (
    <fieldset className="choices">
      <legend>
        Which environment is the request about? <span className="subtle">(The times you choose below apply to it.)</span>
      </legend>
      {offers.map((o) => (
        <label key={o.agreement.id} data-testid={`agreement-option-${o.agreement.id}`} className={`choice${chosen === o.agreement.id ? ' choice--checked' : ''}`}>
          <input type="radio" name="contract-agreement" value={o.agreement.id} checked={chosen === o.agreement.id} onChange={() => onChoose(o.agreement.id)} />
          <span className="choice__body">
            <span className="choice__name">{o.agreement.environment}</span>
            <span className="choice__description">
              {o.agreement.name}
              {o.agreement.products.length > 0 ? ` · ${o.agreement.products.join(', ')}` : ''}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function ProviderClassifies({ title }: { title: string }) {
  return (
    <SectionMessage appearance="information" title={title}>
      <p>Your service provider will set the request&apos;s priority when they receive it. You can raise the request as usual.</p>
    </SectionMessage>
  );
}

export function PortalPriorityChoice() {
  const fetcher = useCallback(() => call('portal/priorities'), []);
  const offers = useResource<PortalPriorities>(fetcher);
  const [agreement, setAgreement] = useState<string | null>(null);
  const [priority, setPriority] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({ impact: null, urgency: null });
  const [submitFailed, setSubmitFailed] = useState(false);

  const agreements = offers.data?.agreements ?? null;
  // One agreement needs no question.
  useEffect(() => {
    if (agreements?.length === 1) setAgreement(agreements[0]!.agreement.id);
  }, [agreements]);

  const settled = offers.data !== null || offers.error !== null;
  const failedToLoad = offers.error !== null;
  useEffect(() => {
    if (!settled) return;
    view.submit(submissionFor(failedToLoad ? null : agreements, agreement, priority, answers)).then(
      () => setSubmitFailed(false),
      () => setSubmitFailed(true),
    );
  }, [settled, failedToLoad, agreements, agreement, priority, answers]);

  const chooseAgreement = (id: string): void => {
    setAgreement(id);
    // A priority of the same model stays chosen; another model's priority means nothing here.
    const next = agreements?.find((o) => o.agreement.id === id);
    if (!next?.priorities.some((p) => p.id === priority)) setPriority(null);
    // Answers belong to a matrix: another agreement's questions start unanswered.
    const before = agreements?.find((o) => o.agreement.id === agreement);
    if (before?.priorityModel.id !== next?.priorityModel.id) setAnswers({ impact: null, urgency: null });
  };

  if (failedToLoad) {
    return hasCode(offers.error, 'NOT_CONFIGURED') ? (
      <ProviderClassifies title="Priorities are not set up for this service desk" />
    ) : (
      <ProviderClassifies title="Priority choices could not be loaded" />
    );
  }
  if (!agreements) return <Loading label="Loading your priorities…" />;
  if (agreements.length === 0) return <ProviderClassifies title="No service agreement covers your organization here" />;

  const offer = agreements.find((o) => o.agreement.id === agreement) ?? null;
  return (
    <div className="portal-create">
      {agreements.length > 1 && <AgreementChoice offers={agreements} chosen={agreement} onChoose={chooseAgreement} />}
      {offer && (
        <fieldset className="choices">
          <legend>
            How urgent is it? <span className="subtle">({offer.priorityModel.name}{offers.data?.requestType ? `, times for ${offers.data.requestType} requests` : ''})</span>
          </legend>
          <p className="subtle" data-testid="agreement-hours">
            Business time: {offer.hours}
            {offer.site ? ` — your ${offer.site.name}'s hours` : ''}
          </p>
          {!offer.matrix && offer.priorities.map((p) => <PriorityOption key={p.id} priority={p} checked={priority === p.id} onChoose={setPriority} />)}
        </fieldset>
      )}
      {offer?.matrix && <MatrixQuestions offer={offer} answers={answers} onAnswer={setAnswers} />}
      {submitFailed && (
        <SectionMessage appearance="error" title="Your choice could not be added to the request">
          <p>Choose again, or raise the request and tell your service provider how urgent it is.</p>
        </SectionMessage>
      )}
    </div>
  );
}
