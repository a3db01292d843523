// The request's development work (formats.md §9.5): the agreement's development terms, the hand-over to a
// development project, and — once linked — where the development issue stands and where the fix has reached.
import { Fact, Lozenge, ProblemMessage, SectionMessage, type LozengeAppearance } from '../../shared/components';
import { formatLocalTime } from '../../shared/format';
import { RequestLink } from '../../shared/RequestLink';
import type { DevelopmentLinkView, DevelopmentPanel } from '../../shared/views';
import { HandOverForm, type HandOver } from './HandOverForm';

/** Jira's status categories as its own lozenges colour them: grey to do, blue in progress, green done. */
const STATUS_APPEARANCE: Record<DevelopmentLinkView['statusCategory'], LozengeAppearance> = { new: 'default', indeterminate: 'inprogress', done: 'success' };

interface Props {
  view: DevelopmentPanel | null;
  error: unknown;
  zone: string;
  now: number;
  onHandOver: HandOver;
}

export function DevelopmentSection({ view, error, zone, now, onHandOver }: Props) {
  return (
    <section className="development" aria-labelledby="development-title" data-testid="development">
      <h3 id="development-title">Development</h3>
      {error !== null && <ProblemMessage title="The development work could not be loaded" error={error} />}
      {view && <DevelopmentBody view={view} zone={zone} now={now} onHandOver={onHandOver} />}
    </section>
  );
}

function DevelopmentBody({ view, zone, now, onHandOver }: { view: DevelopmentPanel; zone: string; now: number; onHandOver: HandOver }) {
  const { terms, link } = view;
  if (!terms && !link) {
    return (
      <p className="subtle" data-testid="development-why">
        {view.why ?? 'The agreement says nothing about development work.'}
      </p>
    );
  }
  return (
    <>
      {terms && (
        <dl className="facts" data-testid="development-terms">
          <Fact label="Project">
            {terms.projectName} ({terms.project})
          </Fact>
          <Fact label="While it waits">The request is &quot;{terms.waitingStatus}&quot;</Fact>
          <Fact label="When the fix is available">{terms.resolveWhenAvailable ? 'The customer is told and the request resolved' : 'The customer is told'}</Fact>
          {view.environment && (
            <Fact label="Environment">
              <span data-testid="development-environment">
                {view.environment}
                {view.product ? ` — ${view.product} ${view.environmentVersion ?? '(version unknown)'}` : ''}
              </span>
            </Fact>
          )}
        </dl>
      )}
      {link ? (
        <DevelopmentIssue link={link} zone={zone} now={now} />
      ) : view.canHandOver && terms ? (
        <HandOverForm terms={terms} view={view} onHandOver={onHandOver} />
      ) : (
        <p className="subtle" data-testid="development-cannot">
          Sending a request to development needs permission to edit it and to create issues in {terms?.projectName ?? 'the development project'}.
        </p>
      )}
    </>
  );
}

function DevelopmentIssue({ link, zone, now }: { link: DevelopmentLinkView; zone: string; now: number }) {
  return (
    <div className="development-issue" data-testid="development-issue">
      <p className="development-issue__head">
        <RequestLink issueKey={link.key} className="development-issue__key" /> <span data-testid="development-summary">{link.summary}</span>{' '}
        <span data-testid="development-status">
          <Lozenge appearance={STATUS_APPEARANCE[link.statusCategory]}>{link.status}</Lozenge>
        </span>
      </p>
      <p className={`development-stage development-stage--${link.stage}`} data-testid="development-stage">
        {link.stageText}
      </p>
      <dl className="facts">
        <Fact label="Assignee">{link.assignee ?? <span className="subtle">Unassigned</span>}</Fact>
        <Fact label="Fix versions">
          <span data-testid="development-fix-versions">{link.fixVersions.length > 0 ? link.fixVersions.join(', ') : <span className="subtle">None yet</span>}</span>
        </Fact>
      </dl>
      {link.fixProblem && (
        <SectionMessage appearance="warning" title="The fix version is not watched" testId="development-fix-problem">
          <p>{link.fixProblem}</p>
        </SectionMessage>
      )}
      {link.environments.length > 0 && (
        <>
          <h4>The customer&apos;s environments</h4>
          <ul className="development-environments" data-testid="development-environments">
            {link.environments.map((e) => (
              <li key={e.environment} data-testid={`development-environment-${e.environment}`}>
                {e.environment}: {e.version ?? 'version unknown'}
                {link.fix && (e.reached ? <Lozenge appearance="success">Has the fix</Lozenge> : <Lozenge appearance="default">Waiting for {link.fix}</Lozenge>)}
              </li>
            ))}
          </ul>
        </>
      )}
      {link.notices.length > 0 && (
        <>
          <h4>Told the customer</h4>
          <ul className="development-notices" data-testid="development-notices">
            {link.notices.map((n) => (
              <li key={`${n.environment}-${n.version}`}>
                {formatLocalTime(n.at, zone, now)}: the fix is available on {n.environment} ({n.version}){n.resolved ? ' — the request was resolved' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
