// An agreement's targets as people read a contract: goals down, the model's priorities across, for one request type at
// a time. Each cell is the target of the first row that applies (the engine's own choice, targetRowFor); editing it
// edits that row, so cells sharing a row change together, which is what the row means. Compact enough for 1024 px.
import { useState } from 'react';
import { targetRowFor } from '../../../src/engine/agreement';
import type { Agreement } from '../../../src/engine/types';
import { SelectField } from './controls';
import { DurationField } from './DurationField';
import type { Edit } from './editing';
import { describeTarget } from './format';
import type { ConfigBundle } from './model';
import { at } from './paths';

/** The request type the grid shows; ANY_OTHER is a request of a type no row names (no type is named "*"). */
const ANY_OTHER = '*';

interface Props {
  bundle: ConfigBundle;
  edit: Edit;
  agreementIndex: number;
}

export function TargetGrid({ bundle, edit, agreementIndex }: Props) {
  const agreement: Agreement = bundle.agreements[agreementIndex]!;
  const named = [...new Set(agreement.targets.flatMap((r) => r.requestTypes ?? []))];
  const [requestType, setRequestType] = useState<string>(named[0] ?? ANY_OTHER);
  const shown = named.includes(requestType) ? requestType : ANY_OTHER;
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const priorities = model?.priorities ?? [];
  const measured = new Set(agreement.targets.map((r) => r.goal));
  const goals = bundle.goals.filter((g) => measured.has(g.id));
  if (goals.length === 0 || priorities.length === 0) return null;
  const path = at(at('agreements', agreementIndex), 'targets');
  return (
    <div className="target-grid" data-testid={`target-grid-${agreementIndex}`}>
      <SelectField
        label="Targets for requests of type"
        path={`grid:${path}`}
        value={shown}
        options={[...named.map((t) => ({ value: t, label: t })), { value: ANY_OTHER, label: named.length > 0 ? 'Any other type' : 'Any type' }]}
        onChange={setRequestType}
      />
      <table className="table grid-table">
        <thead>
          <tr>
            <th scope="col">Goal</th>
            {priorities.map((p) => (
              <th scope="col" key={p.id}>
                {p.name || p.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) => (
            <tr key={goal.id}>
              <th scope="row">
                {goal.name || goal.id}
                {goal.internal && !/internal|ola/i.test(goal.name ?? '') && <span className="hint"> (internal)</span>}
              </th>
              {priorities.map((priority) => {
                const row = targetRowFor(agreement, goal.id, shown === ANY_OTHER ? undefined : shown, priority.id);
                const index = row ? agreement.targets.indexOf(row) : -1;
                const label = `Target of ${goal.name || goal.id} for ${priority.name || priority.id}`;
                return (
                  <td key={priority.id} data-testid={`target-cell-${agreementIndex}-${goal.id}-${priority.id}`}>
                    {row ? (
                      <>
                        <DurationField
                          compact
                          label={label}
                          // Problems show on the row below (its own path); the cell is a second way to edit it.
                          path={`grid:${at(at(path, index), 'target')}`}
                          value={row.target}
                          onChange={(v) => edit((d) => void (d.agreements[agreementIndex]!.targets[index]!.target = v))}
                        />
                        <span className="hint" title={describeTarget(row.target)}>
                          row {index + 1}
                          {row.calendar ? ` · ${bundle.calendars.find((c) => c.id === row.calendar)?.name || row.calendar}` : ''}
                        </span>
                      </>
                    ) : (
                      <span className="hint" title="No row applies: this goal is not measured for these requests">
                        —
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">A cell is the first row below that applies; changing it changes that row, and every cell the row covers.</p>
    </div>
  );
}
