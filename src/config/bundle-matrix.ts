// Priority matrices (§6) as a grid an admin edits: each axis has levels with unique ids, and every impact × urgency
// cell holds one of the model's priorities. Cells are keyed by level ids, so a problem's path names the cell
// (`priorityModels[0].matrix.cells.many.now`). Plain checks on the raw input; wrong types are zod's to report.
import { formatPath, issueAt, type PathIssue, type PathSegment } from './issues';
import { indexById, priorityIds, type Index } from './bundle-references';
import { fieldOf, isRecord, recordsOf, textOf, type RawRecord } from './raw';

function levelIds(matrix: RawRecord, axis: 'impact' | 'urgency', path: PathSegment[], out: PathIssue[]): Index | undefined {
  const levels = fieldOf(matrix, axis);
  if (!Array.isArray(levels)) return undefined;
  if (levels.length === 0) {
    out.push(issueAt([...path, axis], `expected at least one ${axis} level`));
    return undefined;
  }
  return indexById(levels, [...path, axis], out, 'id', 'level');
}

function priorityMessage(id: string, modelId: string, model: RawRecord, models: Index): string | undefined {
  const ids = priorityIds(model);
  if (ids.has(id)) return undefined;
  const owner = [...models].find(([, entry]) => priorityIds(entry.record).has(id));
  return owner === undefined
    ? `unknown priority "${id}"; priority model "${modelId}" has ${[...ids].join(', ') || 'no priorities'}`
    : `priority "${id}" belongs to priority model "${owner[0]}", not to "${modelId}"`;
}

function checkCells(cells: RawRecord, impact: Index, urgency: Index, model: RawRecord, modelId: string, models: Index, path: PathSegment[], out: PathIssue[]): void {
  const urgencies = [...urgency.keys()].join(', ');
  for (const key of Object.keys(cells)) {
    if (!impact.has(key)) out.push(issueAt([...path, key], `unknown impact "${key}"; impact levels: ${[...impact.keys()].join(', ')}`, key));
  }
  for (const impactId of impact.keys()) {
    const row = fieldOf(cells, impactId);
    if (row === undefined) {
      out.push(issueAt([...path, impactId], `missing row: impact "${impactId}" needs a priority for each urgency (${urgencies})`));
      continue;
    }
    if (!isRecord(row)) continue;
    for (const key of Object.keys(row)) {
      if (!urgency.has(key)) out.push(issueAt([...path, impactId, key], `unknown urgency "${key}"; urgency levels: ${urgencies}`, key));
    }
    for (const urgencyId of urgency.keys()) {
      const cell = fieldOf(row, urgencyId);
      const cellPath = [...path, impactId, urgencyId];
      if (cell === undefined) out.push(issueAt(cellPath, `empty cell: impact "${impactId}" × urgency "${urgencyId}" needs a priority`));
      const id = textOf(cell);
      const message = id === undefined ? undefined : priorityMessage(id, modelId, model, models);
      if (message !== undefined) out.push(issueAt(cellPath, message, id));
    }
  }
}

export function checkMatrices(bundle: RawRecord, out: PathIssue[]): void {
  const models = indexById(fieldOf(bundle, 'priorityModels'), ['priorityModels'], []);
  for (const [i, model] of recordsOf(fieldOf(bundle, 'priorityModels'))) {
    const matrix = fieldOf(model, 'matrix');
    if (!isRecord(matrix)) continue;
    const path = ['priorityModels', i, 'matrix'];
    const impact = levelIds(matrix, 'impact', path, out);
    const urgency = levelIds(matrix, 'urgency', path, out);
    const cells = fieldOf(matrix, 'cells');
    if (impact === undefined || urgency === undefined || !isRecord(cells)) continue;
    checkCells(cells, impact, urgency, model, textOf(fieldOf(model, 'id')) ?? formatPath(['priorityModels', i]), models, [...path, 'cells'], out);
  }
}
