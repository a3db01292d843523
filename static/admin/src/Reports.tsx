// The customers' monthly compliance reports, agreement by agreement (formats.md §5, §7): the schedule, every report
// issued with its versions and where its delivery stands, the PDF to read, and "issue now" for the month last ended.
// Issuing is queued (the report is built and delivered in the background) and frozen once issued: a correction is a
// new version beside the earlier ones.
import { useCallback, useState } from 'react';
import type { AgreementReports } from '../../../src/resolver-contract';
import { call } from '../../shared/api';
import { Button, Lozenge, SectionMessage, type LozengeAppearance } from '../../shared/components';
import { monthTitle, saveBase64File } from '../../shared/download';
import { messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import { formatSavedAt } from './format';
import { useZone } from './viewer-zone';

type Issued = AgreementReports['reports'][number];

const DELIVERY: Record<Issued['delivery']['state'], { appearance: LozengeAppearance; label: string }> = {
  'not-scheduled': { appearance: 'default', label: 'Not delivered (no schedule)' },
  pending: { appearance: 'inprogress', label: 'Being delivered' },
  'request-created': { appearance: 'inprogress', label: 'Request raised, PDF on its way' },
  delivered: { appearance: 'success', label: 'Delivered' },
  failed: { appearance: 'removed', label: 'Delivery failed' },
};

function scheduleInWords(schedule: AgreementReports['schedule']): string {
  if (!schedule) return 'No schedule: reports are issued on request only, and not delivered.';
  const who = schedule.recipients.length === 1 ? '1 recipient' : `${schedule.recipients.length} recipients`;
  return `Issued on day ${schedule.day} of each month for the month before, delivered through JSM to ${who}, labels in ${schedule.language === 'da' ? 'Danish' : 'English'}.`;
}

function IssuedRow({ report }: { report: Issued }) {
  const zone = useZone();
  const [problem, setProblem] = useState<string | null>(null);
  const delivery = DELIVERY[report.delivery.state];
  const download = async (file: 'pdf' | 'goals'): Promise<void> => {
    setProblem(null);
    try {
      if (file === 'pdf') {
        const pdf = await call('admin/reports/pdf', { report: report.id });
        saveBase64File(pdf.fileName, pdf.base64);
      } else {
        const list = await call('admin/reports/goals', { report: report.id });
        saveBase64File(list.fileName, list.base64, list.mimeType);
      }
    } catch (error) {
      setProblem(messagesOf(error).join('; '));
    }
  };
  return (
    <tr data-testid={`issued-${report.id}`}>
      <td>{monthTitle(report.month)}</td>
      <td>{report.version}</td>
      <td>
        {formatSavedAt(report.issuedAt, zone)}
        <span className="hint"> · {report.issuedBy === 'schedule' ? 'on schedule' : 'by an admin'}</span>
      </td>
      <td>
        <Lozenge appearance={delivery.appearance}>{delivery.label}</Lozenge>
        {report.delivery.requestKey && <span className="hint"> {report.delivery.requestKey}</span>}
        {report.delivery.error && <div className="danger-text">{report.delivery.error}</div>}
      </td>
      <td>
        <Button onClick={() => void download('pdf')} aria-label={`Download the ${monthTitle(report.month)} report, version ${report.version} (PDF)`}>
          PDF
        </Button>
        {/* A large month's PDF lists the first goals; the complete list went beside it to the customer. */}
        {report.goalListName && (
          <Button onClick={() => void download('goals')} aria-label={`Download every goal of the ${monthTitle(report.month)} report, version ${report.version} (${report.goalListName})`}>
            All goals (CSV)
          </Button>
        )}
        {problem && <div className="danger-text">{problem}</div>}
      </td>
    </tr>
  );
}

function AgreementCard({ agreement, canEdit, onIssued }: { agreement: AgreementReports; canEdit: boolean; onIssued: () => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const month = agreement.lastMonth;
  const issue = async (): Promise<void> => {
    if (!month) return;
    setMessage(null);
    try {
      await call('admin/reports/issue', { agreement: agreement.id, month });
      setMessage({ text: `The ${monthTitle(month)} report is being issued; it appears below in a moment.`, error: false });
      onIssued();
    } catch (error) {
      setMessage({ text: messagesOf(error).join('; '), error: true });
    }
  };
  const issuedThatMonth = agreement.reports.filter((r) => r.month === month).length;
  return (
    <section className="card" data-testid={`reports-${agreement.id}`}>
      <header className="card-header">
        <h3>
          {agreement.name} <span className="hint">({agreement.customer})</span>
        </h3>
        {canEdit && month && (
          <div className="card-actions">
            <Button appearance="primary" onClick={() => void issue()} data-testid={`issue-${agreement.id}`}>
              {issuedThatMonth > 0 ? `Issue ${monthTitle(month)} again (version ${issuedThatMonth + 1})` : `Issue ${monthTitle(month)} now`}
            </Button>
          </div>
        )}
      </header>
      <p className="hint">{scheduleInWords(agreement.schedule)}</p>
      {message && (
        <p role="status" className={message.error ? 'danger-text' : 'hint'}>
          {message.text}
        </p>
      )}
      {agreement.reports.length === 0 ? (
        <p className="empty">No report issued yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Month</th>
              <th>Version</th>
              <th>Issued</th>
              <th>Delivery</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {agreement.reports.map((r) => (
              <IssuedRow key={r.id} report={r} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Reports({ canEdit }: { canEdit: boolean }) {
  const fetchList = useCallback(() => call('admin/reports/list'), []);
  const list = useResource(fetchList);
  if (list.error !== null) {
    return (
      <SectionMessage appearance="error" announce="no">
        <p>The reports could not be listed: {messagesOf(list.error).join('; ')}</p>
      </SectionMessage>
    );
  }
  if (!list.data) return <p className="hint">Loading…</p>;
  return (
    <div data-testid="reports">
      <p className="section-intro">
        Each customer is owed a compliance report per agreement and month. Issued reports are frozen: issuing a month
        again makes a new version, and the earlier ones stay as they were sent.
      </p>
      {list.data.agreements.map((a) => (
        <AgreementCard key={a.id} agreement={a} canEdit={canEdit} onIssued={() => void list.reload()} />
      ))}
    </div>
  );
}
