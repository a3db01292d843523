// A file-backed store keeps its data across close and reopen (the sandbox's state survives a restart), and entity
// declarations can come from a manifest.yml.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import { installLocalForgeRuntime, KvsStore, loadAppManifest, loadEntityDefinitions } from '../../../offline/forge-runtime';

const MANIFEST = `
modules: {}
permissions:
  scopes:
    - storage:app
app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000
  storage:
    entities:
      - name: obligation
        attributes:
          contractId: { type: string }
          dueAt: { type: float }
        indexes:
          - name: by-contract-due
            partition: [contractId]
            range: [dueAt]
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-runtime-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(manifestPath: string, fn: () => Promise<T>): Promise<T> {
  const store = new KvsStore({ path: join(dir, 'forge.db'), manifestPath });
  const runtime = installLocalForgeRuntime({ kvs: store, manifest: loadAppManifest(manifestPath) });
  try {
    return await fn();
  } finally {
    runtime.uninstall();
    store.close();
  }
}

it('reads custom entity declarations from a manifest', () => {
  const manifestPath = join(dir, 'manifest.yml');
  writeFileSync(manifestPath, MANIFEST);
  expect(loadEntityDefinitions(manifestPath)).toEqual([
    {
      name: 'obligation',
      attributes: { contractId: { type: 'string' }, dueAt: { type: 'float' } },
      indexes: [{ name: 'by-contract-due', partition: ['contractId'], range: ['dueAt'] }],
    },
  ]);
});

it('keeps keys, secrets and entities across a close and reopen', async () => {
  const manifestPath = join(dir, 'manifest.yml');
  writeFileSync(manifestPath, MANIFEST);
  await withStore(manifestPath, async () => {
    await kvs.set('config:acme', { calendar: 'uk' });
    await kvs.setSecret('token', 'abc');
    await kvs.entity('obligation').set('o1', { contractId: 'acme', dueAt: 5 });
    await kvs.entity('obligation').set('o2', { contractId: 'acme', dueAt: 3 });
  });
  await withStore(manifestPath, async () => {
    expect(await kvs.get('config:acme')).toEqual({ calendar: 'uk' });
    expect(await kvs.getSecret('token')).toBe('abc');
    const page = await kvs.query().where('key', WhereConditions.beginsWith('config:')).getMany();
    expect(page.results).toEqual([{ key: 'config:acme', value: { calendar: 'uk' } }]);
    const due = await kvs.entity('obligation').query().index('by-contract-due', { partition: ['acme'] }).getMany();
    expect(due.results.map((r) => r.key)).toEqual(['o2', 'o1']);
  });
});

it('refuses a manifest index on an undeclared attribute', () => {
  expect(
    () =>
      new KvsStore({
        entities: [{ name: 'thing', attributes: { a: { type: 'string' } }, indexes: [{ name: 'by-b', range: ['b'] }] }],
      }),
  ).toThrow('index "by-b" uses undeclared attribute "b"');
});
