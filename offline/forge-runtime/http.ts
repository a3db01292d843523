// Conversions between what the SDKs pass to __forge_fetch__ (a RequestInit with a string or binary body and headers
// in any of fetch's shapes) and what they expect back: a WHATWG Response, as Node's undici provides.

export interface FetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
}

export function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined || headers === null) return record;
  new Headers(headers as ConstructorParameters<typeof Headers>[0]).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (body instanceof URLSearchParams) return body.toString();
  throw new Error(`local Forge runtime: unsupported request body type ${Object.prototype.toString.call(body)}`);
}

/** A body as bytes, for what is not text (multipart/form-data files): decoding it as UTF-8 would break binary files. */
export function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  throw new Error(`local Forge runtime: unsupported request body type ${Object.prototype.toString.call(body)} (@forge/api sends a string, an ArrayBuffer or URLSearchParams)`);
}

/** JSON bodies parsed (what the product doubles want to look at); other text kept as it is. */
export function parseBody(text: string | undefined, contentType: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  const looksJson = contentType === undefined || contentType.includes('json');
  if (looksJson) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** A Response for a reply: JSON unless the body is a string (text) or absent. Reply headers override the defaults. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const merged = new Headers();
  const empty = NO_BODY_STATUSES.has(status) || body === undefined || body === null;
  if (!empty) merged.set('content-type', typeof body === 'string' ? 'text/plain;charset=UTF-8' : 'application/json');
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  if (empty) return new Response(null, { status, headers: merged });
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: merged });
}
