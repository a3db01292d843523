// Every surface's resolver answers a key it does not define with the envelope's NOT_FOUND: names Object.prototype
// carries (`constructor`, `__proto__`, `hasOwnProperty`) never reach anything, and nothing escapes the envelope.
import * as app from '../../src/index';

const resolvers = { issuePanelResolver: app.issuePanelResolver, adminResolver: app.adminResolver, portalResolver: app.portalResolver, worklistResolver: app.worklistResolver };
const KEYS = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'admin/config/nope', '', 'issue/obligations/../admin/config/save'];

describe.each(Object.entries(resolvers))('%s', (_name, resolver) => {
  test.each(KEYS)('"%s" is NOT_FOUND', async (functionKey) => {
    const answer = await resolver({ call: { functionKey, payload: { echo: 'me' } }, context: { accountType: 'licensed' } } as never, { principal: { accountId: 'acc' } } as never);
    expect(answer).toEqual({ ok: false, errors: [{ code: 'NOT_FOUND', message: expect.stringMatching(/^There is no function /) }] });
  });

  test('a call without a key at all is NOT_FOUND too', async () => {
    expect(await resolver({ call: {}, context: {} } as never, {} as never)).toMatchObject({ ok: false, errors: [{ code: 'NOT_FOUND' }] });
  });
});
