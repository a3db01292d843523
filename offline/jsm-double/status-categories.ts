// Jira's three status categories with their fixed ids and colours (GET /rest/api/3/statuscategory): every status
// belongs to one, and the app decides "resolved or not" and `toCategory` matchers by the category key.
import type { StatusCategoryKey } from './model';

export interface StatusCategory {
  id: number;
  key: StatusCategoryKey;
  colorName: string;
  name: string;
}

export const STATUS_CATEGORIES: Record<StatusCategoryKey, StatusCategory> = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
};

/** The servicedesk API writes the category as an upper-case word: NEW, INDETERMINATE, DONE. */
export function jsmStatusCategory(key: StatusCategoryKey): string {
  return key.toUpperCase();
}
