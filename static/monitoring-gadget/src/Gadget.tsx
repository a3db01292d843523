// The dashboard gadget: the monitoring at a glance, for the customers and the horizon it is set to — the counts, then
// the most urgent requests, each opening its request. Live: asked again every two minutes.
import { useCallback } from 'react';
import { Button, Loading, ProblemMessage } from '../../shared/components';
import { useViewerTimezone } from '../../shared/context';
import { formatLocalTime } from '../../shared/format';
import { call } from '../../shared/api';
import { KIND_LABELS, MONITORING_POLL_MS, MonitoringRowView, type MonitoringView, type RiskKind } from '../../shared/monitoring';
import { useResource } from '../../shared/use-resource';
import type { GadgetConfig } from './gadget-config';

/** A gadget is small: the most urgent rows only; the page has them all. */
export const GADGET_ROWS = 8;
const ORDER: RiskKind[] = ['breached', 'escalation', 'deadline', 'escalated'];

export function Gadget({ config }: { config: GadgetConfig }) {
  const zone = useViewerTimezone();
  const fetcher = useCallback(() => call('monitoring/overview', { groupBy: 'customer', horizonHours: config.horizonHours, ...(config.customers.length > 0 ? { customers: config.customers } : {}) }), [config]);
  const monitoring = useResource<MonitoringView>(zone ? fetcher : null, { pollMs: () => MONITORING_POLL_MS });
  const view = monitoring.data;
  if (!zone || !view) {
    if (monitoring.error !== null) {
      return (
        <ProblemMessage title="The escalations could not be loaded" error={monitoring.error}>
          <Button onClick={() => void monitoring.reload()}>Try again</Button>
        </ProblemMessage>
      );
    }
    return <Loading label="Looking across customers…" />;
  }
  const now = monitoring.receivedAt;
  const rows = view.groups.flatMap((g) => g.rows).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || (a.kind === 'escalated' ? b.at.localeCompare(a.at) : a.at.localeCompare(b.at)));
  const names = config.customers.map((id) => view.customers.find((c) => c.id === id)?.name ?? id);
  return (
    <main className="gadget">
      <p className="subtle" data-testid="gadget-scope">
        {names.length > 0 ? names.join(', ') : 'All customers'} · {config.horizonHours} h · updated {formatLocalTime(view.at, zone, now)}
      </p>
      <ul className="monitoring-totals" data-testid="monitoring-totals">
        {ORDER.map((kind) => (
          <li key={kind} className={`monitoring-total monitoring-total--${kind}`} data-testid={`total-${kind}`}>
            <span className="monitoring-total__count">{view.totals[kind]}</span>
            <span className="monitoring-total__label">{KIND_LABELS[kind]}</span>
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p className="subtle">Nothing is breached, due or escalated in this window.</p>
      ) : (
        <table className="monitoring-table">
          <tbody>
            {rows.slice(0, GADGET_ROWS).map((row) => (
              <MonitoringRowView key={`${row.kind}-${row.issueKey}-${row.goal.id}-${row.cycle}-${row.escalation?.id ?? ''}-${row.at}`} row={row} zone={zone} now={now} compact />
            ))}
          </tbody>
        </table>
      )}
      {rows.length > GADGET_ROWS && <p className="subtle">and {rows.length - GADGET_ROWS} more on the SLA monitoring page</p>}
    </main>
  );
}
