// Shared by the contract-management CLI tables (formats.md §6): run `simulate` and `contracts` in process on
// bundles and timelines written to scratch files, and build small timelines.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { ContractsJson } from '../../src/engine/contracts-json';
import type { SimulateJson } from '../../src/engine/simulate-extras';

export const examples = path.join(__dirname, '../../examples');
export const contractsConfig = path.join(examples, 'contracts-config.json');
export const contractsBundle = JSON.parse(readFileSync(contractsConfig, 'utf8')) as Record<string, unknown>;

const scratch = mkdtempSync(path.join(tmpdir(), 'contract-sla-contracts-'));
let files = 0;

/** A scratch file holding the content as JSON (a path is used as it is). */
export function file(content: unknown): string {
  if (typeof content === 'string') return content;
  const target = path.join(scratch, `${++files}.json`);
  writeFileSync(target, JSON.stringify(content));
  return target;
}

export function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (t) => out.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')), (t) => err.push(t));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

export function simulate(bundle: unknown, timeline: unknown, at: string): SimulateJson {
  const result = cli('simulate', '--config', file(bundle), '--timeline', file(timeline), '--at', at);
  if (result.code !== 0) throw new Error(`simulate exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as SimulateJson;
}

export function contracts(bundle: unknown, at: string, since?: string): ContractsJson {
  const result = cli('contracts', '--config', file(bundle), '--at', at, ...(since === undefined ? [] : ['--since', since]));
  if (result.code !== 0) throw new Error(`contracts exited ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ContractsJson;
}

export type Hours = Array<[string, string]>;
export const daily = (hours: Hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });
export const weekdays = (hours: Hours) => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours });

export const created = (at: string) => ({ at, type: 'created', status: 'Open' });
export const status = (at: string, from: string, to: string) => ({ at, type: 'status', from, to });
export const priority = (at: string, to: string) => ({ at, type: 'priority', to });
export const impact = (at: string, to: string) => ({ at, type: 'impact', to });
export const urgency = (at: string, to: string) => ({ at, type: 'urgency', to });
export const reply = (at: string) => ({ at, type: 'comment', visibility: 'public', author: 'agent' });
export const resolved = (at: string) => ({ at, type: 'resolution', to: 'Done' });

/** The obligation of a goal (cycle 1 unless told) in `obligations` or `supplierObligations`. */
export function cycleOf(result: SimulateJson, goal: string, cycle = 1) {
  const found = [...result.obligations, ...(result.supplierObligations ?? [])].find((o) => o.goal === goal && o.cycle === cycle);
  if (!found) throw new Error(`no cycle ${cycle} of ${goal} in ${JSON.stringify(result)}`);
  return found;
}
