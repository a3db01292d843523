// A goal: which actions start, stop, pause, resume or cancel its cycles, under which action model, and what an
// agent is told to do while it runs. The action lists are one matrix of checkboxes: an action per row.
import { Card, CheckboxField, DeleteButton, SectionIntro, SelectField, TextField } from './controls';
import { DEFAULT_AT_RISK_PERCENT } from '../../../src/engine/at-risk';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import { GOAL_ACTION_LISTS, labelOf, newGoal, renameEntity, type GoalActionList } from './model';
import { at } from './paths';
import { goalUsage } from './usage';

const LIST_LABELS: Record<GoalActionList, string> = {
  start: 'Start',
  stop: 'Stop (met)',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
};

export function GoalEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const goal = bundle.goals[index]!;
  const path = at('goals', index);
  const referenced = GOAL_ACTION_LISTS.flatMap((list) => goal[list] ?? []);
  const rows = [
    ...bundle.actions.map((a) => ({ id: a.id, label: a.name ? `${a.name} (${a.id})` : a.id })),
    ...[...new Set(referenced)].filter((id) => !bundle.actions.some((a) => a.id === id)).map((id) => ({ id, label: `${id} (unknown)` })),
  ];
  const toggle = (list: GoalActionList, id: string, on: boolean) =>
    edit((d) => {
      const g = d.goals[index]!;
      const next = new Set(g[list] ?? []);
      if (on) next.add(id);
      else next.delete(id);
      g[list] = rows.map((r) => r.id).filter((r) => next.has(r));
    });
  return (
    <Card
      path={path}
      title={goal.name || goal.id || 'Unnamed goal'}
      actions={<DeleteButton what={`Goal ${labelOf(goal)}`} usedBy={goalUsage(bundle, goal.id)} onDelete={() => edit((d) => void d.goals.splice(index, 1))} />}
    >
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={goal.id} onChange={(v) => edit((d) => renameEntity(d, 'goal', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={goal.name ?? ''} onChange={(v) => edit((d) => void (d.goals[index]!.name = v))} />
        <SelectField
          label="Action model"
          path={at(path, 'actionModel')}
          value={goal.actionModel}
          options={bundle.actionModels.map((m) => ({ value: m.id, label: m.name ? `${m.name} (${m.id})` : m.id }))}
          onChange={(v) => edit((d) => void (d.goals[index]!.actionModel = v))}
        />
      </div>
      <CheckboxField
        label="Internal (OLA): never shown to customers"
        path={at(path, 'internal')}
        checked={goal.internal ?? false}
        onChange={(on) => edit((d) => void (d.goals[index]!.internal = on))}
      />
      {(bundle.suppliers ?? []).length > 0 && (
        <SelectField
          label="Supplier"
          path={at(path, 'supplier')}
          value={goal.supplier ?? ''}
          emptyLabel="None: a goal of the customer's agreements"
          options={(bundle.suppliers ?? []).map((s) => ({ value: s.id, label: s.name ? `${s.name} (${s.id})` : s.id }))}
          hint="A supplier's goal is measured by that supplier's targets (Suppliers tab), never shown to customers."
          onChange={(v) => edit((d) => (v === '' ? delete d.goals[index]!.supplier : (d.goals[index]!.supplier = v)))}
        />
      )}
      <fieldset className="field" data-path={path}>
        <legend className="field-label">Actions</legend>
        {rows.length === 0 ? (
          <p className="hint">There are no actions yet; add some on the Actions tab.</p>
        ) : (
          <table className="table matrix">
            <thead>
              <tr>
                <th scope="col">Action</th>
                {GOAL_ACTION_LISTS.map((list) => (
                  <th key={list} scope="col">
                    {LIST_LABELS[list]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.label}</th>
                  {GOAL_ACTION_LISTS.map((list) => (
                    <td key={list}>
                      <input
                        type="checkbox"
                        aria-label={`${LIST_LABELS[list]}: ${row.label}`}
                        checked={(goal[list] ?? []).includes(row.id)}
                        onChange={(e) => toggle(list, row.id, e.target.checked)}
                        data-path={at(path, list)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {GOAL_ACTION_LISTS.map((list) => (
          <FieldErrors key={list} path={at(path, list)} under />
        ))}
      </fieldset>
      <TextField
        label="Guidance (what the agent should do while it runs)"
        path={at(path, 'guidance')}
        value={goal.guidance ?? ''}
        placeholder="Reply to the customer"
        onChange={(v) => edit((d) => void (d.goals[index]!.guidance = v))}
      />
      {!goal.internal && (
        <TextField
          label="Name for customers (on the portal)"
          path={at(path, 'customerLabel')}
          value={goal.customerLabel ?? ''}
          placeholder={goal.name || 'We answer you'}
          hint="Empty: the goal's name."
          onChange={(v) =>
            edit((d) => {
              const g = d.goals[index]!;
              // Absent means "the goal's name"; an empty label would show nothing.
              if (v.trim() === '') delete g.customerLabel;
              else g.customerLabel = v;
            })
          }
        />
      )}
    </Card>
  );
}

export function GoalsSection({ bundle, edit }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add goal" onAdd={() => edit((d) => void d.goals.push(newGoal(d)))}>
        Goals are what agreements promise: a first response, a resolution, regular updates. Their cycles open, close
        and pause on actions; the agreements’ target matrices say how much business time each may take.
      </SectionIntro>
      <AtRiskSetting bundle={bundle} edit={edit} />
      {bundle.goals.length === 0 && <p className="empty">No goals yet.</p>}
      {bundle.goals.map((_, i) => (
        <GoalEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}

/** The one at-risk share for the whole site (formats.md §8): amber in the issue panel, the work list and the portal. */
function AtRiskSetting({ bundle, edit }: SectionProps) {
  const value = bundle.settings?.atRiskPercent;
  return (
    <TextField
      label="At risk once this share of a target is used (%)"
      type="number"
      path="settings.atRiskPercent"
      value={value === undefined ? '' : String(value)}
      placeholder={String(DEFAULT_AT_RISK_PERCENT)}
      hint={`Empty: ${DEFAULT_AT_RISK_PERCENT} %. A running goal past it turns amber for agents and shows "Due soon" to customers.`}
      onChange={(v) =>
        edit((d) => {
          const n = Number(v);
          if (v.trim() === '') {
            if (d.settings) delete d.settings.atRiskPercent;
            if (d.settings && Object.keys(d.settings).length === 0) delete d.settings;
          } else d.settings = { ...d.settings, atRiskPercent: Number.isFinite(n) ? n : (v as unknown as number) };
        })
      }
    />
  );
}
