// Supplier (underpinning) contracts (formats.md §6): a supplier's own goals — goals marked with this supplier on the
// Goals tab, such as "fixed while waiting for the supplier" — measured on its hours with its own targets, apart
// from the customer's goals and never shown to customers; its contract data and reminders like an agreement's.
import type { Supplier, TargetRow } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { Card, CheckboxGroup, DeleteButton, SectionIntro, SelectField, TextField } from './controls';
import { ContractEditor, newContract } from './ContractEditor';
import { DurationField } from './DurationField';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import { labelOf, uniqueId } from './model';
import { at } from './paths';

/** Every priority id of the bundle's models, once: a supplier's rows may name any of them. */
function priorityOptions(bundle: SectionProps['bundle']): Array<{ value: string; label: string }> {
  const seen = new Map<string, string>();
  for (const model of bundle.priorityModels) for (const p of model.priorities) if (!seen.has(p.id)) seen.set(p.id, `${p.name ?? p.id} (${p.id}, ${model.name ?? model.id})`);
  return [...seen].map(([value, label]) => ({ value, label }));
}

function TargetRowEditor({ row, path, n, goals, calendars, priorities, change, remove }: {
  row: TargetRow;
  path: string;
  n: number;
  goals: Array<{ value: string; label: string }>;
  calendars: Array<{ value: string; label: string }>;
  priorities: Array<{ value: string; label: string }>;
  change: (fn: (row: TargetRow) => void) => void;
  remove: () => void;
}) {
  return (
    <div className="subcard" data-path={path} data-testid="supplier-target-row">
      <div className="row wrap">
        <SelectField label={`Goal of row ${n}`} path={at(path, 'goal')} value={row.goal} options={goals} onChange={(v) => change((r) => void (r.goal = v))} />
        <DurationField label={`Target of row ${n}`} path={at(path, 'target')} value={row.target} placeholder="8h" onChange={(v) => change((r) => void (r.target = v))} />
        <SelectField
          label={`Calendar of row ${n}`}
          path={at(path, 'calendar')}
          value={row.calendar ?? ''}
          emptyLabel="The supplier's"
          options={calendars}
          onChange={(v) => change((r) => (v === '' ? delete r.calendar : (r.calendar = v)))}
        />
        <DeleteButton label="Remove" what={`Target row ${n}`} usedBy={[]} onDelete={remove} />
      </div>
      <CheckboxGroup legend={`Priorities of row ${n}`} path={at(path, 'priorities')} options={priorities} selected={row.priorities ?? []} noneMeans="every priority" onChange={(v) => change((r) => (v.length === 0 ? delete r.priorities : (r.priorities = v)))} />
      <FieldErrors path={path} />
    </div>
  );
}

export function SupplierEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const supplier = bundle.suppliers![index]!;
  const path = at('suppliers', index);
  const change = (fn: (s: Supplier) => void) => edit((d) => fn(d.suppliers![index]!));
  const option = (e: { id: string; name?: string }) => ({ value: e.id, label: e.name ? `${e.name} (${e.id})` : e.id });
  const calendars = bundle.calendars.map(option);
  const goals = bundle.goals.filter((g) => g.supplier === supplier.id).map(option);
  const targetsPath = at(path, 'targets');
  return (
    <Card
      path={path}
      title={supplier.name || supplier.id || 'Unnamed supplier'}
      actions={<DeleteButton what={`Supplier ${labelOf(supplier)}`} usedBy={bundle.goals.filter((g) => g.supplier === supplier.id).map((g) => `goal ${labelOf(g)}`)} onDelete={() => edit((d) => void d.suppliers!.splice(index, 1))} />}
    >
      <div className="grid">
        <TextField
          label="Id"
          path={at(path, 'id')}
          value={supplier.id}
          onChange={(v) =>
            edit((d) => {
              const from = d.suppliers![index]!.id;
              d.suppliers![index]!.id = v;
              // Its goals name it by id.
              for (const goal of d.goals) if (goal.supplier === from && from !== '') goal.supplier = v;
            })
          }
        />
        <TextField label="Name" path={at(path, 'name')} value={supplier.name ?? ''} onChange={(v) => change((s) => (v === '' ? delete s.name : (s.name = v)))} />
        <SelectField label="Calendar" path={at(path, 'calendar')} value={supplier.calendar ?? ''} emptyLabel="None: each row names its own" options={calendars} onChange={(v) => change((s) => (v === '' ? delete s.calendar : (s.calendar = v)))} />
      </div>
      <fieldset className="field" data-path={targetsPath}>
        <legend className="field-label">Targets</legend>
        {goals.length === 0 && <p className="hint">No goal is this supplier&apos;s yet: on the Goals tab, choose this supplier for the goals it is measured on.</p>}
        {supplier.targets.map((row, k) => (
          <TargetRowEditor
            key={k}
            row={row}
            path={at(targetsPath, k)}
            n={k + 1}
            goals={goals}
            calendars={calendars}
            priorities={priorityOptions(bundle)}
            change={(fn) => change((s) => fn(s.targets[k]!))}
            remove={() => change((s) => void s.targets.splice(k, 1))}
          />
        ))}
        <Button appearance="link" onClick={() => change((s) => void s.targets.push({ goal: goals[0]?.value ?? '', target: 'PT8H' }))}>
          + Add target row
        </Button>
        <FieldErrors path={targetsPath} />
      </fieldset>
      <ContractEditor
        path={at(path, 'contract')}
        contract={supplier.contract}
        zone={bundle.calendars.find((c) => c.id === supplier.calendar)?.timezone ?? 'UTC'}
        change={(fn) => change((s) => fn(s.contract!))}
        add={() => change((s) => void (s.contract = newContract(new Date().toISOString().slice(0, 10))))}
        remove={() => change((s) => void delete s.contract)}
      />
    </Card>
  );
}

export function SuppliersSection({ bundle, edit }: SectionProps) {
  const suppliers = bundle.suppliers ?? [];
  return (
    <div>
      <SectionIntro
        addLabel="Add supplier"
        onAdd={() =>
          edit((d) => {
            const list = (d.suppliers ??= []);
            list.push({ id: uniqueId('supplier', list.map((s) => s.id)), name: 'New supplier', targets: [] });
          })
        }
      >
        Underpinning contracts: what your suppliers promise you. A supplier&apos;s goals are measured on the requests
        that wait for it, on its hours, and are never shown to customers.
      </SectionIntro>
      {suppliers.length === 0 && <p className="empty">No suppliers yet.</p>}
      {suppliers.map((_, i) => (
        <SupplierEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}
