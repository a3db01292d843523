// A CSV file of environment versions (formats.md §9.3) read for an import that records everything or nothing:
// a header naming the columns, then one deployment per row. Every mistake is named by the file's line and the
// column (`csv[4].version: "latest" is not a version …`), all of them at once, before anything is recorded.
import type { ConfigBundle } from '../engine/types';
import { checkDeployment, DEPLOYMENT_FIELDS, type CheckedDeployment } from './deployment-input';
import type { ValidationIssue } from './issues';
import { nearestName } from './nearest-name';

export const MAX_CSV_BYTES = 200 * 1024;
export const MAX_CSV_ROWS = 500;

const REQUIRED = ['customer', 'environment', 'product', 'version'] as const;

/** One row of the file: its cells and the line it starts on (1 = the header). */
interface Row {
  line: number;
  cells: string[];
}

/** RFC 4180 records: commas between cells, double quotes around a cell holding commas, quotes or line breaks. */
export function csvRows(text: string): { rows: Row[] } | { error: ValidationIssue } {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let afterQuote = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '' && !afterQuote) quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (afterQuote) {
      return { error: { path: `csv[${line}]`, message: 'text after a closing quote; a quoted cell ends at its quote, and a quote inside it is written twice ("")' } };
    } else cell += ch;
  }
  if (quoted) return { error: { path: `csv[${rowLine}]`, message: 'a quote opened on this line is never closed' } };
  endRow();
  return { rows };
}

export type CsvImport = { ok: true; rows: Array<{ line: number; deployment: CheckedDeployment }> } | { ok: false; issues: ValidationIssue[] };

/** Reads and checks the whole file; `now` is the deployed-at instant of rows that give none. */
export function readEnvironmentCsv(bundle: ConfigBundle, text: string, now: number): CsvImport {
  const fail = (path: string, message: string): CsvImport => ({ ok: false, issues: [{ path, message }] });
  if (new TextEncoder().encode(text).length > MAX_CSV_BYTES) return fail('csv', `the file is larger than ${MAX_CSV_BYTES / 1024} KB; split it`);
  const parsed = csvRows(text);
  if ('error' in parsed) return { ok: false, issues: [parsed.error] };
  const [header, ...rows] = parsed.rows;
  if (header === undefined) return fail('csv', `the file is empty; expected a header line such as ${DEPLOYMENT_FIELDS.join(',')}`);
  if (rows.length === 0) return fail('csv', 'the file has a header but no rows');
  if (rows.length > MAX_CSV_ROWS) return fail('csv', `the file has ${rows.length} rows; at most ${MAX_CSV_ROWS} are imported at once, split it`);

  const issues: ValidationIssue[] = [];
  const columns = header.cells.map((c) => c.trim());
  const known: readonly string[] = DEPLOYMENT_FIELDS;
  columns.forEach((column, c) => {
    if (!known.includes(column)) {
      const near = nearestName(column, known);
      issues.push({ path: `csv[${header.line}]`, message: `column ${c + 1} ${JSON.stringify(column)} is unknown; ${near ? `did you mean "${near}"? ` : ''}known columns: ${known.join(', ')}` });
    } else if (columns.indexOf(column) !== c) issues.push({ path: `csv[${header.line}]`, message: `the column ${column} is named twice` });
  });
  for (const column of REQUIRED) if (!columns.includes(column)) issues.push({ path: `csv[${header.line}]`, message: `the header has no ${column} column` });
  if (issues.length > 0) return { ok: false, issues };

  const out: Array<{ line: number; deployment: CheckedDeployment }> = [];
  const seen = new Map<string, { line: number; version: string; given: boolean }>();
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      issues.push({ path: `csv[${row.line}]`, message: `expected ${columns.length} cells as the header names, got ${row.cells.length}` });
      continue;
    }
    const fields: Record<string, string> = {};
    columns.forEach((column, c) => (fields[column] = row.cells[c]!.trim()));
    const checked = checkDeployment(bundle, fields, now);
    if (!checked.ok) {
      for (const issue of checked.issues) issues.push({ path: `csv[${row.line}].${issue.field}`, message: issue.message });
      continue;
    }
    const d = checked.value;
    // The same target twice at one instant: which of the two runs there would be a guess.
    const key = JSON.stringify([d.customer, d.environment, d.product, d.deployedAtGiven ? d.deployedAt : 'now']);
    const earlier = seen.get(key);
    if (earlier !== undefined && (earlier.version !== d.version || !d.deployedAtGiven)) {
      const why = d.deployedAtGiven ? `with another version at the same deployedAt` : `too, and neither gives a deployedAt to say which came later`;
      issues.push({ path: `csv[${row.line}]`, message: `${d.customer} ${d.environment} ${d.product} is on line ${earlier.line} ${why}` });
      continue;
    }
    seen.set(key, { line: row.line, version: d.version, given: d.deployedAtGiven });
    out.push({ line: row.line, deployment: d });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows: out };
}
