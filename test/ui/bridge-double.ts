// A stand-in for @forge/bridge in component tests: resolvers answer through `invoke` with the app's envelope,
// the host context and the issue-changed event are under the test's control.

/** The module factory for `jest.mock('@forge/bridge', () => jest.requireActual<…>('../bridge-double').bridgeModule())`. */
export function bridgeModule() {
  return {
    invoke: jest.fn(),
    view: { getContext: jest.fn(), submit: jest.fn(), createHistory: jest.fn(), theme: { enable: jest.fn() } },
    events: { on: jest.fn() },
    router: { open: jest.fn() },
  };
}

type BridgeDouble = ReturnType<typeof bridgeModule>;

/** Read lazily: this module is loaded by the mock factory itself, before the mocked module exists. */
const bridge = (): BridgeDouble => jest.requireMock<BridgeDouble>('@forge/bridge');

export const mocked = {
  get invoke() {
    return bridge().invoke;
  },
  get getContext() {
    return bridge().view.getContext;
  },
  get submit() {
    return bridge().view.submit;
  },
  get createHistory() {
    return bridge().view.createHistory;
  },
  get on() {
    return bridge().events.on;
  },
  get open() {
    return bridge().router.open;
  },
};

export const ok = <T>(data: T) => ({ ok: true, data });
export const failed = (...errors: Array<{ code: string; message: string; path?: string }>) => ({ ok: false, errors });

type Answer = (payload: Record<string, unknown>) => unknown;

/** Answers each resolver key with a function of the payload; an unexpected key fails the test loudly. */
export function answer(handlers: Record<string, Answer>): void {
  mocked.invoke.mockImplementation(async (key: string, payload: Record<string, unknown>) => {
    const handler = handlers[key];
    if (!handler) throw new Error(`unexpected resolver call ${key}`);
    return handler(payload);
  });
}

/** The host: a viewer zone and extension context; returns the subscribed event handlers by name. */
export function host(context: { timezone: string; extension?: Record<string, unknown> }): Map<string, (payload?: unknown) => unknown> {
  const handlers = new Map<string, (payload?: unknown) => unknown>();
  mocked.getContext.mockResolvedValue({ extension: {}, ...context });
  mocked.on.mockImplementation(async (name: string, callback: (payload?: unknown) => unknown) => {
    handlers.set(name, callback);
    return { unsubscribe: () => handlers.delete(name) };
  });
  mocked.submit.mockResolvedValue(undefined);
  mocked.open.mockResolvedValue(undefined);
  return handlers;
}

/** Calls to one resolver key, with their payloads, in order. */
export function callsTo(key: string): Array<Record<string, unknown>> {
  return mocked.invoke.mock.calls.filter(([k]) => k === key).map(([, payload]) => payload as Record<string, unknown>);
}
