// The KVS platform answers every refusal with an HTTP status and a body `{ code, message }`; @forge/kvs turns that into
// a ForgeKvsAPIError carrying the same code. The codes and messages below are the platform's (documented on
// developer.atlassian.com, storage error-handling pages, or observed from the real service), so app code that
// branches on `error.code` behaves here as it would in production.

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

export const kvsErrors = {
  keyNotFound: () => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),
  badRequest: (detail?: string) => new KvsError(400, 'BAD_REQUEST', detail ? `Provided request body is invalid: ${detail}` : 'Provided request body is invalid'),
  emptyKey: () => new KvsError(400, 'EMPTY_KEY', 'Key cannot be empty.'),
  invalidKey: (pattern: RegExp) => new KvsError(400, 'INVALID_KEY', `The provided key does not match the regex: ${String(pattern)}`),
  keyTooLong: (max: number) => new KvsError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${max} characters.`),
  maxSize: () => new KvsError(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.'),
  maxDepth: (max: number) => new KvsError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${max}) limit.`),
  keyConflict: () => new KvsError(409, 'KEY_CONFLICT', 'Provided key already exists and cannot be overwritten'),
  invalidTtl: (value: unknown) => new KvsError(400, 'INVALID_TTL', `TTL value must be a positive integer of at most one year, received: ${String(value)}`),
  schemaNotFound: () => new KvsError(404, 'SCHEMA_NOT_FOUND', 'The schema provided does not exist'),
  invalidEntityValue: () => new KvsError(400, 'INVALID_ENTITY_VALUE', 'Entity values must match one of the types defined in Custom Entities.'),
  invalidAttributeValue: (attribute: string, type: string, reason: string) =>
    new KvsError(400, 'INVALID_ENTITY_VALUE', `Entity values must match one of the types defined in Custom Entities: "${attribute}" (${type}) ${reason}.`),
  incorrectPropertyType: (attribute: string, type: string) =>
    new KvsError(400, 'INCORRECT_PROPERTY_TYPE', `Data type for property "${attribute}" is defined as "${type}"`),
  invalidEntityIndex: (index: string, entity: string) =>
    new KvsError(400, 'INVALID_ENTITY_INDEX', `The custom entity index provided is invalid: index "${index}" is not defined for entity "${entity}".`),
  invalidPartition: (index: string, expected: number) =>
    new KvsError(400, 'INVALID_PARTITION', `Index "${index}" needs a partition of exactly ${expected} value(s).`),
  pageLimit: (max: number) => new KvsError(400, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', `The page limit must be set between 1 and ${max}.`),
  emptyFilterOperator: () => new KvsError(400, 'EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.'),
  filterOperatorsCombination: () =>
    new KvsError(400, 'INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level.'),
  insufficientFilterValues: () => new KvsError(400, 'INSUFFICIENT_FILTER_VALUES', 'The specified condition needs at least two values.'),
  invalidCondition: (detail: string) => new KvsError(400, 'INVALID_CONDITION', detail),
  invalidCursor: () => new KvsError(400, 'INVALID_CURSOR', 'The provided cursor is invalid.'),
  conditionalCheckFailed: () =>
    new KvsError(400, 'CONDITIONAL_CHECK_FAILED', 'Request failed due to conditional check specified or optimistic locking'),
  unprocessable: (detail: string) => new KvsError(422, 'UNPROCESSABLE_ENTITY', detail),
  tooManyTransactionOps: () => new KvsError(422, 'UNPROCESSABLE_ENTITY', 'Request cannot be processed due to one or more semantic errors'),
  transactionTooLarge: (max: number) => new KvsError(400, 'MAX_SIZE', `The transaction payload has exceeded the maximum size of ${max} bytes.`),
  keyDuplication: () => new KvsError(400, 'KEY_DUPLICATION_ERROR', 'Duplicate key found in request'),
  tooManyBatchItems: (verb: string, count: number, max: number) =>
    new KvsError(400, 'TOO_MANY_BATCH_ENTITIES', `Number of entities to ${verb} was ${count}, but you can only ${verb} a maximum of ${max} entities at a time.`),
  notFoundPath: (path: string) => new KvsError(404, 'NOT_FOUND', `No KVS operation at ${path}`),
};
