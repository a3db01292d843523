// Jira's points-based rate limit: a read costs 1 point plus 1 per object it returns, a write 1 point; once the
// hour's points are spent Jira answers 429 with Retry-After until the next full hour on the clock.
import { JiraRateLimiter, jsmProductHandler, type JiraRequest } from '../../../offline/jsm-double';
import { demoSite, NOW } from './demo-site';

const request = (method: string, path: string, query = ''): JiraRequest => ({ method, path, query: new URLSearchParams(query), headers: {}, body: undefined, as: 'app' });

it('charges reads per object returned and writes the base point', async () => {
  const site = demoSite();
  const limiter = new JiraRateLimiter(() => site.clock.now, { pointsPerHour: 1_000 });
  const jira = jsmProductHandler(site.double, limiter);
  const search = await jira(request('GET', '/rest/api/3/search/jql', 'jql=project%3DSUP&maxResults=3&fields=summary'));
  expect((search.body as { issues: unknown[] }).issues).toHaveLength(3);
  expect(limiter.counters.points).toBe(4);
  await jira(request('GET', '/rest/api/3/issue/SUP-1'));
  expect(limiter.counters.points).toBe(6);
  await jira({ ...request('PUT', '/rest/api/3/issue/SUP-1/properties/x'), body: '{"a":1}' });
  expect(limiter.counters.points).toBe(7);
  expect((await jira(request('GET', '/rest/api/3/issue/SUP-1'))).headers?.['x-ratelimit-remaining']).toBe(String(1_000 - 9));
});

it('answers 429 with Retry-After and the reset hour once the hour is spent, and serves again the next hour', async () => {
  const site = demoSite();
  const limiter = new JiraRateLimiter(() => site.clock.now, { pointsPerHour: 5 });
  const jira = jsmProductHandler(site.double, limiter);
  for (let i = 0; i < 3; i += 1) expect((await jira(request('GET', '/rest/api/3/issue/SUP-1'))).status).toBe(200);
  const refused = await jira(request('GET', '/rest/api/3/issue/SUP-1'));
  expect(refused.status).toBe(429);
  const nextHour = Math.ceil((NOW + 1) / 3_600_000) * 3_600_000;
  expect(refused.headers).toEqual(
    expect.objectContaining({
      'retry-after': String((nextHour - NOW) / 1000),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(nextHour).toISOString().slice(0, 16) + 'Z',
      'ratelimit-reason': 'jira-quota-global-based',
    }),
  );
  expect(limiter.counters.rateLimited).toBe(1);
  site.clock.now = nextHour;
  expect((await jira(request('GET', '/rest/api/3/issue/SUP-1'))).status).toBe(200);
});

it('in count mode serves everything and adds up the waiting Jira would have imposed', async () => {
  const site = demoSite();
  site.clock.now = Math.floor(NOW / 3_600_000) * 3_600_000;
  const limiter = new JiraRateLimiter(() => site.clock.now, { pointsPerHour: 4, mode: 'count' });
  const jira = jsmProductHandler(site.double, limiter);
  for (let i = 0; i < 5; i += 1) expect((await jira(request('GET', '/rest/api/3/issue/SUP-1'))).status).toBe(200);
  // Two reads of 2 points fill an hour: reads 3-4 wait for the second hour, read 5 for the third.
  expect(limiter.counters.throttledMs).toBe(2 * 3_600_000);
  expect(limiter.counters.rateLimited).toBe(2);
});

it('applies the 65,000-point global pool by default', () => {
  const site = demoSite();
  expect(new JiraRateLimiter(() => site.clock.now).pointsPerHour).toBe(65_000);
});
