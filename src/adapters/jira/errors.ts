/** A Jira REST call that did not succeed: the status and Jira's own messages, never the raw response. */
export class JiraRequestError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly messages: string[],
    /** How long Jira asked the app to wait (429/503 with Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(`Jira answered ${status} to ${path}${messages.length ? `: ${messages.join('; ')}` : ''}`);
    this.name = 'JiraRequestError';
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  /** Rate limited or a server-side failure: the same request may succeed later. */
  get transient(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

/** Jira's error bodies: `{ errorMessages: [...], errors: { field: message } }`. */
export function jiraMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const out: string[] = [];
  if (Array.isArray(errorMessages)) out.push(...errorMessages.map(String));
  if (errors && typeof errors === 'object') out.push(...Object.entries(errors).map(([k, v]) => `${k}: ${String(v)}`));
  return out;
}
