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
  /** escalation-ledger by the instant each escalation was sent (monitoring: what was escalated lately). */
  bySentAt: 'by-sent-at',
  /** escalation-ledger: partition `problem` (failed or unconfirmed, present only then), range the last attempt (the admin's list). */
  byProblem: 'by-problem',
} as const;
