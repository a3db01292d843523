// The managers' monitoring (the global page and the dashboard gadget): across customers, what is breached, what comes
// due or reaches an escalation within the horizon, and what was escalated. Licensed users only; each sees the
// requests of the projects they may browse.
import { z } from 'zod';
import { monitor } from '../usecases/monitor';
import type { SurfaceResolvers } from './define';
import { notConfigured } from './envelope';
import { parsePayload } from './payload';

/** The gadget's choices: which customers, how many hours ahead (and back, for what was escalated). */
export const HORIZON_HOURS = { min: 1, max: 168, default: 8 } as const;

const OverviewPayload = z
  .object({
    groupBy: z.enum(['customer', 'group', 'agreement', 'assignee', 'goal']).default('customer'),
    customers: z.array(z.string().min(1)).max(200).optional(),
    horizonHours: z.number().int().min(HORIZON_HOURS.min).max(HORIZON_HOURS.max).default(HORIZON_HOURS.default),
  })
  .default({ groupBy: 'customer', horizonHours: HORIZON_HOURS.default });

export function defineMonitoring(surface: SurfaceResolvers): SurfaceResolvers {
  surface.define('monitoring/overview', async ({ request, jira, now }) => {
    const options = parsePayload(OverviewPayload, request.payload);
    const outcome = await monitor(jira, now, options);
    if (!outcome.ok) throw notConfigured('Contract SLA has no configuration yet: a Jira administrator sets it up on the Contract SLA admin page');
    return outcome.view;
  });
  return surface;
}
