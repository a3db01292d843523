// The open requests in the order the resolver ranks them: by urgency (breached first, then the nearest deadline, then
// the priority's rank), the advice, unless the agent orders them by a column; the resolver orders, the table shows.
import { Lozenge, type LozengeAppearance } from '../../shared/components';
import { markText, NextEscalation } from '../../shared/Escalation';
import { formatDuration, formatLocalTime, formatRelative } from '../../shared/format';
import { RequestLink } from '../../shared/RequestLink';
import { SortHeader, type ColumnOrder } from '../../shared/SortHeader';
import type { WorkItem, WorkListAnswer, WorkListOrder } from '../../shared/views';

function Deadline({ item, zone, now }: { item: WorkItem; zone: string; now: number }) {
  return (
    <>
      {item.breached && <Lozenge appearance="removed">Breached</Lozenge>}
      {!item.breached && item.atRisk && <Lozenge appearance="moved">At risk</Lozenge>}
      {item.state === 'paused' && (
        <Lozenge appearance="default">
          <span aria-hidden="true">⏸ </span>Paused
        </Lozenge>
      )}
      {item.deadline ? (
        <>
          <span className={`deadline__relative${item.breached ? ' danger' : ''}`}>{formatRelative(item.deadline, now)}</span>
          <span className="deadline__absolute subtlest">{formatLocalTime(item.deadline, zone, now)}</span>
        </>
      ) : (
        item.state !== 'paused' && <span className="subtle">No deadline</span>
      )}
    </>
  );
}

/** Amber once an escalation is reached (the latest one named), then the next one due. */
function Escalation({ item, zone, now }: { item: WorkItem; zone: string; now: number }) {
  const { reached, next } = item.escalation;
  const latest = reached.at(-1);
  return (
    <>
      {latest && (
        <span className="escalation-reached">
          <Lozenge appearance="moved">Escalated</Lozenge> {markText(latest)}
          {reached.length > 1 && <span className="subtle"> (+{reached.length - 1})</span>}
        </span>
      )}
      <NextEscalation next={next} zone={zone} now={now} />
      {!latest && !next && <span className="subtle">—</span>}
    </>
  );
}

/** A breached request's row is red; one with an escalation reached or a goal at risk, amber; one nothing measures, flagged. */
function rowClass(item: WorkItem): string | undefined {
  if (item.howToFix.length > 0) return 'worklist-row--unmeasured';
  if (item.breached || item.escalation.level === 'breached') return 'worklist-row--breached';
  if (item.escalation.level === 'reached' || item.atRisk) return 'worklist-row--escalated';
  return undefined;
}

type GoalColumn = WorkListAnswer['goals'][number];
type GoalCell = WorkItem['goals'][number];

const GOAL_LOZENGE: Record<GoalCell['state'], { appearance: LozengeAppearance; label: string }> = {
  running: { appearance: 'inprogress', label: 'Running' },
  'at-risk': { appearance: 'moved', label: 'At risk' },
  paused: { appearance: 'default', label: 'Paused' },
  met: { appearance: 'success', label: 'Met' },
  'met-late': { appearance: 'removed', label: 'Met late' },
  breached: { appearance: 'removed', label: 'Breached' },
};

/** One goal's standing in its own column, as JSM shows an SLA: the state, and the time left or over while open. */
function GoalStanding({ cell }: { cell: GoalCell | undefined }) {
  if (!cell) return <span className="subtle">—</span>;
  const lozenge = GOAL_LOZENGE[cell.state];
  const left = cell.remainingSeconds;
  return (
    <>
      <Lozenge appearance={lozenge.appearance}>{lozenge.label}</Lozenge>
      {left !== null && <span className={`goal-cell__time${left < 0 ? ' danger' : ''}`}>{left < 0 ? `${formatDuration(-left)} over` : `${formatDuration(left)} left`}</span>}
    </>
  );
}

interface RowActions {
  /** The viewer's account: a row assigned to someone else offers "Assign to me". */
  me?: string;
  onAssignToMe?: (issueKey: string) => void;
}

