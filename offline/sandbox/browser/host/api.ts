// The sandbox server's JSON endpoints, as the host page calls them.
import type { DeploymentAnswerView, Placement, PriorityChoiceView, RequestDetailView, RequestSummaryView, SandboxStateView } from '../../api-types';

export class SandboxApiError extends Error {}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown, onResponse?: (response: Response) => void): Promise<T> {
  // Every write is JSON, even an empty one: the server refuses anything else (see refuseCrossSiteWrite).
  const response = await fetch(url, method === 'GET' ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  onResponse?.(response);
  const text = await response.text();
  const json = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (!response.ok) throw new SandboxApiError((json as { error?: string } | undefined)?.error ?? `${response.status} ${response.statusText}`);
  return json as T;
}

const query = (values: Record<string, string | undefined>): string =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined)).toString();

export const api = {
  state: () => call<SandboxStateView>('GET', '/api/state'),
  requests: (as: string) => call<RequestSummaryView[]>('GET', `/api/requests?${query({ as })}`),
  request: (key: string, as: string) => call<RequestDetailView>('GET', `/api/requests/${encodeURIComponent(key)}?${query({ as })}`),
  priorities: (as: string, requestTypeId: string) => call<PriorityChoiceView[]>('GET', `/api/priorities?${query({ as, requestTypeId })}`),
  context: (placement: Placement, as: string) => call<unknown>('GET', `/api/context?${query({ ...placement, as })}`),
  /** The resolver's answer, and whether it changed the site (the server's x-sandbox-site-changed header). */
  invoke: async (placement: Placement, as: string, functionKey: string, payload: unknown): Promise<{ answer: unknown; siteChanged: boolean }> => {
    let siteChanged = false;
    const answer = await call<unknown>('POST', '/api/invoke', { placement, as, functionKey, payload }, (response) => {
      siteChanged = response.headers.get('x-sandbox-site-changed') === '1';
    });
    return { answer, siteChanged };
  },
  product: (as: string, restPath: string, init: unknown) =>
    call<{ status: number; statusText: string; headers: Record<string, string>; body: string }>('POST', '/api/product', { as, restPath, init }),
  createRequest: (input: Record<string, unknown>) => call<{ key: string; id: string }>('POST', '/api/requests', input),
  comment: (key: string, input: { author: string; body: string; public: boolean }) => call<{ key: string; id: string }>('POST', `/api/requests/${encodeURIComponent(key)}/comments`, input),
  transition: (key: string, input: { status: string; by?: string }) => call<{ key: string; id: string }>('POST', `/api/requests/${encodeURIComponent(key)}/transitions`, input),
  develop: (key: string, input: { work: 'start' | 'resolve'; by: string } | { work: 'fix'; versions: string[]; by: string }) =>
    call<{ key: string; id: string; status: string }>('POST', `/api/requests/${encodeURIComponent(key)}/development`, input),
  deploy: (input: { customer: string; environment: string; product: string; version: string }) => call<DeploymentAnswerView>('POST', '/api/deployments', input),
  moveClock: (move: { by: number } | { to: string }) => call<{ now: string }>('POST', '/api/clock', move),
  reset: () => call<{ now: string }>('POST', '/api/reset'),
};
