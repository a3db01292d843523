// The only way the Custom UI reaches the backend: resolvers through @forge/bridge `invoke`, unwrapped from the
// app's envelope `{ ok, data } | { ok: false, errors }`. Failures become ApiError with every error and its path.
// Keys, payloads and answers are those of the resolver contract (src/resolver-contract.ts).
import { invoke } from '@forge/bridge';
import type { AnswerOf, PayloadOf, ResolverKey } from '../../src/resolver-contract';

export interface ApiErrorItem {
  code: 'INVALID' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_CONFIGURED' | 'UPSTREAM' | 'INTERNAL' | string;
  message: string;
  /** JSON path of the field concerned, e.g. `bundle.calendars[0].week.mon[1]`. */
  path?: string;
}

export class ApiError extends Error {
  constructor(readonly errors: ApiErrorItem[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
    this.name = 'ApiError';
  }

  /** Errors for one field path (and everything under it), for showing on that field. */
  at(path: string): ApiErrorItem[] {
    return this.errors.filter((e) => e.path === path || e.path?.startsWith(`${path}.`) || e.path?.startsWith(`${path}[`));
  }
}

type Envelope<T> = { ok: true; data: T } | { ok: false; errors: ApiErrorItem[] };

export async function call<K extends ResolverKey>(key: K, ...payload: Record<string, never> extends PayloadOf<K> ? [PayloadOf<K>?] : [PayloadOf<K>]): Promise<AnswerOf<K>> {
  const answer = (await invoke(key, (payload[0] ?? {}) as Record<string, unknown>)) as Envelope<AnswerOf<K>> | undefined;
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) {
    throw new ApiError([{ code: 'INTERNAL', message: 'Contract SLA answered in an unexpected way; try again' }]);
  }
  if (!answer.ok) throw new ApiError(answer.errors);
  return answer.data;
}
