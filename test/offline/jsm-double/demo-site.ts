// Shared set-up for the JSM double's tests: the seeded demo site at a fixed instant, a clock the test can move,
// and a one-line REST call.
import { handleJiraRequest, JsmDouble, seedDemo, type Caller, type IssueEvent, type JiraResponse } from '../../../offline/jsm-double';

/** Wednesday 25 November 2026, 12:00 in Copenhagen. */
export const NOW = Date.UTC(2026, 10, 25, 11, 0);

/** A response body is untyped JSON that the tests walk freely, like a client reading Jira's answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface DemoSite {
  double: JsmDouble;
  clock: { now: number };
  events: IssueEvent[];
  call(method: string, path: string, options?: { query?: string; body?: unknown; as?: Caller }): Promise<JiraResponse & { body: Body }>;
}

export function demoSite(): DemoSite {
  const clock = { now: NOW };
  const double = new JsmDouble({ clock: () => clock.now });
  seedDemo(double, NOW);
  const events: IssueEvent[] = [];
  double.onEvent((event) => events.push(event));
  return {
    double,
    clock,
    events,
    call: async (method, path, options = {}) =>
      (await handleJiraRequest(double, {
        method,
        path,
        query: new URLSearchParams(options.query ?? ''),
        headers: { accept: 'application/json' },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        as: options.as ?? 'app',
      })) as JiraResponse & { body: Body },
  };
}
