// One function invocation as the platform runs it: its own invocation context (who, which module and function, the
// chain of async-event pushes it belongs to), a wall-clock time limit after which the invocation fails, and the
// payload limits of front-end invocations ("Invocation limits",
// developer.atlassian.com/platform/forge/limits-invocation/). A timed-out function's promise cannot be stopped in
// Node; it is abandoned, and anything it still writes afterwards lands, as it might on the platform.
import { randomUUID } from 'node:crypto';
import { runInvocation, type InvocationChain } from './invocation-context';

export type InvokedAs = 'resolver' | 'trigger' | 'scheduled' | 'consumer' | 'webtrigger';

/** A refusal of the platform's own (not the app's): the invocation never ran, or did not complete. */
export class InvocationFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvocationFailure';
  }
}

export const INVOCATION_LIMITS = {
  /** "Front-end invocation request payload size: 500KB". */
  invokePayloadBytes: 500_000,
  /** "Front-end invocation response payload size: 5MB". */
  invokeResponseBytes: 5_000_000,
  /** Resolvers (and, strictly, product triggers, which the limits page does not list): 25 s. */
  shortSeconds: 25,
  /** Consumers and scheduled triggers: 55 s unless timeoutSeconds says otherwise (up to 900). */
  asyncDefaultSeconds: 55,
  /** "Runtime seconds (web-trigger, action and rovo:agentConnector modules): 55". */
  webTriggerSeconds: 55,
  /** "Payload size: 5MB": a web trigger's request and its response are subject to it (web trigger events page). */
  webTriggerPayloadBytes: 5_000_000,
} as const;

/** Time limits in ms by what invokes a function, to override the platform's (a test proves a limit with a short one). */
export type TimeLimits = Partial<Record<InvokedAs, number>>;

export function timeLimitMs(invokedAs: InvokedAs, timeoutSeconds: number | undefined, overrides: TimeLimits = {}): number {
  const override = overrides[invokedAs];
  if (override !== undefined) return override;
  if (invokedAs === 'resolver' || invokedAs === 'trigger') return INVOCATION_LIMITS.shortSeconds * 1000;
  if (invokedAs === 'webtrigger') return INVOCATION_LIMITS.webTriggerSeconds * 1000;
  return (timeoutSeconds ?? INVOCATION_LIMITS.asyncDefaultSeconds) * 1000;
}

export interface InvocationSpec {
  invokedAs: InvokedAs;
  moduleKey: string;
  functionKey: string;
  limitMs: number;
  accountId?: string;
  chain: InvocationChain;
}

/** Runs `fn` as one invocation; rejects with InvocationFailure FUNCTION_TIME_OUT when it outlives its limit. */
export async function invoke<T>(spec: InvocationSpec, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new InvocationFailure('FUNCTION_TIME_OUT', `${spec.invokedAs} ${spec.moduleKey} (function ${spec.functionKey}) ran longer than its ${spec.limitMs} ms limit`));
    }, spec.limitMs);
  });
  const run = runInvocation(
    {
      invocationId: randomUUID(),
      moduleKey: spec.moduleKey,
      functionKey: spec.functionKey,
      timeLimitMs: spec.limitMs,
      chain: spec.chain,
      ...(spec.accountId === undefined ? {} : { accountId: spec.accountId }),
    },
    async () => fn(),
  );
  // An abandoned run's later rejection must not surface as an unhandled one.
  run.catch(() => undefined);
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function byteSize(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : Buffer.byteLength(json, 'utf8');
}
