// The sandbox's web server (node:http): the host page that shows the app's built surfaces the way Jira does, the
// JSON endpoints its bridge and control strip call, and the built surfaces themselves under /apps/<surface>/.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevelopmentWork, Placement } from './api-types';
import { DemoSite, SandboxError, builtSurfaces, parseInstant, portalChoice, type ClockMove } from './demo-site';
import { STATIC_DIR, buildHostAssets, contentType, surfaceFile, withBridge, type HostAssets } from './host-assets';
import { requestDetail, requestList } from './request-views';
import { InvocationFailure } from '../forge-runtime';
import { PlacementError, forgeContext, isSurface } from './surfaces';

export interface SandboxServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** The interface to listen on; localhost by default, as the sandbox has no access control. */
  hostname?: string;
  stateDir: string;
  /** Where the clock starts on a first start and after a reset (epoch ms); 10:00 on a working day when absent. */
  clockStart?: number;
  configPath?: string;
  /** Live three months of history on a first start and after a reset (`npm start` does; tests need not). */
  history?: boolean;
}

export interface SandboxServer {
  url: string;
  port: number;
  site: DemoSite;
  close(): Promise<void>;
}

/** Forge refuses `invoke` payloads over 500 KB; so does the sandbox, so nothing works here that fails in Jira. */
const INVOKE_PAYLOAD_LIMIT = 500 * 1024;
const BODY_LIMIT = 2 * 1024 * 1024;

type Json = Record<string, unknown>;
type Reply = { status?: number; json?: unknown; text?: string; type?: string; file?: string; headers?: Record<string, string> };

/** Set on an invoke's answer when the resolver changed the site (e.g. transitioned the request): Jira's page redraws. */
export const SITE_CHANGED_HEADER = 'x-sandbox-site-changed';
type Route = (match: RegExpExecArray, request: { query: URLSearchParams; body: () => Promise<Json> }) => Promise<Reply> | Reply;

