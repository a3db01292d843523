// How Jira writes instants. The platform REST API uses `2026-11-23T09:00:00.000+0100` (milliseconds, offset without
// a colon) in the site's or the user's zone; the servicedesk API wraps the same instant in a DateDTO. The app must
// parse exactly these shapes, so the double produces them and nothing friendlier.
import { DateTime } from 'luxon';

/** Epoch milliseconds now. Injected so the sandbox can move time forward and tests can pin it. */
export type Clock = () => number;

export function jiraDateTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ");
}

/** The servicedesk API's DateDTO (`createdDate`, `statusDate`, comment `created`). */
export interface JsmDate {
  iso8601: string;
  jira: string;
  friendly: string;
  epochMillis: number;
}

export function jsmDate(ms: number, zone: string): JsmDate {
  const local = DateTime.fromMillis(ms, { zone });
  return {
    iso8601: local.toFormat("yyyy-MM-dd'T'HH:mm:ssZZZ"),
    jira: local.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ"),
    friendly: local.toFormat('dd/LLL/yy h:mm a'),
    epochMillis: ms,
  };
}

/** The value the Jira date picker stores for a Forge `date` field and echoes back: `yyyy-MM-dd`. */
export function isoDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd');
}

/**
 * A JQL date literal as Jira reads it, in the searcher's zone: `yyyy/MM/dd HH:mm`, `yyyy-MM-dd HH:mm`, `yyyy/MM/dd`,
 * `yyyy-MM-dd`, or a period relative to now (`-5d`, `-4w 2d`, `-90m`). Anything else — an ISO instant with a `T`
 * included — is refused by real Jira, so it returns null here and the caller answers with Jira's 400.
 */
export function parseJqlDate(text: string, zone: string, now: number): number | null {
  const absolute = /^(\d{4})[/-](\d{2})[/-](\d{2})(?: (\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    const local = DateTime.fromObject(
      { year: Number(y), month: Number(mo), day: Number(d), hour: h === undefined ? 0 : Number(h), minute: mi === undefined ? 0 : Number(mi) },
      { zone },
    );
    return local.isValid ? local.toMillis() : null;
  }
  const period = text.trim();
  if (!/^[-+]?(\s*\d+\s*[wdhm])+$/.test(period)) return null;
  const sign = period.startsWith('-') ? -1 : 1;
  const unitMs: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
  let total = 0;
  for (const part of period.matchAll(/(\d+)\s*([wdhm])/g)) total += Number(part[1]) * (unitMs[part[2] ?? 'm'] ?? 0);
  return now + sign * total;
}
