// One response envelope for every resolver: `{ ok: true, data }` or `{ ok: false, errors: [{ message, path?, code }] }`.
// Handlers throw the typed errors below; anything else becomes INTERNAL without leaking a stack trace.
import type { Request } from '@forge/resolver';
import type { ValidationIssue } from '../config/issues';
import { JiraRequestError } from '../adapters/jira/errors';
import { CalendarRangeError } from '../engine/calendar';

export type ErrorCode = 'INVALID' | 'CONFIRM' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_CONFIGURED' | 'UPSTREAM' | 'INTERNAL';

export interface ApiError {
  message: string;
  path?: string;
  code: ErrorCode;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; errors: ApiError[] };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ApiError[] = [{ code, message }],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);
export const notFound = (message: string): AppError => new AppError('NOT_FOUND', message);
export const conflict = (message: string): AppError => new AppError('CONFLICT', message);
export const notConfigured = (message: string): AppError => new AppError('NOT_CONFIGURED', message);

/**
 * Issues a page shows at most: enough to fix a bundle by, few enough to render (a 400 KB import of bad intervals
 * would otherwise bring some 23,000).
 */
export const MAX_SHOWN_ISSUES = 200;

/** The first MAX_SHOWN_ISSUES issues, then one at the document itself counting the rest. */
export function shownIssues(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_SHOWN_ISSUES) return issues;
  const more = issues.length - MAX_SHOWN_ISSUES;
  return [...issues.slice(0, MAX_SHOWN_ISSUES), { path: '(root)', message: `… and ${more} more problems; fix these first` }];
}

/** Validation issues, each on its own JSON path, so the UI can put every message on its field. */
export function invalid(issues: ValidationIssue[], prefix = ''): AppError {
  const details = shownIssues(issues).map((i): ApiError => ({ code: 'INVALID', message: i.message, path: prefix ? joinPath(prefix, i.path) : i.path }));
  return new AppError('INVALID', details.map((d) => `${d.path}: ${d.message}`).join('\n'), details);
}

/** A change that is valid but takes something away: made only when asked again with the confirmation. */
export function unconfirmed(issues: ValidationIssue[], prefix = ''): AppError {
  const details = issues.map((i): ApiError => ({ code: 'CONFIRM', message: i.message, path: prefix ? joinPath(prefix, i.path) : i.path }));
  return new AppError('CONFIRM', details.map((d) => `${d.path}: ${d.message}`).join('\n'), details);
}

function joinPath(prefix: string, path: string): string {
  if (path === '(root)') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

export type Handler<T> = (request: Request) => Promise<T>;

/** Wraps a handler so it always answers with the envelope. */
export function enveloped<T>(handler: Handler<T>): (request: Request) => Promise<Envelope<T>> {
  return async (request) => {
    try {
      return { ok: true, data: await handler(request) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, errors: error.details };
      // A computation asked to reach beyond the years calendars are computed for: the input is at fault, not the app.
      if (error instanceof CalendarRangeError) return { ok: false, errors: [{ code: 'INVALID', message: error.message }] };
      if (error instanceof JiraRequestError) {
        const code: ErrorCode = error.status === 403 || error.status === 401 ? 'FORBIDDEN' : error.notFound ? 'NOT_FOUND' : 'UPSTREAM';
        return { ok: false, errors: [{ code, message: error.message }] };
      }
      console.error('resolver failed', error);
      return { ok: false, errors: [{ code: 'INTERNAL', message: 'Contract SLA could not complete the request; the app log has the details' }] };
    }
  };
}
