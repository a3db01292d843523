// Fault injection: make the next matching platform operation fail, the way production sometimes does. A fault fires
// `before` the operation (it is refused and nothing happens) or `after` it (the write lands but the app receives the
// error: the "crash after writing" case an app must survive by being idempotent).
import { templatePattern } from './scope-table';

export type FaultWhen = 'before' | 'after';

/** The KVS operations by the name @forge/kvs gives them. */
export type KvsOperationName =
  | 'get'
  | 'set'
  | 'delete'
  | 'query'
  | 'getSecret'
  | 'setSecret'
  | 'deleteSecret'
  | 'batchGet'
  | 'batchSet'
  | 'batchDelete'
  | 'transact';

const OPERATION_PATHS: Record<KvsOperationName, readonly string[]> = {
  get: ['/api/v1/get', '/api/v1/entity/get'],
  set: ['/api/v1/set', '/api/v1/entity/set'],
  delete: ['/api/v1/delete', '/api/v1/entity/delete'],
  query: ['/api/v1/query', '/api/v1/entity/query'],
  getSecret: ['/api/v1/secret/get'],
  setSecret: ['/api/v1/secret/set'],
  deleteSecret: ['/api/v1/secret/delete'],
  batchGet: ['/api/v1/batch/get'],
  batchSet: ['/api/v1/batch/set'],
  batchDelete: ['/api/v1/batch/delete'],
  transact: ['/api/v1/transaction'],
};

interface FaultCommon {
  /** 'before' (default): refused, nothing happens. 'after': the operation runs, then the app gets the error. */
  when?: FaultWhen;
  /** The HTTP status answered: 500, 503, 429 … */
  status: number;
  /** Seconds for a Retry-After header (sent with every status when given; 429 gets 1 when not given). */
  retryAfterSeconds?: number;
  /** How many matching operations fail (default 1: the next one only). */
  times?: number;
  /** How many matching operations to let through before the first one fails (default 0): the second write of a kind. */
  skip?: number;
}

export interface KvsFault extends FaultCommon {
  target: 'kvs';
  /** Any operation when absent. */
  operation?: KvsOperationName | KvsOperationName[];
  /** Only operations on this custom entity (any item of a batch or transaction). */
  entity?: string;
  /** Only operations on this key (any item of a batch or transaction). */
  key?: string | RegExp;
  /** The error code in the body; by default RATE_LIMIT_EXCEEDED for 429, else INTERNAL_SERVER_ERROR / SERVICE_UNAVAILABLE. */
  code?: string;
  message?: string;
}

export interface ProductFault extends FaultCommon {
  target: 'product';
  /** 'jira' when absent. */
  product?: string;
  /** Any method when absent. */
  method?: string;
  /** A path template as Jira documents it (`/rest/api/3/issue/{issueIdOrKey}`), or a pattern for the path. */
  path: string | RegExp;
  /** The response body; an ErrorCollection naming the fault when absent. */
  body?: unknown;
}

export type FaultSpec = KvsFault | ProductFault;

