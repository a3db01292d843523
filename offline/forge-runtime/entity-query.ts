// Index queries on custom entities, run in SQLite. Each manifest index becomes a partial expression index over
// (partition attributes..., range attribute, key) restricted to the entity's space, so a query is an ordered index
// walk as it is on the platform rather than a scan of every entity. A page reads up to `limit` index entries and only
// then applies the filters in JS ("in-memory filters … can sometimes produce pages with no results, with cursor
// pointing to the next page"), so a filtered page may be short or empty while a cursor remains.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ResolvedEntity, ResolvedIndex } from './entity-definitions';
import { checkClause, type Predicate } from './conditions';
import { decodeIndexCursor, encodeCursor } from './cursor';
import { ALIVE, entitySpace, type ItemRow } from './item-table';

export interface IndexQuery {
  entity: ResolvedEntity;
  index: ResolvedIndex;
  partition: unknown[];
  range?: unknown;
  filter?: Predicate;
  sort: 'ASC' | 'DESC';
  cursor?: unknown;
  limit: number;
  now: number;
}

export interface IndexPage {
  rows: Array<ItemRow & { parsed: unknown }>;
  cursor?: string;
  /** The stored bytes of every entry the page read, filtered out or not: what the read is charged for. */
  scannedBytes: number;
}

type SqlValue = string | number;
type QueryRow = ItemRow & { r: SqlValue };

const RANGE_CONDITIONS: ReadonlySet<string> = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
const OPERATORS: Record<string, string> = {
  EQUAL_TO: '=',
  GREATER_THAN: '>',
  GREATER_THAN_EQUAL_TO: '>=',
  LESS_THAN: '<',
  LESS_THAN_EQUAL_TO: '<=',
};

/** Attribute names are checked against the manifest pattern, so they can be inlined in the JSON path. */
const attr = (attribute: string): string => `json_extract(value, '$.${attribute}')`;

/** A typed comparison: values only match stored values of their own JSON type, as in a typed store. */
function typed(attribute: string, value: unknown): { guard: string; param: SqlValue } | undefined {
  if (typeof value === 'string') return { guard: `typeof(${attr(attribute)}) = 'text'`, param: value };
  if (typeof value === 'number' && Number.isFinite(value)) return { guard: `typeof(${attr(attribute)}) IN ('integer', 'real')`, param: value };
  // SQLite's json_extract reads JSON booleans as 1 and 0; json_type tells them apart from numbers.
  if (typeof value === 'boolean') return { guard: `json_type(value, '$.${attribute}') IN ('true', 'false')`, param: value ? 1 : 0 };
  return undefined;
}

function indexName(entity: string, index: ResolvedIndex): string {
  const digest = createHash('sha1').update(JSON.stringify([entity, index.name, index.partition, index.range])).digest('hex');
  return `cx_${digest.slice(0, 16)}`;
}

export class EntityQueries {
  private readonly statements = new Map<string, Database.Statement<SqlValue[], QueryRow>>();

  constructor(private readonly db: Database.Database) {}

  /** Creates the expression index for every declared index and drops those no longer declared. */
  syncIndexes(entities: Iterable<ResolvedEntity>): void {
    const wanted = new Map<string, string>();
    for (const entity of entities) {
      for (const index of entity.indexes.values()) {
        const columns = [...index.partition.map(attr), attr(index.range), 'key'].join(', ');
        wanted.set(indexName(entity.name, index), `ON items (${columns}) WHERE space = '${entitySpace(entity.name)}'`);
      }
    }
    const existing = this.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cx\\_%' ESCAPE '\\'").all();
    for (const { name } of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX "${name}"`);
    for (const [name, definition] of wanted) this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ${definition}`);
  }

  run(query: IndexQuery): IndexPage {
    const plan = this.plan(query);
    if (!plan) return { rows: [], scannedBytes: 0 };
    const rows: IndexPage['rows'] = [];
    let scanned = 0;
    let scannedBytes = 0;
    let last: QueryRow | undefined;
    let more = false;
    for (const row of this.statement(plan.sql).iterate(...plan.params)) {
      if (scanned === query.limit) {
        more = true;
        break;
      }
      scanned += 1;
      scannedBytes += Buffer.byteLength(row.value, 'utf8');
      last = row;
      const parsed: unknown = JSON.parse(row.value);
      if (query.filter && !query.filter(parsed)) continue;
      rows.push({ key: row.key, value: row.value, created_at: row.created_at, updated_at: row.updated_at, expire_at: row.expire_at, parsed });
    }
    return more && last ? { rows, scannedBytes, cursor: encodeCursor([last.r, last.key]) } : { rows, scannedBytes };
  }

  private statement(sql: string): Database.Statement<SqlValue[], QueryRow> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<SqlValue[], QueryRow>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The SQL and parameters for a query, or undefined when it cannot match anything (a value of no indexable type). */
  private plan(query: IndexQuery): { sql: string; params: SqlValue[] } | undefined {
    const { entity, index } = query;
    const range = attr(index.range);
    const where = [`space = '${entitySpace(entity.name)}'`, ALIVE, `${range} IS NOT NULL`];
    const params: SqlValue[] = [query.now];
    for (const [i, attribute] of index.partition.entries()) {
      const value = typed(attribute, query.partition[i]);
      if (!value) return undefined;
      where.push(value.guard, `${attr(attribute)} = ?`);
      params.push(value.param);
    }
    if (query.range !== undefined) {
      const { condition, values } = checkClause(query.range, RANGE_CONDITIONS);
      const first = typed(index.range, values[0]);
      if (!first) return undefined;
      if (condition === 'BEGINS_WITH') {
        if (typeof first.param !== 'string') return undefined;
        where.push(first.guard, `${range} >= ?`, `substr(${range}, 1, length(?)) = ?`);
        params.push(first.param, first.param, first.param);
      } else if (condition === 'BETWEEN') {
        const second = typed(index.range, values[1]);
        if (!second || second.guard !== first.guard) return undefined;
        where.push(first.guard, `${range} >= ?`, `${range} <= ?`);
        params.push(first.param, second.param);
      } else {
        where.push(first.guard, `${range} ${OPERATORS[condition] ?? '='} ?`);
        params.push(first.param);
      }
    }
    const descending = query.sort === 'DESC';
    if (query.cursor !== undefined) {
      const [lastRange, lastKey] = decodeIndexCursor(query.cursor);
      const after = descending ? '<' : '>';
      where.push(`(${range} ${after} ? OR (${range} = ? AND key ${after} ?))`);
      params.push(lastRange, lastRange, lastKey);
    }
    const direction = descending ? 'DESC' : 'ASC';
    // Named, because without statistics SQLite prefers the primary key's (space, …) prefix: it then read every item of
    // the entity and sorted them (~60 ms a page at 50,000 records, whatever the range) instead of walking the index.
    const sql =
      `SELECT key, value, created_at, updated_at, expire_at, ${range} AS r FROM items INDEXED BY "${indexName(entity.name, index)}" ` +
      `WHERE ${where.join(' AND ')} ORDER BY ${range} ${direction}, key ${direction}`;
    return { sql, params };
  }
}
