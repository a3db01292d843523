/** @jest-environment node */
// The CSV export arrives gzip-compressed; the page inflates it with the browser's own DecompressionStream (Node has
// the same web streams, so this runs outside jsdom, which has none).
import { gzipSync } from 'node:zlib';
import { gunzipBase64 } from '../../../static/admin/src/ManagementReports';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { open: jest.fn() } }));

test('inflates the compressed CSV back to its text, letters beyond ASCII and a large file included', async () => {
  const text = `issue,goal,assignee\n${Array.from({ length: 40_000 }, (_, i) => `SUP-${i},response,Søren Ærø`).join('\n')}\n`;
  const inflated = await gunzipBase64(gzipSync(text).toString('base64'));
  expect(Buffer.from(inflated, 'base64').toString('utf8')).toBe(text);
});
