// What the issue panel's Development section shows (`issue/development`), the work list's column, and the portal's
// progress line: the request's development terms, its environment and the version it runs, and the development issue
// with its stage in the agent's words (formats.md §9.5).
import type { DevelopmentLink } from '../adapters/storage/development-store';
import type { IssueRecord } from '../adapters/storage/issue-record';
import { agentStageText, customerProgress, reaches, type DevelopmentWordsInput } from '../engine/development';
import type { ConfigBundle } from '../engine/types';
import type { DevelopmentPanel } from '../resolver-contract';

function wordsInput(link: DevelopmentLink, environmentVersion: string | null): DevelopmentWordsInput {
  return {
    key: link.devKey,
    status: link.devStatus,
    assignee: link.devAssignee ?? null,
    fixVersions: link.fixVersions,
    problem: link.fixProblem ?? null,
    product: link.product ?? null,
    environment: link.environment ?? null,
    environmentVersion,
    category: link.devCategory,
    fix: link.fix ?? null,
    notices: link.notices,
  };
}

export function stageText(link: DevelopmentLink, environmentVersion: string | null): string {
  return agentStageText(wordsInput(link, environmentVersion));
}

/** The customer's words; never the development issue's key, status or comments. */
export function progressOf(link: DevelopmentLink): string {
  return customerProgress(wordsInput(link, null));
}

export interface DevelopmentPanelInput {
  bundle: ConfigBundle;
  record: IssueRecord;
  link: DevelopmentLink | undefined;
  canHandOver: boolean;
  projectName: string | null;
  /** The customer's environments with the request's product and the versions they run. */
  environments: Array<{ environment: string; version: string | null }>;
  baseUrl: string;
}

export function developmentPanel(input: DevelopmentPanelInput): DevelopmentPanel {
  const { bundle, record, link } = input;
  const agreement = bundle.agreements.find((a) => a.id === record.agreement);
  const terms = agreement?.development;
  const environmentVersion = input.environments.find((e) => e.environment === record.environment)?.version ?? null;
  const why = !agreement
    ? 'No agreement measures this request, so it has no development terms'
    : !terms
      ? `The agreement ${agreement.name ?? agreement.id} has no development terms: a Jira administrator adds them on the Contract SLA admin page`
      : undefined;
  return {
    terms: terms ? { project: terms.project, projectName: input.projectName ?? terms.project, waitingStatus: terms.waitingStatus, resolveWhenAvailable: terms.resolveWhenAvailable } : null,
    ...(why ? { why } : {}),
    canHandOver: !link && terms !== undefined && input.canHandOver,
    environment: record.environment ?? null,
    product: record.product ?? null,
    environmentVersion,
    draftSummary: record.summary ?? '',
    link: link
      ? {
          key: link.devKey,
          url: `${input.baseUrl}/browse/${link.devKey}`,
          summary: link.devSummary,
          status: link.devStatus,
          statusCategory: link.devCategory,
          assignee: link.devAssignee ?? null,
          fixVersions: link.fixVersions,
          fix: link.fix ?? null,
          fixProblem: link.fixProblem ?? null,
          stage: link.stage,
          stageText: stageText(link, environmentVersion),
          environments: input.environments.map((e) => ({ environment: e.environment, version: e.version, reached: reaches(e.version, link.fixKey) })),
          notices: link.notices.map((n) => ({ environment: n.environment, version: n.version, at: new Date(n.at).toISOString(), resolved: n.resolved })),
        }
      : null,
  };
}
