// The admin's line about escalations: those Jira refused (each tried again by itself, later and later), those Jira
// may not have sent (never asked twice, so nobody hears one twice), and the latest sent. Nothing fails out of sight.
import type { AnswerOf } from '../../../src/resolver-contract';
import { SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { call } from '../../shared/api';
import type { Resource } from '../../shared/use-resource';
import { plural, useDeliveryStatus } from './delivery-status';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';

export type EscalationStatus = AnswerOf<'admin/escalations/status'>;
type Delivery = EscalationStatus['failed'][number];

/** While something waits for a retry, the line follows it; otherwise it is read once. */
export const ESCALATIONS_POLL_MS = 30_000;

const fetchStatus = (): Promise<EscalationStatus> => call('admin/escalations/status');

export function useEscalationStatus(): Resource<EscalationStatus> {
  return useDeliveryStatus(fetchStatus, ESCALATIONS_POLL_MS);
}

const what = (d: Delivery): string => `${d.issueKey} ${d.escalation} (${d.goal}, cycle ${d.cycle})`;

export function EscalationsStatusLine({ status, error }: { status: EscalationStatus | null; error: unknown }) {
  const zone = useZone();
  if (error) return <p className="hint danger-text">The escalations' status could not be read: {messagesOf(error).join('; ')}</p>;
  if (!status) return null;
  const { failed, unconfirmed, recent } = status;
  if (failed.length === 0 && unconfirmed.length === 0) {
    const latest = recent[0];
    if (!latest) return null;
    return (
      <p className="hint" data-testid="escalations-status">
        Escalations: the latest, {what(latest)}, was sent {formatSavedAt(latest.sentAt, zone)}
        {latest.recipients.length > 0 ? ` to ${latest.recipients.join(', ')}` : ''}.
      </p>
    );
  }
  return (
    <SectionMessage appearance="warning" announce="politely" testId="escalations-status">
      {failed.length > 0 && <p>{plural(failed.length, 'escalation was', 'escalations were')} not sent: Jira refused. Each is tried again by itself, later and later.</p>}
      <ul>
        {failed.map((d) => (
          <li key={`f-${what(d)}`}>
            {what(d)}: {d.lastError ?? 'refused'}; attempt {d.attempts}, next {formatSavedAt(d.retryAt, zone)}.
          </li>
        ))}
      </ul>
      {unconfirmed.length > 0 && (
        <p>
          {plural(unconfirmed.length, 'escalation', 'escalations')} may not have reached everyone: Jira was asked but its answer was lost. They are not sent
          again, so nobody is told twice.
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
