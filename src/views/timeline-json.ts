// A timeline in the spec's §2 format (instants as ISO-8601 text), as the simulator's editor and `admin/simulate`
// take it. Jira's instants carry milliseconds; they are kept, so the replay is the one the app computes.
import { formatInstant } from '../engine/instant';
import type { Timeline } from '../engine/types';

export interface TimelineJson {
  issue: Record<string, string>;
  events: Array<Record<string, unknown>>;
}

const iso = (ms: number): string => (ms % 1000 === 0 ? formatInstant(ms) : new Date(ms).toISOString());

export function timelineJson(timeline: Timeline): TimelineJson {
  const { created, ...issue } = timeline.issue;
  const defined = Object.fromEntries(Object.entries(issue).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return {
    issue: { ...defined, created: iso(created) },
    events: timeline.events.map(({ at, ...event }) => ({ at: iso(at), ...event })),
  };
}
