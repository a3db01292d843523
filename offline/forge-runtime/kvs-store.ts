// An embedded stand-in for Forge's hosted storage (Key-Value Store, secrets, Custom Entity Store), persisted in
// SQLite through better-sqlite3. It implements every operation @forge/kvs sends (see kvs-router.ts for the wire
// paths) with the platform's limits and error codes, so app code runs against it unchanged: ':memory:' for tests, a
// file for the sandbox. better-sqlite3 is synchronous, so each request is handled in one go and a transaction is one
// SQLite transaction: all of it lands or none of it does.
import Database from 'better-sqlite3';
import { compileFilters } from './conditions';
import { decodeKeyCursor, encodeCursor } from './cursor';
import { checkEntityValue, loadEntityDefinitions, resolveEntities, type EntityDefinition, type ResolvedEntity } from './entity-definitions';
import { EntityQueries } from './entity-query';
import { KvsError, kvsErrors } from './errors';
import { ItemTable, KVS_SPACE, SECRET_SPACE, entitySpace, type ItemRow } from './item-table';
import { LIMITS, checkKey, checkValue, pageSize, ttlMillis } from './limits';

export interface KvsStoreOptions {
  /** A file path, or ':memory:' (the default) for a store that lives as long as the object. */
  path?: string;
  /** Custom entity declarations, as in manifest.yml `app.storage.entities`. */
  entities?: EntityDefinition[];
  /** Alternatively, the manifest to read them from. */
  manifestPath?: string;
  /** The clock for timestamps and TTL expiry (ms since the epoch); the sandbox passes its movable clock. */
  now?: () => number;
}

/** A stored item as the platform returns it; timestamps are epoch milliseconds, expireTime an ISO instant. */
export interface StoredItem {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireTime?: string;
}

type Space = { space: string; kind: 'kvs' | 'entity'; entity?: ResolvedEntity };
type Body = Record<string, unknown>;
type Metadata = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

function asBody(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw kvsErrors.badRequest('expected a JSON object');
  return body as Body;
}

function asList(body: unknown): unknown[] {
  if (!Array.isArray(body)) throw kvsErrors.badRequest('expected a JSON array');
  return body;
}

function toItem(row: ItemRow, parsed?: unknown): StoredItem {
  const item: StoredItem = { key: row.key, value: parsed ?? JSON.parse(row.value), createdAt: row.created_at, updatedAt: row.updated_at };
  if (row.expire_at !== null) item.expireTime = new Date(row.expire_at).toISOString();
  return item;
}

/** Query results carry metadata only when asked for (`options.metadataFields`), like the platform's. */
function withMetadata(item: StoredItem, fields: unknown): Body {
  const wanted = new Set(Array.isArray(fields) ? (fields as Metadata[]) : []);
  const out: Body = { key: item.key, value: item.value };
  if (wanted.has('CREATED_AT')) out.createdAt = item.createdAt;
  if (wanted.has('UPDATED_AT')) out.updatedAt = item.updatedAt;
  if (wanted.has('EXPIRE_TIME') && item.expireTime !== undefined) out.expireTime = item.expireTime;
  return out;
}

function metadataFields(body: Body): unknown {
  return (body.options as { metadataFields?: unknown } | undefined)?.metadataFields ?? body.metadataFields;
}

export class KvsStore {
  private readonly db: Database.Database;
  private readonly items: ItemTable;
  private readonly queries: EntityQueries;
  private readonly entities = new Map<string, ResolvedEntity>();
  private readonly now: () => number;

  constructor(options: KvsStoreOptions = {}) {
    const path = options.path ?? ':memory:';
    this.db = new Database(path);
    // WAL keeps a file store fast under many small writes; a crash loses at most the last transaction.
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.now = options.now ?? Date.now;
    this.items = new ItemTable(this.db);
    this.queries = new EntityQueries(this.db);
    const definitions = options.entities ?? (options.manifestPath ? loadEntityDefinitions(options.manifestPath) : []);
    for (const entity of resolveEntities(definitions)) this.entities.set(entity.name, entity);
    this.queries.syncIndexes(this.entities.values());
  }

  close(): void {
    this.db.close();
  }

  /** Deletes everything (the sandbox's "reset"). */
  clear(): void {
    this.db.exec('DELETE FROM items');
  }

  // ---- key-value and secrets -------------------------------------------------------------------------------

  get(body: unknown, space = KVS_SPACE): StoredItem {
    const { key } = asBody(body);
    const row = this.items.read(space, checkKey(key, 'kvs'), this.now());
    if (!row) throw kvsErrors.keyNotFound();
    return toItem(row);
  }

