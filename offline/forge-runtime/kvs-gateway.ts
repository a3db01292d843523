// The storage service as the app's installation meets it: the scope check, injected faults, the per-installation
// rate limits (storage-meter.ts), then the store itself (kvs-router.ts). Every refusal is the HTTP answer @forge/kvs
// turns into a ForgeKvsAPIError with the same `code`.
import type { FaultInjector } from './faults';
import { jsonResponse } from './http';
import { handleKvsRequest } from './kvs-router';
import type { KvsStore } from './kvs-store';
import { unitKind, type StorageMeter } from './storage-meter';

export interface KvsGatewayOptions {
  store: KvsStore;
  meter: StorageMeter;
  faults: FaultInjector;
  /** Whether the manifest declares storage:app ("Using the @forge/kvs package requires the storage:app scope"). */
  storageScope: boolean;
  traceId: () => string;
}

function parsed(text: string | undefined): unknown {
  try {
    return text === undefined || text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export function kvsGateway(options: KvsGatewayOptions): (path: string, text: string | undefined) => Response {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
    jsonResponse(status, body, { 'x-b3-traceid': options.traceId(), ...headers });

  return (path, text) => {
    if (!options.storageScope) {
      return answer(403, { code: 'FORBIDDEN', message: 'The app does not declare the storage:app scope, which the Key-Value and Custom Entity Store need.' });
    }
    const fault = options.faults.takeKvs(path, parsed(text));
    if (fault?.when === 'before') return answer(fault.reply.status, fault.reply.body, fault.reply.headers);
    const requestBytes = text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
    const admission = options.meter.admit(path, requestBytes);
    if (admission.retryAfterMs > 0) {
      const seconds = Math.max(1, Math.ceil(admission.retryAfterMs / 1000));
      // The transactions page names its own code for the same limit; every other page says RATE_LIMIT_EXCEEDED.
      const code = path === '/api/v1/transaction' ? 'TOO_MANY_REQUESTS' : 'RATE_LIMIT_EXCEEDED';
      return answer(
        429,
        { code, message: `The installation has exceeded its storage ${unitKind(path)} limit; retry after ${seconds} s.` },
        { 'retry-after': String(seconds) },
      );
    }
    const reply = handleKvsRequest(options.store, path, text);
    options.meter.charge(path, admission.at, unitKind(path) === 'write' ? requestBytes : reply.readBytes);
    if (fault) return answer(fault.reply.status, fault.reply.body, fault.reply.headers);
    return answer(reply.status, reply.body);
  };
}