export async function startSandbox(options: SandboxServerOptions): Promise<SandboxServer> {
  const assets = await buildHostAssets();
  // The URLs webTrigger.getUrl hands out point here, on the port the server ends up listening on.
  let listening = options.port;
  const site = await DemoSite.open({
    stateDir: options.stateDir,
    ...(options.clockStart !== undefined ? { clockStart: options.clockStart } : {}),
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(options.history !== undefined ? { history: options.history } : {}),
    webTriggerBaseUrl: () => `http://localhost:${listening}`,
  });
  const routes = defineRoutes(site, assets);
  const server = http.createServer((req, res) => {
    const webTrigger = WEB_TRIGGER_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (webTrigger) void serveWebTrigger(site, webTrigger[1]!, webTrigger[2] ?? '', req, res);
    else void respond(routes, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname ?? 'localhost', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  listening = port;
  return {
    url: `http://localhost:${port}`,
    port,
    site,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await site.close();
    },
  };
}

function defineRoutes(site: DemoSite, assets: HostAssets): Array<[string, RegExp, Route]> {
  const as = (query: URLSearchParams): string => site.person(text(query.get('as'), 'as')).accountId;
  const placementOf = (value: unknown): Placement => {
    const raw = (value ?? {}) as Json;
    if (!isSurface(raw.surface)) throw new SandboxError(400, `unknown surface ${String(raw.surface)}`);
    return {
      surface: raw.surface,
      ...(typeof raw.issueKey === 'string' ? { issueKey: raw.issueKey } : {}),
      ...(typeof raw.requestTypeId === 'string' ? { requestTypeId: raw.requestTypeId } : {}),
      ...(raw.entryPoint === 'edit' ? { entryPoint: 'edit' as const } : {}),
      ...(typeof raw.gadgetConfiguration === 'string' ? { gadgetConfiguration: raw.gadgetConfiguration } : {}),
      ...(typeof raw.route === 'string' ? { route: raw.route } : {}),
    };
  };
  const built = () => builtSurfaces(STATIC_DIR);
  return [
    ['GET', /^\/api\/state$/, async () => ({ json: await site.state(built()) })],
    ['GET', /^\/api\/requests$/, (_m, { query }) => ({ json: requestList(site.double, as(query)) })],
    [
      'GET',
      /^\/api\/requests\/([A-Za-z]+-\d+)$/,
      (m, { query }) => {
        const viewer = as(query);
        const issue = site.request(m[1]!);
        if (!site.double.canSee({ accountId: viewer }, issue)) throw new SandboxError(403, `${site.person(viewer).displayName} cannot see ${issue.key}`);
        return { json: requestDetail(site.double, issue, viewer) };
      },
    ],
    [
      'POST',
      /^\/api\/requests$/,
      async (_m, { body }) => {
        const input = await body();
        const choice = input.portalSubmission !== undefined ? portalChoice(input.portalSubmission) : input.contractPriority;
        const created = await site.createRequest({
          reporter: text(input.reporter, 'reporter'),
          requestTypeId: text(input.requestTypeId, 'requestTypeId'),
          summary: text(input.summary, 'summary'),
          ...optionalText(input, 'description'),
          ...optionalText(input, 'environment'),
          ...optionalText(input, 'product'),
          ...(choice !== undefined && choice !== null ? { contractPriority: choice } : {}),
        });
        return { status: 201, json: { key: created.key, id: created.id } };
      },
    ],
    [
      'POST',
      /^\/api\/requests\/([A-Za-z]+-\d+)\/comments$/,
      async (m, { body }) => {
        const input = await body();
        const issue = await site.comment(m[1]!, { author: text(input.author, 'author'), body: text(input.body, 'body'), public: input.public !== false });
        return { status: 201, json: { key: issue.key, id: issue.id } };
      },
    ],
    [
      'POST',
      /^\/api\/requests\/([A-Za-z]+-\d+)\/transitions$/,
      async (m, { body }) => {
        const input = await body();
        const issue = await site.transition(m[1]!, { status: text(input.status, 'status'), ...optionalText(input, 'by') });
        return { json: { key: issue.key, id: issue.id, status: site.double.status(issue.statusId).name } };
      },
    ],
    [
      'POST',
      /^\/api\/requests\/([A-Za-z]+-\d+)\/development$/,
      async (m, { body }) => {
        const input = await body();
        const issue = await site.developmentWork(m[1]!, developmentWork(input), text(input.by, 'by'));
        return { json: { key: issue.key, id: issue.id, status: site.double.status(issue.statusId).name } };
      },
    ],
    [
      'POST',
      /^\/api\/deployments$/,
      async (_m, { body }) => {
        const input = await body();
        const target = { customer: text(input.customer, 'customer'), environment: text(input.environment, 'environment'), product: text(input.product, 'product'), version: text(input.version, 'version') };
        return { json: await site.deploy(target) };
      },
    ],
    ['GET', /^\/api\/priorities$/, async (_m, { query }) => ({ json: await site.priorityChoices(as(query), text(query.get('requestTypeId'), 'requestTypeId')) })],
    [
      'POST',
      /^\/api\/clock$/,
      async (_m, { body }) => {
        const input = await body();
        let move: ClockMove;
        if (typeof input.by === 'number') move = { by: input.by };
        else if (typeof input.to === 'string') move = { to: parseInstant(input.to) };
        else throw new SandboxError(400, 'move the clock { by: milliseconds } or { to: "2026-11-26T10:30" }');
        const now = await site.moveClock(move);
        return { json: { now: new Date(now).toISOString() } };
      },
    ],
    [
      'POST',
      /^\/api\/reset$/,
      async () => {
        await site.reset();
        return { json: { now: new Date(site.now).toISOString() } };
      },
    ],
    ['GET', /^\/api\/context$/, (_m, { query }) => ({ json: forgeContext(site.double, placementOf(Object.fromEntries(query)), as(query)) })],
    [
      'POST',
      /^\/api\/invoke$/,
      async (_m, { body }) => {
        const input = await body();
        if ((JSON.stringify(input.payload ?? {}) ?? '').length > INVOKE_PAYLOAD_LIMIT) throw new SandboxError(413, 'invoke payloads are limited to 500 KB');
        const account = site.person(text(input.as, 'as')).accountId;
        const before = site.siteMark;
        const answer = await site.invoke(placementOf(input.placement), account, text(input.functionKey, 'functionKey'), input.payload);
        return { json: answer, headers: { [SITE_CHANGED_HEADER]: site.siteMark === before ? '0' : '1' } };
      },
    ],
    [
      'POST',
      /^\/api\/product$/,
      async (_m, { body }) => {
        const input = await body();
        const account = site.person(text(input.as, 'as')).accountId;
        const init = (input.init ?? {}) as { method?: string; headers?: Array<[string, string]>; body?: string | null };
        return { json: await site.productRequest(account, text(input.restPath, 'restPath'), init) };
      },
    ],
    ['GET', /^\/sandbox\/host\.js$/, () => ({ text: assets.hostJs, type: 'text/javascript; charset=utf-8' })],
    ['GET', /^\/sandbox\/bridge\.js$/, () => ({ text: assets.bridgeJs, type: 'text/javascript; charset=utf-8' })],
    ['GET', /^\/sandbox\/host\.css$/, () => ({ text: assets.hostCss, type: 'text/css; charset=utf-8' })],
    ['GET', /^\/favicon\.ico$/, () => ({ status: 204 })],
    [
      'GET',
      /^\/apps\/([a-z-]+)\/(.*)$/,
      (m) => {
        const surface = m[1]!;
        if (!isSurface(surface)) throw new SandboxError(404, `no surface ${surface}`);
        const file = surfaceFile(surface, decodeURIComponent(m[2]!));
        if (!file) {
          if (m[2] === '' || m[2] === 'index.html') return { status: 404, text: notBuilt(surface), type: 'text/html; charset=utf-8' };
          throw new SandboxError(404, `static/${surface}/dist has no ${m[2]}`);
        }
        if (file.endsWith('index.html')) return { text: withBridge(readFileSync(file, 'utf8')), type: 'text/html; charset=utf-8' };
        return { file };
      },
    ],
    // The host page's own routes (/, /issue/SUP-1, /portal, /portal/SUP-1, /admin, /worklist) are drawn in the browser.
    ['GET', /^\/(?!api\/|apps\/|sandbox\/)[^.]*$/, () => ({ text: assets.hostHtml, type: 'text/html; charset=utf-8' })],
  ];
}

/**
 * The sandbox acts as whoever the page says, so a write must come from its own page: a cross-site page could
 * otherwise post a simple `text/plain` form that raises requests or saves the configuration. Writes need JSON (which
 * a cross-site page cannot send without a preflight this server never grants) and no foreign Origin.
 */
function refuseCrossSiteWrite(req: http.IncomingMessage): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const origin = req.headers.origin;
  const own = `http://${req.headers.host ?? ''}`;
  if (origin !== undefined && origin !== own) throw new SandboxError(403, `writes are accepted from the sandbox's own page only, not from ${origin}`);
  if (req.headers['sec-fetch-site'] === 'cross-site') throw new SandboxError(403, 'writes are accepted from the sandbox\'s own page only');
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new SandboxError(415, `writes take JSON (Content-Type: application/json), not ${type || 'no content type'}`);
}

/** A web trigger's URL, as webTrigger.getUrl gives it: `/x1/<id>`, then any path of the caller's own. */
const WEB_TRIGGER_PATH = /^\/x1\/([0-9a-f]+)(\/.*)?$/;
/** "Payload size: 5MB" for a web trigger's request (the platform answers 413 beyond it). */
const WEB_TRIGGER_BODY_LIMIT = 5_000_000;

/**
 * An HTTP request to one of the app's web triggers, served as Forge serves it: any method, any body (a pipeline's
 * call, not the sandbox page's, so none of the page's own rules apply), handed to the function as the documented
 * JSON, and the function's answer (or the platform's 500) sent back as it is.
 */
async function serveWebTrigger(site: DemoSite, id: string, userPath: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > WEB_TRIGGER_BODY_LIMIT) {
      res.writeHead(413).end();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) (headers[req.rawHeaders[i]!] ??= []).push(req.rawHeaders[i + 1]!);
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
  const body = Buffer.concat(chunks).toString('utf8');
  try {
    const response = await site.webTrigger(id, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body } : {}), path: url.pathname, userPath, queryParameters });
    if (!response) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: `no web trigger at ${url.pathname}` }));
      return;
    }
    for (const [name, values] of Object.entries(response.headers)) res.setHeader(name, values);
    res.writeHead(response.statusCode, response.statusText);
    res.end(response.body);
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
}

