// A priority model: a customer's own priority scale ("1–5", "Green–Red"). Its order is the order agents and
// customers see; the rank says how urgent each is across models (1 = most urgent) for sorting work.
import type { Priority } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { Card, DeleteButton, MoveButtons, SectionIntro, TextField } from './controls';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import { MatrixEditor } from './MatrixEditor';
import { labelOf, move, newPriorityModel, renameEntity, renamePriority, uniqueId } from './model';
import { at } from './paths';
import { priorityModelUsage, priorityUsage } from './usage';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** What the admin typed as a rank: a number when it is one, else the text as typed, for the validator to name. */
function rankFrom(text: string): number {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : (text as unknown as number);
}

function ColourField({ label, path, value, onChange }: { label: string; path: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="row colour">
      <input type="color" aria-label={`${label} picker`} data-empty={!HEX.test(value)} value={HEX.test(value) ? value : '#000000'} onChange={(e) => onChange(e.target.value)} />
      <TextField compact label={label} path={path} value={value} placeholder="#DE350B" onChange={onChange} />
    </div>
  );
}

export function PriorityModelEditor({ bundle, edit, index, saved }: SectionProps & { index: number }) {
  const model = bundle.priorityModels[index]!;
  // Requests store a saved priority's id: it stays as it is (the name changes freely); see src/config/priority-ids.ts.
  const savedIds = new Set(saved?.priorityModels.find((m) => m.id === model.id)?.priorities.map((p) => p.id) ?? []);
  const path = at('priorityModels', index);
  const listPath = at(path, 'priorities');
  const change = (k: number, fn: (p: Priority) => void) => edit((d) => fn(d.priorityModels[index]!.priorities[k]!));
  const count = model.priorities.length;
  return (
    <Card
      path={path}
      title={model.name || model.id || 'Unnamed priority model'}
      actions={
        <DeleteButton what={`Priority model ${labelOf(model)}`} usedBy={priorityModelUsage(bundle, model.id)} onDelete={() => edit((d) => void d.priorityModels.splice(index, 1))} />
      }
    >
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={model.id} onChange={(v) => edit((d) => renameEntity(d, 'priorityModel', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={model.name ?? ''} onChange={(v) => edit((d) => void (d.priorityModels[index]!.name = v))} />
      </div>
      <fieldset className="field" data-path={listPath}>
        <legend className="field-label">Priorities, most urgent first</legend>
        <table className="table priorities">
          <thead>
            <tr>
              <th>Order</th>
              <th>Id</th>
              <th>Name</th>
              <th>Rank</th>
              <th>Colour</th>
              <th>Description</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {model.priorities.map((priority, k) => {
              const own = at(listPath, k);
              const name = `priority ${k + 1}`;
              return (
                <tr key={k} data-path={own} data-testid={`priority-${index}-${k}`}>
                  <td>
                    <span className="order">{k + 1}</span>
                    <MoveButtons noun="priority" index={k} count={count} onMove={(by) => edit((d) => move(d.priorityModels[index]!.priorities, k, by))} />
                  </td>
                  <td>
                    <TextField
                      compact
                      label={`Id of ${name}`}
                      path={at(own, 'id')}
                      value={priority.id}
                      readOnly={savedIds.has(priority.id)}
                      hint={savedIds.has(priority.id) ? 'Saved: requests store this id; change the name instead' : undefined}
                      onChange={(v) => edit((d) => renamePriority(d, index, k, v))}
                    />
                  </td>
                  <td>
                    <TextField compact label={`Name of ${name}`} path={at(own, 'name')} value={priority.name ?? ''} onChange={(v) => change(k, (p) => void (p.name = v))} />
                  </td>
                  <td>
                    <TextField compact label={`Rank of ${name}`} type="number" path={at(own, 'rank')} value={String(priority.rank)} onChange={(v) => change(k, (p) => void (p.rank = rankFrom(v)))} />
                  </td>
                  <td>
                    <ColourField
                      label={`Colour of ${name}`}
                      path={at(own, 'colour')}
                      value={priority.colour ?? ''}
                      onChange={(v) => change(k, (p) => (v === '' ? delete p.colour : (p.colour = v)))}
                    />
                  </td>
                  <td>
                    <TextField
                      compact
                      label={`Description of ${name}`}
                      path={at(own, 'description')}
                      value={priority.description ?? ''}
                      onChange={(v) => change(k, (p) => (v === '' ? delete p.description : (p.description = v)))}
                    />
                  </td>
                  <td>
                    <DeleteButton
                      label="Remove"
                      what={`Priority ${labelOf(priority)}`}
                      usedBy={priorityUsage(bundle, model.id, priority.id)}
                      onDelete={() => edit((d) => void d.priorityModels[index]!.priorities.splice(k, 1))}
                    />
                    <FieldErrors path={own} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row">
          <Button
            appearance="link"
            onClick={() =>
              edit((d) => {
                const list = d.priorityModels[index]!.priorities;
                const rank = list.reduce((max, p) => (typeof p.rank === 'number' && p.rank > max ? p.rank : max), 0) + 1;
                list.push({ id: uniqueId(`p${list.length + 1}`, list.map((p) => p.id)), name: 'New priority', rank });
              })
            }
          >
            + Add priority
          </Button>
          <Button appearance="link" onClick={() => edit((d) => d.priorityModels[index]!.priorities.forEach((p, k) => (p.rank = k + 1)))}>
            Rank by order (1, 2, 3…)
          </Button>
        </div>
        <FieldErrors path={listPath} />
      </fieldset>
      <MatrixEditor bundle={bundle} edit={edit} index={index} />
    </Card>
  );
}

export function PriorityModelsSection({ bundle, edit, saved }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add priority model" onAdd={() => edit((d) => void d.priorityModels.push(newPriorityModel(d)))}>
        Each customer can have their own priority scale. Agreements name the model their requests are prioritised
        in, and the target matrix gives each priority its targets.
      </SectionIntro>
      {bundle.priorityModels.length === 0 && <p className="empty">No priority models yet.</p>}
      {bundle.priorityModels.map((_, i) => (
        <PriorityModelEditor key={i} bundle={bundle} edit={edit} index={i} saved={saved} />
      ))}
    </div>
  );
}
