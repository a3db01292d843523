// `npm start`: the sandbox on http://localhost:$PORT (3000 by default) — the app's real surfaces, backend and SDKs on
// a local Jira Service Management site whose state is kept in .sandbox/ between runs.
import path from 'node:path';
import { builtSurfaces, isFirstStart, parseInstant } from './demo-site';
import { ROOT, STATIC_DIR } from './host-assets';
import { startSandbox } from './sandbox-server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const stateDir = path.resolve(process.env.SANDBOX_STATE_DIR ?? path.join(ROOT, '.sandbox'));
  // A fixed start makes a demo repeatable (SANDBOX_CLOCK_START=2026-11-26T10:00); otherwise Monday 7 December 2026
  // 10:00 after three months of history, or today (or Monday) 10:00 without.
  const clockStart = process.env.SANDBOX_CLOCK_START ? parseInstant(process.env.SANDBOX_CLOCK_START) : undefined;
  const history = historyWanted(process.env.SANDBOX_HISTORY);
  if (history && isFirstStart(stateDir)) console.log('Contract SLA sandbox: living three months of history on a new demo site (about 20 s)…');
  const started = Date.now();
  const sandbox = await startSandbox({ port, stateDir, history, ...(clockStart !== undefined ? { clockStart } : {}) });
  const missing = Object.entries(builtSurfaces(STATIC_DIR)).filter(([, built]) => !built).map(([surface]) => surface);
  console.log(`Contract SLA sandbox: ${sandbox.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  state: ${stateDir} (press "Reset demo" on the page, or delete the folder, to start afresh)`);
  if (missing.length > 0) console.log(`  not built yet: ${missing.map((s) => `static/${s}`).join(', ')} (npm run build)`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** SANDBOX_HISTORY: on unless `0`, `off`, `false` or `no`. */
function historyWanted(value: string | undefined): boolean {
  if (value === undefined || value === '') return true;
  const wanted = value.trim().toLowerCase();
  if (['1', 'on', 'true', 'yes'].includes(wanted)) return true;
  if (['0', 'off', 'false', 'no'].includes(wanted)) return false;
  throw new Error(`SANDBOX_HISTORY must be on or off, not ${value}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
