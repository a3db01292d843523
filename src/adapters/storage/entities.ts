// Names of the custom entities declared under app.storage.entities in manifest.yml (a contract test checks both agree).
export const ENTITY = {
  configuration: 'configuration',
  configurationVersion: 'configuration-version',
  site: 'site',
  issueObligations: 'issue-obligations',
  reevaluation: 'reevaluation',
  recomputeFailure: 'recompute-failure',
  lease: 'lease',
  escalationLedger: 'escalation-ledger',
  requestMonth: 'request-month',
  issuedReport: 'issued-report',
  issuedReportPart: 'issued-report-part',
  reportLedger: 'report-ledger',
  reminderLedger: 'reminder-ledger',
  environmentVersion: 'environment-version',
  environmentDeployment: 'environment-deployment',
  developmentLink: 'development-link',
  releaseNotice: 'release-notice',
} as const;

/** The single record key of the singleton entities. */
export const CURRENT = 'current';

export const INDEX = {
  /** configuration-version by version number (history listing). */
  byVersion: 'by-version',
  /** issue-obligations: partition `workList` (the project, while the request is active), range next deadline. */
  byWorkList: 'by-work-list',
  /** issue-obligations: range `watchAt`, only records with something due (the breach watch reads what is due). */
  byWatchAt: 'by-watch-at',
  /** issue-obligations: partition `active`, range configuration version (re-evaluation after a change). */
  byActiveConfig: 'by-active-config',
  /** issue-obligations: range `riskAt`, only records with an open cycle breached or coming due (monitoring). */
  byRisk: 'by-risk',
  /** recompute-failure by the instant of the last failure (the admin's list of problems). */
  byFailedAt: 'by-failed-at',
  /** recompute-failure by when to try again (the breach watch retries what is due). */
  byRetryAt: 'by-retry-at',
  /** escalation-ledger and reminder-ledger by the instant each was sent (monitoring, the admin's status). */
  bySentAt: 'by-sent-at',
  /** escalation-ledger and reminder-ledger: partition `problem` (failed or unconfirmed, present only then), range the last attempt (the admin's list). */
  byProblem: 'by-problem',
  /** request-month: partition agreement and month, range creation (one agreement's report). */
  byAgreementMonth: 'by-agreement-month',
  /** request-month: partition month, range creation (every agreement's month: the management reports). */
  byMonth: 'by-month',
  /** request-month: partition agreement and `carry`, range month (requests whose latest month runs on into later ones). */
  byAgreementCarry: 'by-agreement-carry',
  /** request-month: partition `carry`, range month (the same across agreements). */
  byCarry: 'by-carry',
  /** issued-report: partition agreement, range month (an agreement's reports, every version). */
  byAgreement: 'by-agreement',
  /** issued-report: partition customer, range issue instant (the portal's list of a customer's reports). */
  byCustomer: 'by-customer',
  /** issued-report: partition `deliveryDue`, range issue instant (reports still to reach the customer). */
  byDeliveryDue: 'by-delivery-due',
  /** reminder-ledger: partition contract (`agreement:ID`, `supplier:ID`), range when due (a contract's reminders). */
  byContract: 'by-contract',
  /** environment-deployment: partition the target (customer, environment, product), range deployed-at (its history). */
  byTarget: 'by-target',
  /** development-link: partition the development issue's id, range when handed over (an issue event's requests). */
  byDevIssue: 'by-dev-issue',
  /** development-link: partition the request's project, range when handed over (the work list's column and filter). */
  byRequestProject: 'by-request-project',
  /** development-link: partition customer and product (only while waiting), range the fix's sort key (a deployment's requests). */
  byWaitingFix: 'by-waiting-fix',
} as const;
