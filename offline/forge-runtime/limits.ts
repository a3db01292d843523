// The platform's limits on keys, values and requests (developer.atlassian.com "KVS and Custom Entity Store limits",
// "KVS Transactions", "Executing batch operations", "kvs.query"). Enforced here so a value or a request the real
// service would refuse is refused locally too, with the same error code.
import { KvsError, kvsErrors } from './errors';

export const LIMITS = {
  keyLength: 500,
  /** "Maximum size of a single persisted value (in RAW)": 240 KiB of the value's JSON text. */
  valueBytes: 240 * 1024,
  /** kvs.setSecret: "persisted JSON values may be up to 128 KiB in size" (storage-reference/kvs-api-secret). */
  secretValueBytes: 128 * 1024,
  objectDepth: 31,
  transactionOps: 25,
  /** "Each transaction is limited to a payload size of 4MB" (4,000,000 bytes: the stricter reading of MB). */
  transactionBytes: 4_000_000,
  /** "The maximum supported TTL is 1 year from the time the expiry is set." */
  ttlMs: 365 * 86_400_000,
  batchItems: 25,
  pageDefault: 10,
  pageMax: 100,
  filterConditions: 100,
} as const;

/** The documented key pattern: letters, digits, `:._-#` and whitespace, not whitespace only. */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export function checkKey(key: unknown, kind: 'kvs' | 'entity'): string {
  if (key === undefined || key === null || key === '') {
    throw kind === 'kvs' ? new KvsError(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.') : kvsErrors.emptyKey();
  }
  if (typeof key !== 'string') throw kvsErrors.badRequest('key must be a string');
  if (key.length > LIMITS.keyLength) throw kvsErrors.keyTooLong(LIMITS.keyLength);
  if (!KEY_PATTERN.test(key)) throw kvsErrors.invalidKey(KEY_PATTERN);
  return key;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Validates a value and returns its stored JSON text (what the size limit is measured on). */
export function checkValue(value: unknown): string {
  if (value === undefined) throw kvsErrors.badRequest('value is required');
  // "The app storage API is able to persist any JSON data type except null."
  if (value === null) throw kvsErrors.badRequest('null cannot be stored; delete the key instead');
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') > LIMITS.valueBytes) throw kvsErrors.maxSize();
  if (depthOf(value) > LIMITS.objectDepth) throw kvsErrors.maxDepth(LIMITS.objectDepth);
  return json;
}

/** Milliseconds of a `{ value, unit }` TTL, or undefined when none was given. */
export function ttlMillis(ttl: unknown): number | undefined {
  if (ttl === undefined || ttl === null) return undefined;
  const { value, unit } = ttl as { value?: unknown; unit?: unknown };
  const perUnit = typeof unit === 'string' ? TTL_UNIT_MS[unit] : undefined;
  if (perUnit === undefined) throw kvsErrors.badRequest(`unknown TTL unit ${String(unit)}`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value * perUnit > LIMITS.ttlMs) throw kvsErrors.invalidTtl(value);
  return value * perUnit;
}

export function pageSize(limit: unknown): number {
  if (limit === undefined || limit === null) return LIMITS.pageDefault;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIMITS.pageMax) throw kvsErrors.pageLimit(LIMITS.pageMax);
  return limit;
}
