// What went wrong, in words a person can act on: the resolvers' own messages when they sent any, a plain sentence
// when the bridge itself failed (offline, host refused), never a stack trace.
import { ApiError } from './api';

function codesOf(error: unknown): string[] {
  return error instanceof ApiError ? error.errors.map((e) => e.code) : [];
}

export function hasCode(error: unknown, code: string): boolean {
  return codesOf(error).includes(code);
}

/** The message of the first error with `code`, e.g. the CONFLICT of a save someone else's save overtook. */
export function messageWithCode(error: unknown, code: string): string | undefined {
  return error instanceof ApiError ? error.errors.find((e) => e.code === code)?.message : undefined;
}

export function messagesOf(error: unknown): string[] {
  if (error instanceof ApiError) return error.errors.map((e) => e.message);
  return ['Contract SLA could not be reached; check your connection and try again'];
}
