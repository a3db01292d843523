// What a surface's bridge (bridge.ts, inside the iframe) asks of the host page around it. The two are served from
// the same origin, so the bridge calls the host directly through `window.parent`; payloads cross as JSON text, so
// no object of one window's realm ends up in the other.

export interface SandboxHostApi {
  /** One @forge/bridge call of a frame; answers JSON text (undefined for no value). */
  callBridge(frameId: string, name: string, payloadJson: string): Promise<string | undefined>;
  /** `events.on`: the host calls `deliver` with each event's payload as JSON text. Answers a subscription id. */
  subscribe(frameId: string, event: string, deliver: (payloadJson: string) => void): string;
  unsubscribe(frameId: string, subscriptionId: string): void;
  /** The frame's document (re)started: what it subscribed to before is gone. */
  frameStarted(frameId: string): void;
  /**
   * How far the sandbox clock is ahead of the browser's (ms). The surfaces read `Date.now()` for "in 20 m" and the
   * like; inside a frame it follows the sandbox clock, as in Jira the browser's clock and the platform's agree.
   */
  clockOffset(): number;
  /** The frame's content is this tall (CSS pixels); panels grow and shrink with it, as Forge's iframe resizer does. */
  resized(frameId: string, height: number): void;
}

declare global {
  interface Window {
    sandboxHost?: SandboxHostApi;
  }
}