function WorkItemRow({ item, zone, now, me, onAssignToMe, goalColumns }: { item: WorkItem; zone: string; now: number; goalColumns?: GoalColumn[] } & RowActions) {
  return (
    <tr data-testid="worklist-row" className={rowClass(item)}>
      <td>
        <RequestLink issueKey={item.issueKey} className="worklist__key" />
        {/* In a narrow window the summary sits under the key instead of in a column of its own. */}
        <span className="worklist__summary-inline">{item.summary}</span>
      </td>
      <td className="worklist__summary">{item.summary}</td>
      <td>
        {item.customer?.name ?? <span className="subtle">Unknown</span>}
        <span className="worklist__agreement-inline">{item.agreement?.name ?? 'No agreement'}</span>
      </td>
      <td className="worklist__agreement">{item.agreement?.name ?? <Lozenge appearance="removed">No agreement</Lozenge>}</td>
      <td>{item.priority ? item.priority.name : <span className="subtle">Not chosen</span>}</td>
      <td>
        {item.status ?? <span className="subtle">—</span>}
        {item.development && (
          // The development issue the request waits for, and where it stands: what an agent would otherwise chase.
          <span className="worklist__development" data-testid={`development-${item.issueKey}`}>
            <RequestLink issueKey={item.development.key} className="worklist__key" /> {item.development.stageText}
          </span>
        )}
      </td>
      <td>
        {item.nextGoal ? (
          <>
            {item.nextGoal.name}
            {item.nextGoal.cycle > 1 && <span className="subtle"> #{item.nextGoal.cycle}</span>}
          </>
        ) : (
          <span className="subtle">—</span>
        )}
      </td>
      <td className="deadline">
        <Deadline item={item} zone={zone} now={now} />
      </td>
      <td className={`worklist__guidance worklist__guidance--${item.state}`}>
        {item.guidance}
        {item.alsoDue.map((text) => (
          <span key={text} className="worklist__also">
            {text}
          </span>
        ))}
        {item.howToFix.length > 0 && (
          <ul className="worklist__fix" aria-label={`How to fix ${item.issueKey}`}>
            {item.howToFix.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        )}
      </td>
      {goalColumns?.map((g) => (
        <td key={g.id} className="goal-cell" data-testid={`goal-${item.issueKey}-${g.id}`}>
          <GoalStanding cell={item.goals.find((c) => c.goal === g.id)} />
        </td>
      ))}
      <td className="escalation">
        <Escalation item={item} zone={zone} now={now} />
      </td>
      <td>
        {item.assignee?.displayName ?? <span className="subtle">Unassigned</span>}
        {me && onAssignToMe && item.assignee?.accountId !== me && (
          <button type="button" className="worklist__assign" onClick={() => onAssignToMe(item.issueKey)} data-testid={`assign-${item.issueKey}`}>
            Assign to me
          </button>
        )}
      </td>
    </tr>
  );
}

export type Order = ColumnOrder<WorkListOrder>;

export const URGENCY: Order = { by: 'urgency', descending: false };

export function WorkListTable({
  items,
  zone,
  now,
  order = URGENCY,
  onOrder = () => undefined,
  me,
  onAssignToMe,
  goalColumns,
}: { items: WorkItem[]; zone: string; now: number; order?: Order; onOrder?: (order: Order) => void; goalColumns?: GoalColumn[] } & RowActions) {
  // A second click reverses the column's order, a third goes back to urgency.
  const sortable = (label: string, by: WorkListOrder) => (
    <SortHeader label={label} by={by} order={order} onOrder={onOrder} next={(active) => (!active ? { by, descending: false } : !order.descending ? { by, descending: true } : URGENCY)} />
  );
  return (
    <table className="worklist">
      <thead>
        <tr>
          {sortable('Request', 'request')}
          <th scope="col" className="worklist__summary">
            Summary
          </th>
          {sortable('Customer', 'customer')}
          <th scope="col" className="worklist__agreement">
            Agreement
          </th>
          {sortable('Priority', 'priority')}
          {sortable('Status', 'status')}
          <th scope="col">Next goal</th>
          {sortable('Deadline', 'urgency')}
          <th scope="col">What to do</th>
          {goalColumns?.map((g) => (
            <th scope="col" key={g.id}>
              {g.name}
            </th>
          ))}
          <th scope="col">Escalation</th>
          {sortable('Assignee', 'assignee')}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <WorkItemRow key={item.issueKey} item={item} zone={zone} now={now} me={me} onAssignToMe={onAssignToMe} goalColumns={goalColumns} />
        ))}
      </tbody>
    </table>
  );
}
