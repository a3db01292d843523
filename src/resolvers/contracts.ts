// The contracts page (jira:globalPage): every contract the caller may see, its state and next date, and its
// reminders. Licensed users only; which contracts each one sees is the use case's rule (src/usecases/contracts-overview.ts).
import { contractsOverview } from '../usecases/contracts-overview';
import { accountOf } from './context';
import type { SurfaceResolvers } from './define';
import { notConfigured } from './envelope';

export function defineContracts(surface: SurfaceResolvers): SurfaceResolvers {
  surface.define('contracts/list', async ({ request, jira, now }) => {
    const outcome = await contractsOverview(jira, accountOf(request), now);
    if (!outcome.ok) throw notConfigured('Contract SLA has no configuration yet: a Jira administrator sets it up on the Contract SLA admin page');
    return outcome.view;
  });
  return surface;
}
