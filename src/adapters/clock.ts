// The platform's clock. Forge functions read the real time; each entry point reads it once per invocation and
// passes the instant (or this clock, for time budgets) to the use cases, so nothing below the entry points owns
// time. The offline platform builds the same handlers around its own movable clock (src/app.ts).
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
