// Which of the bundle's actions an issue event is (spec §1, "Action when matchers").
import type { Action, ActionMatcher, TimelineEvent } from './types';

/** Status names are compared the way Jira shows them to people: trimmed, case-insensitive. */
export function sameStatus(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function listHas(list: string[] | undefined, value: string | null | undefined, same = Object.is): boolean {
  if (list === undefined) return true;
  if (value === undefined || value === null) return false;
  return list.some((item) => same(item, value));
}

export function matches(when: ActionMatcher, event: TimelineEvent): boolean {
  switch (when.event) {
    case 'created':
      return event.type === 'created';
    case 'status':
      return (
        event.type === 'status' &&
        listHas(when.from, event.from, sameStatus) &&
        listHas(when.to, event.to, sameStatus) &&
        (when.toCategory === undefined || when.toCategory === event.toCategory)
      );
    case 'comment':
      return (
        event.type === 'comment' &&
        (when.visibility === undefined || when.visibility === event.visibility) &&
        (when.author === undefined || when.author === event.author)
      );
    case 'resolution':
      return event.type === 'resolution' && (when.set === undefined || when.set === (event.to !== null));
    case 'priority':
      return event.type === 'priority' && listHas(when.to, event.to);
    case 'field':
      return event.type === 'field' && event.field === when.field && listHas(when.to, event.to);
  }
}

/** The ids of every action the event is. */
export function actionsOf(event: TimelineEvent, actions: Action[]): Set<string> {
  const ids = new Set<string>();
  for (const action of actions) if (matches(action.when, event)) ids.add(action.id);
  return ids;
}
