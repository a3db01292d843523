// What the local runtime hands to the doubles standing in for Atlassian products and the async-events queue. The
// doubles see plain data (method, path, parsed body, who is asking) and answer plain data; the runtime turns the
// answer into the fetch Response @forge/api gives the app.

export type Caller = 'app' | { accountId: string };

export interface ProductRequest {
  method: string;
  /** The path as the app built it with route`...`, without the query string (percent-encoding kept). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** A JSON body parsed; a multipart/form-data body as its bytes; any other text as a string; undefined when there is none. */
  body: unknown;
  as: Caller;
}

export interface ProductResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON, except a string (sent as text) and undefined/null (no body). */
  body: unknown;
}

export type ProductHandler = (request: ProductRequest) => Promise<ProductResponse>;

/** One event as the app pushed it with `new Queue({ key }).push(...)`. */
export interface QueuedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

/** What @forge/events posts for a push (one request per push call, up to 50 events). */
export interface QueuePushRequest {
  queueName: string;
  jobId: string;
  type: string;
  schema: string;
  payload: QueuedEvent[];
  time: string;
}

export type QueueHandler = (push: QueuePushRequest) => void | Promise<void>;
