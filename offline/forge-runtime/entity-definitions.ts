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
const TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'float', 'boolean', 'any']);

function fail(entity: string, detail: string): never {
  throw new Error(`storage entity "${entity}": ${detail}`);
}

function resolveIndex(entity: string, attributes: ReadonlyMap<string, AttributeType>, declaration: IndexDeclaration): ResolvedIndex {
  const index = typeof declaration === 'string' ? { name: declaration, partition: [], range: [declaration] } : declaration;
  const partition = index.partition ?? [];
  if (typeof index.name !== 'string' || index.name === '') fail(entity, 'an index has no name');
  if (!Array.isArray(index.range) || index.range.length !== 1) fail(entity, `index "${index.name}" must have exactly one range attribute`);
  for (const attribute of [...partition, ...index.range]) {
    if (!attributes.has(attribute)) fail(entity, `index "${index.name}" uses undeclared attribute "${attribute}"`);
  }
  return { name: index.name, partition: [...partition], range: index.range[0] as string };
}

export function resolveEntity(definition: EntityDefinition): ResolvedEntity {
  const { name } = definition;
  if (typeof name !== 'string' || name.length < 3 || name.length > 60 || !ENTITY_NAME.test(name)) fail(String(name), 'invalid entity name');
  const attributes = new Map<string, AttributeType>();
  for (const [attribute, spec] of Object.entries(definition.attributes ?? {})) {
    if (!ATTRIBUTE_NAME.test(attribute)) fail(name, `invalid attribute name "${attribute}"`);
    if (!spec || !TYPES.has(spec.type)) fail(name, `attribute "${attribute}" has an unknown type`);
    attributes.set(attribute, spec.type);
  }
  const indexes = new Map<string, ResolvedIndex>();
  for (const declaration of definition.indexes ?? []) {
    const index = resolveIndex(name, attributes, declaration);
    if (indexes.has(index.name)) fail(name, `duplicate index "${index.name}"`);
    indexes.set(index.name, index);
  }
  return { name, attributes, indexes };
}

/** Reads `app.storage.entities` from a manifest.yml; an app without custom entities yields []. */
export function loadEntityDefinitions(manifestPath: string): EntityDefinition[] {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { app?: { storage?: { entities?: unknown } } } | null;
  const entities = manifest?.app?.storage?.entities ?? [];
  if (!Array.isArray(entities)) throw new Error(`${manifestPath}: app.storage.entities must be a list`);
  return entities as EntityDefinition[];
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

function matchesType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      // The platform stores integers as 32-bit signed values and refuses anything outside.
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

/** Declared attributes must hold values of their type; absent ones are allowed (they only drop out of indexes). */
export function checkEntityValue(entity: ResolvedEntity, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw kvsErrors.invalidEntityValue();
  const record = value as Record<string, unknown>;
  for (const [attribute, type] of entity.attributes) {
    const attributeValue = record[attribute];
    if (attributeValue === undefined || attributeValue === null) continue;
    if (!matchesType(type, attributeValue)) throw kvsErrors.incorrectPropertyType(attribute, type);
  }
}
