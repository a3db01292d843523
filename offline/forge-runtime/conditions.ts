// Filter conditions, as @forge/kvs sends them for entity-query `.filters(...)` and for transaction conditions:
// `{ and: [{ property, condition, values }] }` or `{ or: [...] }`. Evaluated in JS against a stored entity value.
// Comparisons only hold between values of one type (number with number, string with string), as in the
// typed store behind Forge; a missing attribute fails every condition except NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS.
import type { AttributeType } from './entity-definitions';
import { kvsErrors } from './errors';
import { LIMITS } from './limits';

export interface FilterClause {
  property: string;
  condition: string;
  values: unknown[];
}

export type Predicate = (value: unknown) => boolean;

const CONDITIONS: ReadonlySet<string> = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);

/** The sign of a - b when both are numbers or both strings; undefined when they do not compare. */
function compare(a: unknown, b: unknown): number | undefined {
  if ((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')) return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function holds(condition: string, actual: unknown, values: unknown[]): boolean {
  const [first, second] = values;
  const present = actual !== undefined && actual !== null;
  switch (condition) {
    case 'EXISTS':
      return present;
    case 'NOT_EXISTS':
      return !present;
    case 'EQUAL_TO':
      return present && actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'BETWEEN': {
      const low = compare(actual, first);
      const high = compare(actual, second);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'GREATER_THAN':
      return (compare(actual, first) ?? -1) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return (compare(actual, first) ?? -1) >= 0;
    case 'LESS_THAN':
      return (compare(actual, first) ?? 1) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return (compare(actual, first) ?? 1) <= 0;
    default:
      throw kvsErrors.invalidCondition(`Unknown condition ${condition}`);
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.includes(needle);
  return false;
}

/** Checks one clause's shape; shared with the range condition of an index query. */
export function checkClause(clause: unknown, allowed: ReadonlySet<string> = CONDITIONS): { condition: string; values: unknown[] } {
  const { condition, values } = (clause ?? {}) as { condition?: unknown; values?: unknown };
  if (typeof condition !== 'string' || !allowed.has(condition)) throw kvsErrors.invalidCondition(`Unknown or unsupported condition ${String(condition)}`);
  if (!Array.isArray(values) || values.length === 0) throw kvsErrors.invalidCondition(`Condition ${condition} needs a value`);
  if (condition === 'BETWEEN' && values.length < 2) throw kvsErrors.insufficientFilterValues();
  return { condition, values };
}

/** The attribute types each condition is documented for ("Querying the Custom Entity Store", filters). */
const STRING_ONLY: ReadonlySet<string> = new Set(['BEGINS_WITH', 'CONTAINS', 'NOT_CONTAINS']);
const NOT_BOOLEAN: ReadonlySet<string> = new Set(['BETWEEN', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);

/** Only typed attributes may be filtered on ("`any` … results in a 422 Unprocessable Entity"), each with its conditions. */
function checkAttribute(property: string, condition: string, attributes: ReadonlyMap<string, AttributeType>): void {
  const type = attributes.get(property);
  if (type === undefined) throw kvsErrors.unprocessable(`"${property}" is not an attribute of this entity, so it cannot be filtered on.`);
  if (type === 'any') throw kvsErrors.unprocessable(`"${property}" is declared as type any, which filter conditions do not support.`);
  if ((STRING_ONLY.has(condition) && type !== 'string') || (NOT_BOOLEAN.has(condition) && type === 'boolean')) {
    throw kvsErrors.unprocessable(`Condition ${condition} is not supported on "${property}" (${type}).`);
  }
}

/**
 * Validates a filter group and compiles it into a predicate over a stored value. With the entity's attributes given,
 * each condition must name a typed attribute that supports it.
 */
export function compileFilters(filters: unknown, attributes?: ReadonlyMap<string, AttributeType>): Predicate {
  if (filters === null || typeof filters !== 'object' || Array.isArray(filters)) throw kvsErrors.badRequest('filters must be an object');
  const { and, or } = filters as { and?: unknown; or?: unknown };
  if (and !== undefined && or !== undefined) throw kvsErrors.filterOperatorsCombination();
  const list = and ?? or;
  if (!Array.isArray(list) || list.length === 0) throw kvsErrors.emptyFilterOperator();
  if (list.length > LIMITS.filterConditions) throw kvsErrors.invalidCondition(`A query can have at most ${LIMITS.filterConditions} conditions`);
  const clauses = list.map((item: unknown) => {
    const { condition, values } = checkClause(item);
    const property = (item as { property?: unknown }).property;
    if (typeof property !== 'string' || property === '') throw kvsErrors.invalidCondition('A filter condition needs a property');
    if (attributes) checkAttribute(property, condition, attributes);
    return { property, condition, values };
  });
  const test = (value: unknown, clause: FilterClause): boolean => {
    const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    return holds(clause.condition, record[clause.property], clause.values);
  };
  return and !== undefined ? (value) => clauses.every((c) => test(value, c)) : (value) => clauses.some((c) => test(value, c));
}
