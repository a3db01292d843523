// What a manager sets on the dashboard gadget, as Jira keeps it (`extension.gadgetConfiguration`): which customers
// (none chosen: all) and how many hours ahead. Read defensively: Jira hands back whatever was submitted.
import { view } from '@forge/bridge';

export interface GadgetConfig {
  customers: string[];
  horizonHours: number;
}

export const DEFAULT_CONFIG: GadgetConfig = { customers: [], horizonHours: 8 };
export const GADGET_HORIZONS = [1, 2, 4, 8, 24, 72];

export function configOf(raw: unknown): GadgetConfig {
  const value = (raw ?? {}) as { customers?: unknown; horizonHours?: unknown };
  const customers = Array.isArray(value.customers) ? value.customers.filter((c): c is string => typeof c === 'string' && c !== '') : [];
  const horizon = Number(value.horizonHours);
  return { customers, horizonHours: Number.isInteger(horizon) && horizon >= 1 && horizon <= 168 ? horizon : DEFAULT_CONFIG.horizonHours };
}

export interface GadgetContext {
  edit: boolean;
  config: GadgetConfig;
}

/** Whether Jira shows the gadget or its edit view, and its configuration. */
export async function gadgetContext(): Promise<GadgetContext> {
  const context = (await view.getContext()) as { extension?: { entryPoint?: unknown; gadgetConfiguration?: unknown } } | undefined;
  return { edit: context?.extension?.entryPoint === 'edit', config: configOf(context?.extension?.gadgetConfiguration) };
}
