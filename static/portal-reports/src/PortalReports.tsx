// The customer's service level reports, on their portal profile: every report issued for their organization's
// agreements (and only theirs), newest month first, each with its compliance per goal, the request it came with, and
// its PDF to download.
import { router } from '@forge/bridge';
import { useCallback, useState, type MouseEvent } from 'react';
import { call } from '../../shared/api';
import { Button, Loading, Lozenge, SectionMessage } from '../../shared/components';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import { monthTitle, saveBase64File } from '../../shared/download';
import type { PortalReports as Reports } from '../../shared/views';

type Row = Reports['reports'][number];

const percent = (ratio: number | null): string => (ratio === null ? '–' : `${(Math.round(ratio * 1000) / 10).toFixed(1)} %`);

function ReportRow({ report, goalNames }: { report: Row; goalNames: Record<string, string> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async (file: 'pdf' | 'goals'): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      if (file === 'pdf') {
        const pdf = await call('portal/reports/pdf', { report: report.id });
        saveBase64File(pdf.fileName, pdf.base64);
      } else {
        const list = await call('portal/reports/goals', { report: report.id });
        saveBase64File(list.fileName, list.base64, list.mimeType);
      }
    } catch (error) {
      setProblem(messagesOf(error).join(' '));
    } finally {
      setBusy(false);
    }
  };
  const openRequest = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    if (report.requestPath) void router.navigate(report.requestPath);
  };
  return (
    <li className="report" data-testid="report-row">
      <span className="report__title">
        {monthTitle(report.month)} · {report.agreementName}
        {report.version > 1 && <span className="subtle"> (corrected, version {report.version})</span>}
      </span>
      <span className="report__facts">
        Issued {report.issuedAt.slice(0, 10)} · {report.requests.created} requests raised, {report.requests.resolved} resolved
      </span>
      <span className="report__goals">
        {report.goals.map((g) => (
          <Lozenge key={g.goal} appearance={g.breached === 0 ? 'success' : 'moved'}>
            {goalNames[g.goal] ?? g.goal} {percent(g.compliance)}
          </Lozenge>
        ))}
      </span>
      <span className="report__actions">
        <Button onClick={() => void download('pdf')} disabled={busy} aria-label={`Download the ${monthTitle(report.month)} report for ${report.agreementName} (PDF)`}>
          {busy ? 'Preparing…' : 'Download PDF'}
        </Button>
        {/* A large month's PDF lists the first goals; this is the list of all of them. */}
        {report.goalListName && (
          <Button onClick={() => void download('goals')} disabled={busy} aria-label={`Download every goal of the ${monthTitle(report.month)} report for ${report.agreementName} (${report.goalListName})`}>
            All goals (CSV)
          </Button>
        )}
        {report.requestPath && report.delivery.requestKey && (
          <a href={report.requestPath} onClick={openRequest}>
            {report.delivery.requestKey}
          </a>
        )}
        {problem && <span className="danger">{problem}</span>}
      </span>
    </li>
  );
}

export function PortalReports() {
  const fetcher = useCallback(() => call('portal/reports/list'), []);
  const reports = useResource<Reports>(fetcher);
  const data = reports.data;
  if (!data) {
    if (reports.error === null) return <Loading label="Loading your service level reports…" />;
    if (hasCode(reports.error, 'NOT_CONFIGURED')) return <SectionMessage appearance="information" title="Service level reports are not available here" />;
    return (
      <SectionMessage appearance="warning" title="Your service level reports could not be shown right now">
        <p>Please try again in a moment.</p>
        <Button onClick={() => void reports.reload()}>Try again</Button>
      </SectionMessage>
    );
  }
  return (
    <section aria-labelledby="reports-title">
      <h3 id="reports-title">Service level reports{data.organizations.length > 0 ? ` for ${data.organizations.join(', ')}` : ''}</h3>
      {data.reports.length === 0 ? (
        <p className="subtle">No report has been issued for your organization yet. Each month's report appears here once it is sent.</p>
      ) : (
        <ul className="reports">
          {data.reports.map((report) => (
            <ReportRow key={report.id} report={report} goalNames={data.goalNames} />
          ))}
        </ul>
      )}
    </section>
  );
}
