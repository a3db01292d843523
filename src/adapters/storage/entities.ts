// Names of the custom entities declared under app.storage.entities in manifest.yml (a contract test checks both agree).
export const ENTITY = {
  configuration: 'configuration',
  configurationVersion: 'configuration-version',
  site: 'site',
  issueObligations: 'issue-obligations',
} as const;

/** The single record key of the singleton entities. */
export const CURRENT = 'current';

export const INDEX = {
  /** configuration-version by version number (history listing). */
  byVersion: 'by-version',
  /** issue-obligations: partition project, range next deadline (work list, breach detection). */
  byProjectDeadline: 'by-project-deadline',
  /** issue-obligations: partition customer, range next deadline (work list filtered by customer). */
  byCustomerDeadline: 'by-customer-deadline',
  /** issue-obligations: partition open state, range next deadline (breach detection across projects). */
  byOpenDeadline: 'by-open-deadline',
  /** issue-obligations: partition agreement, range created month (monthly compliance reports). */
  byAgreementMonth: 'by-agreement-month',
} as const;
