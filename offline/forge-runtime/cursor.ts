// Cursors are opaque to the app (the docs say not to persist them); here they carry the last returned position so a
// page can resume after it even when rows were written or deleted in between.
import { kvsErrors } from './errors';

export type IndexPosition = [range: string | number, key: string];

export function encodeCursor(position: string | IndexPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decode(cursor: unknown): unknown {
  if (typeof cursor !== 'string' || cursor === '') throw kvsErrors.invalidCursor();
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw kvsErrors.invalidCursor();
  }
}

export function decodeKeyCursor(cursor: unknown): string {
  const key = decode(cursor);
  if (typeof key !== 'string') throw kvsErrors.invalidCursor();
  return key;
}

export function decodeIndexCursor(cursor: unknown): IndexPosition {
  const position = decode(cursor);
  if (!Array.isArray(position) || position.length !== 2) throw kvsErrors.invalidCursor();
  const [range, key] = position as unknown[];
  if ((typeof range !== 'string' && typeof range !== 'number') || typeof key !== 'string') throw kvsErrors.invalidCursor();
  return [range, key];
}
