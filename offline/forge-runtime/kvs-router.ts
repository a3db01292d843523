// The wire protocol of @forge/kvs (node_modules/@forge/kvs/out/storage-api.js): every operation is a POST of a JSON
// body to /api/v1/<operation>. Success is 200 with JSON, or 204 with no body where the SDK expects none (or where an
// optional set result is absent); a refusal is its HTTP status with `{ code, message }`, which the SDK raises as a
// ForgeKvsAPIError (and a 404 KEY_NOT_FOUND on get/delete, which it turns into undefined / a no-op).
import { KvsError, kvsErrors } from './errors';
import { byteSize } from './invocation';
import { SECRET_SPACE } from './item-table';
import type { KvsStore } from './kvs-store';

export interface KvsReply {
  status: number;
  body?: unknown;
  /** What a read is charged for: the bytes it read (every entry an entity query walked), else its answer's. */
  readBytes: number;
}

/** A result whose read cost is not the size of the answer (an entity query that filtered entries out). */
export class Metered {
  constructor(
    readonly result: unknown,
    readonly readBytes: number,
  ) {}
}

type Operation = (store: KvsStore, body: unknown) => unknown;

const OPERATIONS: Record<string, Operation> = {
  '/api/v1/get': (store, body) => store.get(body),
  '/api/v1/set': (store, body) => store.set(body),
  '/api/v1/delete': (store, body) => store.delete(body),
  '/api/v1/query': (store, body) => store.query(body),
  '/api/v1/secret/get': (store, body) => store.get(body, SECRET_SPACE),
  '/api/v1/secret/set': (store, body) => store.set(body, SECRET_SPACE),
  '/api/v1/secret/delete': (store, body) => store.delete(body, SECRET_SPACE),
  '/api/v1/entity/get': (store, body) => store.getEntity(body),
  '/api/v1/entity/set': (store, body) => store.setEntity(body),
  '/api/v1/entity/delete': (store, body) => store.deleteEntity(body),
  '/api/v1/entity/query': (store, body) => {
    const { scannedBytes, ...page } = store.queryEntity(body);
    return new Metered(page, scannedBytes);
  },
  '/api/v1/batch/set': (store, body) => store.batchSet(body),
  '/api/v1/batch/get': (store, body) => store.batchGet(body),
  '/api/v1/batch/delete': (store, body) => store.batchDelete(body),
  '/api/v1/transaction': (store, body) => store.transact(body),
};

export const KVS_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

/** Runs one request; platform refusals become replies, anything else (a bug) is thrown. */
export function handleKvsRequest(store: KvsStore, path: string, bodyText: string | undefined): KvsReply {
  try {
    const operation = OPERATIONS[path];
    if (!operation) throw kvsErrors.notFoundPath(path);
    let body: unknown;
    try {
      body = bodyText === undefined || bodyText === '' ? {} : JSON.parse(bodyText);
    } catch {
      throw kvsErrors.badRequest('not valid JSON');
    }
    const outcome = operation(store, body);
    const result = outcome instanceof Metered ? outcome.result : outcome;
    const readBytes = outcome instanceof Metered ? outcome.readBytes : byteSize(result);
    return result === undefined ? { status: 204, readBytes } : { status: 200, body: result, readBytes };
  } catch (error) {
    if (error instanceof KvsError) return { status: error.status, body: { code: error.code, message: error.message }, readBytes: 0 };
    throw error;
  }
}