export interface Fault {
  readonly spec: FaultSpec;
  /** How many more matching operations will fail. */
  readonly remaining: number;
  /** How many have failed so far. */
  readonly fired: number;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface ArmedFault {
  spec: FaultSpec;
  remaining: number;
  fired: number;
  /** Matching operations still to let through. */
  skipping: number;
}

const DEFAULT_CODES: Record<number, string> = { 429: 'RATE_LIMIT_EXCEEDED', 500: 'INTERNAL_SERVER_ERROR', 502: 'BAD_GATEWAY', 503: 'SERVICE_UNAVAILABLE' };

/** Every entity name and key a KVS request body touches (single, batch and transaction shapes). */
function touched(body: unknown): Array<{ entityName?: unknown; key?: unknown }> {
  if (Array.isArray(body)) return body as Array<{ entityName?: unknown; key?: unknown }>;
  if (body === null || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const lists = ['set', 'delete', 'check'].flatMap((name) => (Array.isArray(record[name]) ? (record[name] as Array<{ entityName?: unknown; key?: unknown }>) : []));
  return lists.length > 0 ? lists : [record];
}

function keyMatches(pattern: string | RegExp, key: unknown): boolean {
  return typeof key === 'string' && (typeof pattern === 'string' ? pattern === key : pattern.test(key));
}

export class FaultInjector {
  private readonly armed: ArmedFault[] = [];

  /** Arms a fault; it fires on the next `times` (default 1) matching operations. */
  inject(spec: FaultSpec): Fault {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('a fault fires at least once: times must be a positive integer');
    if (spec.status < 400 || spec.status > 599) throw new Error(`a fault answers an error status, not ${spec.status}`);
    const skip = spec.skip ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw new Error('skip counts operations: it must be a whole number, 0 or more');
    const fault: ArmedFault = { spec, remaining: times, fired: 0, skipping: skip };
    this.armed.push(fault);
    return fault;
  }

  /** Faults that have not fired as often as they were armed to. */
  pending(): Fault[] {
    return this.armed.filter((fault) => fault.remaining > 0);
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** The fault that takes this KVS request, if any (consumed). */
  takeKvs(path: string, body: unknown): { when: FaultWhen; reply: FaultReply } | undefined {
    const fault = this.armed.find((candidate) => candidate.remaining > 0 && candidate.spec.target === 'kvs' && this.kvsMatches(candidate.spec, path, body));
    if (!fault || this.letThrough(fault)) return undefined;
    const spec = fault.spec as KvsFault;
    const code = spec.code ?? DEFAULT_CODES[spec.status] ?? 'INTERNAL_SERVER_ERROR';
    const message = spec.message ?? `Injected fault: ${code} on ${path}`;
    return { when: spec.when ?? 'before', reply: this.fire(fault, { code, message }) };
  }

  /** The fault that takes this product request, if any (consumed). */
  takeProduct(product: string, method: string, path: string): { when: FaultWhen; reply: FaultReply } | undefined {
    const fault = this.armed.find((candidate) => {
      if (candidate.remaining <= 0 || candidate.spec.target !== 'product') return false;
      const spec = candidate.spec;
      if ((spec.product ?? 'jira') !== product) return false;
      if (spec.method !== undefined && spec.method.toUpperCase() !== method) return false;
      return (typeof spec.path === 'string' ? templatePattern(spec.path) : spec.path).test(path);
    });
    if (!fault || this.letThrough(fault)) return undefined;
    const spec = fault.spec as ProductFault;
    const body = spec.body ?? { errorMessages: [`Injected fault: ${spec.status} on ${method} ${path}`], errors: {} };
    return { when: spec.when ?? 'before', reply: this.fire(fault, body) };
  }

  private kvsMatches(spec: KvsFault, path: string, body: unknown): boolean {
    if (spec.operation !== undefined) {
      const operations = Array.isArray(spec.operation) ? spec.operation : [spec.operation];
      if (!operations.some((operation) => OPERATION_PATHS[operation].includes(path))) return false;
    }
    if (spec.entity === undefined && spec.key === undefined) return true;
    return touched(body).some(
      (item) => (spec.entity === undefined || item.entityName === spec.entity) && (spec.key === undefined || keyMatches(spec.key, item.key)),
    );
  }

  /** Whether this matching operation is one the fault lets through first (counting it). */
  private letThrough(fault: ArmedFault): boolean {
    if (fault.skipping === 0) return false;
    fault.skipping -= 1;
    return true;
  }

  private fire(fault: ArmedFault, body: unknown): FaultReply {
    fault.remaining -= 1;
    fault.fired += 1;
    const retryAfter = fault.spec.retryAfterSeconds ?? (fault.spec.status === 429 ? 1 : undefined);
    return { status: fault.spec.status, headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }, body };
  }
}
