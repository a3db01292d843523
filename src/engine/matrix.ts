// The priority matrix (§6): impact × urgency yields one of the model's priorities. The timeline keeps the answers
// (`issue.impact`/`issue.urgency`, `impact`/`urgency` events); before the replay they become the priority changes
// they cause, so every rule of a priority change (re-targeting, escalations, `priority` actions, reports) holds as is.
import type { Agreement, ConfigBundle, PriorityMatrix, Timeline, TimelineEvent, TimelineIssue } from './types';

/** The cell's priority id; undefined while either answer is missing or is not a level of its axis. */
export function matrixPriority(matrix: PriorityMatrix, impact: string | undefined, urgency: string | undefined): string | undefined {
  if (impact === undefined || urgency === undefined) return undefined;
  const row = Object.prototype.hasOwnProperty.call(matrix.cells, impact) ? matrix.cells[impact] : undefined;
  return row !== undefined && Object.prototype.hasOwnProperty.call(row, urgency) ? row[urgency] : undefined;
}

/** The matrix of the agreement's priority model, if it has one. */
export function matrixOf(bundle: ConfigBundle, agreement: Agreement): PriorityMatrix | undefined {
  return bundle.priorityModels.find((m) => m.id === agreement.priorityModel)?.matrix;
}

/** Whether the timeline answers impact or urgency anywhere: only then can a matrix change anything. */
export function hasAnswers(timeline: Timeline): boolean {
  const { issue } = timeline;
  return issue.impact !== undefined || issue.urgency !== undefined || timeline.events.some((e) => e.type === 'impact' || e.type === 'urgency');
}

/**
 * The timeline with the priority changes the matrix makes of its answers. At creation the cell of the two answers,
 * when both are given, is the priority (the answers are what the customer said; the priority follows them). After
 * each `impact` or `urgency` event whose cell differs from the priority in force, a `priority` event at the same
 * instant is inserted. A `priority` event still sets the priority directly until the next answer: the last change
 * wins. Without a matrix or without answers the same timeline object is returned.
 */
export function applyMatrix(timeline: Timeline, matrix: PriorityMatrix | undefined): Timeline {
  if (matrix === undefined || !hasAnswers(timeline)) return timeline;
  const { issue } = timeline;
  let impact = issue.impact;
  let urgency = issue.urgency;
  const initial = matrixPriority(matrix, impact, urgency) ?? issue.priority;
  let priority = initial;
  const events: TimelineEvent[] = [];
  for (const event of timeline.events) {
    events.push(event);
    if (event.type === 'priority') priority = event.to;
    if (event.type !== 'impact' && event.type !== 'urgency') continue;
    if (event.type === 'impact') impact = event.to;
    else urgency = event.to;
    const cell = matrixPriority(matrix, impact, urgency);
    if (cell === undefined || cell === priority) continue;
    events.push({ at: event.at, type: 'priority', ...(priority !== undefined ? { from: priority } : {}), to: cell });
    priority = cell;
  }
  const start: TimelineIssue = initial === undefined ? issue : { ...issue, priority: initial };
  return { issue: start, events };
}

/** What a matrix answer stands at an instant: both answers and the priority in force (after `applyMatrix`). */
export interface PriorityInForce {
  impact: string | null;
  urgency: string | null;
  priority: string | null;
}

/** The answers and the priority in force after the events at or before `at` of a timeline `applyMatrix` gave. */
export function priorityInForce(timeline: Timeline, at: number): PriorityInForce {
  const { issue } = timeline;
  const state: PriorityInForce = { impact: issue.impact ?? null, urgency: issue.urgency ?? null, priority: issue.priority ?? null };
  for (const event of timeline.events) {
    if (event.at > at) break;
    if (event.type === 'impact') state.impact = event.to;
    else if (event.type === 'urgency') state.urgency = event.to;
    else if (event.type === 'priority') state.priority = event.to;
  }
  return state;
}
