// A column header that orders a table by its column, for every sortable table of the app (the work list, the
// contracts page): a button in the header cell, the arrow of the current order, and `aria-sort` so a screen reader
// says how the table is ordered.

export interface ColumnOrder<K extends string> {
  by: K;
  descending: boolean;
}

export function SortHeader<K extends string>({
  label,
  by,
  order,
  onOrder,
  next,
}: {
  label: string;
  by: K;
  order: ColumnOrder<K>;
  onOrder: (order: ColumnOrder<K>) => void;
  /** The order a click gives; by default this column ascending, and a second click reverses it. */
  next?: (active: boolean) => ColumnOrder<K>;
}) {
  const active = order.by === by;
  const clicked = (): ColumnOrder<K> => (next ? next(active) : { by, descending: active ? !order.descending : false });
  return (
    <th scope="col" aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" data-testid={`sort-${by}`} onClick={() => onOrder(clicked())}>
        {label}
        <span aria-hidden="true">{active ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}
