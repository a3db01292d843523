// A request with thousands of cycles is still stored on the strict platform (a value is refused above 240 KiB): its
// oldest closed cycles are folded into counts, and the issue panel says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JiraClient } from '../../src/adapters/jira/client';
import { readIssueRecord } from '../../src/adapters/storage/issue-store';
import { recomputeIssue } from '../../src/usecases/recompute-issue';
import { DEMO_ACCOUNTS, DEMO_REQUEST_TYPES } from '../../offline/jsm-double';
import { runAs } from '../../offline/forge-runtime';
import { ForgeHost } from '../../offline/sandbox/forge-host';

const root = path.join(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'examples/nordlys-config.json'), 'utf8')) as unknown;
const NOW = Date.parse('2026-11-26T09:00:00Z');
const a = DEMO_ACCOUNTS;
const REPLIES = 8000;

test(`${REPLIES} public replies: the record is stored under the limit, the oldest cycles counted, the panel says so`, async () => {
  const host = new ForgeHost({ now: NOW });
  try {
    const saved = await host.invoke<{ ok: boolean }>('adminResolver', 'admin/config/save', { bundle: config, expectedVersion: 0 }, { accountId: a.mette, moduleKey: 'contract-sla-admin', extension: { type: 'jira:adminPage' } });
    expect(saved.ok).toBe(true);
    const request = host.double.createRequest({ requestTypeId: DEMO_REQUEST_TYPES.incident, reporter: a.sofie, summary: 'Long-running', fieldValues: { environment: 'Production', product: 'Payroll' }, contractPriority: { priority: 'p2' } });
    await host.settle();
    // Years of replies, written into the site directly (delivering 8,000 events one by one is not what is tested here).
    const issue = host.double.state.issues.find((i) => i.id === request.id)!;
    const body = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Update.' }] }] };
    for (let n = 1; n <= REPLIES; n++) {
      const at = NOW + n * 3 * 3_600_000;
      issue.comments.push({ id: String(700000 + n), author: a.lars, body, created: at, updated: at, jsdPublic: true } as never);
    }
    host.advance((REPLIES + 1) * 3 * 3_600_000);
    issue.updated = host.clock.now;
    const outcome = await runAs(undefined, () => recomputeIssue(request.id, new JiraClient(), host.clock.now));
    expect(outcome.result).toBe('stored');
    const record = (await runAs(undefined, () => readIssueRecord(request.id)))!;
    expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThan(240 * 1024);
    const update = record.folded!.find((f) => f.goal === 'update')!;
    expect(update.through).toBeGreaterThan(1000);

    const panel = await host.invoke<{ ok: boolean; data: { earlierCycles: Array<{ goal: string; cycles: number }> } }>(
      'issuePanelResolver', 'issue/obligations', {}, { accountId: a.lars, extension: { issue: { id: request.id, key: request.key }, project: { key: 'SUP' } } });
    expect(panel.data.earlierCycles).toContainEqual(expect.objectContaining({ goal: 'update', cycles: update.through, met: update.met }));
  } finally {
    host.close();
  }
}, 60_000);
