// A deployment pipeline reports what it deployed (formats.md §9.4), over HTTP: a POST signed with the site's secret
// (HMAC-SHA256 over `timestamp.nonce.body`), at most 300 s old, with a nonce never used before, whose JSON body names
// a product of a customer environment and the version deployed there. Every refusal is answered with a JSON error
// naming what is wrong, and is decided before anything is written: a refused request changes nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { currentConfiguration } from '../adapters/storage/config-store';
import { nonceUsed, readSecret, rememberNonce, type DeploymentSecret } from '../adapters/storage/deployment-secret';
import { checkDeployment } from '../config/deployment-input';
import { nearestName } from '../config/nearest-name';
import { recordDeployment } from './environment-versions';

/** The request as the web trigger receives it: header names as sent, each with its values. */
export interface DeploymentRequest {
  method: string;
  headers: Record<string, string[] | undefined>;
  body?: string;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

export const SIGNATURE_HEADERS = { timestamp: 'x-contract-sla-timestamp', nonce: 'x-contract-sla-nonce', signature: 'x-contract-sla-signature' } as const;
/** How far a request's timestamp may be from the site's clock, either way. */
export const SIGNATURE_WINDOW_S = 300;
/** A report is a few hundred bytes; anything much larger is no report. */
export const MAX_REPORT_BYTES = 16 * 1024;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const FIELDS = ['customer', 'environment', 'product', 'version', 'deployedAt', 'by'] as const;
const MAX_BY_CHARS = 100;

type Refusal = 'method-not-allowed' | 'too-large' | 'no-secret' | 'unsigned' | 'stale-timestamp' | 'bad-nonce' | 'bad-signature' | 'not-json' | 'invalid' | 'not-configured' | 'replay';

function json(statusCode: number, value: unknown, headers: Record<string, string[]> = {}): HttpAnswer {
  return { statusCode, headers: { 'Content-Type': ['application/json'], ...headers }, body: JSON.stringify(value) };
}

function refuse(statusCode: number, error: Refusal, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string[]> = {}): HttpAnswer {
  return json(statusCode, { error, message, ...extra }, headers);
}

function header(request: DeploymentRequest, name: string): string | undefined {
  for (const [key, values] of Object.entries(request.headers)) if (key.toLowerCase() === name) return values?.[0];
  return undefined;
}

/** `sha256=` and the hex HMAC-SHA256 of `timestamp.nonce.body` with the secret. */
export function signatureOf(secret: string, timestamp: string, nonce: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest('hex')}`;
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function signedWith(secret: DeploymentSecret, given: string, timestamp: string, nonce: string, body: string, now: number): boolean {
  if (matches(given, signatureOf(secret.current, timestamp, nonce, body))) return true;
  return secret.previous !== undefined && (secret.previousUntil ?? 0) > now && matches(given, signatureOf(secret.previous, timestamp, nonce, body));
}

export async function handleDeploymentReport(request: DeploymentRequest, now: number): Promise<HttpAnswer> {
  if (request.method.toUpperCase() !== 'POST') {
    return refuse(405, 'method-not-allowed', `a deployment is reported with POST, not ${request.method}`, {}, { Allow: ['POST'] });
  }
  const body = request.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > MAX_REPORT_BYTES) return refuse(413, 'too-large', `the body is larger than ${MAX_REPORT_BYTES / 1024} KB; a deployment report is a small JSON object`);

  const secret = await readSecret();
  if (!secret) return refuse(403, 'no-secret', 'deployment reports are not accepted yet: a Jira administrator creates the secret on the Contract SLA admin page first');
  const timestamp = header(request, SIGNATURE_HEADERS.timestamp);
  const nonce = header(request, SIGNATURE_HEADERS.nonce);
  const signature = header(request, SIGNATURE_HEADERS.signature);
  const missing = Object.entries({ [SIGNATURE_HEADERS.timestamp]: timestamp, [SIGNATURE_HEADERS.nonce]: nonce, [SIGNATURE_HEADERS.signature]: signature })
    .filter(([, value]) => value === undefined || value === '')
    .map(([name]) => name);
  if (missing.length > 0) return refuse(401, 'unsigned', `the request is not signed: ${missing.join(', ')} missing (see the README, "Deployment reports")`);
  if (!/^\d{1,12}$/.test(timestamp!) || Math.abs(now - Number(timestamp) * 1000) > SIGNATURE_WINDOW_S * 1000) {
    return refuse(401, 'stale-timestamp', `${SIGNATURE_HEADERS.timestamp} ${JSON.stringify(timestamp)} is not the current time in Unix seconds (within ${SIGNATURE_WINDOW_S} s); sign each request when it is sent`);
  }
  if (!NONCE.test(nonce!)) return refuse(400, 'bad-nonce', `${SIGNATURE_HEADERS.nonce} must be 16–64 letters, digits, - or _, new for every request (e.g. openssl rand -hex 16)`);
  if (!signedWith(secret, signature!, timestamp!, nonce!, body, now)) {
    return refuse(401, 'bad-signature', `${SIGNATURE_HEADERS.signature} does not match: sign "timestamp.nonce.body" with the site's current secret, and send the body exactly as signed`);
  }

  let report: unknown;
  try {
    report = JSON.parse(body);
  } catch (error) {
    return refuse(400, 'not-json', `the body is not JSON: ${(error as Error).message}`);
  }
  if (report === null || typeof report !== 'object' || Array.isArray(report)) return refuse(400, 'not-json', 'the body must be a JSON object such as {"customer":"acme","environment":"UAT","product":"Payroll","version":"5.3.1"}');
  const fields = report as Record<string, unknown>;
  const errors: Array<{ path: string; message: string }> = [];
  const known: readonly string[] = FIELDS;
  for (const key of Object.keys(fields)) {
    if (known.includes(key)) continue;
    const near = nearestName(key, known);
    errors.push({ path: key, message: near ? `unknown field; did you mean "${near}"?` : `unknown field; known fields: ${known.join(', ')}` });
  }
  if (fields.by !== undefined && (typeof fields.by !== 'string' || fields.by.trim() === '' || fields.by.length > MAX_BY_CHARS)) {
    errors.push({ path: 'by', message: `expected a name of at most ${MAX_BY_CHARS} characters for who reports it (a pipeline's name)` });
  }
  const stored = await currentConfiguration();
  if (!stored) return refuse(503, 'not-configured', 'Contract SLA has no configuration yet, so it knows no customer environments');
  const checked = checkDeployment(stored.bundle, fields, now);
  if (!checked.ok) errors.push(...checked.issues.map((i) => ({ path: i.field, message: i.message })));
  if (errors.length > 0 || !checked.ok) {
    // The known fields in their order, then the unknown ones as the body has them.
    const rank = (path: string): number => (known.includes(path) ? known.indexOf(path) : known.length);
    errors.sort((a, b) => rank(a.path) - rank(b.path));
    return refuse(422, 'invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }

  if (await nonceUsed(nonce!)) return refuse(409, 'replay', `the nonce ${nonce} was used already: a request is accepted once; sign a new one with a new nonce`);
  const recorded = await recordDeployment(stored.bundle, checked.value, 'pipeline', typeof fields.by === 'string' ? fields.by.trim() : undefined, now);
  // Remembered after recording, so a request that failed can be sent again as it was; recording is idempotent.
  await rememberNonce(nonce!, now);
  const { customer, environment, product, version, deployedAt } = recorded.deployment;
  return json(200, {
    outcome: recorded.outcome,
    deployment: { customer, environment, product, version, deployedAt: new Date(deployedAt).toISOString() },
    current: { version: recorded.current.version, deployedAt: new Date(recorded.current.deployedAt).toISOString() },
  });
}
