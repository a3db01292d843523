// The contracts page's read: every contract of the configuration the caller may see, with the ledger's record of
// its reminders and its owner's name. Jira administrators see them all; anyone else the contracts they own and those
// whose issue's project they may browse (asked of Jira as them, once per project), as a contract manager or their
// team would in Jira itself.
import type { JiraClient } from '../adapters/jira/client';
import { currentConfiguration } from '../adapters/storage/config-store';
import { remindersOf } from '../adapters/storage/reminder-ledger';
import { contractBook, type ContractEntry } from '../engine/contract-book';
import { formatInstant } from '../engine/instant';
import { contractRow, type ContractsView } from '../views/contracts';

export type ContractsOutcome = { ok: true; view: ContractsView } | { ok: false; reason: 'no-configuration' };

/** The project of an issue key (`CON-12` → `CON`). */
const projectOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

async function visibleTo(entries: ContractEntry[], accountId: string, jira: JiraClient): Promise<ContractEntry[]> {
  if (await jira.userHolds('ADMINISTER', 'global')) return entries;
  const projects = [...new Set(entries.flatMap((e) => (e.contract.issue ? [projectOf(e.contract.issue)] : [])))];
  const browsable = new Set<string>();
  await Promise.all(
    projects.map(async (projectKey) => {
      if (await jira.userHolds('BROWSE_PROJECTS', { projectKey })) browsable.add(projectKey);
    }),
  );
  return entries.filter((e) => e.contract.owner === accountId || (e.contract.issue !== undefined && browsable.has(projectOf(e.contract.issue))));
}

export async function contractsOverview(jira: JiraClient, accountId: string, now: number): Promise<ContractsOutcome> {
  const configuration = await currentConfiguration();
  if (!configuration) return { ok: false, reason: 'no-configuration' };
  const entries = await visibleTo(contractBook(configuration.bundle), accountId, jira);
  const [names, deliveries] = await Promise.all([
    jira.userNames([...new Set(entries.map((e) => e.contract.owner))]),
    Promise.all(entries.map((e) => (e.contract.reminders.length > 0 ? remindersOf(e.key) : Promise.resolve([])))),
  ]);
  const contracts = entries.map((entry, i) => contractRow({ entry, ownerName: names.get(entry.contract.owner) ?? null, deliveries: deliveries[i]! }, now));
  return { ok: true, view: { at: formatInstant(now), contracts } };
}
