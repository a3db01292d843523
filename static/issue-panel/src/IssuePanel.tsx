// The agent's issue panel: the next goal in words, every obligation, the agreement with its priority picker, and the
// development work the request waits for. It refreshes itself after the agent acts on the request (Jira's
// issue-changed event) and on coming back to the tab.
import { events } from '@forge/bridge';
import { useCallback, useEffect, useRef } from 'react';
import { call } from '../../shared/api';
import { Button, Loading, ProblemMessage, SectionMessage } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { formatLocalTime } from '../../shared/format';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import type { DevelopmentPanel, HandOverPayload, IssuePanelView } from '../../shared/views';
import { AgreementSection, NoAgreement } from './AgreementSection';
import { DevelopmentSection } from './DevelopmentSection';
import { Escalations } from './Escalations';
import { Guidance } from './Guidance';
import { ObligationList, SupplierGoals } from './ObligationList';

/** Clicking into the panel also focuses its frame; only a focus after a while away is worth a recomputation. */
export const FOCUS_REFRESH_AFTER_MS = 5_000;

function PanelProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (hasCode(error, 'NOT_CONFIGURED')) {
    return (
      <SectionMessage appearance="information" title="Contract SLA is not set up yet">
        {messagesOf(error).map((m) => (
          <p key={m}>{m}</p>
        ))}
      </SectionMessage>
    );
  }
  return (
    <ProblemMessage title="The obligations could not be loaded" error={error}>
      <Button onClick={onRetry}>Try again</Button>
    </ProblemMessage>
  );
}

export function IssuePanel() {
  const zone = useViewerTimezone();
  const fetcher = useCallback(() => call('issue/obligations', { timezone: zone ?? undefined }), [zone]);
  const panel = useResource<IssuePanelView>(zone ? fetcher : null);
  const developmentFetcher = useCallback(() => call('issue/development', { timezone: zone ?? undefined }), [zone]);
  const development = useResource<DevelopmentPanel>(zone ? developmentFetcher : null);
  const lastAsked = useRef(0);
  const { reload, replace } = panel;
  const { reload: reloadDevelopment, replace: replaceDevelopment } = development;

  const refresh = useCallback(() => {
    lastAsked.current = Date.now();
    void reload();
    void reloadDevelopment();
  }, [reload, reloadDevelopment]);

  useEffect(() => {
    if (!zone) return;
    lastAsked.current = Date.now();
    const onFocus = (): void => {
      if (Date.now() - lastAsked.current >= FOCUS_REFRESH_AFTER_MS) refresh();
    };
    window.addEventListener('focus', onFocus);
    let live = true;
    let unsubscribe: (() => void) | undefined;
    events
      .on('JIRA_ISSUE_CHANGED', refresh)
      .then((subscription) => {
        if (live) unsubscribe = () => subscription.unsubscribe();
        else subscription.unsubscribe();
      })
      .catch(() => {
        // Outside Jira there are no host events; focus and the Refresh button still work.
      });
    return () => {
      live = false;
      window.removeEventListener('focus', onFocus);
      unsubscribe?.();
    };
  }, [zone, refresh]);

  const choosePriority = useCallback(
    async (priority: string): Promise<void> => {
      replace(await call('issue/set-priority', { priority, timezone: zone ?? undefined }));
    },
    [zone, replace],
  );

  const answer = useCallback(
    async (answers: { impact: string; urgency: string }): Promise<void> => {
      replace(await call('issue/set-answers', { ...answers, timezone: zone ?? undefined }));
    },
    [zone, replace],
  );

  const handOver = useCallback(
    async (payload: HandOverPayload): Promise<void> => {
      replaceDevelopment(await call('issue/development/hand-over', { ...payload, timezone: zone ?? undefined }));
      // The request now waits in the agreement's status: its obligations paused with it.
      void reload();
    },
    [zone, replaceDevelopment, reload],
  );

  const view = panel.data;
  if (!zone || !view) {
    if (panel.error !== null) return <PanelProblem error={panel.error} onRetry={refresh} />;
    return <Loading label="Working out what is due…" />;
  }
  const now = panel.receivedAt;
  return (
    <main className="issue-panel">
      {panel.error !== null && <PanelProblem error={panel.error} onRetry={refresh} />}
      <Guidance guidance={view.guidance} />
      <Escalations summary={view.escalation} zone={zone} now={now} />
      {!view.agreement && <NoAgreement howToFix={view.howToFix} />}
      {(view.agreement || view.obligations.length > 0) && <ObligationList obligations={view.obligations} earlier={view.earlierCycles} zone={zone} now={now} agreementCalendar={view.agreement?.calendar.id} />}
      <SupplierGoals obligations={view.supplierObligations} zone={zone} now={now} />
      {view.agreement && <AgreementSection agreement={view.agreement} onChoosePriority={choosePriority} onAnswer={answer} />}
      {(development.data !== null || development.error !== null) && <DevelopmentSection view={development.data} error={development.error} zone={zone} now={development.receivedAt} onHandOver={handOver} />}
      <footer className="toolbar">
        <span className="subtlest" data-testid="computed-at">
          Computed at {formatLocalTime(view.computedAt, zone, now)} ({zone}) · configuration version {view.configVersion}
        </span>
        <Button onClick={refresh} disabled={panel.loading}>
          {panel.loading ? 'Refreshing…' : 'Refresh'}
        </Button>
      </footer>
    </main>
  );
}
