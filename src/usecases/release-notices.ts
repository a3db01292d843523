// Release notices (formats.md §9.5): a customer environment runs a version (a deployment recorded, or a fix learnt
// that it already runs); every request of that customer and product waiting for a fix at or below it is told — its
// own environment with a public comment (and resolved when the agreement says so), another environment of the same
// customer mentioned once while it still waits for its own. Exactly once, whatever order and however often this runs:
// each notice is a ledger entry (request × environment × fix) claimed before Jira is asked, recorded after each step,
// and taken over after CLAIM_MS by looking for the marked comment on the request. Runs as the `release` job, in slices.
import { refusedUnprocessed, type JiraClient } from '../adapters/jira/client';
import { JiraRequestError } from '../adapters/jira/errors';
import { currentConfiguration } from '../adapters/storage/config-store';
import { noticeKey, readNotice, waitingAtOrBelow, writeNotice, type DevelopmentLink, type ReleaseNoticeEntry } from '../adapters/storage/development-store';
import { readCurrent, type EnvironmentTarget } from '../adapters/storage/environment-store';
import { enqueue } from '../adapters/queue';
import { releaseNoticeText } from '../engine/development';
import type { ConfigBundle } from '../engine/types';
import { parseVersion, versionSortKey } from '../engine/version';
import { attemptRecompute, recordProblem } from './attempt-recompute';
import { CLAIM_MS, findMarkedComment } from './carry-out-escalations';
import { bundleVersion } from './environment-versions';
import { settled, updateLink } from './follow-development';

/** The comment property that marks a release notice (its ledger key), so a worker that died can find what it added. */
export const RELEASE_COMMENT_PROPERTY = 'contract-sla-release';
/** Requests read per page, and told at once. */
const PAGE = 50;
const PARALLEL = 5;
/** A slice stops after this long and queues the rest (the consumer may run 900 s). */
const SLICE_MS = 600_000;

export type NoticeOutcome = 'sent' | 'already' | 'waiting' | 'failed';

interface Notice {
  link: DevelopmentLink;
  environment: string;
  version: string;
  resolves: boolean;
  runId: string;
  now: number;
}

/** The request's resolution: the first transition the app may take into a done status; none when there is none. */
async function resolveRequest(jira: JiraClient, issueKey: string): Promise<boolean> {
  const done = (await jira.transitions(issueKey, 'app')).find((t) => t.to.statusCategory.key === 'done');
  if (!done) return false;
  await jira.transition(issueKey, done.id, 'app');
  return true;
}

/** Tells one request about one environment, once. */
async function tell(n: Notice, jira: JiraClient): Promise<NoticeOutcome> {
  const { link, environment, version, now } = n;
  const own = link.environment === environment;
  const key = noticeKey(link.issueId, environment, link.fixKey!);
  let found = await readNotice(key);
  if (found?.state === 'sent') {
    await record(link, found);
    return 'already';
  }
  if (found?.state === 'claimed' && found.claimedBy !== n.runId && (found.claimExpiresAt ?? 0) > now) return 'waiting';
  let comment = found?.comment ?? 'pending';
  // A worker died after asking Jira for the comment: it is there if Jira added it, marked with this key.
  if (comment === 'started') comment = (await findMarkedComment(jira, link.issueKey, RELEASE_COMMENT_PROPERTY, key, now - 2 * CLAIM_MS)) ? 'done' : 'pending';
  const base: Omit<ReleaseNoticeEntry, 'rev'> = {
    issueId: link.issueId,
    issueKey: link.issueKey,
    environment,
    fix: link.fix!,
    version: found?.version ?? version,
    own,
    state: 'claimed',
    comment: comment === 'done' ? 'done' : 'started',
    resolve: found?.resolve ?? (own && n.resolves ? 'pending' : 'none'),
    claimedBy: n.runId,
    claimExpiresAt: now + CLAIM_MS,
  };
  let entry = await writeNotice(key, base, found);
  if (!entry) return 'waiting';
  try {
    if (entry.comment !== 'done') {
      const text = releaseNoticeText({ environment, version: entry.version, own, resolves: entry.resolve !== 'none' });
      const added = await jira.addComment(link.issueKey, text, 'public', { key: RELEASE_COMMENT_PROPERTY, value: { key } });
      // The resolution is marked asked in the same write: a worker dying now leaves it to the next, which resolves.
      entry = await writeNotice(key, { ...withoutRev(entry), comment: 'done', commentId: added.id, resolve: entry.resolve === 'pending' ? 'started' : entry.resolve }, entry);
      if (!entry) return 'waiting';
    }
    let resolve = entry.resolve;
    if (resolve === 'pending' || resolve === 'started') {
      if (resolve === 'pending') entry = await writeNotice(key, { ...withoutRev(entry), resolve: 'started' }, entry);
      if (!entry) return 'waiting';
      // A request already done (an agent resolved it, or a worker that died while resolving did) is left as it is:
      // a done status may lead on to another (Resolved → Closed).
      const done = (await jira.developmentIssue(link.issueKey, 'app'))?.category === 'done';
      resolve = done || (await resolveRequest(jira, link.issueKey)) ? 'done' : 'none';
    }
    // Resolved and sent in one write: a worker dying before it resolves again only what is not done yet.
    const { claimedBy: _c, claimExpiresAt: _e, ...sent } = withoutRev(entry);
    entry = await writeNotice(key, { ...sent, resolve, state: 'sent', sentAt: now }, entry);
    if (!entry) return 'waiting';
    // The app's own transition sends no event the app receives (ignoreSelf): its clocks are computed here, and a
    // failure goes where the breach watch retries it.
    if (resolve === 'done') {
      const attempt = await attemptRecompute(link.issueId, jira, now);
      if (attempt.result === 'failed') await recordProblem(attempt, 'a release', now, link.issueKey);
    }
  } catch (error) {
    // Refused before anything was done: the claim is let go at once, and the comment asked for again next time.
    const held = await readNotice(key);
    if (held?.claimedBy === n.runId && held.comment === 'started' && error instanceof JiraRequestError && refusedUnprocessed(error.status)) {
      await writeNotice(key, { ...withoutRev(held), comment: 'pending', claimExpiresAt: now }, held);
    }
    console.error(`release notice ${key} failed`, error instanceof Error ? error.message : error);
    return 'failed';
  }
  found = entry;
  await record(link, found);
  return 'sent';
}

