// Enhanced JQL search (GET and POST /rest/api/3/search/jql): token paging with `nextPageToken` and `isLast`, no
// `total`, only issue ids unless `fields` asks for more, at most 100 issues a page when fields are requested (5000
// for ids alone). The old /rest/api/3/search was removed from Jira Cloud; the double answers it with 410 as Jira does.
import { issueBean } from '../issue-bean';
import { compileJql, JqlError } from '../jql';
import type { JsmDouble } from '../jsm-double';
import { intParam, jiraError, jsonBody, listParam, ok, type JiraRequest, type JiraResponse } from './http';

interface SearchParameters {
  jql: string;
  fields: string[];
  expand: string[];
  properties: string[];
  maxResults: number | null;
  nextPageToken: string | null;
}

function fromQuery(query: URLSearchParams): SearchParameters {
  return {
    jql: query.get('jql') ?? '',
    fields: listParam(query, 'fields') ?? [],
    expand: listParam(query, 'expand') ?? [],
    properties: listParam(query, 'properties') ?? [],
    maxResults: intParam(query, 'maxResults', 50),
    nextPageToken: query.get('nextPageToken'),
  };
}

function fromBody(body: unknown): SearchParameters | string {
  if (body === undefined || body === null) return 'The request body is required.';
  if (typeof body !== 'object' || Array.isArray(body)) return 'The request body must be a JSON object.';
  const record = body as Record<string, unknown>;
  const strings = (name: string): string[] | string => {
    const value = record[name];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    return `'${name}' must be a list of strings.`;
  };
  const fields = strings('fields');
  const properties = strings('properties');
  if (typeof fields === 'string') return fields;
  if (typeof properties === 'string') return properties;
  const expand = record.expand;
  if (expand !== undefined && expand !== null && typeof expand !== 'string') return "'expand' must be a string.";
  const maxResults = record.maxResults;
  if (maxResults !== undefined && maxResults !== null && (typeof maxResults !== 'number' || !Number.isInteger(maxResults))) {
    return "'maxResults' must be an integer.";
  }
  const token = record.nextPageToken;
  if (token !== undefined && token !== null && typeof token !== 'string') return "'nextPageToken' must be a string.";
  const jql = record.jql;
  if (jql !== undefined && jql !== null && typeof jql !== 'string') return "'jql' must be a string.";
  return {
    jql: jql ?? '',
    fields,
    properties,
    expand: typeof expand === 'string' ? expand.split(',').map((e) => e.trim()) : [],
    maxResults: typeof maxResults === 'number' ? maxResults : 50,
    nextPageToken: typeof token === 'string' ? token : null,
  };
}

/** The page token carries the offset and the query it belongs to, so a token reused with another query is refused. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ offset, jql }), 'utf8').toString('base64url');
}

function decodeToken(token: string, jql: string): number | null {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; jql?: unknown };
    return typeof decoded.offset === 'number' && decoded.jql === jql ? decoded.offset : null;
  } catch {
    return null;
  }
}

export function searchJql(double: JsmDouble, request: JiraRequest): JiraResponse {
  let parameters: SearchParameters;
  if (request.method === 'GET') parameters = fromQuery(request.query);
  else {
    const body = jsonBody(request.body);
    if ('error' in body) return body.error;
    const parsed = fromBody(body.value);
    if (typeof parsed === 'string') return jiraError(400, parsed);
    parameters = parsed;
  }
  if (parameters.maxResults === null) return jiraError(400, "The value of 'maxResults' is not a valid number.");
  let compiled;
  try {
    compiled = compileJql(double, request.as, parameters.jql);
  } catch (error) {
    if (error instanceof JqlError) return jiraError(400, error.message);
    throw error;
  }
  const idsOnly = parameters.fields.every((field) => field === 'id' || field === 'key') && parameters.properties.length === 0;
  const pageLimit = idsOnly ? 5000 : 100;
  const maxResults = Math.min(Math.max(1, parameters.maxResults), pageLimit);
  let offset = 0;
  if (parameters.nextPageToken !== null && parameters.nextPageToken !== '') {
    const decoded = decodeToken(parameters.nextPageToken, parameters.jql);
    if (decoded === null) return jiraError(400, 'The provided next page token is invalid or expired.');
    offset = decoded;
  }
  const matching = double.state.issues.filter((issue) => double.canSee(request.as, issue) && compiled.matches(issue)).sort(compiled.compare);
  const page = matching.slice(offset, offset + maxResults);
  const isLast = offset + page.length >= matching.length;
  const onlyId = parameters.fields.every((field) => field === 'id');
  const issues = page.map((issue) =>
    onlyId && parameters.properties.length === 0 && parameters.expand.length === 0
      ? { id: issue.id }
      : issueBean(double, request.as, issue, { fields: parameters.fields, expand: parameters.expand, properties: parameters.properties }),
  );
  return ok({ issues, ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, parameters.jql) }), isLast });
}

export function removedSearch(): JiraResponse {
  return jiraError(410, 'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.');
}

/**
 * POST /rest/api/3/search/approximate-count ("Count issues using JQL"): `{ jql }` → `{ count }`. Jira's count is an
 * estimate that may lag recent changes; the double's is exact, which a caller may not rely on beyond "about".
 */
export function approximateCount(double: JsmDouble, request: JiraRequest): JiraResponse {
  const body = jsonBody(request.body);
  if ('error' in body) return body.error;
  const jql = (body.value as { jql?: unknown } | null)?.jql;
  if (typeof jql !== 'string' || jql.trim() === '') return jiraError(400, "The request body needs 'jql', a bounded JQL query.");
  let compiled;
  try {
    compiled = compileJql(double, request.as, jql);
  } catch (error) {
    if (error instanceof JqlError) return jiraError(400, error.message);
    throw error;
  }
  return ok({ count: double.state.issues.filter((issue) => double.canSee(request.as, issue) && compiled.matches(issue)).length });
}
