// Delivering an issued report through JSM itself: a request in the customer's service desk, raised on behalf of the
// first recipient with the others as participants, and the PDF attached to a public comment, so JSM's own
// notifications and the portal carry it. Every step is recorded on the report's header before the next, so a run
// that fails part-way is resumed where it stopped (the request is raised once); a corrected version goes to the
// request its month already has.
import { REPORT_REQUEST_PROPERTY } from '../app-identity';
import type { JiraClient } from '../adapters/jira/client';
import { JiraRequestError } from '../adapters/jira/errors';
import type { StoredConfiguration } from '../adapters/storage/config-store';
import type { Delivery, IssuedReport } from '../adapters/storage/issued-report';
import { readIssuedReport, reportsOfAgreement, updateDelivery } from '../adapters/storage/issued-report-store';
import { labelsFor } from '../views/report/labels';
import { monthName } from '../views/report/document';
import { goalListFile } from '../views/report/goal-list';
import { renderReportPdf } from '../views/report/pdf';
import { storedContent } from '../views/report-pdf-file';
import { reportFileName } from '../views/issued-reports';

export interface DeliveryOutcome {
  report: string;
  state: Delivery['state'] | 'unchanged';
  requestKey?: string;
  error?: string;
}

class Refused extends Error {}

function failure(error: unknown): string {
  if (error instanceof JiraRequestError || error instanceof Refused) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The request an earlier version of the month was delivered to, if any. */
async function monthRequest(header: IssuedReport): Promise<Pick<Delivery, 'requestKey' | 'requestId' | 'serviceDeskId'> | undefined> {
  if (header.delivery.requestKey) return header.delivery;
  const versions = await reportsOfAgreement(header.agreement, { from: header.month, to: header.month });
  return versions.filter((v) => v.version < header.version && v.delivery.requestKey).sort((a, b) => b.version - a.version)[0]?.delivery;
}

/** Delivers one issued report, resuming from the step its header records. */
export async function deliverReport(reportId: string, configuration: StoredConfiguration, jira: JiraClient, now: number): Promise<DeliveryOutcome> {
  let header = await readIssuedReport(reportId);
  if (!header) return { report: reportId, state: 'unchanged', error: 'no such report' };
  if (header.delivery.state === 'delivered' || header.delivery.state === 'not-scheduled') return { report: reportId, state: 'unchanged' };
  const move = async (delivery: Delivery): Promise<IssuedReport> => {
    const next = await updateDelivery(header!, delivery);
    if (!next) throw new Refused('another run is delivering this report');
    return next;
  };
  const attempt: Delivery = { ...header.delivery, attempts: header.delivery.attempts + 1, lastAttemptAt: now };
  try {
    const agreement = configuration.bundle.agreements.find((a) => a.id === header!.agreement);
    const schedule = agreement?.report;
    if (!agreement || !schedule) {
      header = await move({ state: 'not-scheduled', attempts: attempt.attempts, lastAttemptAt: now });
      return { report: reportId, state: 'not-scheduled' };
    }
    const customer = configuration.bundle.customers.find((c) => c.id === agreement.customer);
    const organization = customer?.organizationId;
    if (!organization) throw new Refused(`the customer ${agreement.customer} has no JSM organization to deliver to`);
    // Nobody outside the customer's organization ever receives its report, whatever the schedule says.
    for (const recipient of schedule.recipients) {
      const organizations = await jira.organizationsOf(recipient);
      if (!organizations.some((o) => String(o.id) === organization)) {
        throw new Refused(`${recipient} is not a member of the customer's JSM organization ${organization}: the report was not sent`);
      }
    }
    const content = await storedContent(header);
    const { snapshot } = content;
    const labels = labelsFor(snapshot.language);
    const month = monthName(header.month, labels);
    let target = await monthRequest(header);
    if (!target) {
      const created = await jira.createCustomerRequest({
        serviceDeskId: schedule.serviceDeskId,
        requestTypeId: schedule.requestTypeId,
        summary: labels.requestSummary(snapshot.agreement.name, month),
        description: labels.requestComment(month, header.version),
        raiseOnBehalfOf: schedule.recipients[0]!,
        participants: schedule.recipients.slice(1),
      });
      target = { requestKey: created.issueKey, requestId: String(created.issueId), serviceDeskId: schedule.serviceDeskId };
      await jira.setIssueProperty(created.issueKey, REPORT_REQUEST_PROPERTY, { agreement: header.agreement, month: header.month });
    }
    const requestKey = target.requestKey!;
    header = await move({
      ...attempt,
      state: 'request-created',
      requestKey,
      ...(target.requestId ? { requestId: target.requestId } : {}),
      ...(target.serviceDeskId ? { serviceDeskId: target.serviceDeskId } : {}),
    });
    const temporary = [await jira.attachTemporaryFile(schedule.serviceDeskId, reportFileName(header), await renderReportPdf(content), 'application/pdf')];
    // A month too long for the PDF's lists sends the complete list beside it (goal-list.ts), on the same comment.
    const list = await goalListFile(content);
    if (list) temporary.push(await jira.attachTemporaryFile(schedule.serviceDeskId, list.fileName, list.bytes, list.mimeType));
    const comment = [
      labels.requestComment(month, header.version),
      ...(header.version > 1 ? [labels.reissued(header.version)] : []),
      ...(list ? [labels.listAttached(list.fileName)] : []),
    ].join(' ');
    const attached = await jira.attachToRequest(requestKey, temporary, comment, true);
    header = await move({ ...header.delivery, state: 'delivered', attempts: attempt.attempts, lastAttemptAt: now, ...(attached.attachmentIds[0] ? { attachmentId: attached.attachmentIds[0] } : {}) });
    return { report: reportId, state: 'delivered', requestKey };
  } catch (error) {
    if (error instanceof Refused && error.message === 'another run is delivering this report') return { report: reportId, state: 'unchanged', error: error.message };
    const message = failure(error);
    const current = (await readIssuedReport(reportId)) ?? header;
    const next = await updateDelivery(current, { ...current.delivery, state: current.delivery.requestKey ? 'request-created' : 'failed', attempts: attempt.attempts, lastAttemptAt: now, error: message });
    return { report: reportId, state: next?.delivery.state ?? current.delivery.state, error: message };
  }
}
