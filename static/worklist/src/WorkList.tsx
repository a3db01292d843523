// The agents' work list: every open request of the project across customers, most urgent first, with what to do.
import { useCallback, useState } from 'react';
import { call } from '../../shared/api';
import { Button, Loading, ProblemMessage, SectionMessage } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { formatLocalTime } from '../../shared/format';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import type { WorkListAnswer } from '../../shared/views';
import { NO_FILTERS, WorkListFilters, chosen, type Filters } from './WorkListFilters';
import { URGENCY, WorkListTable, type Order } from './WorkListTable';

/** Rows per page: the first fifty of the order, then fifty more at a time. */
const PAGE = 50;

function ListProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (hasCode(error, 'NOT_CONFIGURED')) {
    return (
      <SectionMessage appearance="information" title="Contract SLA is not set up yet">
        <p>{messagesOf(error).join(' ')}. A project administrator sets it up on the Contract SLA admin page.</p>
      </SectionMessage>
    );
  }
  if (hasCode(error, 'FORBIDDEN')) {
    return (
      <SectionMessage appearance="warning" title="The work list is for the project's agents">
        <p>{messagesOf(error).join(' ')}</p>
      </SectionMessage>
    );
  }
  return (
    <ProblemMessage title="The work list could not be loaded" error={error}>
      <Button onClick={onRetry}>Try again</Button>
    </ProblemMessage>
  );
}

export function WorkList() {
  const zone = useViewerTimezone();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [order, setOrder] = useState<Order>(URGENCY);
  const [limit, setLimit] = useState(PAGE);
  // JSM shows one column per SLA; here on request, since eight goals do not fit beside the guidance at 1024 px.
  const [perGoal, setPerGoal] = useState(false);
  const fetcher = useCallback(
    () => call('worklist/list', { ...chosen(filters), timezone: zone ?? undefined, ...(order.by !== 'urgency' || order.descending ? { order: order.by, descending: order.descending } : {}), ...(limit !== PAGE ? { limit } : {}) }),
    [filters, zone, order, limit],
  );
  const list = useResource<WorkListAnswer & { me?: string }>(zone ? fetcher : null);
  const retry = (): void => void list.reload();
  const [assignProblem, setAssignProblem] = useState<string | null>(null);
  const assignToMe = async (issueKey: string): Promise<void> => {
    setAssignProblem(null);
    try {
      await call('worklist/assign-to-me', { issueKey });
      await list.reload();
    } catch (error) {
      setAssignProblem(`${issueKey} could not be assigned to you: ${messagesOf(error).join('; ')}`);
    }
  };

  const answer = list.data;
  if (!zone || !answer) {
    if (list.error !== null) return <ListProblem error={list.error} onRetry={retry} />;
    return <Loading label="Ranking the open requests…" />;
  }
  const filtered = Object.keys(chosen(filters)).length > 0;
  return (
    <main className="worklist-page">
      <header className="toolbar">
        <h2>Work list</h2>
        <span className="subtle" data-testid="worklist-count">
          {filtered ? `${answer.matching} of ${answer.total} open requests` : `${answer.total} open requests`} · updated {formatLocalTime(new Date(list.receivedAt).toISOString(), zone, list.receivedAt)}
        </span>
        <Button onClick={retry} disabled={list.loading}>
          {list.loading ? 'Refreshing…' : 'Refresh'}
        </Button>
      </header>
      <WorkListFilters options={answer.options} filters={filters} onChange={setFilters} />
      <label className="worklist__per-goal">
        <input type="checkbox" checked={perGoal} onChange={(e) => setPerGoal(e.target.checked)} data-testid="per-goal" /> A column per goal
      </label>
      {answer.unmeasured > 0 && filters.agreement !== 'none' && (
        // A request nothing measures has no deadline to sort by: it is listed last, so say up front that it is there.
        <SectionMessage appearance="warning" announce="no" testId="worklist-unmeasured">
          <p>
            {answer.unmeasured === 1 ? '1 open request is' : `${answer.unmeasured} open requests are`} measured by no agreement: no deadline protects
            {answer.unmeasured === 1 ? ' it' : ' them'}.{' '}
            <Button appearance="link" onClick={() => setFilters({ ...NO_FILTERS, agreement: 'none' })}>
              Show {answer.unmeasured === 1 ? 'it' : 'them'}
            </Button>
          </p>
        </SectionMessage>
      )}
      {list.error !== null && <ListProblem error={list.error} onRetry={retry} />}
      {assignProblem && (
        <SectionMessage appearance="error" announce="politely" testId="assign-problem">
          <p>{assignProblem}</p>
        </SectionMessage>
      )}
      {answer.items.length > 0 ? (
        <>
          <WorkListTable
            items={answer.items}
            zone={zone}
            now={list.receivedAt}
            order={order}
            onOrder={setOrder}
            me={answer.me}
            onAssignToMe={(key) => void assignToMe(key)}
            goalColumns={perGoal ? answer.goals : undefined}
          />
          {answer.matching > answer.items.length && (
            <p className="worklist__more">
              <span className="subtle">
                Showing the first {answer.items.length} of {answer.matching}.{' '}
              </span>
              <Button onClick={() => setLimit(limit + PAGE)} data-testid="worklist-more">
                Show {Math.min(PAGE, answer.matching - answer.items.length)} more
              </Button>
            </p>
          )}
        </>
      ) : answer.total === 0 ? (
        <SectionMessage appearance="success" title="No open requests">
          <p>Nothing is waiting on the project's agents.</p>
        </SectionMessage>
      ) : (
        <SectionMessage appearance="information" title="No open requests match these filters">
          <Button onClick={() => setFilters(NO_FILTERS)}>Clear filters</Button>
        </SectionMessage>
      )}
    </main>
  );
}
