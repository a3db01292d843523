// The development section of the issue panel for an ACME UAT Payroll request (the demo's PAY project, versions 5.2.0
// to 5.4.0): as `issue/development` answers before the hand-over, while development works, and once the fix reached
// UAT. Agreements without development terms answer `noDevelopment`.
import { answer, ok } from '../bridge-double';
import type { DevelopmentLinkView, DevelopmentPanel } from '../../../static/shared/views';

export const noDevelopment: DevelopmentPanel = {
  terms: null,
  why: 'ACME Production has no development terms: requests are not handed to a development project',
  canHandOver: false,
  environment: 'Production',
  product: 'Payroll',
  environmentVersion: '5.3.1',
  draftSummary: 'Payslips show last month’s tax rate',
  link: null,
};

const terms = { project: 'PAY', projectName: 'Payroll', waitingStatus: 'Waiting for release', resolveWhenAvailable: true };

export const readyToHandOver: DevelopmentPanel = { terms, canHandOver: true, environment: 'UAT', product: 'Payroll', environmentVersion: '5.3.0', draftSummary: 'Payslips show last month’s tax rate', link: null };

const linked: DevelopmentLinkView = {
  key: 'PAY-1',
  url: 'https://nordlys.atlassian.net/browse/PAY-1',
  summary: 'Payslips show last month’s tax rate',
  status: 'In Progress',
  statusCategory: 'indeterminate',
  assignee: 'Lars Nielsen',
  fixVersions: [],
  fix: null,
  fixProblem: null,
  stage: 'in-development',
  stageText: 'In development (PAY-1 is In Progress)',
  environments: [
    { environment: 'UAT', version: '5.3.0', reached: false },
    { environment: 'Production', version: '5.2.0', reached: false },
  ],
  notices: [],
};

export const inDevelopment: DevelopmentPanel = { ...readyToHandOver, canHandOver: false, link: linked };

export const fixedNotYetOnUat: DevelopmentPanel = {
  ...inDevelopment,
  link: {
    ...linked,
    status: 'Done',
    statusCategory: 'done',
    fixVersions: ['5.3.1', 'Next sprint'],
    fix: '5.3.1',
    fixProblem: '"Next sprint" is not a version: a version is numbers separated by dots, such as 5.3.1',
    stage: 'fixed',
    stageText: 'Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update',
  },
};

export const availableOnUat: DevelopmentPanel = {
  ...fixedNotYetOnUat,
  environmentVersion: '5.3.1',
  link: {
    ...fixedNotYetOnUat.link!,
    fixVersions: ['5.3.1'],
    fixProblem: null,
    stage: 'resolved',
    stageText: 'The fix is available on UAT (5.3.1): the customer was told and the request resolved',
    environments: [
      { environment: 'UAT', version: '5.3.1', reached: true },
      { environment: 'Production', version: '5.2.0', reached: false },
    ],
    notices: [{ environment: 'UAT', version: '5.3.1', at: '2026-11-23T13:45:00Z', resolved: true }],
  },
};

/** `answer` for a panel test: the development section answers `development` unless the test says otherwise. */
export function answerPanel(handlers: Parameters<typeof answer>[0], development: DevelopmentPanel = noDevelopment): void {
  answer({ 'issue/development': () => ok(development), ...handlers });
}
