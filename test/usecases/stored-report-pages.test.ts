// A month's entries read a page at a time, the carried ones merged in at their place, come out exactly as the whole
// month read at once (requestsOfMonth): each request once, its own entry over a carried one, in creation order —
// whatever the page size, with requests created at the same instant split across pages, and empty pages between.
import fc from 'fast-check';
import type { RequestMonth } from '../../src/adapters/storage/request-month';
import type { MonthPage } from '../../src/adapters/storage/request-month-store';
import { requestsOfMonth, requestsOfMonthByPage } from '../../src/usecases/stored-report';

const MONTH = '2026-11';

function entry(issue: number, created: number, month: string): RequestMonth {
  return { issueId: String(issue), issueKey: `SUP-${issue}`, projectKey: 'SUP', month, agreement: 'acme-prod', created, revision: 1, configVersion: 1, evaluatedAt: 0, rank: 1, resolvedAt: [], end: { resolved: false }, goals: [], internalGoals: [], calendars: [], cycles: [] };
}

/** The month's own entries as the index returns them: by creation, then by key; `size` a page, some pages empty. */
function pagesOf(own: RequestMonth[], size: number, empty: boolean): (cursor?: string) => Promise<MonthPage> {
  const sorted = [...own].sort((a, b) => a.created - b.created || (a.issueId < b.issueId ? -1 : 1));
  const pages: RequestMonth[][] = [];
  for (let i = 0; i < sorted.length; i += size) pages.push(sorted.slice(i, i + size), ...(empty ? [[]] : []));
  if (pages.length === 0) pages.push([]);
  return (cursor) => {
    const n = cursor === undefined ? 0 : Number(cursor);
    return Promise.resolve({ entries: pages[n]!, ...(n + 1 < pages.length ? { cursor: String(n + 1) } : {}) });
  };
}

async function collect(pages: AsyncIterable<RequestMonth[]>): Promise<RequestMonth[]> {
  const all: RequestMonth[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

test('paged, merged: the same entries in the same order as the month read whole', async () => {
  const request = fc.record({ issue: fc.integer({ min: 1, max: 60 }), created: fc.integer({ min: 0, max: 12 }), own: fc.boolean(), carriedFrom: fc.constantFrom(null, '2026-09', '2026-10', '2026-12') });
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(request, { selector: (r) => r.issue, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), async (requests, size, empty) => {
      const own = requests.filter((r) => r.own).map((r) => entry(r.issue, r.created, MONTH));
      // A carried request's latest entry, and sometimes an older one beside it (two reads may overlap).
      const carried = requests.filter((r) => r.carriedFrom !== null).flatMap((r) => [entry(r.issue, r.created, r.carriedFrom!), ...(r.issue % 3 === 0 ? [entry(r.issue, r.created, '2026-08')] : [])]);
      const paged = await collect(requestsOfMonthByPage(MONTH, pagesOf(own, size, empty), carried));
      expect(paged.map((e) => [e.issueId, e.month])).toEqual(requestsOfMonth(MONTH, own, carried).map((e) => [e.issueId, e.month]));
    }),
  );
});

test('a request created at the same instant as others, its own entry on the next page: only its own entry counts', async () => {
  const own = [entry(1, 5, MONTH), entry(2, 5, MONTH), entry(3, 5, MONTH)];
  const carried = [entry(3, 5, '2026-10'), entry(4, 5, '2026-10')];
  const paged = await collect(requestsOfMonthByPage(MONTH, pagesOf(own, 2, false), carried));
  expect(paged.map((e) => `${e.issueId}:${e.month}`)).toEqual(['1:2026-11', '2:2026-11', '3:2026-11', '4:2026-10']);
});
