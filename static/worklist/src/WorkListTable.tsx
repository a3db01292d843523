// The open requests in the order the resolver ranks them (breached first, then the nearest deadline, then the
// priority's rank): the order is the advice, so the table never re-sorts.
import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';
import { Lozenge } from '../../shared/components';
import { markText, NextEscalation } from '../../shared/Escalation';
import { formatLocalTime, formatRelative } from '../../shared/format';
import type { WorkItem } from '../../shared/views';

/** Opens the request in Jira itself: the work list runs in a frame, where a plain link would open Jira inside it. */
function RequestLink({ issueKey }: { issueKey: string }) {
  const path = `/browse/${issueKey}`;
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    void router.open(path);
  };
  return (
    <a href={path} onClick={open} className="worklist__key">
      {issueKey}
    </a>
  );
}

function Deadline({ item, zone, now }: { item: WorkItem; zone: string; now: number }) {
  return (
    <>
      {item.breached && <Lozenge appearance="removed">Breached</Lozenge>}
      {item.state === 'paused' && <Lozenge appearance="moved">Paused</Lozenge>}
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

/** A breached request's row is red; one with an escalation reached, amber; one nothing measures, flagged. */
function rowClass(item: WorkItem): string | undefined {
  if (item.howToFix.length > 0) return 'worklist-row--unmeasured';
  if (item.breached || item.escalation.level === 'breached') return 'worklist-row--breached';
  if (item.escalation.level === 'reached') return 'worklist-row--escalated';
  return undefined;
}

function WorkItemRow({ item, zone, now }: { item: WorkItem; zone: string; now: number }) {
  return (
    <tr data-testid="worklist-row" className={rowClass(item)}>
      <td>
        <RequestLink issueKey={item.issueKey} />
      </td>
      <td>{item.summary}</td>
      <td>{item.customer?.name ?? <span className="subtle">Unknown</span>}</td>
      <td>{item.agreement?.name ?? <Lozenge appearance="removed">No agreement</Lozenge>}</td>
      <td>{item.priority ? item.priority.name : <span className="subtle">Not chosen</span>}</td>
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
      <td className="escalation">
        <Escalation item={item} zone={zone} now={now} />
      </td>
      <td>{item.assignee?.displayName ?? <span className="subtle">Unassigned</span>}</td>
    </tr>
  );
}

export function WorkListTable({ items, zone, now }: { items: WorkItem[]; zone: string; now: number }) {
  return (
    <table className="worklist">
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">Summary</th>
          <th scope="col">Customer</th>
          <th scope="col">Agreement</th>
          <th scope="col">Priority</th>
          <th scope="col">Next goal</th>
          <th scope="col">Deadline</th>
          <th scope="col">What to do</th>
          <th scope="col">Escalation</th>
          <th scope="col">Assignee</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <WorkItemRow key={item.issueKey} item={item} zone={zone} now={now} />
        ))}
      </tbody>
    </table>
  );
}
