// Read-only, never-throwing access to not-yet-validated JSON. The plain checks run on the raw input (not on zod's
// output) so that, say, a reference error is still found when an unrelated field elsewhere has the wrong type;
// they simply skip anything that is not of the expected type, since zod reports that.

export type RawRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of a list (none when it is not a list). */
export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The object elements of a list, with their index in the list. */
export function recordsOf(value: unknown): Array<[number, RawRecord]> {
  const out: Array<[number, RawRecord]> = [];
  itemsOf(value).forEach((item, index) => {
    if (isRecord(item)) out.push([index, item]);
  });
  return out;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A record's field; own properties only, so `"constructor"` in the input never finds Object.prototype's. */
export function fieldOf(record: RawRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
