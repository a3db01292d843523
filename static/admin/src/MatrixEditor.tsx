// A priority model's impact × urgency matrix (formats.md §6), edited as a grid: each axis a list of levels in the
// customer's words, and one cell per impact × urgency naming a priority of this model. The validator checks that
// every cell is filled with one of the model's priorities; the grid shows its errors on the cell they concern.
import type { MatrixLevel, PriorityMatrix } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { DeleteButton, SelectField, TextField } from './controls';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import type { ConfigBundle } from './model';
import { uniqueId } from './model';
import { at } from './paths';

type Axis = 'impact' | 'urgency';
const AXES: Array<{ axis: Axis; title: string; question: string }> = [
  { axis: 'impact', title: 'Impact', question: 'How many people are affected?' },
  { axis: 'urgency', title: 'Urgency', question: 'How soon is it needed?' },
];

/** A first matrix: two levels on each axis, every cell the model's least urgent priority until the admin chooses. */
export function newMatrix(priorityIds: string[]): PriorityMatrix {
  const last = priorityIds[priorityIds.length - 1] ?? '';
  return {
    impact: [
      { id: 'many', label: 'Many people' },
      { id: 'few', label: 'One person or a few' },
    ],
    urgency: [
      { id: 'now', label: 'Work has stopped' },
      { id: 'later', label: 'It can wait' },
    ],
    cells: { many: { now: last, later: last }, few: { now: last, later: last } },
  };
}

/** Renames a level and keeps its cells: the cells are keyed by level ids. */
export function renameLevel(matrix: PriorityMatrix, axis: Axis, index: number, id: string): void {
  const level = matrix[axis][index]!;
  const old = level.id;
  level.id = id;
  if (old === id) return;
  if (axis === 'impact') {
    const row = matrix.cells[old];
    delete matrix.cells[old];
    if (row) matrix.cells[id] = row;
  } else {
    for (const row of Object.values(matrix.cells)) {
      if (!(old in row)) continue;
      row[id] = row[old]!;
      delete row[old];
    }
  }
}

/** Adds a level; its new cells start empty, so the validator names each one until the admin fills it. */
export function addLevel(matrix: PriorityMatrix, axis: Axis): void {
  const id = uniqueId(axis === 'impact' ? 'impact' : 'urgency', matrix[axis].map((l) => l.id));
  matrix[axis].push({ id, label: '' });
  if (axis === 'impact') matrix.cells[id] = {};
}

export function removeLevel(matrix: PriorityMatrix, axis: Axis, index: number): void {
  const [level] = matrix[axis].splice(index, 1);
  if (!level) return;
  if (axis === 'impact') delete matrix.cells[level.id];
  else for (const row of Object.values(matrix.cells)) delete row[level.id];
}

function LevelRows({ matrix, axis, path, edit }: { matrix: PriorityMatrix; axis: Axis; path: string; edit: (fn: (m: PriorityMatrix) => void) => void }) {
  const levels: MatrixLevel[] = matrix[axis];
  return (
    <>
      {levels.map((level, k) => {
        const own = at(path, k);
        return (
          <div className="row matrix-level" key={k} data-path={own} data-testid={`matrix-${axis}-${k}`}>
            <TextField compact label={`Id of ${axis} ${k + 1}`} path={at(own, 'id')} value={level.id} onChange={(v) => edit((m) => renameLevel(m, axis, k, v))} />
            <TextField compact label={`Label of ${axis} ${k + 1}`} path={at(own, 'label')} value={level.label} placeholder="In the customer's words" onChange={(v) => edit((m) => void (m[axis][k]!.label = v))} />
            <TextField
              compact
              label={`Description of ${axis} ${k + 1}`}
              path={at(own, 'description')}
              value={level.description ?? ''}
              placeholder="Optional explanation"
              onChange={(v) => edit((m) => (v === '' ? delete m[axis][k]!.description : (m[axis][k]!.description = v)))}
            />
            <DeleteButton label="Remove" what={`${axis === 'impact' ? 'Impact' : 'Urgency'} ${level.label || level.id}`} usedBy={[]} onDelete={() => edit((m) => removeLevel(m, axis, k))} />
          </div>
        );
      })}
      <Button appearance="link" onClick={() => edit((m) => addLevel(m, axis))}>
        + Add {axis} level
      </Button>
    </>
  );
}

export function MatrixEditor({ bundle, edit, index }: Pick<SectionProps, 'edit'> & { bundle: ConfigBundle; index: number }) {
  const model = bundle.priorityModels[index]!;
  const path = at(at('priorityModels', index), 'matrix');
  const matrix = model.matrix;
  const editMatrix = (fn: (m: PriorityMatrix) => void) => edit((d) => fn(d.priorityModels[index]!.matrix!));
  if (!matrix) {
    return (
      <fieldset className="field" data-path={path}>
        <legend className="field-label">Impact × urgency matrix</legend>
        <p className="hint">
          Optional. With a matrix, customers answer two questions on the portal instead of choosing a priority, and the
          cell of their answers is the priority; agents change the answers on the request.
        </p>
        <Button appearance="link" onClick={() => edit((d) => void (d.priorityModels[index]!.matrix = newMatrix(d.priorityModels[index]!.priorities.map((p) => p.id))))}>
          + Add a matrix
        </Button>
      </fieldset>
    );
  }
  const options = model.priorities.map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.id})` : p.id }));
  return (
    <fieldset className="field matrix-editor" data-path={path} data-testid={`matrix-editor-${index}`}>
      <legend className="field-label">Impact × urgency matrix</legend>
      {AXES.map(({ axis, title, question }) => (
        <div key={axis} className="matrix-axis">
          <h4>
            {title} <span className="hint">— the portal asks: “{question}”</span>
          </h4>
          <LevelRows matrix={matrix} axis={axis} path={at(path, axis)} edit={editMatrix} />
          <FieldErrors path={at(path, axis)} />
        </div>
      ))}
      <table className="table matrix-grid" data-testid={`matrix-grid-${index}`}>
        <caption className="hint">The priority of each answer pair</caption>
        <thead>
          <tr>
            <th scope="col">Impact \ Urgency</th>
            {matrix.urgency.map((u) => (
              <th scope="col" key={u.id}>
                {u.label || u.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.impact.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.label || i.id}</th>
              {matrix.urgency.map((u) => {
                const cell = at(at(at(path, 'cells'), i.id), u.id);
                return (
                  <td key={u.id} data-testid={`cell-${i.id}-${u.id}`}>
                    <SelectField
                      compact
                      label={`Priority when impact is ${i.label || i.id} and urgency is ${u.label || u.id}`}
                      path={cell}
                      value={matrix.cells[i.id]?.[u.id] ?? ''}
                      options={options}
                      emptyLabel="— empty —"
                      onChange={(v) =>
                        editMatrix((m) => {
                          const row = (m.cells[i.id] ??= {});
                          if (v === '') delete row[u.id];
                          else row[u.id] = v;
                        })
                      }
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <FieldErrors path={at(path, 'cells')} />
      <Button appearance="link" onClick={() => edit((d) => void delete d.priorityModels[index]!.matrix)}>
        Remove the matrix
      </Button>
    </fieldset>
  );
}
