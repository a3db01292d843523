// Priority ids are what requests store (the "Contract priority" field, the history it replays): a save that drops an
// id from a model an agreement uses would leave those requests with a priority the configuration no longer knows
// ("Not chosen yet"), silently. Such a save names each dropped id and is made only once the admin confirms it.
import type { ConfigBundle } from '../engine/types';
import type { ValidationIssue } from './issues';

export function droppedPriorities(before: ConfigBundle, after: ConfigBundle): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  after.priorityModels.forEach((model, index) => {
    const earlier = before.priorityModels.find((m) => m.id === model.id);
    if (!earlier) return;
    const users = after.agreements.filter((a) => a.priorityModel === model.id);
    if (users.length === 0) return;
    const kept = new Set(model.priorities.map((p) => p.id));
    for (const priority of earlier.priorities) {
      if (kept.has(priority.id)) continue;
      const name = priority.name ? `“${priority.name}” (${priority.id})` : `“${priority.id}”`;
      const agreements = users.map((a) => a.name ?? a.id).join(', ');
      issues.push({
        path: `priorityModels[${index}].priorities`,
        message: `priority ${name} is gone from the model: requests that have it would lose their priority (${agreements} ${users.length === 1 ? 'uses' : 'use'} this model). Keep its id and change its name, or confirm the removal`,
      });
    }
  });
  return issues;
}
