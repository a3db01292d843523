// Jira shows the same resource as the gadget and as its edit view; the context says which, and holds the settings.
import { useEffect, useState } from 'react';
import { Loading } from '../../shared/components';
import { Gadget } from './Gadget';
import { GadgetEdit } from './GadgetEdit';
import { DEFAULT_CONFIG, gadgetContext, type GadgetContext } from './gadget-config';

export function MonitoringGadget() {
  const [context, setContext] = useState<GadgetContext | null>(null);
  useEffect(() => {
    void gadgetContext()
      .catch(() => ({ edit: false, config: DEFAULT_CONFIG }))
      .then(setContext);
  }, []);
  if (!context) return <Loading label="Loading…" />;
  return context.edit ? <GadgetEdit config={context.config} /> : <Gadget config={context.config} />;
}
