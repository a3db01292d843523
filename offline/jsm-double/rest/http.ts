// The request/response pair the local runtime's `__forge_fetch__` shim hands to a product handler, and the error
// bodies Jira answers with. The platform API (/rest/api/3) reports errors as ErrorCollection
// `{ errorMessages, errors }`; the servicedesk API (/rest/servicedeskapi) as `{ errorMessage, i18nErrorMessage }`.
import type { ProductHandler, ProductRequest, ProductResponse } from '../../forge-runtime';

/** The double answers exactly what the runtime hands to a product handler. */
export type JiraRequest = ProductRequest;
export type JiraResponse = ProductResponse;
export type { ProductHandler };

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

export function ok(body: unknown, status = 200): JiraResponse {
  return { status, headers: JSON_HEADERS, body };
}

export function noContent(status = 204): JiraResponse {
  return { status, body: null };
}

/** A platform API error (ErrorCollection). */
export function jiraError(status: number, ...errorMessages: string[]): JiraResponse {
  return { status, headers: JSON_HEADERS, body: { errorMessages, errors: {} } };
}

/** A platform API error about one request field, the way Jira keys them in `errors`. */
export function jiraFieldError(status: number, errors: Record<string, string>): JiraResponse {
  return { status, headers: JSON_HEADERS, body: { errorMessages: [], errors } };
}

/** A servicedesk API error. */
export function jsmError(status: number, errorMessage: string, i18nKey: string): JiraResponse {
  return { status, headers: JSON_HEADERS, body: { errorMessage, i18nErrorMessage: { i18nKey, parameters: [] } } };
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** A non-negative integer query parameter, or the default; null when present but not a number. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : null;
}

/** A comma-separated (or repeated) list parameter, e.g. `fields=summary,status` or `fields=summary&fields=status`. */
export function listParam(query: URLSearchParams, name: string): string[] | null {
  const all = query.getAll(name);
  if (all.length === 0) return null;
  return all.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** The servicedesk API's page envelope (PagedDTO). */
export function jsmPage(baseUrl: string, path: string, values: unknown[], query: URLSearchParams): JiraResponse {
  const start = Math.max(0, intParam(query, 'start', 0) ?? 0);
  const limit = Math.min(Math.max(1, intParam(query, 'limit', 50) ?? 50), 100);
  const page = values.slice(start, start + limit);
  const isLastPage = start + page.length >= values.length;
  const link = (at: number) => `${baseUrl}${path}?start=${at}&limit=${limit}`;
  return ok({
    _expands: [],
    size: page.length,
    start,
    limit,
    isLastPage,
    _links: {
      base: baseUrl,
      context: '',
      self: link(start),
      ...(isLastPage ? {} : { next: link(start + limit) }),
      ...(start > 0 ? { prev: link(Math.max(0, start - limit)) } : {}),
    },
    values: page,
  });
}

/**
 * The JSON request body. The runtime may pass it raw (the string or bytes given to `requestJira`) or already parsed;
 * `undefined` means no body. Malformed JSON gets Jira's 400.
 */
export function jsonBody(body: unknown): { value: unknown } | { error: JiraResponse } {
  let text: string | null = null;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = new TextDecoder().decode(body);
  if (text === null) return { value: body };
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: jiraError(400, 'Unexpected character in the request body: it is not valid JSON.') };
  }
}
