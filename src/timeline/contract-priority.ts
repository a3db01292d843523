// The app's "Contract priority" field as people read it and as the replay reads it back: the priority's name with its
// id in brackets (`1 – Critical [p1]`). Agents see the name; the changelog still carries the id, so the history
// replays exactly even after the priority is renamed. Values written before names were shown are a bare id.
// The "Contract impact" and "Contract urgency" fields hold a matrix's answers the same way (`Just me [person]`).
import type { PriorityMatrix } from '../engine/types';

/** `1 – Critical [p1]`; the bare id when the priority has no name of its own. */
export function contractPriorityText(id: string, name: string | undefined): string {
  return name && name !== id ? `${name} [${id}]` : id;
}

/** The priority id a field value names: the bracketed id at its end, else the whole value (a bare id). */
export function priorityIdOf(text: string): string {
  const match = /\[([^[\]]+)\]$/.exec(text);
  return match ? match[1]! : text;
}

/** A matrix answer as its field shows it: the level's label with its id (`The whole company [company]`). */
export function answerText(matrix: PriorityMatrix, axis: 'impact' | 'urgency', id: string): string {
  return contractPriorityText(id, matrix[axis].find((level) => level.id === id)?.label);
}
