// The one SQLite table behind every store: plain KVS keys, secrets and each custom entity live in separate
// "spaces" of it, so a kvs.query never sees secrets or entities, and one SQLite transaction can span them all (which
// is what makes kvs.transact() atomic here).
import Database from 'better-sqlite3';

export interface ItemRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

export const KVS_SPACE = 'kvs';
export const SECRET_SPACE = 'secret';
export const entitySpace = (entityName: string): string => `e:${entityName}`;

/** Rows whose TTL has passed are invisible (and overwritten on the next write), as on the platform. */
export const ALIVE = '(expire_at IS NULL OR expire_at > ?)';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS items (
    space TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    expire_at INTEGER,
    PRIMARY KEY (space, key)
  );
`;

export class ItemTable {
  private readonly readStmt;
  private readonly upsertStmt;
  private readonly removeStmt;
  private readonly prefixStmt;

  constructor(readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.readStmt = db.prepare<[string, string, number], ItemRow>(
      `SELECT key, value, created_at, updated_at, expire_at FROM items WHERE space = ? AND key = ? AND ${ALIVE}`,
    );
    this.upsertStmt = db.prepare<[string, string, string, number, number, number | null], void>(
      `INSERT INTO items (space, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (space, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
    );
    this.removeStmt = db.prepare<[string, string], void>('DELETE FROM items WHERE space = ? AND key = ?');
    // `key < upper` bounds the scan: upper is the prefix followed by U+10FFFF, above every character a key may hold.
    this.prefixStmt = db.prepare<[string, number, string, string, string, string, string, number], ItemRow>(
      `SELECT key, value, created_at, updated_at, expire_at FROM items
       WHERE space = ? AND ${ALIVE} AND key >= ? AND key < ? AND substr(key, 1, length(?)) = ? AND key > ?
       ORDER BY key LIMIT ?`,
    );
  }

  read(space: string, key: string, now: number): ItemRow | undefined {
    return this.readStmt.get(space, key, now);
  }

  write(space: string, row: ItemRow): void {
    this.upsertStmt.run(space, row.key, row.value, row.created_at, row.updated_at, row.expire_at);
  }

  remove(space: string, key: string): void {
    this.removeStmt.run(space, key);
  }

  /** Keys beginning with `prefix`, ascending, strictly after `after`. */
  byPrefix(space: string, prefix: string, after: string, limit: number, now: number): ItemRow[] {
    return this.prefixStmt.all(space, now, prefix, `${prefix}\u{10FFFF}`, prefix, prefix, after, limit);
  }
}
