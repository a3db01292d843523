// What changed between two configuration bundles, in the admin's words: entries matched by id within each section
// ("Agreement “ACME Production”: target row 3, target PT4H → PT6H", "Calendar “Oslo” added"), so the history can say what
// a version changed and a save conflict can show the other admin's changes beside one's own. Pure, for the resolver
// and the admin page alike.
import type { ConfigBundle } from '../engine/types';
import { fieldInWords } from './field-words';

export interface BundleChange {
  /** The entry it concerns: `Agreement “ACME Production”`, or the section for a list-wide change. */
  entry: string;
  /** Where in the entry, as a path relative to it (`targets[2].target`); empty for the entry as a whole. */
  field: string;
  /** The bundle path, for jumping to the field: `agreements[0].targets[2].target`. */
  path: string;
  /** `reordered`: a section's entries kept, their order changed (for agreements the first that applies wins). */
  kind: 'added' | 'removed' | 'changed' | 'reordered';
  /** Short JSON of the values (absent for added or removed entries). */
  before?: string;
  after?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SECTIONS: ReadonlyArray<{ key: keyof ConfigBundle; noun: string }> = [
  { key: 'holidayCollections', noun: 'Holiday collection' },
  { key: 'calendars', noun: 'Calendar' },
  { key: 'priorityModels', noun: 'Priority model' },
  { key: 'actions', noun: 'Action' },
  { key: 'actionModels', noun: 'Action model' },
  { key: 'goals', noun: 'Goal' },
  { key: 'customers', noun: 'Customer' },
  { key: 'agreements', noun: 'Agreement' },
];

const MAX_VALUE_CHARS = 80;

/** A value as one short line: long lists and objects are cut with an ellipsis. */
export function shortValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

const isObject = (value: unknown): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalarList = (value: unknown): boolean => Array.isArray(value) && value.every((v) => !isObject(v) && !Array.isArray(v));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const joinPath = (base: string, key: string | number): string => (typeof key === 'number' ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`);

/** Leaf differences between two values of one entry; lists of plain values and short pairs compare whole. */
function diffValues(before: unknown, after: unknown, field: string, out: Array<Pick<BundleChange, 'field' | 'kind' | 'before' | 'after'>>): void {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) diffValues(before[key], after[key], joinPath(field, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && !(isScalarList(before) && isScalarList(after))) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      const path = joinPath(field, i);
      if (i >= before.length) out.push({ field: path, kind: 'added', after: shortValue(after[i]) });
      else if (i >= after.length) out.push({ field: path, kind: 'removed', before: shortValue(before[i]) });
      else diffValues(before[i], after[i], path, out);
    }
    return;
  }
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  out.push({ field, kind, ...(before === undefined ? {} : { before: shortValue(before) }), ...(after === undefined ? {} : { after: shortValue(after) }) });
}

type Entry = { id?: unknown; name?: unknown };

const entryLabel = (noun: string, entry: Entry): string => {
  const id = typeof entry.id === 'string' ? entry.id : '';
  const name = typeof entry.name === 'string' && entry.name !== '' ? entry.name : id;
  return `${noun} “${name || '(no id)'}”`;
};

/**
 * Every difference from `before` to `after`, section by section in the page's order; entries are matched by id, so
 * a reordered list changes nothing but the order, which is reported once for the section.
 */
export function describeChanges(before: ConfigBundle, after: ConfigBundle): BundleChange[] {
  const out: BundleChange[] = [];
  for (const { key, noun } of SECTIONS) {
    const was = ((before[key] as unknown[] | undefined) ?? []) as Entry[];
    const now = ((after[key] as unknown[] | undefined) ?? []) as Entry[];
    const wasById = new Map(was.map((entry, index) => [entry.id, { entry, index }]));
    const nowIds = new Set(now.map((entry) => entry.id));
    now.forEach((entry, index) => {
      const path = joinPath(key, index);
      const previous = wasById.get(entry.id);
      if (!previous) {
        out.push({ entry: entryLabel(noun, entry), field: '', path, kind: 'added' });
        return;
      }
      const fields: Array<Pick<BundleChange, 'field' | 'kind' | 'before' | 'after'>> = [];
      diffValues(previous.entry, entry, '', fields);
      for (const change of fields) out.push({ entry: entryLabel(noun, entry), path: joinPath(path, change.field), ...change });
    });
    was.forEach((entry, index) => {
      if (!nowIds.has(entry.id)) out.push({ entry: entryLabel(noun, entry), field: '', path: joinPath(key, index), kind: 'removed' });
    });
    const order = (list: Entry[]) => list.map((e) => e.id).filter((id) => wasById.has(id) && nowIds.has(id));
    if (!same(order(was), order(now))) out.push({ entry: `${noun}s`, field: '', path: key, kind: 'reordered' });
  }
  return out;
}

/** `Agreement “ACME Production”: target row 3, target PT4H → PT6H`, `Calendar “Oslo” added`. */
export function changeSentence(change: BundleChange): string {
  if (change.field === '') return `${change.entry} ${change.kind}`;
  const field = fieldInWords(change.field);
  if (change.kind === 'added') return `${change.entry}: ${field} added (${change.after})`;
  if (change.kind === 'removed') return `${change.entry}: ${field} removed (was ${change.before})`;
  return `${change.entry}: ${field} ${change.before} → ${change.after}`;
}
