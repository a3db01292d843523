// The managers' monitoring page (jira:globalPage): across customers and projects, what is breached, what reaches an
// escalation or its deadline within the next hours, and what was escalated, grouped as the manager chooses. It asks
// again every two minutes, so it stays live without a reload; every row opens its request.
import { useCallback, useState } from 'react';
import { Button, Loading, ProblemMessage, SectionMessage } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { formatLocalTime } from '../../shared/format';
import { call } from '../../shared/api';
import { KIND_LABELS, MONITORING_POLL_MS, MonitoringRowView, type MonitoringView, type RiskKind } from '../../shared/monitoring';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';

type GroupBy = MonitoringView['groupBy'];
const GROUPINGS: Array<[GroupBy, string]> = [['customer', 'Customer'], ['group', 'Customer group'], ['agreement', 'Agreement'], ['assignee', 'Assignee'], ['goal', 'Goal']];
export const HORIZONS = [2, 4, 8, 24, 72];
/** Rows shown per group before "Show all": a first render stays quick with thousands at risk. */
export const ROWS_PER_GROUP = 25;
const ORDER: RiskKind[] = ['breached', 'escalation', 'deadline', 'escalated'];

function Totals({ view }: { view: MonitoringView }) {
  const back = view.horizonHours === 1 ? 'the last hour' : `the last ${view.horizonHours} hours`;
  const ahead = view.horizonHours === 1 ? 'the next hour' : `the next ${view.horizonHours} hours`;
  const note: Record<RiskKind, string> = { breached: 'now', escalation: ahead, deadline: ahead, escalated: back };
  return (
    <ul className="monitoring-totals" data-testid="monitoring-totals">
      {ORDER.map((kind) => (
        <li key={kind} className={`monitoring-total monitoring-total--${kind}`} data-testid={`total-${kind}`}>
          <span className="monitoring-total__count">{view.totals[kind].toLocaleString('en-GB')}</span>
          <span className="monitoring-total__label">{KIND_LABELS[kind]}</span>
          <span className="monitoring-total__note">{note[kind]}</span>
        </li>
      ))}
    </ul>
  );
}

function Group({ group, zone, now, expanded = false }: { group: MonitoringView['groups'][number]; zone: string; now: number; expanded?: boolean }) {
  const [all, setAll] = useState(expanded);
  const shown = all ? group.rows : group.rows.slice(0, ROWS_PER_GROUP);
  const counts = ORDER.filter((k) => group.counts[k] > 0).map((k) => `${group.counts[k]} ${KIND_LABELS[k].toLowerCase()}`);
  return (
    <section className="monitoring-group" data-testid="monitoring-group" aria-label={group.label}>
      <h3>
        {group.label} <span className="subtle">{counts.join(' · ')}</span>
      </h3>
      <table className="monitoring-table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Request</th>
            <th scope="col">Customer</th>
            <th scope="col">Goal</th>
            <th scope="col">Assignee</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <MonitoringRowView key={`${row.kind}-${row.issueKey}-${row.goal.id}-${row.cycle}-${row.escalation?.id ?? ''}-${row.at}`} row={row} zone={zone} now={now} />
          ))}
        </tbody>
      </table>
      {group.rows.length > shown.length && (
        <Button appearance="link" onClick={() => setAll(true)}>
          Show all {group.rows.length.toLocaleString('en-GB')}
        </Button>
      )}
    </section>
  );
}

/**
 * The counts and the groups: what a first render draws (the benchmark renders it with thousands of rows). `expanded`
 * shows every row of every group at once, as "Show all" does.
 */
export function MonitoringBody({ view, zone, now, expanded = false }: { view: MonitoringView; zone: string; now: number; expanded?: boolean }) {
  return (
    <>
      <Totals view={view} />
      {view.truncated && (
        <SectionMessage appearance="warning" testId="monitoring-truncated">
          <p>More requests are at risk than one page holds: the most urgent are shown. Narrow the horizon or choose a customer.</p>
        </SectionMessage>
      )}
      {view.groups.length === 0 ? (
        <p className="subtle" data-testid="monitoring-empty">
          Nothing is breached, due or escalated in this window.
        </p>
      ) : (
        view.groups.map((group) => <Group key={group.key} group={group} zone={zone} now={now} expanded={expanded} />)
      )}
    </>
  );
}

export function MonitoringPage() {
  const zone = useViewerTimezone();
  const [groupBy, setGroupBy] = useState<GroupBy>('customer');
  const [horizonHours, setHorizon] = useState(8);
  const [customer, setCustomer] = useState('');
  const fetcher = useCallback(() => call('monitoring/overview', { groupBy, horizonHours, ...(customer ? { customers: [customer] } : {}) }), [groupBy, horizonHours, customer]);
  const monitoring = useResource<MonitoringView>(zone ? fetcher : null, { pollMs: () => MONITORING_POLL_MS });
  const view = monitoring.data;
  if (!zone || !view) {
    if (monitoring.error !== null) {
      if (hasCode(monitoring.error, 'NOT_CONFIGURED')) {
        return (
          <SectionMessage appearance="information" title="Contract SLA is not set up yet">
            <p>{messagesOf(monitoring.error).join(' ')}</p>
          </SectionMessage>
        );
      }
      return (
        <ProblemMessage title="The monitoring could not be loaded" error={monitoring.error}>
          <Button onClick={() => void monitoring.reload()}>Try again</Button>
        </ProblemMessage>
      );
    }
    return <Loading label="Looking across customers…" />;
  }
  const now = monitoring.receivedAt;
  return (
    <main className="monitoring-page">
      <header className="toolbar">
        <h2>SLA monitoring</h2>
        <span className="subtle" data-testid="monitoring-updated">
          updated {formatLocalTime(view.at, zone, now)}, every 2 minutes
        </span>
        <Button onClick={() => void monitoring.reload()} disabled={monitoring.loading}>
          {monitoring.loading ? 'Refreshing…' : 'Refresh'}
        </Button>
      </header>
      <div className="monitoring-controls">
        <label>
          Group by
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            {GROUPINGS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hours ahead
          <select value={horizonHours} onChange={(e) => setHorizon(Number(e.target.value))}>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {h} h
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer
          <select value={customer} onChange={(e) => setCustomer(e.target.value)}>
            <option value="">All customers</option>
            {view.customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {monitoring.error !== null && <ProblemMessage title="The latest refresh failed; this is the one before" error={monitoring.error} />}
      <MonitoringBody view={view} zone={zone} now={now} />
    </main>
  );
}
