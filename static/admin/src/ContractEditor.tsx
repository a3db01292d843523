// The contract data of an agreement or a supplier (formats.md §6): number, owner, the issue that keeps it, its term,
// notice period and renewal, and the reminders its owner gets before the notice deadline or the end. Dates are
// local dates in the contract's zone; periods are calendar periods (`P3M`, `P30D`), never business time.
import type { Contract, ContractReminder } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { DeleteButton, SelectField, TextField } from './controls';
import { FieldErrors } from './errors';
import { uniqueId } from './model';
import { at } from './paths';

interface Props {
  /** `agreements[0].contract` or `suppliers[1].contract`. */
  path: string;
  contract: Contract | undefined;
  /** Where its dates are read, said in the hint (the agreement's or supplier's calendar zone). */
  zone: string;
  /** Changes the contract (created first when there is none). */
  change: (fn: (contract: Contract) => void) => void;
  add: () => void;
  remove: () => void;
}

/** A contract as a new one starts: from the agreement's first day, open-ended, renewed by hand, no reminders yet. */
export function newContract(today: string): Contract {
  return { number: '', owner: '', start: today, end: null, renewal: 'manual', reminders: [] };
}

/** `owner, group:contract-managers` ↔ the list; blank entries are dropped, anything else is the validator's to judge. */
const notifyText = (notify: ContractReminder['notify']): string => notify.join(', ');
const notifyList = (text: string): ContractReminder['notify'] => text.split(',').map((s) => s.trim()).filter(Boolean) as ContractReminder['notify'];

function ReminderRow({ reminder, path, n, change, remove }: { reminder: ContractReminder; path: string; n: number; change: (fn: (r: ContractReminder) => void) => void; remove: () => void }) {
  return (
    <tr data-path={path} data-testid="contract-reminder-row">
      <td>
        <TextField compact label={`Id of reminder ${n}`} path={at(path, 'id')} value={reminder.id} onChange={(v) => change((r) => void (r.id = v))} />
      </td>
      <td>
        <TextField compact label={`How long before, reminder ${n}`} path={at(path, 'offset')} value={reminder.offset} placeholder="P30D" onChange={(v) => change((r) => void (r.offset = v))} />
      </td>
      <td>
        <SelectField
          compact
          label={`Before what, reminder ${n}`}
          path={at(path, 'before')}
          value={reminder.before}
          options={[
            { value: 'notice', label: 'the notice deadline' },
            { value: 'end', label: 'the end' },
          ]}
          onChange={(v) => change((r) => void (r.before = v as ContractReminder['before']))}
        />
      </td>
      <td>
        <TextField compact label={`Who is told, reminder ${n}`} path={at(path, 'notify')} value={notifyText(reminder.notify)} placeholder="owner, group:contract-managers" onChange={(v) => change((r) => void (r.notify = notifyList(v)))} />
      </td>
      <td>
        <DeleteButton label="Remove" what={`Reminder “${reminder.id}”`} usedBy={[]} onDelete={remove} />
        <FieldErrors path={path} />
      </td>
    </tr>
  );
}

export function ContractEditor({ path, contract, zone, change, add, remove }: Props) {
  if (!contract) {
    return (
      <fieldset className="field" data-path={path}>
        <legend className="field-label">Contract</legend>
        <p className="hint">Optional: the contract's number, owner, term and notice period, and reminders before it must be renewed or terminated.</p>
        <Button appearance="link" onClick={add}>
          + Add contract data
        </Button>
      </fieldset>
    );
  }
  const remindersPath = at(path, 'reminders');
  const set = <K extends keyof Contract>(key: K, value: Contract[K] | undefined) => change((c) => (value === undefined ? delete c[key] : (c[key] = value)));
  const text = (v: string) => (v === '' ? undefined : v);
  return (
    <fieldset className="field contract-editor" data-path={path} data-testid="contract-editor">
      <legend className="field-label">Contract</legend>
      <div className="grid">
        <TextField label="Contract number" path={at(path, 'number')} value={contract.number} onChange={(v) => set('number', v)} />
        <TextField label="Owner (Atlassian account id)" path={at(path, 'owner')} value={contract.owner} hint="The contract manager who gets the reminders" onChange={(v) => set('owner', v)} />
        <TextField label="Contract issue" path={at(path, 'issue')} value={contract.issue ?? ''} placeholder="CON-12" hint="Required with reminders: Jira notifies about this issue" onChange={(v) => set('issue', text(v))} />
        <TextField label="Start" type="date" path={at(path, 'start')} value={contract.start} hint={`A local date in ${zone}`} onChange={(v) => set('start', v)} />
        <TextField label="End" type="date" path={at(path, 'end')} value={contract.end ?? ''} hint="The first day it no longer runs; empty = open-ended" onChange={(v) => set('end', v === '' ? null : v)} />
        <TextField label="Notice period" path={at(path, 'noticePeriod')} value={contract.noticePeriod ?? ''} placeholder="P3M" hint="Years, months, weeks, days: P3M, P30D" onChange={(v) => set('noticePeriod', text(v))} />
        <SelectField
          label="Renewal"
          path={at(path, 'renewal')}
          value={contract.renewal}
          options={[
            { value: 'manual', label: 'By hand (expires at its end)' },
            { value: 'automatic', label: 'Automatic (renews each term)' },
          ]}
          onChange={(v) =>
            change((c) => {
              c.renewal = v as Contract['renewal'];
              if (c.renewal === 'manual') delete c.renewalTerm;
            })
          }
        />
        {contract.renewal === 'automatic' && (
          <TextField label="Renewal term" path={at(path, 'renewalTerm')} value={contract.renewalTerm ?? ''} placeholder="P1Y" hint="Empty = one year" onChange={(v) => set('renewalTerm', text(v))} />
        )}
        <TextField label="Terminated on" type="date" path={at(path, 'terminatedOn')} value={contract.terminatedOn ?? ''} hint="The first day it no longer runs after notice was given" onChange={(v) => set('terminatedOn', text(v))} />
      </div>
      <table className="table reminders">
        <caption className="hint">Reminders: sent once per term, at midnight of the date that far before</caption>
        <thead>
          <tr>
            <th>Id</th>
            <th>How long before</th>
            <th>Before</th>
            <th>Who is told</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {contract.reminders.map((reminder, k) => (
            <ReminderRow
              key={k}
              reminder={reminder}
              path={at(remindersPath, k)}
              n={k + 1}
              change={(fn) => change((c) => fn(c.reminders[k]!))}
              remove={() => change((c) => void c.reminders.splice(k, 1))}
            />
          ))}
        </tbody>
      </table>
      <div className="row">
        <Button
          appearance="link"
          onClick={() => change((c) => void c.reminders.push({ id: uniqueId('reminder', c.reminders.map((r) => r.id)), before: c.noticePeriod ? 'notice' : 'end', offset: 'P30D', notify: ['owner'] }))}
        >
          + Add reminder
        </Button>
        <Button appearance="link" onClick={remove}>
          Remove contract data
        </Button>
      </div>
      <FieldErrors path={remindersPath} />
    </fieldset>
  );
}
