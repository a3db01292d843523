// What each KVS / Custom Entity Store request costs and whether the installation may make it now
// (developer.atlassian.com/platform/forge/limits-kvs-ce/, "Operation limits per installation"): every request is
// counted in units of 10 KB, rounded up, at least 1; 4,000 read units and 4,000 write units per minute, 1,000 requests
// per second. Beyond that the platform answers 429 RATE_LIMIT_EXCEEDED. Windows are measured on the runtime's clock
// (the sandbox's movable clock), so a test can exhaust a minute and move the clock on to recover.
import { SlidingWindow } from './sliding-window';

export type UnitKind = 'read' | 'write';
export type RateLimitMode = 'enforce' | 'count';

export interface StorageLimits {
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
  requestsPerSecond: number;
}

export const STORAGE_LIMITS: StorageLimits = { readUnitsPerMinute: 4_000, writeUnitsPerMinute: 4_000, requestsPerSecond: 1_000 };

/** "Rounded up to the nearest 10KB": 10,000 bytes, the stricter reading of KB (a KiB would make units larger). */
export const UNIT_BYTES = 10_000;

export function unitsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}

/** Reads are charged for what they return (an entity query for every entry it read), writes for what they send. */
const KINDS: Record<string, UnitKind> = {
  '/api/v1/get': 'read',
  '/api/v1/query': 'read',
  '/api/v1/secret/get': 'read',
  '/api/v1/entity/get': 'read',
  '/api/v1/entity/query': 'read',
  '/api/v1/batch/get': 'read',
  '/api/v1/set': 'write',
  '/api/v1/delete': 'write',
  '/api/v1/secret/set': 'write',
  '/api/v1/secret/delete': 'write',
  '/api/v1/entity/set': 'write',
  '/api/v1/entity/delete': 'write',
  '/api/v1/batch/set': 'write',
  '/api/v1/batch/delete': 'write',
  // "Transactions are treated as a single Write operation."
  '/api/v1/transaction': 'write',
};

export function unitKind(path: string): UnitKind {
  return KINDS[path] ?? 'read';
}

export interface StorageCounters {
  readUnits: number;
  writeUnits: number;
  byOperation: Record<string, { requests: number; readUnits: number; writeUnits: number }>;
  /** Requests answered 429 ('enforce'), or that would have been ('count'). */
  rateLimited: number;
  /** 'count' mode: how long the platform would have made the app wait, in total (ms). */
  throttledMs: number;
}

export function emptyStorageCounters(): StorageCounters {
  return { readUnits: 0, writeUnits: 0, byOperation: {}, rateLimited: 0, throttledMs: 0 };
}

export interface Admission {
  /** Milliseconds to wait before retrying; 0 when the request may go ahead. */
  retryAfterMs: number;
  /** The instant the request is accounted at (the clock, plus the waiting 'count' mode has accumulated). */
  at: number;
}

export class StorageMeter {
  private readonly read: SlidingWindow;
  private readonly write: SlidingWindow;
  private readonly requests: SlidingWindow;
  /** 'count' mode: the waiting so far, added to the clock so later requests are judged as if the app had waited. */
  private lag = 0;

  constructor(
    private readonly now: () => number,
    private readonly mode: RateLimitMode,
    limits: StorageLimits,
    private readonly counters: () => StorageCounters,
  ) {
    this.read = new SlidingWindow(limits.readUnitsPerMinute, 60_000);
    this.write = new SlidingWindow(limits.writeUnitsPerMinute, 60_000);
    this.requests = new SlidingWindow(limits.requestsPerSecond, 1_000);
  }

  /**
   * Whether a request may be served now. A write's cost is known from its body and must fit; a read's is only known
   * once it has read, so it goes ahead while a unit is left and is charged afterwards (charge()).
   */
  admit(path: string, writeBytes: number): Admission {
    const kind = unitKind(path);
    const units = kind === 'write' ? unitsFor(writeBytes) : 1;
    const window = kind === 'write' ? this.write : this.read;
    const wait = (at: number): number => Math.max(window.waitFor(units, at), this.requests.waitFor(1, at));
    let at = this.now() + this.lag;
    let retryAfterMs = wait(at);
    if (retryAfterMs > 0) {
      this.counters().rateLimited += 1;
      if (this.mode === 'enforce') return { retryAfterMs, at };
      while (retryAfterMs > 0) {
        this.lag += retryAfterMs;
        this.counters().throttledMs += retryAfterMs;
        at += retryAfterMs;
        retryAfterMs = wait(at);
      }
    }
    this.requests.spend(1, at);
    return { retryAfterMs: 0, at };
  }

  /** Records what an admitted request cost. */
  charge(path: string, at: number, bytes: number): void {
    const kind = unitKind(path);
    const units = unitsFor(bytes);
    (kind === 'write' ? this.write : this.read).spend(units, at);
    const counters = this.counters();
    const operation = (counters.byOperation[path] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
    operation.requests += 1;
    if (kind === 'write') {
      counters.writeUnits += units;
      operation.writeUnits += units;
    } else {
      counters.readUnits += units;
      operation.readUnits += units;
    }
  }
}