  set(body: unknown, space = KVS_SPACE): StoredItem | undefined {
    const { key, value, options } = asBody(body);
    // "persisted JSON values may be up to 128 KiB" for secrets (kvs-api-secret), against 240 KiB for plain values.
    if (space === SECRET_SPACE && value !== undefined && Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8') > LIMITS.secretValueBytes) throw kvsErrors.maxSize();
    return this.write({ space, kind: 'kvs' }, checkKey(key, 'kvs'), value, options);
  }

  delete(body: unknown, space = KVS_SPACE): void {
    const { key } = asBody(body);
    this.remove({ space, kind: 'kvs' }, checkKey(key, 'kvs'), true);
  }

  query(body: unknown): { data: Body[]; cursor?: string } {
    const request = asBody(body);
    const limit = pageSize(request.limit);
    const where = request.where === undefined ? [] : asList(request.where);
    if (where.length > 1) throw kvsErrors.invalidCondition('A query can have a single where condition.');
    let prefix = '';
    if (where.length === 1) {
      const { property, condition, values } = asBody(where[0]);
      const first = Array.isArray(values) ? (values[0] as unknown) : undefined;
      if (property !== 'key' || condition !== 'BEGINS_WITH' || (typeof first !== 'string' && typeof first !== 'number')) {
        throw kvsErrors.invalidCondition('The Key-Value Store can only be queried with beginsWith on key.');
      }
      prefix = String(first);
    }
    const after = request.after === undefined || request.after === null ? '' : decodeKeyCursor(request.after);
    const rows = this.items.byPrefix(KVS_SPACE, prefix, after, limit + 1, this.now());
    const page = rows.slice(0, limit);
    const data = page.map((row) => withMetadata(toItem(row), metadataFields(request)));
    const last = page[page.length - 1];
    return rows.length > limit && last ? { data, cursor: encodeCursor(last.key) } : { data };
  }

  // ---- custom entities ---------------------------------------------------------------------------------------

  getEntity(body: unknown): StoredItem {
    const request = asBody(body);
    const { space } = this.entitySpace(request.entityName);
    const row = this.items.read(space, checkKey(request.key, 'entity'), this.now());
    if (!row) throw kvsErrors.keyNotFound();
    return toItem(row);
  }

  setEntity(body: unknown): StoredItem | undefined {
    const { entityName, key, value, options } = asBody(body);
    return this.write(this.entitySpace(entityName), checkKey(key, 'entity'), value, options);
  }

  deleteEntity(body: unknown): void {
    const { entityName, key } = asBody(body);
    this.remove(this.entitySpace(entityName), checkKey(key, 'entity'), true);
  }

  /** A page of an index query, with the bytes of every entry it read (what the read is charged for). */
  queryEntity(body: unknown): { data: Body[]; cursor?: string; scannedBytes: number } {
    const request = asBody(body);
    const { entity } = this.entitySpace(request.entityName);
    if (!entity) throw kvsErrors.schemaNotFound();
    const index = typeof request.indexName === 'string' ? entity.indexes.get(request.indexName) : undefined;
    if (!index) throw kvsErrors.invalidEntityIndex(String(request.indexName), entity.name);
    const partition = request.partition === undefined || request.partition === null ? [] : asList(request.partition);
    if (partition.length !== index.partition.length) throw kvsErrors.invalidPartition(index.name, index.partition.length);
    if (request.sort !== undefined && request.sort !== 'ASC' && request.sort !== 'DESC') throw kvsErrors.badRequest('sort must be ASC or DESC');
    const page = this.queries.run({
      entity,
      index,
      partition,
      range: request.range ?? undefined,
      filter: request.filters === undefined || request.filters === null ? undefined : compileFilters(request.filters, entity.attributes),
      sort: request.sort === 'DESC' ? 'DESC' : 'ASC',
      cursor: request.cursor ?? undefined,
      limit: pageSize(request.limit),
      now: this.now(),
    });
    const data = page.rows.map((row) => withMetadata(toItem(row, row.parsed), metadataFields(request)));
    const { scannedBytes } = page;
    return page.cursor === undefined ? { data, scannedBytes } : { data, cursor: page.cursor, scannedBytes };
  }

  // ---- batches and transactions ------------------------------------------------------------------------------

  batchSet(body: unknown): { successfulKeys: Body[]; failedKeys: Body[] } {
    return this.batch(body, 'set', (item, target, key) => {
      this.write(target, key, item.value, item.options);
      return {};
    });
  }

  batchGet(body: unknown): { successfulKeys: Body[]; failedKeys: Body[] } {
    return this.batch(body, 'get', (_item, target, key) => {
      const row = this.items.read(target.space, key, this.now());
      if (!row) throw kvsErrors.keyNotFound();
      const { value, createdAt, updatedAt, expireTime } = toItem(row);
      return expireTime === undefined ? { value, createdAt, updatedAt } : { value, createdAt, updatedAt, expireTime };
    });
  }

  batchDelete(body: unknown): { successfulKeys: Body[]; failedKeys: Body[] } {
    return this.batch(body, 'delete', (_item, target, key) => {
      this.remove(target, key, false);
      return {};
    });
  }

  /** `{ set?, delete?, check? }`: every operation lands, or (on any refusal or failed condition) none does. */
  transact(body: unknown): void {
    const request = asBody(body);
    const list = (name: string): Body[] => (request[name] === undefined || request[name] === null ? [] : asList(request[name]).map(asBody));
    const sets = list('set');
    const deletes = list('delete');
    const checks = list('check');
    const all = [...sets, ...deletes, ...checks];
    if (all.length === 0) throw kvsErrors.badRequest('a transaction needs at least one operation');
    if (all.length > LIMITS.transactionOps) throw kvsErrors.tooManyTransactionOps();
    if (Buffer.byteLength(JSON.stringify(request), 'utf8') > LIMITS.transactionBytes) throw kvsErrors.transactionTooLarge(LIMITS.transactionBytes);
    const seen = new Set<string>();
    for (const op of all) {
      const id = JSON.stringify([op.entityName ?? null, op.key]);
      if (seen.has(id)) throw kvsErrors.keyDuplication();
      seen.add(id);
    }
    const now = this.now();
    const target = (op: Body): Space => (op.entityName === undefined || op.entityName === null ? { space: KVS_SPACE, kind: 'kvs' } : this.entitySpace(op.entityName));
    this.db.transaction(() => {
      for (const op of checks) {
        if (op.conditions === undefined || op.conditions === null) throw kvsErrors.badRequest('a check needs conditions');
      }
      for (const op of all) {
        if (op.conditions === undefined || op.conditions === null) continue;
        const { space, kind } = target(op);
        const row = this.items.read(space, checkKey(op.key, kind), now);
        if (!row || !compileFilters(op.conditions, target(op).entity?.attributes)(JSON.parse(row.value))) throw kvsErrors.conditionalCheckFailed();
      }
      for (const op of sets) this.write(target(op), checkKey(op.key, target(op).kind), op.value, op.options);
      for (const op of deletes) this.remove(target(op), checkKey(op.key, target(op).kind), false);
    })();
  }

  // ---- shared ------------------------------------------------------------------------------------------------

  private entitySpace(entityName: unknown): Space {
    const entity = typeof entityName === 'string' ? this.entities.get(entityName) : undefined;
    if (!entity) throw kvsErrors.schemaNotFound();
    return { space: entitySpace(entity.name), kind: 'entity', entity };
  }

  private write(target: Space, key: string, value: unknown, options: unknown): StoredItem | undefined {
    const json = checkValue(value);
    if (target.entity) checkEntityValue(target.entity, value);
    const { keyPolicy, returnValue, ttl } = (options ?? {}) as { keyPolicy?: unknown; returnValue?: unknown; ttl?: unknown };
    if (keyPolicy !== undefined && keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') throw kvsErrors.badRequest('unknown keyPolicy');
    if (returnValue !== undefined && returnValue !== 'PREVIOUS' && returnValue !== 'LATEST') throw kvsErrors.badRequest('unknown returnValue');
    const ttlMs = ttlMillis(ttl);
    const now = this.now();
    const previous = this.items.read(target.space, key, now);
    if (keyPolicy === 'FAIL_IF_EXISTS' && previous) throw kvsErrors.keyConflict();
    const row: ItemRow = { key, value: json, created_at: previous?.created_at ?? now, updated_at: now, expire_at: ttlMs === undefined ? null : now + ttlMs };
    this.items.write(target.space, row);
    if (returnValue === 'PREVIOUS') return previous ? toItem(previous) : undefined;
    if (returnValue === 'LATEST') return toItem(row, value);
    return undefined;
  }

  private remove(target: Space, key: string, mustExist: boolean): void {
    if (mustExist && !this.items.read(target.space, key, this.now())) throw kvsErrors.keyNotFound();
    this.items.remove(target.space, key);
  }

  private batch(
    body: unknown,
    verb: string,
    run: (item: Body, target: Space, key: string) => Body,
  ): { successfulKeys: Body[]; failedKeys: Body[] } {
    const items = asList(body).map(asBody);
    if (items.length === 0) throw kvsErrors.badRequest(`a batch ${verb} needs at least one item`);
    if (items.length > LIMITS.batchItems) throw kvsErrors.tooManyBatchItems(verb, items.length, LIMITS.batchItems);
    const ids = new Set(items.map((item) => JSON.stringify([item.entityName ?? null, item.key])));
    if (ids.size !== items.length) throw kvsErrors.keyDuplication();
    const successfulKeys: Body[] = [];
    const failedKeys: Body[] = [];
    for (const item of items) {
      const name = item.entityName === undefined || item.entityName === null ? {} : { entityName: item.entityName };
      try {
        const target: Space = 'entityName' in name ? this.entitySpace(item.entityName) : { space: KVS_SPACE, kind: 'kvs' };
        const result = run(item, target, checkKey(item.key, target.kind));
        successfulKeys.push({ key: item.key, ...name, ...result });
      } catch (error) {
        if (!(error instanceof KvsError)) throw error;
        failedKeys.push({ key: item.key, ...name, error: { code: error.code, message: error.message } });
      }
    }
    return { successfulKeys, failedKeys };
  }
}
