// The target matrix of an agreement: rows of (goal, request types, priorities) → target, optionally measured in
// another calendar. For each goal the first row that matches a request applies, so the order matters.
import type { Agreement, TargetRow } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { CheckboxGroup, IconButton, MoveButtons, SelectField, StringListEditor } from './controls';
import { DurationField } from './DurationField';
import type { Edit } from './editing';
import { FieldErrors } from './errors';
import { describeTarget } from './format';
import { useLookups } from './lookups';
import { TargetGrid } from './TargetGrid';
import { move, newTargetRow, setOptionalList, type ConfigBundle } from './model';
import { at } from './paths';

export function targetHint(target: string): string {
  const words = describeTarget(target);
  return words ? `${target.trim()} = ${words}` : 'Type 4h, 1h30m, 90m or ISO-8601 (PT4H; P1D is 24 hours)';
}

interface Props {
  bundle: ConfigBundle;
  edit: Edit;
  agreementIndex: number;
}

export function TargetMatrix({ bundle, edit, agreementIndex }: Props) {
  const agreement: Agreement = bundle.agreements[agreementIndex]!;
  const path = at(at('agreements', agreementIndex), 'targets');
  const { requestTypes } = useLookups();
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  // Only the agreement's own model: a priority of another model can never match one of its requests.
  const priorityOptions = (model?.priorities ?? []).map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.id})` : p.id }));
  const goalOptions = bundle.goals.map((g) => ({ value: g.id, label: `${g.name || g.id}${g.internal && !/internal|ola/i.test(g.name ?? '') ? ' (internal)' : ''}` }));
  const calendar = bundle.calendars.find((c) => c.id === agreement.calendar);
  const calendarOptions = bundle.calendars.map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.id})` : c.id }));
  const change = (row: number, fn: (r: TargetRow) => void) => edit((d) => fn(d.agreements[agreementIndex]!.targets[row]!));
  const rows = agreement.targets;
  return (
    <fieldset className="field target-matrix" data-path={path} data-testid={`target-matrix-${agreementIndex}`}>
      <legend className="field-label">Targets (for each goal, the first matching row applies)</legend>
      <TargetGrid bundle={bundle} edit={edit} agreementIndex={agreementIndex} />
      {requestTypes.error && <p className="hint">The request types could not be listed ({requestTypes.error}); type their names.</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>Goal</th>
              <th>Request types</th>
              <th>Priorities ({model ? model.name || model.id : 'no model chosen'})</th>
              <th>Target (business time)</th>
              <th>Calendar</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const own = at(path, r);
              const name = `row ${r + 1}`;
              return (
                <tr key={r} data-path={own} data-testid={`target-row-${agreementIndex}-${r}`}>
                  <td>
                    <span className="order">{r + 1}</span>
                    <MoveButtons noun="target row" index={r} count={rows.length} onMove={(by) => edit((d) => move(d.agreements[agreementIndex]!.targets, r, by))} />
                  </td>
                  <td>
                    <SelectField compact label={`Goal of ${name}`} path={at(own, 'goal')} value={row.goal} options={goalOptions} onChange={(v) => change(r, (x) => void (x.goal = v))} />
                  </td>
                  <td>
                    <StringListEditor
                      compact
                      label={`Request types of ${name}`}
                      noun="request type"
                      path={at(own, 'requestTypes')}
                      values={row.requestTypes ?? []}
                      suggestions={requestTypes.items.map((t) => t.name)}
                      emptyMeans="Any request type."
                      onChange={(v) => change(r, (x) => setOptionalList(x, 'requestTypes', v))}
                    />
                  </td>
                  <td>
                    <CheckboxGroup
                      compact
                      legend={`Priorities of ${name}`}
                      path={at(own, 'priorities')}
                      options={priorityOptions}
                      selected={row.priorities ?? []}
                      noneMeans="any priority"
                      onChange={(v) => change(r, (x) => setOptionalList(x, 'priorities', v))}
                    />
                  </td>
                  <td>
                    <DurationField
                      compact
                      label={`Target of ${name}`}
                      path={at(own, 'target')}
                      value={row.target}
                      placeholder="4h or PT4H"
                      hint={targetHint(row.target)}
                      onChange={(v) => change(r, (x) => void (x.target = v))}
                    />
                  </td>
                  <td>
                    <SelectField
                      compact
                      label={`Calendar of ${name}`}
                      path={at(own, 'calendar')}
                      value={row.calendar ?? ''}
                      emptyLabel={`The agreement’s (${calendar?.name || agreement.calendar || 'none'})`}
                      options={calendarOptions}
                      onChange={(v) => change(r, (x) => (v === '' ? delete x.calendar : (x.calendar = v)))}
                    />
                  </td>
                  <td>
                    <IconButton label={`Remove target ${name}`} onClick={() => edit((d) => void d.agreements[agreementIndex]!.targets.splice(r, 1))}>
                      ×
                    </IconButton>
                    <FieldErrors path={own} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length === 0 && <p className="hint">No targets: this agreement tracks no goal yet.</p>}
      <Button appearance="link" onClick={() => edit((d) => void d.agreements[agreementIndex]!.targets.push(newTargetRow(d)))}>
        + Add target row
      </Button>
      <FieldErrors path={path} />
    </fieldset>
  );
}
