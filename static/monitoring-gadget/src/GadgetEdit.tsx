// The gadget's edit view: which customers to watch (none ticked: all) and how many hours ahead. Saving hands the
// choice to Jira (view.submit), which keeps it with the gadget and shows the gadget again.
import { view } from '@forge/bridge';
import { useState } from 'react';
import { Button, Loading, ProblemMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { call } from '../../shared/api';
import type { MonitoringView } from '../../shared/monitoring';
import { useResource } from '../../shared/use-resource';
import { GADGET_HORIZONS, type GadgetConfig } from './gadget-config';

/** The configuration's customers come with any answer; the shortest horizon reads least. */
const fetchCustomers = (): Promise<MonitoringView> => call('monitoring/overview', { horizonHours: 1 });

export function GadgetEdit({ config }: { config: GadgetConfig }) {
  const options = useResource<MonitoringView>(fetchCustomers);
  const [customers, setCustomers] = useState<string[]>(config.customers);
  const [horizonHours, setHorizon] = useState(config.horizonHours);
  const [problem, setProblem] = useState<string | null>(null);
  if (!options.data) {
    if (options.error !== null) return <ProblemMessage title="The customers could not be loaded" error={options.error} />;
    return <Loading label="Loading the customers…" />;
  }
  const toggle = (id: string): void => setCustomers((chosen) => (chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]));
  const save = async (): Promise<void> => {
    try {
      await view.submit({ customers, horizonHours });
    } catch (error) {
      setProblem(messagesOf(error).join('; ') || 'The settings could not be saved');
    }
  };
  return (
    <form
      className="gadget-edit"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>Customers (none ticked: all)</legend>
        {options.data.customers.map((c) => (
          <label key={c.id} className="gadget-edit__customer">
            <input type="checkbox" checked={customers.includes(c.id)} onChange={() => toggle(c.id)} data-testid={`gadget-customer-${c.id}`} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <label>
        Hours ahead (and back, for what was escalated)
        <select value={horizonHours} onChange={(e) => setHorizon(Number(e.target.value))} data-testid="gadget-horizon">
          {GADGET_HORIZONS.map((h) => (
            <option key={h} value={h}>
              {h} h
            </option>
          ))}
        </select>
      </label>
      {problem && (
        <p role="alert" className="danger-text">
          {problem}
        </p>
      )}
      <div>
        <Button appearance="primary" type="submit">
          Save
        </Button>
      </div>
    </form>
  );
}
