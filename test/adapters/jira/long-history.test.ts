// A long history is read in waves of parallel pages, not one page after another: 2,500 changelog entries and 450
// comments take a handful of sequential round trips, and the timeline gets every entry, in order.
import { JiraClient } from '../../../src/adapters/jira/client';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../../offline/jsm-double';
import { runAs } from '../../../offline/forge-runtime';
import { ForgeHost } from '../../../offline/sandbox/forge-host';

const NOW = Date.parse('2026-11-26T09:00:00Z');

let host: ForgeHost;
afterEach(() => host.close());

test('2,500 changelog entries and 450 comments: every one read, with up to 8 pages in flight at once instead of one after another', async () => {
  host = new ForgeHost({ now: NOW });
  const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: DEMO_ACCOUNTS.sofie, summary: 'Busy', fieldValues: { environment: 'Production', product: 'Payroll' } });
  await host.settle();
  // The double's own state stands in for years of activity (built directly: thousands of events would each be delivered).
  const issue = host.double.state.issues.find((i) => i.id === request.id)!;
  for (let n = 0; n < 2500; n++) {
    issue.histories.push({ id: String(900000 + n), author: DEMO_ACCOUNTS.lars, created: NOW + n * 1000, items: [{ field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: null, to: null, toString: `l${n}` }] } as never);
  }
  for (let n = 0; n < 450; n++) {
    issue.comments.push({ ...structuredClone(issue.comments[0] ?? { author: DEMO_ACCOUNTS.lars, body: { type: 'doc', version: 1, content: [] }, jsdPublic: true }), id: String(800000 + n), author: DEMO_ACCOUNTS.lars, created: NOW + n * 1000, updated: NOW + n * 1000, jsdPublic: true } as never);
  }

  // Count the pages in flight as the app's SDK sends them.
  const forgeFetch = (globalThis as unknown as { __forge_fetch__: (...args: unknown[]) => Promise<Response> }).__forge_fetch__;
  let inFlight = 0;
  let most = 0;
  let pages = 0;
  (globalThis as unknown as { __forge_fetch__: unknown }).__forge_fetch__ = async (descriptor: unknown, path: string, init: unknown) => {
    if (!/\/(changelog|comment)\?/.test(path)) return forgeFetch(descriptor, path, init);
    pages++;
    inFlight++;
    most = Math.max(most, inFlight);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return await forgeFetch(descriptor, path, init);
    } finally {
      inFlight--;
    }
  };
  try {
    const history = await runAs(undefined, () => new JiraClient().readIssueHistory(request.key, ['summary', 'comment', 'created', 'updated', 'status'], []));
    expect(history.histories).toHaveLength(issue.histories.length);
    expect(history.comments).toHaveLength(issue.comments.length);
    expect(new Set(history.histories.map((h) => h.id)).size).toBe(issue.histories.length);
    // 26 changelog pages and 5 comment pages; 8 at a time.
    expect(pages).toBe(Math.ceil(issue.histories.length / 100) + Math.ceil(issue.comments.length / 100));
    expect(most).toBe(8);
  } finally {
    (globalThis as unknown as { __forge_fetch__: unknown }).__forge_fetch__ = forgeFetch;
  }
});