async function respond(routes: Array<[string, RegExp, Route]>, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let reply: Reply;
  try {
    refuseCrossSiteWrite(req);
    const match = routes.map(([method, pattern, route]) => ({ method, route, m: pattern.exec(url.pathname) })).filter((r) => r.m !== null);
    const route = match.find((r) => r.method === req.method);
    if (!route) {
      reply = match.length > 0 ? { status: 405, json: { error: `${req.method ?? ''} is not allowed on ${url.pathname}` } } : { status: 404, json: { error: `nothing at ${url.pathname}` } };
    } else {
      reply = await route.route(route.m!, { query: url.searchParams, body: () => readJson(req) });
    }
  } catch (error) {
    if (error instanceof SandboxError) reply = { status: error.status, json: { error: error.message } };
    else if (error instanceof PlacementError) reply = { status: 400, json: { error: error.message } };
    // The platform refused the invocation before the app ran (a module not open to this user, a payload too large).
    else if (error instanceof InvocationFailure) reply = { status: 403, json: { error: error.message, code: error.code } };
    else {
      console.error(error);
      reply = { status: 500, json: { error: error instanceof Error ? error.message : String(error) } };
    }
  }
  // Nothing is cached: the surfaces are rebuilt while the sandbox runs, and the JSON changes with every action.
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.file !== undefined) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-type': contentType(reply.file) });
    res.end(readFileSync(reply.file));
  } else if (reply.text !== undefined) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-type': reply.type ?? 'text/plain; charset=utf-8' });
    res.end(reply.text);
  } else if (reply.json !== undefined) {
    res.writeHead(reply.status ?? 200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.json));
  } else {
    res.writeHead(reply.status ?? 204, headers);
    res.end();
  }
}

