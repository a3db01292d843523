// Following a development issue (formats.md §9.5): which of its fix versions the app watches, where a request handed
// to development stands, and the words for it — the agent's (with the development issue's status and the versions)
// and the customer's (never the development issue's key or its comments). Pure: the facts come in, words go out.
import { compareVersions, parseVersion, versionSortKey } from './version';

/** Where a request handed to development stands. */
export type DevelopmentStage = 'handed-over' | 'in-development' | 'fixed' | 'available' | 'resolved';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** The fix the app watches for, or why there is none to watch. */
export interface WatchedFix {
  /** The lowest fix version that reads as a version, once development has finished; null before, or when none reads. */
  fix: string | null;
  /** Its sort key (engine/version.ts): a deployment reaches it when its own key is at or above. */
  fixKey: string | null;
  /** Fix versions that are no version, and why; or that development finished without one. Shown, never guessed at. */
  problem: string | null;
}

/**
 * The fix to watch: only once development has finished (status category done), the lowest of the fix versions that
 * read as versions. A name that is none ("Next sprint") is reported, not guessed at; when it is the only one, there is
 * nothing to watch.
 */
export function watchedFix(fixVersions: readonly string[], category: StatusCategory): WatchedFix {
  const readable: Array<{ name: string; key: string; parsed: ReturnType<typeof parseVersion> & { ok: true } }> = [];
  const unreadable: string[] = [];
  for (const name of fixVersions) {
    const parsed = parseVersion(name);
    if (parsed.ok) readable.push({ name, key: versionSortKey(parsed.version), parsed });
    else unreadable.push(`"${name}" is not a version: ${parsed.reason}`);
  }
  readable.sort((a, b) => compareVersions(a.parsed.version, b.parsed.version));
  const problem = unreadable.length > 0 ? unreadable.join('; ') : category === 'done' && fixVersions.length === 0 ? 'development finished without a fix version' : null;
  const lowest = readable[0];
  if (category !== 'done' || !lowest) return { fix: null, fixKey: null, problem };
  return { fix: lowest.name, fixKey: lowest.key, problem };
}

/** Whether an environment's version reaches a fix (by the fix's sort key); a version that is none reaches nothing. */
export function reaches(version: string | null, fixKey: string | null | undefined): boolean {
  if (version === null || fixKey === null || fixKey === undefined) return false;
  const parsed = parseVersion(version);
  return parsed.ok && versionSortKey(parsed.version) >= fixKey;
}

/** A release notice sent to the customer: the environment it named, the version it runs, when, and whether the request was resolved. */
export interface ReleaseNoticeFact {
  environment: string;
  version: string;
  /** The fix it was sent for. */
  fix: string;
  at: number;
  resolved: boolean;
}

/** The facts a stage is read from. */
export interface DevelopmentFacts {
  category: StatusCategory;
  fix: string | null;
  /** The request's own environment. */
  environment: string | null;
  notices: readonly ReleaseNoticeFact[];
}

/** The notice that told the customer the fix reached their own environment, if one did. */
export function ownNotice(facts: DevelopmentFacts): ReleaseNoticeFact | undefined {
  return facts.notices.find((n) => n.environment === facts.environment && n.fix === facts.fix);
}

export function developmentStage(facts: DevelopmentFacts): DevelopmentStage {
  const own = facts.fix === null ? undefined : ownNotice(facts);
  if (own) return own.resolved ? 'resolved' : 'available';
  if (facts.fix !== null) return 'fixed';
  return facts.category === 'new' ? 'handed-over' : 'in-development';
}

/** Everything the words need. */
export interface DevelopmentWordsInput extends DevelopmentFacts {
  key: string;
  status: string;
  assignee: string | null;
  fixVersions: readonly string[];
  problem: string | null;
  product: string | null;
  /** The version the request's environment runs now, when known. */
  environmentVersion: string | null;
}

const product = (input: { product: string | null }): string => (input.product ? `${input.product} ` : '');
const environmentName = (input: { environment: string | null }): string => input.environment ?? 'the environment';

/** Where the request stands, in the agent's words: the development issue, its status and people, the versions. */
export function agentStageText(input: DevelopmentWordsInput): string {
  const stage = developmentStage(input);
  const who = input.assignee ? `, ${input.assignee}` : '';
  switch (stage) {
    case 'handed-over':
      return `Handed over as ${input.key} (${input.status}${who}) — development has not started`;
    case 'in-development': {
      if (input.category === 'done') return `${input.key} is ${input.status} but has no fix to watch: ${input.problem ?? 'no fix version'} — ask development which release has it`;
      const planned = input.fixVersions.length > 0 ? ` — planned for ${input.fixVersions.join(', ')}` : '';
      return `In development: ${input.key} (${input.status}${who})${planned}`;
    }
    case 'fixed': {
      const waiting = input.environmentVersion ? `${environmentName(input)} runs ${input.environmentVersion}, waiting for the update` : `waiting for ${environmentName(input)} to be updated`;
      return `Fixed in ${product(input)}${input.fix} — ${waiting}`;
    }
    case 'available':
    case 'resolved': {
      const own = ownNotice(input)!;
      const day = new Date(own.at).toISOString().slice(0, 10);
      return `${stage === 'resolved' ? 'Resolved: the' : 'The'} fix ${input.fix} is available on ${environmentName(input)} (${own.version}) — the customer was told on ${day}`;
    }
  }
}

/** Where the request stands, in the customer's words: never the development issue's key, status names or comments. */
export function customerProgress(input: Pick<DevelopmentWordsInput, 'category' | 'fix' | 'environment' | 'notices' | 'product'>): string {
  const stage = developmentStage(input);
  switch (stage) {
    case 'handed-over':
      return 'Handed to our development team';
    case 'in-development':
      return 'In development';
    case 'fixed':
      return `Fixed in ${product(input)}${input.fix}, waiting for your ${environmentName(input)} environment to be updated`;
    case 'available':
    case 'resolved':
      return `The fix is available on your ${environmentName(input)} environment (${ownNotice(input)!.version}) — please test`;
  }
}

/** The public comment that tells the customer: their own environment, or another one that reached the fix first. */
export function releaseNoticeText(input: { environment: string; version: string; own: boolean; resolves: boolean }): string {
  if (!input.own) return `The fix is also available on your ${input.environment} environment (${input.version}).`;
  const resolved = input.resolves ? ' We have resolved this request; reply here if the problem is still there.' : '';
  return `The fix is available on your ${input.environment} environment (${input.version}) — please test.${resolved}`;
}
