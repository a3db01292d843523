// `npm start`: the sandbox on http://localhost:$PORT (3000 by default) — the app's real surfaces, backend and SDKs on
// a local Jira Service Management site whose state is kept in .sandbox/ between runs.
import path from 'node:path';
import { builtSurfaces, parseInstant } from './demo-site';
import { ROOT, STATIC_DIR } from './host-assets';
import { startSandbox } from './sandbox-server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const stateDir = path.resolve(process.env.SANDBOX_STATE_DIR ?? path.join(ROOT, '.sandbox'));
  // A fixed start makes a demo repeatable (SANDBOX_CLOCK_START=2026-11-26T10:00); otherwise today (or Monday) 10:00.
  const clockStart = process.env.SANDBOX_CLOCK_START ? parseInstant(process.env.SANDBOX_CLOCK_START) : undefined;
  const sandbox = await startSandbox({ port, stateDir, ...(clockStart !== undefined ? { clockStart } : {}) });
  const missing = Object.entries(builtSurfaces(STATIC_DIR)).filter(([, built]) => !built).map(([surface]) => surface);
  console.log(`Contract SLA sandbox: ${sandbox.url}`);
  console.log(`  state: ${stateDir} (press "Reset demo" on the page, or delete the folder, to start afresh)`);
  if (missing.length > 0) console.log(`  not built yet: ${missing.map((s) => `static/${s}`).join(', ')} (npm run build)`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
