// The management reports (the admin page's Management tab, for Jira administrators): compliance and request counts across customers, agreements and months,
// grouped as the manager chooses, contractual and internal (OLA) goals side by side. Two charts to look at, the same
// figures as a table to read (the charts' accessible alternative), every figure a way to the requests behind it, and
// every counted goal of the period as CSV or Excel. Figures come from the stored month entries, as the CLI's report.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnswerOf, ManagementPayload } from '../../../src/resolver-contract';
import { call } from '../../shared/api';
import { Button, Loading, ProblemMessage, SectionMessage } from '../../shared/components';
import { monthTitle, saveBase64File } from '../../shared/download';
import { formatDuration } from '../../shared/format';
import { RequestLink } from '../../shared/RequestLink';
import { hasCode, messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import './management-reports.css';

/** Every grouping of the period's figures, both kinds of goal: what the resolver answers once per period and filters. */
export type ManagementFigures = AnswerOf<'admin/management/report'>;
type Dimension = keyof ManagementFigures['groupings'];
type Group = ManagementFigures['groupings'][Dimension][number];
type Scope = 'both' | 'contractual' | 'internal';
type Figures = NonNullable<Group['contractual']>;
/** What the page shows: one grouping, the kinds of goal in the scope (the others null). */
export type ManagementView = Omit<ManagementFigures, 'groupings' | 'internalGoals'> & { groupBy: Dimension; scope: Scope; groups: Group[] };

/** The chosen grouping and scope of the figures, without asking the resolver again. */
export function viewOf(figures: ManagementFigures, groupBy: Dimension, scope: Scope): ManagementView {
  const masked = (g: Group): Group => ({ ...g, contractual: scope === 'internal' ? null : g.contractual, internal: scope === 'contractual' ? null : g.internal });
  const { groupings, internalGoals: _internal, ...common } = figures;
  // By goal, a goal of the other kind is not in the scope at all.
  const internal = new Set(figures.internalGoals);
  const groups = groupings[groupBy].filter((g) => scope === 'both' || groupBy !== 'goal' || internal.has(g.key) === (scope === 'internal'));
  return { ...common, groupBy, scope, groups: groups.map(masked), totals: masked(figures.totals) };
}
export type Measure = 'created' | 'resolved' | 'open' | 'closed' | 'met' | 'breached' | 'cancelled';
type Kind = 'contractual' | 'internal';
export interface Figure {
  group: string;
  label: string;
  measure: Measure;
  kind?: Kind;
}

export const DIMENSIONS: Array<[Dimension, string]> = [
  ['customer', 'Customer'],
  ['group', 'Customer group'],
  ['environment', 'Environment'],
  ['product', 'Product'],
  ['agreement', 'Agreement'],
  ['requestType', 'Request type'],
  ['priority', 'Priority'],
  ['goal', 'Goal'],
  ['assignee', 'Assignee'],
  ['month', 'Month'],
];
const SCOPES: Array<[Scope, string]> = [
  ['both', 'Both'],
  ['contractual', 'Contractual'],
  ['internal', 'Internal (OLA)'],
];
const KIND_NAMES: Record<Kind, string> = { contractual: 'Contractual', internal: 'Internal' };
const MEASURE_NAMES: Record<Measure, string> = { created: 'created', resolved: 'resolved', open: 'open', closed: 'closed', met: 'met', breached: 'breached', cancelled: 'cancelled' };
/** Chart colours: Atlassian's design tokens, with their light-theme values for hosts without them. */
const COLOURS = { contractual: 'var(--ds-chart-blue-bold, #1d7afc)', internal: 'var(--ds-chart-purple-bold, #8f7ee7)', met: 'var(--ds-chart-green-bold, #22a06b)', breached: 'var(--ds-chart-red-bold, #e34935)' };

/** `YYYY-MM` of a month `back` months before the one `now` falls in (UTC). */
export function monthBefore(now: number, back: number): string {
  const date = new Date(now);
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() - back;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `92.3 %`, or a dash when nothing was judged (no met and no breached goal is not 0 % compliance). */
export function percent(compliance: number | null | undefined): string {
  return compliance === null || compliance === undefined ? '–' : `${(Math.floor(compliance * 1000) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1 })} %`;
}

const chartValue = (compliance: number | null | undefined): number | null => (compliance === null || compliance === undefined ? null : Math.round(compliance * 1000) / 10);

/** Follows the width the chart may take (the page's width), so it fits a 1024 px window. */
function useWidth(): [(node: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(720);
  const ref = useCallback((node: HTMLElement | null) => {
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => entry && entry.contentRect.width > 0 && setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(node);
  }, []);
  return [ref, width];
}

function dimensionName(groupBy: Dimension): string {
  return (DIMENSIONS.find(([d]) => d === groupBy)?.[1] ?? groupBy).toLowerCase();
}

/** Compliance by group, contractual and internal side by side (a line through the months when grouped by month). */
function ComplianceChart({ view, width }: { view: ManagementView; width: number }) {
  const id = useId();
  const kinds = (['contractual', 'internal'] as const).filter((k) => view.totals[k] !== null);
  const data = view.groups.map((g) => ({ name: g.label, contractual: chartValue(g.contractual?.compliance), internal: chartValue(g.internal?.compliance) }));
  const title = `Compliance by ${dimensionName(view.groupBy)}`;
  const desc = `${kinds.map((k) => KIND_NAMES[k].toLowerCase()).join(' and ')} goals, in per cent; the table below gives the same figures`;
  const common = { width, height: 260, data, accessibilityLayer: true, title, desc, margin: { top: 8, right: 16, bottom: 8, left: 0 } };
  const axes = [<CartesianGrid key="grid" strokeDasharray="3 3" />, <XAxis key="x" dataKey="name" interval={0} tick={{ fontSize: 11 }} />, <YAxis key="y" domain={[0, 100]} unit=" %" width={56} />, <Tooltip key="tip" formatter={(v) => `${String(v)} %`} />, <Legend key="legend" />];
  return (
    <figure className="management-chart" aria-labelledby={id} data-testid="compliance-chart">
      <figcaption id={id}>{title}</figcaption>
      {view.groupBy === 'month' ? (
        <LineChart {...common}>
          {axes}
          {kinds.map((k) => (
            <Line key={k} type="monotone" dataKey={k} name={KIND_NAMES[k]} stroke={COLOURS[k]} strokeWidth={2} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart {...common}>
          {axes}
          {kinds.map((k) => (
            <Bar key={k} dataKey={k} name={KIND_NAMES[k]} fill={COLOURS[k]} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </figure>
  );
}

/** Goals met and breached by group, stacked per kind: how much each figure of compliance rests on. */
function CountsChart({ view, width }: { view: ManagementView; width: number }) {
  const id = useId();
  const kinds = (['contractual', 'internal'] as const).filter((k) => view.totals[k] !== null);
  const data = view.groups.map((g) => ({ name: g.label, ...Object.fromEntries(kinds.flatMap((k) => [[`${k}Met`, g[k]?.met ?? 0], [`${k}Breached`, g[k]?.breached ?? 0]])) }));
  const title = `Goals met and breached by ${dimensionName(view.groupBy)}`;
  return (
    <figure className="management-chart" aria-labelledby={id} data-testid="counts-chart">
      <figcaption id={id}>{title}</figcaption>
      <BarChart width={width} height={220} data={data} accessibilityLayer title={title} desc="counts of goals; the table below gives the same figures" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={56} />
        <Tooltip />
        <Legend />
        {kinds.flatMap((k) => [
          <Bar key={`${k}Met`} dataKey={`${k}Met`} stackId={k} name={`${KIND_NAMES[k]} met`} fill={COLOURS.met} fillOpacity={k === 'internal' ? 0.6 : 1} isAnimationActive={false} />,
          <Bar key={`${k}Breached`} dataKey={`${k}Breached`} stackId={k} name={`${KIND_NAMES[k]} breached`} fill={COLOURS.breached} fillOpacity={k === 'internal' ? 0.6 : 1} isAnimationActive={false} />,
        ])}
      </BarChart>
    </figure>
  );
}

/** A count that opens the requests behind it; a zero opens nothing. */
function FigureButton({ value, figure, onOpen }: { value: number; figure: Figure; onOpen: (figure: Figure) => void }) {
  const what = `${figure.kind ? `${KIND_NAMES[figure.kind].toLowerCase()} goals ` : 'requests '}${MEASURE_NAMES[figure.measure]}`;
  return (
    <button type="button" className="figure" disabled={value === 0} onClick={() => onOpen(figure)} aria-label={`${value} ${what}, ${figure.label}: show them`}>
      {value.toLocaleString('en-GB')}
    </button>
  );
}

const GOAL_MEASURES = ['met', 'breached', 'cancelled', 'closed'] as const;

function FiguresRow({ group, kinds, onOpen, total = false }: { group: Group; kinds: Kind[]; onOpen: (figure: Figure) => void; total?: boolean }) {
  const key = total ? 'total' : group.key;
  const cells = (kind: Kind, figures: Figures | null) =>
    figures === null
      ? null
      : [
          ...GOAL_MEASURES.map((m) => (
            <td key={`${kind}-${m}`}>
              <FigureButton value={figures[m]} figure={{ group: key, label: group.label, measure: m, kind }} onOpen={onOpen} />
            </td>
          )),
          <td key={`${kind}-compliance`} data-testid={`${kind}-compliance`}>
            {percent(figures.compliance)}
          </td>,
        ];
  const Cell = total ? 'td' : 'th';
  return (
    <tr data-testid={total ? 'figures-total' : 'figures-row'} data-group={key}>
      <Cell {...(total ? {} : { scope: 'row' })}>{group.label}</Cell>
      {(['created', 'resolved', 'open'] as const).map((m) => (
        <td key={m}>{group.requests ? <FigureButton value={group.requests[m]} figure={{ group: key, label: group.label, measure: m }} onOpen={onOpen} /> : '–'}</td>
      ))}
      {kinds.map((k) => cells(k, group[k]))}
    </tr>
  );
}

/** The figures as a table: what the charts show, to read, and each count a way to its requests. */
function FiguresTable({ view, onOpen }: { view: ManagementView; onOpen: (figure: Figure) => void }) {
  const kinds = (['contractual', 'internal'] as const).filter((k) => view.totals[k] !== null);
  const last = monthTitle(view.to);
  return (
    <div className="management-table-wrap">
      <table className="management-table" data-testid="figures-table">
        <caption className="subtle">
          Requests created and resolved in the period, open at the end of {view.groupBy === 'month' ? 'each month' : last}; goals closed, met, breached and cancelled in the period
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {DIMENSIONS.find(([d]) => d === view.groupBy)?.[1]}
            </th>
            <th scope="colgroup" colSpan={3}>
              Requests
            </th>
            {kinds.map((k) => (
              <th key={k} scope="colgroup" colSpan={5}>
                {KIND_NAMES[k]} goals
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Resolved</th>
            <th scope="col">Open</th>
            {kinds.flatMap((k) => [
              <th key={`${k}-met`} scope="col">Met</th>,
              <th key={`${k}-breached`} scope="col">Breached</th>,
              <th key={`${k}-cancelled`} scope="col">Cancelled</th>,
              <th key={`${k}-closed`} scope="col">Closed</th>,
              <th key={`${k}-compliance`} scope="col">Compliance</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {view.groups.map((group) => (
            <FiguresRow key={group.key} group={group} kinds={kinds} onOpen={onOpen} />
          ))}
        </tbody>
        <tfoot>
          <FiguresRow group={view.totals} kinds={kinds} onOpen={onOpen} total />
        </tfoot>
      </table>
    </div>
  );
}

type Drill = AnswerOf<'admin/management/drill'>;

function outcomeText(row: Drill['rows'][number]): string {
  if (row.outcome === null || row.targetMs === null || row.elapsedMs === null) return row.outcome ?? 'closed';
  const target = formatDuration(Math.floor(row.targetMs / 1000));
  if (row.outcome === 'breached') return `breached by ${formatDuration(Math.floor((row.elapsedMs - row.targetMs) / 1000))} (target ${target})`;
  return `${row.outcome} in ${formatDuration(Math.floor(row.elapsedMs / 1000))} (target ${target})`;
}

/** The requests behind one figure, each opening in Jira. */
function DrillDown({ query, figure, onClose }: { query: ManagementPayload; figure: Figure; onClose: () => void }) {
  const fetcher = useCallback(() => call('admin/management/drill', { ...query, group: figure.group, measure: figure.measure, ...(figure.kind ? { kind: figure.kind } : {}) }), [query, figure]);
  const drill = useResource<Drill>(fetcher);
  const title = `${figure.label}: ${figure.kind ? `${KIND_NAMES[figure.kind].toLowerCase()} goals` : 'requests'} ${MEASURE_NAMES[figure.measure]}`;
  const goals = figure.kind !== undefined;
  return (
    <section className="management-drill" aria-label={title} data-testid="drill-down">
      <header className="toolbar">
        <h3>{title}</h3>
        {drill.data && (
          <span className="subtle" data-testid="drill-count">
            {drill.data.total > drill.data.rows.length ? `the first ${drill.data.rows.length} of ${drill.data.total}` : `${drill.data.total}`}
          </span>
        )}
        <Button appearance="subtle" onClick={onClose}>
          Close
        </Button>
      </header>
      {drill.error !== null && !drill.data && <ProblemMessage title="The requests could not be loaded" error={drill.error} />}
      {!drill.data && drill.error === null && <Loading label="Finding the requests…" />}
      {drill.data && (
        <table className="management-table">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Month</th>
              <th scope="col">Agreement</th>
              <th scope="col">Priority</th>
              <th scope="col">Assignee</th>
              {goals ? <th scope="col">Goal</th> : <th scope="col">Status</th>}
              {goals && <th scope="col">Outcome</th>}
            </tr>
          </thead>
          <tbody>
            {drill.data.rows.map((row) => (
              <tr key={`${row.issueKey}-${row.month}-${row.goal ?? ''}-${row.cycle ?? ''}`} data-testid="drill-row">
                <td>
                  <RequestLink issueKey={row.issueKey} className="monitoring__key" /> {row.summary && <span className="monitoring__summary">{row.summary}</span>}
                </td>
                <td>{row.month}</td>
                <td>{row.agreement}</td>
                <td>{row.priority ?? '–'}</td>
                <td>{row.assignee ?? 'Unassigned'}</td>
                {goals ? <td>{`${row.goal ?? ''}${row.cycle !== null && row.cycle > 1 ? ` #${row.cycle}` : ''}`}</td> : <td>{row.status ?? '–'}</td>}
                {goals && <td>{outcomeText(row)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Totals({ view }: { view: ManagementView }) {
  const tiles: Array<[string, string, string]> = [];
  if (view.totals.contractual) tiles.push(['contractual', percent(view.totals.contractual.compliance), 'Contractual compliance']);
  if (view.totals.internal) tiles.push(['internal', percent(view.totals.internal.compliance), 'Internal (OLA) compliance']);
  const requests = view.totals.requests!;
  tiles.push(['created', requests.created.toLocaleString('en-GB'), 'Requests created'], ['resolved', requests.resolved.toLocaleString('en-GB'), 'Requests resolved'], ['open', requests.open.toLocaleString('en-GB'), `Open at the end of ${monthTitle(view.to)}`]);
  return (
    <ul className="management-totals" data-testid="management-totals">
      {tiles.map(([key, value, label]) => (
        <li key={key} className="management-total" data-testid={`total-${key}`}>
          <span className="management-total__value">{value}</span>
          <span className="management-total__label">{label}</span>
        </li>
      ))}
    </ul>
  );
}

/** The CSV arrives compressed (a year of goals would not fit one answer otherwise): inflated here, as base64 again. */
export async function gunzipBase64(base64: string): Promise<string> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const inflated = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  let text = '';
  for (let i = 0; i < inflated.length; i += 0x8000) text += String.fromCharCode(...inflated.subarray(i, i + 0x8000));
  return btoa(text);
}

function Exports({ query }: { query: ManagementPayload }) {
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setProblem(null);
    try {
      const file = await call('admin/management/export', { ...query, format });
      saveBase64File(file.fileName, file.gzip ? await gunzipBase64(file.base64) : file.base64, file.type);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="management-exports">
      <Button onClick={() => void download('csv')} disabled={busy !== null}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </Button>
      <Button onClick={() => void download('xlsx')} disabled={busy !== null}>
        {busy === 'xlsx' ? 'Exporting…' : 'Export Excel'}
      </Button>
      {problem !== null && <ProblemMessage title="The export could not be made" error={problem} />}
    </div>
  );
}

export function ManagementReports() {
  const [from, setFrom] = useState(() => monthBefore(Date.now(), 3));
  const [to, setTo] = useState(() => monthBefore(Date.now(), 1));
  const [customer, setCustomer] = useState('');
  const [agreement, setAgreement] = useState('');
  const [scope, setScope] = useState<Scope>('both');
  const [groupBy, setGroupBy] = useState<Dimension>('customer');
  const [figure, setFigure] = useState<Figure | null>(null);
  const [chartRef, width] = useWidth();
  const filters = useMemo(
    () => ({ from, to, ...(customer ? { customers: [customer] } : {}), ...(agreement ? { agreements: [agreement] } : {}) }),
    [from, to, customer, agreement],
  );
  // Drill-downs and exports say the grouping and the scope the figure was read in.
  const query = useMemo<ManagementPayload>(() => ({ ...filters, scope, groupBy }), [filters, scope, groupBy]);
  // Only the filters ask the resolver: the answer holds every grouping, so regrouping or a scope is instant.
  // Each answer remembers the filters it was asked with: figures of earlier filters stay on screen, marked as such.
  const fetcher = useCallback(async () => ({ filters, figures: await call('admin/management/report', filters) }), [filters]);
  const report = useResource<{ filters: typeof filters; figures: ManagementFigures }>(from && to ? fetcher : null, { delayMs: 150 });
  const view = useMemo(() => (report.data ? viewOf(report.data.figures, groupBy, scope) : null), [report.data, groupBy, scope]);
  const stale = report.loading || report.data?.filters !== filters;
  // A figure belongs to the view it was read from: another view closes the requests shown.
  useEffect(() => setFigure(null), [query]);
  if (!view && report.error !== null && hasCode(report.error, 'NOT_CONFIGURED')) {
    return (
      <SectionMessage appearance="information" title="Contract SLA is not set up yet">
        <p>{messagesOf(report.error).join(' ')}</p>
      </SectionMessage>
    );
  }
  const agreements = view?.agreements.filter((a) => !customer || a.customer === customer) ?? [];
  return (
    <section className="management-page" ref={chartRef} aria-label="Management reports" aria-busy={stale}>
      <header className="toolbar">
        <h2>Management reports</h2>
        {view && <Exports query={query} />}
      </header>
      <div className="management-controls">
        <label>
          From
          <input type="month" aria-label="From" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="month" aria-label="To" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Customer
          <select
            aria-label="Customer"
            value={customer}
            onChange={(e) => {
              setCustomer(e.target.value);
              setAgreement('');
            }}
          >
            <option value="">All customers</option>
            {view?.customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Agreement
          <select aria-label="Agreement" value={agreement} onChange={(e) => setAgreement(e.target.value)}>
            <option value="">All agreements</option>
            {agreements.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend className="subtle">Goals</legend>
          {SCOPES.map(([value, label]) => (
            <label key={value}>
              <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <label>
          Group by
          <select aria-label="Group by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as Dimension)}>
            {DIMENSIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {report.error !== null && <ProblemMessage title="The reports could not be loaded" error={report.error} />}
      {!view && report.error === null && <Loading label="Reading the months…" />}
      {view && (
        <>
          <p className="subtle" data-testid="management-period">
            {view.from === view.to ? monthTitle(view.from) : `${monthTitle(view.from)} to ${monthTitle(view.to)}`}, each agreement’s months in its own calendar’s zone
            {stale ? ' — updating…' : ''}
          </p>
          <Totals view={view} />
          {view.groups.length === 0 ? (
            <p className="subtle" data-testid="management-empty">
              No request counts in this period.
            </p>
          ) : (
            <>
              <ComplianceChart view={view} width={Math.min(width, 1200)} />
              <CountsChart view={view} width={Math.min(width, 1200)} />
            </>
          )}
          <FiguresTable view={view} onOpen={setFigure} />
          {figure && <DrillDown query={query} figure={figure} onClose={() => setFigure(null)} />}
        </>
      )}
    </section>
  );
}
