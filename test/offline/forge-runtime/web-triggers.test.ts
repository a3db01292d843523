// Web triggers on the local platform, as the web trigger events reference describes them: the request handed to the
// function as JSON (method, headers as lists, body, path, userPath, queryParameters), the function's result sent
// back as the HTTP response, and a result that is not of the documented shape, a throw or a time-out answered 500.
// webTrigger.getUrl answers the module's stable URL, and refuses a module the manifest does not declare.
import { webTrigger } from '@forge/api';
import { readAppManifest, runAs, webTriggerId } from '../../../offline/forge-runtime';
import { FIXTURE_MODULES, fixtures, sleep } from './app-fixture';

const install = fixtures();

test('the function receives the request in the documented shape and its result is the response', async () => {
  const f = install();
  f.app.hook = () => ({ statusCode: 201, statusText: 'Created', headers: { 'Content-Type': ['application/json'] }, body: '{"ok":true}' });
  const response = await f.host.runWebTrigger('hook', { method: 'POST', headers: { 'Content-Type': ['application/json'] }, body: '{"a":1}', queryParameters: { q: ['1'] } });
  expect(response).toEqual({ statusCode: 201, statusText: 'Created', headers: { 'Content-Type': ['application/json'] }, body: '{"ok":true}' });
  expect(f.calls.hook![0]![0]).toEqual({ method: 'POST', headers: { 'Content-Type': ['application/json'] }, body: '{"a":1}', path: '/x1/hook', userPath: '', queryParameters: { q: ['1'] } });
});

test.each<[string, unknown]>([
  ['no object', 'OK'],
  ['no statusCode', { body: 'hi' }],
  ['a statusCode that is no HTTP status', { statusCode: 42 }],
  ['a statusCode as text', { statusCode: '200' }],
  ['a body that is no string', { statusCode: 200, body: { ok: true } }],
  ['a header value that is no list', { statusCode: 200, headers: { 'Content-Type': 'application/json' } }],
])('a result with %s is a 500', async (_name, result) => {
  const f = install();
  f.app.hook = () => result;
  expect(await f.host.runWebTrigger('hook', { method: 'GET' })).toEqual({ statusCode: 500, headers: {}, body: '' });
  expect(f.host.failures).toHaveLength(1);
});

test('a function that throws is a 500 without its message', async () => {
  const f = install();
  f.app.hook = () => {
    throw new Error('secret detail');
  };
  expect(await f.host.runWebTrigger('hook', { method: 'POST', body: '' })).toEqual({ statusCode: 500, headers: {}, body: '' });
});

test('a function that outlives its time limit is a 500', async () => {
  const f = install({ timeLimits: { webtrigger: 20 } });
  f.app.hook = async () => {
    await sleep(200);
    return { statusCode: 200 };
  };
  expect(await f.host.runWebTrigger('hook', { method: 'POST' })).toEqual({ statusCode: 500, headers: {}, body: '' });
  expect(f.host.failures[0]).toMatchObject({ kind: 'webtrigger', moduleKey: 'hook', error: { code: 'FUNCTION_TIME_OUT' } });
});

test('webTrigger.getUrl gives the module a stable URL; an undeclared module is an error', async () => {
  const f = install();
  const url = await runAs('agent', () => webTrigger.getUrl('hook'));
  expect(url).toBe(`http://localhost:3000/x1/${webTriggerId(f.runtime.identity, 'hook')}`);
  expect(await runAs('agent', () => webTrigger.getUrl('hook'))).toBe(url);
  await expect(runAs('agent', () => webTrigger.getUrl('nope'))).rejects.toThrow('Failed to get web trigger URL');
});

test('the manifest refuses a web trigger without a declared function, a bad key, static responses and a key another module has', () => {
  const read = (webtrigger: unknown) => () => readAppManifest({ modules: { ...FIXTURE_MODULES, webtrigger }, permissions: { scopes: ['storage:app', 'read:jira-work'] } });
  expect(read([{ key: 'x', function: 'missing' }])).toThrow('webtrigger x refers to function missing');
  expect(read([{ key: 'a b', function: 'hook-fn' }])).toThrow('key must match');
  expect(read([{ key: 'x', function: 'hook-fn', response: { type: 'static', outputs: [] } }])).toThrow('static responses are not modelled');
  // forge lint: "found duplicate module key"; a web trigger and its function may not share one.
  expect(read([{ key: 'hook-fn', function: 'hook-fn' }])).toThrow('the module key hook-fn is used by webtrigger and function');
});
