// The admin's line about contract reminders, shown only while one needs attention: those Jira refused (each tried
// again by itself, later and later, while the reminder is of use) and those Jira may not have sent (never asked twice,
// so nobody hears one twice). What was sent is listed on the Contracts page.
import { formatCalendarDate } from '../../../src/engine/wording';
import type { AnswerOf } from '../../../src/resolver-contract';
import { SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { call } from '../../shared/api';
import type { Resource } from '../../shared/use-resource';
import { plural, useDeliveryStatus } from './delivery-status';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';

export type ReminderStatus = AnswerOf<'admin/reminders/status'>;
type Delivery = ReminderStatus['failed'][number];

/** While something waits for a retry, the line follows it; otherwise it is read once. */
export const REMINDERS_POLL_MS = 60_000;

const fetchStatus = (): Promise<ReminderStatus> => call('admin/reminders/status');

export function useReminderStatus(): Resource<ReminderStatus> {
  return useDeliveryStatus(fetchStatus, REMINDERS_POLL_MS);
}

const what = (d: Delivery): string => `contract ${d.number}, reminder ${d.reminder} (${d.before === 'notice' ? 'notice deadline' : 'ends'} ${formatCalendarDate(d.anchor)}${d.issueKey ? `, ${d.issueKey}` : ''})`;

export function RemindersStatusLine({ status, error }: { status: ReminderStatus | null; error: unknown }) {
  const zone = useZone();
  if (error) return <p className="hint danger-text">The contract reminders' status could not be read: {messagesOf(error).join('; ')}</p>;
  if (!status || (status.failed.length === 0 && status.unconfirmed.length === 0)) return null;
  const { failed, unconfirmed } = status;
  return (
    <SectionMessage appearance="warning" announce="politely" testId="reminders-status">
      {failed.length > 0 && <p>{plural(failed.length, 'contract reminder was', 'contract reminders were')} not sent: Jira refused. Each is tried again by itself, later and later, until its date has passed.</p>}
      <ul>
        {failed.map((d) => (
          <li key={`f-${what(d)}`}>
            {what(d)}: {d.lastError ?? 'refused'}; attempt {d.attempts}, next {formatSavedAt(d.retryAt, zone)}.
          </li>
        ))}
      </ul>
      {unconfirmed.length > 0 && (
        <p>
          {plural(unconfirmed.length, 'contract reminder', 'contract reminders')} may not have reached everyone: Jira was asked but its answer was lost. They are not
          sent again, so nobody is told twice.
        </p>
      )}
      <ul>
        {unconfirmed.map((d) => (
          <li key={`u-${what(d)}`}>
            {what(d)}, asked {formatSavedAt(d.sentAt ?? d.lastAttemptAt, zone)}
            {d.lastError ? `: ${d.lastError}` : ''}.
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
}
