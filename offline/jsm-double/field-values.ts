// What may be stored where: the values the app field value API accepts for each Forge field type, and Jira's limits
// on issue properties. Checked before anything is written, so a refused value leaves the issue untouched.
import { JsmDoubleError } from './errors';
import type { AppFieldType } from './model';

const PROPERTY_VALUE_LIMIT = 32_768;
const PROPERTY_KEY_LIMIT = 255;

/** Jira's limits on issue properties: a key of at most 255 characters and a JSON value of at most 32768. */
export function checkedProperty(key: string, value: unknown): unknown {
  if (key.length === 0 || key.length > PROPERTY_KEY_LIMIT) {
    throw new JsmDoubleError(`The property key must be between 1 and ${PROPERTY_KEY_LIMIT} characters long.`);
  }
  const json = JSON.stringify(value);
  if (json === undefined) throw new JsmDoubleError('The property value must be valid JSON.');
  if (json.length > PROPERTY_VALUE_LIMIT) {
    throw new JsmDoubleError(`The property value is too long. The maximum length is ${PROPERTY_VALUE_LIMIT} characters.`);
  }
  return JSON.parse(json) as unknown;
}

/**
 * What the app field value API accepts for each Forge field type (its documentation, "value"): a string, a number,
 * an ISO datetime (milliseconds ignored, stored here as epoch ms), a `yyyy-MM-dd` date, `{ accountId }`,
 * `{ name | groupId }`, or any JSON object.
 */
export function appFieldValue(type: AppFieldType, name: string, value: unknown): unknown {
  const refuse = (expected: string): never => {
    throw new JsmDoubleError(`The value for field ${name} must be ${expected}.`);
  };
  switch (type) {
    case 'string':
      return typeof value === 'string' ? value : refuse('a string');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : refuse('a number');
    case 'datetime': {
      const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? refuse('an ISO datetime such as 2023-01-18T12:00:00-03:00') : Math.floor(ms / 1000) * 1000;
    }
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : refuse('a date such as 2023-01-18');
    case 'user':
      return typeof value === 'object' && value !== null && typeof (value as { accountId?: unknown }).accountId === 'string'
        ? { accountId: (value as { accountId: string }).accountId }
        : refuse('an object with an accountId');
    case 'group':
      return typeof value === 'object' && value !== null ? value : refuse('an object with a group name or groupId');
    case 'object':
      return structuredClone(value);
  }
}
