// "Send to development": create an issue in the agreement's development project from the request, or link one that
// development already has. The resolver makes the Jira calls as the agent; its errors are shown at their field.
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/api';
import { Button, FieldErrorList, ProblemMessage } from '../../shared/components';
import type { DevelopmentPanel, HandOverPayload } from '../../shared/views';

/** Hands the request over; rejects with the resolver's error. */
export type HandOver = (payload: HandOverPayload) => Promise<void>;

type Terms = NonNullable<DevelopmentPanel['terms']>;

/** The fields of the form, by the payload path the resolver names them with. */
const FIELDS = ['payload.summary', 'payload.description', 'payload.key'] as const;

function errorsAt(problem: unknown, path: string): string[] {
  return problem instanceof ApiError ? problem.at(path).map((e) => e.message) : [];
}

/** What no field shows: every error when the bridge failed, else those at no field of the form. */
function unplaced(problem: unknown): unknown {
  if (!(problem instanceof ApiError)) return problem;
  const rest = problem.errors.filter((e) => !FIELDS.some((f) => problem.at(f).includes(e)));
  return rest.length > 0 ? new ApiError(rest) : null;
}

/** Closed until the agent asks: most requests are never handed over, and the panel stays about what is due. */
export function HandOverForm({ terms, view, onHandOver }: { terms: Terms; view: DevelopmentPanel; onHandOver: HandOver }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} data-testid="hand-over-open">
        Send to development…
      </Button>
    );
  }
  return <OpenForm terms={terms} view={view} onHandOver={onHandOver} onCancel={() => setOpen(false)} />;
}

function OpenForm({ terms, view, onHandOver, onCancel }: { terms: Terms; view: DevelopmentPanel; onHandOver: HandOver; onCancel: () => void }) {
  const id = useId();
  const [mode, setMode] = useState<'create' | 'link'>('create');
  const [summary, setSummary] = useState(view.draftSummary);
  const [description, setDescription] = useState('');
  const [key, setKey] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      await onHandOver(mode === 'create' ? { mode, ...(summary.trim() ? { summary: summary.trim() } : {}), ...(description.trim() ? { description: description.trim() } : {}) } : { mode, key: key.trim().toUpperCase() });
    } catch (error) {
      setProblem(error);
    } finally {
      setSending(false);
    }
  };

  const field = (path: string) => {
    const messages = errorsAt(problem, path);
    return { messages, invalid: messages.length > 0 || undefined };
  };
  const summaryErrors = field('payload.summary');
  const descriptionErrors = field('payload.description');
  const keyErrors = field('payload.key');
  const other = problem === null ? null : unplaced(problem);
  const carried = [
    'The customer',
    view.environment && `the environment (${view.environment})`,
    view.product && (view.environmentVersion ? `the product and the version it runs (${view.product} ${view.environmentVersion})` : `the product (${view.product})`),
  ].filter(Boolean);

  return (
    <form className="hand-over" onSubmit={(e) => void submit(e)} data-testid="hand-over" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Send to development</h4>
      <div className="hand-over__modes" role="radiogroup" aria-label="How">
        <label className="hand-over__mode">
          <input type="radio" name={`${id}-mode`} value="create" checked={mode === 'create'} onChange={() => setMode('create')} data-testid="hand-over-create" /> Create an issue in {terms.projectName} ({terms.project})
        </label>
        <label className="hand-over__mode">
          <input type="radio" name={`${id}-mode`} value="link" checked={mode === 'link'} onChange={() => setMode('link')} data-testid="hand-over-link" /> Link an existing issue
        </label>
      </div>
      {mode === 'create' ? (
        <>
          <label className="hand-over__field">
            <span className="hand-over__label">Summary</span>
            <input type="text" value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="The request's summary" aria-invalid={summaryErrors.invalid} data-testid="hand-over-summary" />
          </label>
          <FieldErrorList messages={summaryErrors.messages} path="payload.summary" />
          <label className="hand-over__field">
            <span className="hand-over__label">Description</span>
            <textarea rows={4} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What development should know" aria-invalid={descriptionErrors.invalid} data-testid="hand-over-description" />
          </label>
          <FieldErrorList messages={descriptionErrors.messages} path="payload.description" />
          <p className="subtlest">{`${carried.slice(0, -1).join(', ')}${carried.length > 1 ? ' and ' : ''}${carried.at(-1)!} ${carried.length > 1 ? 'are' : 'is'} added to the description.`}</p>
        </>
      ) : (
        <>
          <label className="hand-over__field">
            <span className="hand-over__label">Issue key</span>
            <input type="text" value={key} onChange={(e) => setKey(e.target.value)} placeholder={`${terms.project}-123`} aria-invalid={keyErrors.invalid} data-testid="hand-over-key" />
          </label>
          <FieldErrorList messages={keyErrors.messages} path="payload.key" />
        </>
      )}
      {other !== null && <ProblemMessage title="The request was not sent to development" error={other} />}
      <p className="subtlest">Then the request waits in &quot;{terms.waitingStatus}&quot; until the fix reaches the customer.</p>
      <div className="hand-over__actions">
        <Button type="submit" appearance="primary" disabled={sending || (mode === 'link' && key.trim() === '')} data-testid="hand-over-send">
          {sending ? 'Sending…' : 'Send to development'}
        </Button>
        <Button appearance="subtle" onClick={onCancel} disabled={sending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
