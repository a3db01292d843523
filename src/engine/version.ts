// Product versions (formats.md §9): the order in which "the environment runs 5.3.1" reaches "fixed in 5.3.1".
// Semantic versioning's precedence, widened to dotted numbers of any length, with leading zeros meaning nothing and
// missing trailing numbers counting as zero (5.3 = 5.3.0). Numbers are kept as digit strings, so no length overflows.
// A text that is no version is refused with the reason: guessing would tell a customer a fix is there when it is not.

/** A parsed version. Numbers are digit strings without leading zeros; `build` is kept for printing only. */
export interface Version {
  /** The dotted numbers before any `-` or `+`: at least one. */
  readonly release: readonly string[];
  /** The pre-release identifiers after `-` (numbers normalised like the release's); empty for a release. */
  readonly prerelease: readonly string[];
  /** The build metadata identifiers after `+`: never part of the order. */
  readonly build: readonly string[];
}

export type VersionParse = { readonly ok: true; readonly version: Version } | { readonly ok: false; readonly reason: string };

/** The longest version text accepted; it bounds every number's digits, and so the sort key's length prefix. */
export const VERSION_MAX_LENGTH = 64;

const NUMBER = /^[0-9]+$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;
const EXAMPLES = 'such as 5.3.1, 5.3.0-rc.1 or 2024.10';

function normaliseNumber(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  return trimmed === '' ? '0' : trimmed;
}

function identifiers(part: string, what: string, text: string): string[] | string {
  const ids = part.split('.');
  for (const id of ids) {
    if (id === '') return `"${text}" has an empty ${what} identifier (two dots together, or a dot at an end)`;
    if (!IDENTIFIER.test(id)) {
      const bad = [...id].find((ch) => !/[0-9A-Za-z-]/.test(ch));
      return `"${text}" has "${bad ?? id}" in its ${what}; only letters, digits, hyphens and dots may follow the version's "${what === 'pre-release' ? '-' : '+'}"`;
    }
  }
  return ids;
}

/** Reads a version such as `5.3.1`, `5.3.0-rc.1`, `2024.10.0.17` or `5.3.1+build.7`; otherwise says why it is none. */
export function parseVersion(text: string): VersionParse {
  const fail = (reason: string): VersionParse => ({ ok: false, reason });
  if (text.trim() === '') return fail(`a version is required, ${EXAMPLES}`);
  if (text !== text.trim() || /\s/.test(text)) return fail(`"${text}" contains spaces; a version is written without them, ${EXAMPLES}`);
  if (text.length > VERSION_MAX_LENGTH) return fail(`"${text.slice(0, 20)}…" is longer than ${VERSION_MAX_LENGTH} characters`);
  if (/^[vV][0-9]/.test(text)) return fail(`"${text}" starts with "${text[0]}"; write the version without it (${text.slice(1)})`);
  const plus = text.indexOf('+');
  const main = plus < 0 ? text : text.slice(0, plus);
  let build: string[] = [];
  if (plus >= 0) {
    const parsed = identifiers(text.slice(plus + 1), 'build metadata', text);
    if (typeof parsed === 'string') return fail(parsed);
    build = parsed;
  }
  const dash = main.indexOf('-');
  const releaseText = dash < 0 ? main : main.slice(0, dash);
  let prerelease: string[] = [];
  if (dash >= 0) {
    const parsed = identifiers(main.slice(dash + 1), 'pre-release', text);
    if (typeof parsed === 'string') return fail(parsed);
    prerelease = parsed.map((id) => (NUMBER.test(id) ? normaliseNumber(id) : id));
  }
  if (releaseText === '') return fail(`"${text}" does not start with a number; a version is numbers separated by dots, ${EXAMPLES}`);
  const numbers = releaseText.split('.');
  if (numbers.some((n) => n === '')) {
    return fail(`"${text}" has an empty number (two dots together, or a dot at an end); a version is numbers separated by dots, ${EXAMPLES}`);
  }
  const notNumber = numbers.find((n) => !NUMBER.test(n));
  if (notNumber !== undefined) {
    return fail(`"${text}" is not a version: "${notNumber}" is not a number; a version is numbers separated by dots, ${EXAMPLES}`);
  }
  return { ok: true, version: { release: numbers.map(normaliseNumber), prerelease, build } };
}

/** The version written in its plain form: leading zeros dropped, pre-release and build kept. */
export function formatVersion(version: Version): string {
  const pre = version.prerelease.length > 0 ? `-${version.prerelease.join('.')}` : '';
  const build = version.build.length > 0 ? `+${version.build.join('.')}` : '';
  return `${version.release.join('.')}${pre}${build}`;
}

function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ASCII order, as semantic versioning compares pre-release identifiers (not the locale's). */
function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrereleaseIds(a: string, b: string): number {
  const aNumber = NUMBER.test(a);
  const bNumber = NUMBER.test(b);
  if (aNumber && bNumber) return compareNumbers(a, b);
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  return compareAscii(a, b);
}

/**
 * The version order: -1, 0 or 1. Release numbers first, left to right, a missing one counting as zero; then a
 * pre-release comes before its release, and pre-releases compare identifier by identifier (numbers numerically and
 * before words, words in ASCII order, a shorter list first when one is the start of the other). Build metadata is
 * ignored, so two versions differing only by it are equal.
 */
export function compareVersions(a: Version, b: Version): -1 | 0 | 1 {
  const length = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < length; i++) {
    const c = compareNumbers(a.release[i] ?? '0', b.release[i] ?? '0');
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  const aPre = a.prerelease.length > 0;
  const bPre = b.prerelease.length > 0;
  if (aPre !== bPre) return aPre ? -1 : 1;
  const ids = Math.min(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < ids; i++) {
    const c = comparePrereleaseIds(a.prerelease[i]!, b.prerelease[i]!);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return a.prerelease.length === b.prerelease.length ? 0 : a.prerelease.length < b.prerelease.length ? -1 : 1;
}

function lengthPrefixed(digits: string): string {
  return String(digits.length).padStart(2, '0') + digits;
}

/**
 * A text whose plain string order (code units, as storage indexes sort) is the version order; equal versions give
 * equal keys. Release numbers, trailing zeros dropped, each as two digits of length then its digits; then `-` and the
 * pre-release, or `/` for a release (`-` < `/` < any digit: a pre-release before its release, both before a longer
 * release). Pre-release identifiers: `1` + length + digits for a number, `2` + the word + `!` for a word (`!` sorts
 * before every character a word may hold, so `rc` comes before `rc1` and `rc-1`).
 */
export function versionSortKey(version: Version): string {
  const release = [...version.release];
  while (release.length > 0 && release[release.length - 1] === '0') release.pop();
  const numbers = release.map(lengthPrefixed).join('');
  if (version.prerelease.length === 0) return `${numbers}/`;
  const pre = version.prerelease.map((id) => (NUMBER.test(id) ? `1${lengthPrefixed(id)}` : `2${id}!`)).join('');
  return `${numbers}-${pre}`;
}

/** Compares two version texts that must both parse (a caller holding validated texts); throws on one that does not. */
export function compareVersionTexts(a: string, b: string): -1 | 0 | 1 {
  return compareVersions(versionOrThrow(a), versionOrThrow(b));
}

/** The version a validated text holds; a text that is none throws with its reason. */
export function versionOrThrow(text: string): Version {
  const parsed = parseVersion(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.version;
}