const withoutRev = ({ rev: _r, ...rest }: ReleaseNoticeEntry): Omit<ReleaseNoticeEntry, 'rev'> => rest;

/** The link learns of a notice sent (once), and so its stage and whether it still waits. */
async function record(link: DevelopmentLink, entry: ReleaseNoticeEntry): Promise<void> {
  await updateLink(link.issueId, (current) => {
    const known = current.notices.some((x) => x.environment === entry.environment && x.fix === entry.fix);
    const notices = known ? current.notices : [...current.notices, { environment: entry.environment, version: entry.version, fix: entry.fix, at: entry.sentAt ?? entry.claimExpiresAt ?? 0, resolved: entry.resolve === 'done' }];
    return settled({ ...withoutLinkRev(current), notices });
  });
}

const withoutLinkRev = ({ rev: _r, ...rest }: DevelopmentLink): Omit<DevelopmentLink, 'rev'> => rest;

/** When the run started, and the targets it still has to release after this one (carried into a continuation). */
interface Slice {
  started: number;
  then: EnvironmentTarget[];
}

export interface ReleaseReport {
  version: string | null;
  read: number;
  sent: number;
  already: number;
  waiting: number;
  failed: number;
  /** A cursor handed to the next slice, when this one ran out of time. */
  continued: boolean;
}

/** The version a target runs now: the registry's, else the bundle's. */
async function runningVersion(bundle: ConfigBundle, target: EnvironmentTarget): Promise<string | null> {
  return (await readCurrent(target))?.version ?? bundleVersion(bundle, target) ?? null;
}

/**
 * Releases one customer environment's product: the version it runs now (read here, so a rollback since the job was
 * queued is honoured) against every request of the customer and product waiting for a fix at or below it.
 */
export async function releaseToEnvironment(target: EnvironmentTarget, jira: JiraClient, clock: { now(): number }, runId: string, cursor?: string, slice: Slice = { started: clock.now(), then: [] }): Promise<ReleaseReport> {
  const started = slice.started;
  const report: ReleaseReport = { version: null, read: 0, sent: 0, already: 0, waiting: 0, failed: 0, continued: false };
  const configuration = await currentConfiguration();
  if (!configuration) return report;
  const version = await runningVersion(configuration.bundle, target);
  const parsed = version === null ? undefined : parseVersion(version);
  if (!parsed?.ok) return report;
  report.version = version;
  const versionKey = versionSortKey(parsed.version);
  const resolvesFor = (link: DevelopmentLink): boolean => configuration.bundle.agreements.find((a) => a.id === link.agreement)?.development?.resolveWhenAvailable === true;
  let next = cursor;
  do {
    const page = await waitingAtOrBelow(target.customer, target.product, versionKey, PAGE, next);
    // A request already told about this environment, or whose own environment is not this one while the
    // notice for it exists, needs no ledger read.
    const due = page.links.filter((l) => l.fix !== undefined && !l.notices.some((x) => x.environment === target.environment && x.fix === l.fix));
    report.read += page.links.length;
    report.already += page.links.length - due.length;
    for (let i = 0; i < due.length; i += PARALLEL) {
      const outcomes = await Promise.all(due.slice(i, i + PARALLEL).map((link) => tell({ link, environment: target.environment, version: version!, resolves: resolvesFor(link), runId, now: clock.now() }, jira)));
      for (const outcome of outcomes) report[outcome]++;
    }
    next = page.cursor;
    if (next && clock.now() - started > SLICE_MS) {
      await enqueue({ kind: 'release', targets: [target, ...slice.then], cursor: next });
      report.continued = true;
      break;
    }
  } while (next);
  return report;
}

/** Releases several targets one after the other (a CSV import's), within one run's time; the rest go to the next. */
export async function releaseTargets(targets: readonly EnvironmentTarget[], jira: JiraClient, clock: { now(): number }, runId: string, cursor?: string): Promise<ReleaseReport> {
  const started = clock.now();
  const total: ReleaseReport = { version: null, read: 0, sent: 0, already: 0, waiting: 0, failed: 0, continued: false };
  for (const [i, target] of targets.entries()) {
    if (i > 0 && clock.now() - started > SLICE_MS) {
      await enqueue({ kind: 'release', targets: targets.slice(i) });
      return { ...total, continued: true };
    }
    const report = await releaseToEnvironment(target, jira, clock, runId, i === 0 ? cursor : undefined, { started, then: targets.slice(i + 1) });
    total.version = report.version;
    for (const figure of ['read', 'sent', 'already', 'waiting', 'failed'] as const) total[figure] += report[figure];
    if (report.continued) return { ...total, continued: true };
  }
  return total;
}
