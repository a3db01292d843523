// The monitoring rows as the global page and the dashboard gadget list them: what kind of risk (red breached, amber
// escalation due or sent, blue deadline due), the request (a link into Jira), whose, which goal, and when.
import type { AnswerOf } from '../../src/resolver-contract';
import { Lozenge, type LozengeAppearance } from './components';
import { formatLocalTime, formatRelative } from './format';
import { RequestLink } from './RequestLink';

export type MonitoringView = AnswerOf<'monitoring/overview'>;
export type MonitoringRow = MonitoringView['groups'][number]['rows'][number];
export type RiskKind = MonitoringRow['kind'];

/**
 * Live without a reload: asked again every two minutes. Each ask reads two index ranges whose size is what is at
 * risk (5,600 rows cost some 585 read units: bench/escalations.js), so an open page costs a few percent of the
 * installation's 4,000 a minute; the watch, which changes most of what it shows, runs every five.
 */
export const MONITORING_POLL_MS = 2 * 60_000;

export const KIND_LABELS: Record<RiskKind, string> = { breached: 'Breached', escalation: 'Escalation due', deadline: 'Deadline due', escalated: 'Escalated' };
const KIND_APPEARANCE: Record<RiskKind, LozengeAppearance> = { breached: 'removed', escalation: 'moved', deadline: 'inprogress', escalated: 'moved' };

/** What the row is about, in words: the goal and, for escalations, the threshold (and who was told). */
export function rowText(row: MonitoringRow): string {
  const goal = `${row.goal.name}${row.cycle > 1 ? ` #${row.cycle}` : ''}`;
  if (row.kind === 'escalated') return `${goal}: ${row.escalation?.threshold ?? ''}${row.recipients && row.recipients.length > 0 ? ` — told ${row.recipients.join(', ')}` : ''}${row.late ? ' (late)' : ''}`;
  if (row.kind === 'escalation') return `${goal}: ${row.escalation?.threshold ?? ''}`;
  return goal;
}

function whenText(row: MonitoringRow, zone: string, now: number): string {
  const at = formatLocalTime(row.at, zone, now);
  const relative = formatRelative(row.at, now);
  return row.kind === 'breached' ? `since ${at} (${relative})` : `${at} (${relative})`;
}

export function RiskLozenge({ kind }: { kind: RiskKind }) {
  return <Lozenge appearance={KIND_APPEARANCE[kind]}>{KIND_LABELS[kind]}</Lozenge>;
}

export function MonitoringRowView({ row, zone, now, compact = false }: { row: MonitoringRow; zone: string; now: number; compact?: boolean }) {
  return (
    <tr data-testid="monitoring-row" className={`monitoring-row monitoring-row--${row.kind}`}>
      <td>
        <RiskLozenge kind={row.kind} />
      </td>
      <td>
        <RequestLink issueKey={row.issueKey} className="monitoring__key" />
        {!compact && <span className="monitoring__summary">{row.summary}</span>}
      </td>
      {!compact && <td>{row.customer?.name ?? <span className="subtle">No customer</span>}</td>}
      <td>{rowText(row)}</td>
      {!compact && <td>{row.assignee?.displayName ?? <span className="subtle">Unassigned</span>}</td>}
      <td className="monitoring__when">{whenText(row, zone, now)}</td>
    </tr>
  );
}
