// Custom entities are declared in manifest.yml under `app.storage.entities`; the platform only accepts writes to
// declared entities, checks attribute types, and can only query declared indexes. The local store needs the same
// declarations, read from the app's real manifest so the two cannot drift.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { kvsErrors } from './errors';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** An index as the manifest writes it: a bare attribute name, or a named partition/range index. */
export type IndexDeclaration = string | { name: string; partition?: string[]; range: string[] };

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes?: IndexDeclaration[];
}

export interface ResolvedIndex {
  name: string;
  partition: string[];
  range: string;
}

export interface ResolvedEntity {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, ResolvedIndex>;
}

// Patterns from @forge/manifest's schema: entity and attribute names end up inside SQL text (as a quoted literal and
// a JSON path), so they are checked here once rather than trusted.
const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const INDEX_NAME = /^(?![.])(?!.*\.{2})[a-zA-Z0-9:\-_.]+(?<![.])$/;
const TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'float', 'boolean', 'any']);

/** "Custom Entity Store limits" (limits-kvs-ce): what `forge deploy` refuses in `app.storage.entities`. */
export const ENTITY_LIMITS = {
  entities: 20,
  attributes: 50,
  indexes: 7,
  /** The limits page says 30 characters, the custom-entities page 64: the smaller one is kept. */
  attributeNameLength: 30,
  indexNameLength: { min: 3, max: 50 },
} as const;

function fail(entity: string, detail: string): never {
  throw new Error(`storage entity "${entity}": ${detail}`);
}

function resolveIndex(entity: string, attributes: ReadonlyMap<string, AttributeType>, declaration: IndexDeclaration): ResolvedIndex {
  const index = typeof declaration === 'string' ? { name: declaration, partition: [], range: [declaration] } : declaration;
  const partition = index.partition ?? [];
  if (typeof index.name !== 'string' || index.name === '') fail(entity, 'an index has no name');
  const { min, max } = ENTITY_LIMITS.indexNameLength;
  if (index.name.length < min || index.name.length > max || !INDEX_NAME.test(index.name)) {
    fail(entity, `index name "${index.name}" must be ${min}-${max} characters of a-zA-Z0-9:-_. without a leading/trailing "." or ".."`);
  }
  if (!Array.isArray(index.range) || index.range.length !== 1) fail(entity, `index "${index.name}" must have exactly one range attribute`);
  for (const attribute of [...partition, ...index.range]) {
    if (!attributes.has(attribute)) fail(entity, `index "${index.name}" uses undeclared attribute "${attribute}"`);
  }
  return { name: index.name, partition: [...partition], range: index.range[0] as string };
}

function resolveEntity(definition: EntityDefinition): ResolvedEntity {
  const { name } = definition;
  if (typeof name !== 'string' || name.length < 3 || name.length > 60 || !ENTITY_NAME.test(name)) fail(String(name), 'invalid entity name');
  const attributes = new Map<string, AttributeType>();
  const declared = Object.entries(definition.attributes ?? {});
  if (declared.length > ENTITY_LIMITS.attributes) fail(name, `at most ${ENTITY_LIMITS.attributes} attributes are allowed, found ${declared.length}`);
  for (const [attribute, spec] of declared) {
    if (!ATTRIBUTE_NAME.test(attribute)) fail(name, `invalid attribute name "${attribute}"`);
    if (attribute.length > ENTITY_LIMITS.attributeNameLength) fail(name, `attribute name "${attribute}" is longer than ${ENTITY_LIMITS.attributeNameLength} characters`);
    if (!spec || !TYPES.has(spec.type)) fail(name, `attribute "${attribute}" has an unknown type`);
    attributes.set(attribute, spec.type);
  }
  const indexes = new Map<string, ResolvedIndex>();
  if ((definition.indexes ?? []).length > ENTITY_LIMITS.indexes) fail(name, `at most ${ENTITY_LIMITS.indexes} indexes are allowed`);
  for (const declaration of definition.indexes ?? []) {
    const index = resolveIndex(name, attributes, declaration);
    if (indexes.has(index.name)) fail(name, `duplicate index "${index.name}"`);
    indexes.set(index.name, index);
  }
  return { name, attributes, indexes };
}

/** Checks the manifest-level limits across entities and resolves each one. */
export function resolveEntities(definitions: EntityDefinition[]): ResolvedEntity[] {
  if (definitions.length > ENTITY_LIMITS.entities) throw new Error(`storage: at most ${ENTITY_LIMITS.entities} custom entities are allowed`);
  const resolved = definitions.map(resolveEntity);
  const names = new Set(resolved.map((entity) => entity.name));
  if (names.size !== resolved.length) throw new Error('storage: duplicate custom entity names');
  return resolved;
}

/** Reads `app.storage.entities` from a manifest.yml; an app without custom entities yields []. */
export function loadEntityDefinitions(manifestPath: string): EntityDefinition[] {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { app?: { storage?: { entities?: unknown } } } | null;
  const entities = manifest?.app?.storage?.entities ?? [];
  if (!Array.isArray(entities)) throw new Error(`${manifestPath}: app.storage.entities must be a list`);
  return entities as EntityDefinition[];
}

// storage-reference/entities-api, "Limitations": 32-bit signed integers; floats 0 or 1E-130..9.99…E+125 in magnitude.
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
// 9.9999999999999999999999999999999999999E+125 (38 digits) is 1e126 as a JavaScript number.
const FLOAT_MAX_MAGNITUDE = 1e126;

/** Whether a value has the attribute's type (what a value of that type may hold is checked by outOfRange). */
function matchesType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      // A number beyond 32 bits is not the integer type at all, as it was before the range rules were added.
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

/** The reason a value of the right type is still refused, or undefined when it is storable. */
function outOfRange(type: AttributeType, value: unknown): string | undefined {
  if (type === 'string' && typeof value === 'string' && value.trim() === '') return 'must contain at least one non-whitespace character';
  if (type === 'float' && typeof value === 'number') {
    const magnitude = Math.abs(value);
    if (!Number.isFinite(value) || (value !== 0 && (magnitude < FLOAT_MIN_MAGNITUDE || magnitude > FLOAT_MAX_MAGNITUDE))) {
      return 'must be 0 or between 1E-130 and 9.9999999999999999999999999999999999999E+125 in magnitude';
    }
  }
  return undefined;
}

/**
 * Declared attributes must hold storable values of their type; absent ones are allowed (they only drop out of
 * indexes). A value of the wrong JSON type is INCORRECT_PROPERTY_TYPE; one of the right type outside what the type
 * admits (null, an empty or blank string, a float out of range) is INVALID_ENTITY_VALUE.
 */
export function checkEntityValue(entity: ResolvedEntity, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw kvsErrors.invalidEntityValue();
  const record = value as Record<string, unknown>;
  for (const [attribute, type] of entity.attributes) {
    const attributeValue = record[attribute];
    if (attributeValue === undefined) continue;
    if (attributeValue === null) throw kvsErrors.invalidAttributeValue(attribute, type, 'is null, which storage cannot hold: leave the attribute out');
    if (!matchesType(type, attributeValue)) throw kvsErrors.incorrectPropertyType(attribute, type);
    const reason = outOfRange(type, attributeValue);
    if (reason !== undefined) throw kvsErrors.invalidAttributeValue(attribute, type, reason);
  }
}
