// Requests handed to development (formats.md §9.5): one `development-link` per request, naming the development issue
// and what the app last read of it, indexed by development issue (an issue event updates its requests), by the
// request's project (the work list), and — while the request waits for its fix — by customer and product with the fix's
// sort key, so a deployment reads only the requests whose fix is at or below the version deployed. The release
// notices sent are a ledger apart (`release-notice`, one entry per request × environment × fix), the one place that
// says whether the customer was told. Every write is conditional on the revision read.
import kvs, { Sort, WhereConditions } from '@forge/kvs';
import type { DevelopmentStage, ReleaseNoticeFact, StatusCategory } from '../../engine/development';
import { ENTITY, INDEX } from './entities';
import { keyText } from './issued-report';
import { stored } from './kvs-retry';
import { keyPart, writeOverRevision } from './ledger';
import type { RequestFacts } from './request-month';

/** The request handed over, with the facts its notices need (as its month entries carry them). */
export interface DevelopmentLink extends Pick<RequestFacts, 'issueId' | 'issueKey' | 'projectKey' | 'customer' | 'environment' | 'product'> {
  agreement?: string;
  /** The development issue. */
  devKey: string;
  devId: string;
  devProject: string;
  devSummary: string;
  devStatus: string;
  devCategory: StatusCategory;
  /** The assignee's display name. */
  devAssignee?: string;
  fixVersions: string[];
  fix?: string;
  fixKey?: string;
  fixProblem?: string;
  stage: DevelopmentStage;
  /** `customer:product` while the fix is known and the request's own environment was not told yet (the deployments' index). */
  waiting?: string;
  notices: ReleaseNoticeFact[];
  handedOverAt: number;
  handedOverBy: string;
  updatedAt: number;
  rev: number;
}

const links = () => kvs.entity<DevelopmentLink>(ENTITY.developmentLink);

/** The partition a waiting request is found in: its customer and product (any of the customer's environments may reach the fix). */
export const waitingPartition = (customer: string, product: string): string => `${keyText(customer)}:${keyText(product)}`;

export function readLink(issueId: string): Promise<DevelopmentLink | undefined> {
  return stored(() => links().get(issueId));
}

/** Writes the link unless it changed since `previous` was read (or, with none, unless one exists). */
export function writeLink(next: Omit<DevelopmentLink, 'rev'>, previous: DevelopmentLink | undefined): Promise<DevelopmentLink | undefined> {
  return writeOverRevision<DevelopmentLink>(ENTITY.developmentLink, next.issueId, next, previous);
}

export interface LinkPage {
  links: DevelopmentLink[];
  cursor?: string;
}

async function page(query: { getMany(): Promise<{ results: Array<{ value: DevelopmentLink }>; nextCursor?: string }> }): Promise<LinkPage> {
  const result = await stored(() => query.getMany());
  return { links: result.results.map((r) => r.value), ...(result.nextCursor ? { cursor: result.nextCursor } : {}) };
}

/** The requests handed over to one development issue (by its id: a key changes when the issue moves project). */
export function linksOfDevIssue(devId: string, cursor?: string): Promise<LinkPage> {
  let query = links().query().index(INDEX.byDevIssue, { partition: [devId] }).where(WhereConditions.greaterThanEqualTo(0)).sort(Sort.ASC).limit(100);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}

/** A project's requests handed over (the work list), a page of 100. */
export function linksOfProject(projectKey: string, cursor?: string): Promise<LinkPage> {
  let query = links().query().index(INDEX.byRequestProject, { partition: [projectKey] }).where(WhereConditions.greaterThanEqualTo(0)).sort(Sort.ASC).limit(100);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}

/** Requests of a customer and product still waiting, whose fix is at or below `versionKey`, lowest fix first. */
export function waitingAtOrBelow(customer: string, product: string, versionKey: string, limit: number, cursor?: string): Promise<LinkPage> {
  let query = links().query().index(INDEX.byWaitingFix, { partition: [waitingPartition(customer, product)] }).where(WhereConditions.lessThanEqualTo(versionKey)).sort(Sort.ASC).limit(limit);
  if (cursor) query = query.cursor(cursor);
  return page(query);
}

/** Every request of a customer and product still waiting for its fix (the admin's overview), at most `max`. */
export async function waitingFor(customer: string, product: string, max: number): Promise<DevelopmentLink[]> {
  const out: DevelopmentLink[] = [];
  let cursor: string | undefined;
  do {
    // Every sort key is below U+FFFF: the whole partition.
    const page = await waitingAtOrBelow(customer, product, '\uffff', 100, cursor);
    out.push(...page.links);
    cursor = page.cursor;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}

/** One release notice: claimed while a worker tells the customer, then sent. */
export interface ReleaseNoticeEntry {
  issueId: string;
  issueKey: string;
  environment: string;
  /** The fix it is for, and the version the environment ran when it was decided. */
  fix: string;
  version: string;
  /** The request's own environment (else another one of the customer's, mentioned). */
  own: boolean;
  state: 'claimed' | 'sent';
  /** `started`: Jira was (or was about to be) asked; `done`: Jira added it. */
  comment: 'pending' | 'started' | 'done';
  /** `none`: not asked for (another environment, or the agreement keeps the request open). */
  resolve: 'none' | 'pending' | 'started' | 'done';
  claimedBy?: string;
  claimExpiresAt?: number;
  commentId?: string;
  sentAt?: number;
  rev: number;
}

/** One entry per request, environment and fix (by its sort key): whatever reports, events or retries come, one notice. */
export function noticeKey(issueId: string, environment: string, fixKey: string): string {
  return `${keyPart(issueId)}#${keyPart(environment)}#${keyPart(fixKey)}`;
}

export function readNotice(key: string): Promise<ReleaseNoticeEntry | undefined> {
  return stored(() => kvs.entity<ReleaseNoticeEntry>(ENTITY.releaseNotice).get(key));
}

export function writeNotice(key: string, next: Omit<ReleaseNoticeEntry, 'rev'>, previous: ReleaseNoticeEntry | undefined): Promise<ReleaseNoticeEntry | undefined> {
  return writeOverRevision<ReleaseNoticeEntry>(ENTITY.releaseNotice, key, next, previous);
}