async function readJson(req: http.IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new SandboxError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SandboxError(400, 'the body is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SandboxError(400, 'the body must be a JSON object');
  return parsed as Json;
}

/** `{ work: 'start' }`, `{ work: 'fix', versions: ['5.3.1'] }` or `{ work: 'resolve' }`. */
function developmentWork(input: Json): DevelopmentWork {
  if (input.work === 'start' || input.work === 'resolve') return { kind: input.work };
  if (input.work === 'fix') {
    const versions = input.versions;
    if (!Array.isArray(versions) || versions.length === 0 || !versions.every((v) => typeof v === 'string' && v !== '')) throw new SandboxError(400, 'versions: name at least one fix version, e.g. ["5.3.1"]');
    return { kind: 'fix', versions: versions as string[] };
  }
  throw new SandboxError(400, `work: "start", "fix" or "resolve", not ${JSON.stringify(input.work)}`);
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new SandboxError(400, `${name} is required`);
  return value;
}

function optionalText<K extends string>(input: Json, name: K): Partial<Record<K, string>> {
  const value = input[name];
  return typeof value === 'string' && value !== '' ? ({ [name]: value } as Partial<Record<K, string>>) : {};
}

function notBuilt(surface: string): string {
  return `<!doctype html><meta charset="utf-8"><body style="font:14px system-ui;color:#626f86;padding:16px">
static/${surface} is not built yet: run <code>npm run build</code> (or <code>node scripts/build-static.mjs ${surface}</code>) and reload.</body>`;
}
