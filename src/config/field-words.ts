// A path inside one configuration entry said in words, for people: `week.mon[1]` → `Monday interval 2`,
// `targets[2].target` → `target row 3, target`, `escalations[0].when.elapsedPercent` → `escalation 1, elapsed
// percent`. The JSON path stays the exact reference (errors carry it, forms are keyed by it); this is how it reads.

const WEEKDAYS: Readonly<Record<string, string>> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** What one item of a list is called, where dropping the plural's "s" would not say it. */
const ITEM_OF: Readonly<Record<string, string>> = {
  targets: 'target row',
  priorities: 'priority',
  escalations: 'escalation',
  notify: 'recipient',
  entries: 'entry',
  mon: 'Monday interval',
  tue: 'Tuesday interval',
  wed: 'Wednesday interval',
  thu: 'Thursday interval',
  fri: 'Friday interval',
  sat: 'Saturday interval',
  sun: 'Sunday interval',
};

/** Containers that add nothing to what their fields say (`week.mon`, an escalation's `when.overdue`). */
const SILENT = new Set(['week', 'when']);

const words = (name: string): string => WEEKDAYS[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const itemOf = (list: string): string => ITEM_OF[list] ?? words(list.endsWith('ies') ? `${list.slice(0, -3)}y` : list.replace(/s$/, ''));

/** Splits `targets[2].target` into `targets`, 2, `target`. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return out;
}

export function fieldInWords(path: string): string {
  const parts: string[] = [];
  const all = segments(path);
  all.forEach((segment, i) => {
    const next = all[i + 1];
    if (typeof segment === 'number') return;
    if (typeof next === 'number') parts.push(`${itemOf(segment)} ${next + 1}`);
    else if (!SILENT.has(segment)) parts.push(words(segment));
  });
  return parts.join(', ') || path;
}
