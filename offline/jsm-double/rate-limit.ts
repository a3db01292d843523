// Jira's points-based app rate limit (developer.atlassian.com/cloud/jira/platform/rate-limiting/, enforced for Forge
// apps since March 2026): "Each request starts with a base cost of 1 point, and additional points are added for each
// object involved. Write requests are charged only the base cost." The quota is per hour and resets on the hour
// (X-RateLimit-Reset carries the next full hour); beyond it Jira answers 429 with Retry-After. Windows are measured on
// the double's clock. The per-second burst limit and per-issue write limit are not modelled (see
// docs/platform-fidelity.md).
import type { JiraRequest, JiraResponse } from './rest/http';

export type JiraRateLimitMode = 'enforce' | 'count';

export interface JiraRateLimitOptions {
  /** 'enforce' (default) answers 429; 'count' serves everything and adds up the waiting Jira would have imposed. */
  mode?: JiraRateLimitMode;
  /** Points per hour; the default is the global pool's 65,000 (the tier every app starts in). */
  pointsPerHour?: number;
}

export interface JiraRateCounters {
  requests: number;
  points: number;
  /** Requests answered 429 ('enforce'), or that would have been ('count'). */
  rateLimited: number;
  /** 'count' mode: how long the app would have had to wait, in total (ms). */
  throttledMs: number;
}

export const DEFAULT_POINTS_PER_HOUR = 65_000;
const HOUR_MS = 3_600_000;
/** "X-RateLimit-NearLimit: true when less than 20% of a budget remains." */
const NEAR_LIMIT = 0.2;

const isRead = (request: JiraRequest): boolean => request.method === 'GET' || (request.method === 'POST' && /\/search\/jql\/?$/.test(request.path));

/** Objects a read involved: the entries of a returned page, or the one resource returned. */
function objectsIn(body: unknown): number {
  if (body === null || typeof body !== 'object') return 0;
  if (Array.isArray(body)) return body.length;
  const record = body as Record<string, unknown>;
  for (const list of ['issues', 'values', 'comments', 'histories']) if (Array.isArray(record[list])) return (record[list] as unknown[]).length;
  return 1;
}

export function jiraPoints(request: JiraRequest, response: JiraResponse): number {
  if (!isRead(request) || response.status >= 400) return 1;
  return 1 + objectsIn(response.body);
}

/** "yyyy-MM-ddTHH:mmZ", as Jira writes X-RateLimit-Reset. */
function resetHeader(at: number): string {
  return new Date(at).toISOString().slice(0, 16) + 'Z';
}

export class JiraRateLimiter {
  readonly counters: JiraRateCounters = { requests: 0, points: 0, rateLimited: 0, throttledMs: 0 };
  private readonly mode: JiraRateLimitMode;
  readonly pointsPerHour: number;
  private hourStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  /** 'count' mode: the waiting so far, added to the clock so later requests are judged as if the app had waited. */
  private lag = 0;

  constructor(
    private readonly now: () => number,
    options: JiraRateLimitOptions = {},
  ) {
    this.mode = options.mode ?? 'enforce';
    this.pointsPerHour = options.pointsPerHour ?? DEFAULT_POINTS_PER_HOUR;
  }

  /** Serves a request through the budget: refused with 429 when the hour's points are spent. */
  async serve(request: JiraRequest, handle: (request: JiraRequest) => Promise<JiraResponse>): Promise<JiraResponse> {
    let at = this.now() + this.lag;
    this.roll(at);
    if (this.used >= this.pointsPerHour) {
      this.counters.rateLimited += 1;
      const waitMs = this.hourStart + HOUR_MS - at;
      if (this.mode === 'enforce') return this.refusal(waitMs);
      this.lag += waitMs;
      this.counters.throttledMs += waitMs;
      at += waitMs;
      this.roll(at);
    }
    const response = await handle(request);
    const points = jiraPoints(request, response);
    this.used += points;
    this.counters.requests += 1;
    this.counters.points += points;
    const remaining = Math.max(0, this.pointsPerHour - this.used);
    const headers: Record<string, string> = {
      ...response.headers,
      'x-ratelimit-limit': String(this.pointsPerHour),
      'x-ratelimit-remaining': String(remaining),
    };
    if (remaining < this.pointsPerHour * NEAR_LIMIT) headers['x-ratelimit-nearlimit'] = 'true';
    return { ...response, headers };
  }

  private roll(at: number): void {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    if (hour !== this.hourStart) {
      this.hourStart = hour;
      this.used = 0;
    }
  }

  private refusal(waitMs: number): JiraResponse {
    return {
      status: 429,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
        'x-ratelimit-limit': String(this.pointsPerHour),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': resetHeader(this.hourStart + HOUR_MS),
        'ratelimit-reason': 'jira-quota-global-based',
      },
      body: { errorMessages: ['Rate limit exceeded: the app has used its points for this hour.'], errors: {} },
    };
  }
}
