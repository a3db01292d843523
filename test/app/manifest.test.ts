// The manifest, the sources and the UI agree: Atlassian's own validator accepts manifest.yml, every handler it
// names is exported, every resolver key the UI invokes is defined, and the ids the code relies on are declared.
import { validate } from '@forge/manifest';
import { SurfaceResolvers } from '../../src/resolvers/define';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as app from '../../src/index';
import { RESOLVER_SURFACES } from '../../src/app';
import { APP_UUID, ISSUE_PROPERTY, JOB_QUEUE } from '../../src/app-identity';
import { SURFACES } from '../../offline/sandbox/surfaces';
import { ENTITY, INDEX } from '../../src/adapters/storage/entities';
import { CONTRACT_IMPACT_FIELD_KEY, CONTRACT_PRIORITY_FIELD_KEY, CONTRACT_URGENCY_FIELD_KEY, NEXT_DEADLINE_FIELD_KEY } from '../../src/timeline/site-fields';
import { systemClock } from '../../src/adapters/clock';

const root = path.join(__dirname, '../..');
interface Manifest {
  app: { id: string; runtime: { name: string }; storage: { entities: Array<{ name: string; attributes: Record<string, { type: string }>; indexes?: Array<{ name: string; partition?: string[]; range: string[] }> }> } };
  modules: Record<string, Array<Record<string, unknown>>>;
  permissions: { scopes: string[] };
}
const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as Manifest;

/** Resolver keys each surface defines, without running any handler. */
function keysOf(define: (surface: SurfaceResolvers) => SurfaceResolvers): string[] {
  return [...define(new SurfaceResolvers(systemClock, 'licensed')).keys];
}

test('@forge/manifest validates manifest.yml', async () => {
  const result = await validate(false, path.join(root, 'manifest.yml'));
  expect(result.errors ?? []).toEqual([]);
  expect(result.success).toBe(true);
});

test('the runtime is Node 22 or newer', () => {
  expect(manifest.app.runtime.name).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
});

test('every function handler in the manifest is exported by src/index.ts, and index.ts exports nothing else', () => {
  const handlers = manifest.modules.function!.map((f) => String(f.handler));
  for (const handler of handlers) {
    const [file, name] = handler.split('.');
    expect(file).toBe('index');
    expect(typeof (app as Record<string, unknown>)[name!]).toBe('function');
  }
  expect(Object.keys(app).sort()).toEqual(handlers.map((h) => h.split('.')[1]).sort());
});

test('every function the modules reference is declared, and every declared function is used', () => {
  const declared = new Set(manifest.modules.function!.map((f) => String(f.key)));
  const referenced = new Set<string>();
  for (const [kind, modules] of Object.entries(manifest.modules)) {
    if (kind === 'function') continue;
    for (const module of modules) {
      if (typeof module.function === 'string') referenced.add(module.function);
      const resolver = module.resolver as { function?: string } | undefined;
      if (resolver?.function) referenced.add(resolver.function);
    }
  }
  for (const key of referenced) expect(declared).toContain(key);
  for (const key of declared) expect(referenced).toContain(key);
});

test('the consumer (async events v2: a function, not a resolver method), queue, entity property, fields and app id match the code', () => {
  const consumer = manifest.modules.consumer![0]!;
  expect(consumer.queue).toBe(JOB_QUEUE);
  expect(consumer.resolver).toBeUndefined();
  const handler = manifest.modules.function!.find((f) => f.key === consumer.function)?.handler;
  expect(handler).toBe('index.onJob');
  expect(manifest.modules['jira:entityProperty']![0]!.propertyKey).toBe(ISSUE_PROPERTY);
  expect(manifest.modules['jira:customField']!.map((f) => f.key).sort()).toEqual([CONTRACT_PRIORITY_FIELD_KEY, CONTRACT_IMPACT_FIELD_KEY, CONTRACT_URGENCY_FIELD_KEY, NEXT_DEADLINE_FIELD_KEY].sort());
  expect(manifest.app.id).toBe(`ari:cloud:ecosystem::app/${APP_UUID}`);
});

test('the storage entities and indexes the code uses are declared with every attribute the records carry', () => {
  const entities = new Map(manifest.app.storage.entities.map((e) => [e.name, e]));
  for (const name of Object.values(ENTITY)) expect(entities.has(name)).toBe(true);
  const indexes = manifest.app.storage.entities.flatMap((e) => (e.indexes ?? []).map((i) => i.name));
  for (const name of Object.values(INDEX)) expect(indexes).toContain(name);
  // Instants are milliseconds: 32-bit integers cannot hold them.
  const issue = entities.get(ENTITY.issueObligations)!;
  for (const attribute of ['created', 'revision', 'computedAt', 'nextDeadline']) expect(issue.attributes[attribute]!.type).toBe('float');
});

function sources(dir: string): string[] {
  let files: string[] = [];
  try {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) files = files.concat(sources(full));
      else if (/\.(ts|tsx|js|jsx)$/.test(entry)) files.push(full);
    }
  } catch {
    return files;
  }
  return files;
}

test('each Custom UI module is served from a built static/ surface and resolved by the function its surface calls', () => {
  const resources = new Map((manifest as unknown as { resources: Array<{ key: string; path: string }> }).resources.map((r) => [r.key, r.path]));
  const ui = ['jira:issuePanel', 'jira:projectPage', 'jira:adminPage', 'jira:projectSettingsPage', 'jiraServiceManagement:portalRequestCreatePropertyPanel', 'jiraServiceManagement:portalRequestDetailPanel', 'jiraServiceManagement:portalProfilePanel'];
  const expected: Record<string, [string, string]> = {
    'jira:issuePanel': ['static/issue-panel/dist', 'issue-panel-resolver'],
    'jira:projectPage': ['static/worklist/dist', 'worklist-resolver'],
    'jira:adminPage': ['static/admin/dist', 'admin-resolver'],
    'jira:projectSettingsPage': ['static/admin/dist', 'admin-resolver'],
    'jiraServiceManagement:portalRequestCreatePropertyPanel': ['static/portal-create/dist', 'portal-resolver'],
    'jiraServiceManagement:portalRequestDetailPanel': ['static/portal-detail/dist', 'portal-resolver'],
    'jiraServiceManagement:portalProfilePanel': ['static/portal-reports/dist', 'portal-resolver'],
  };
  for (const kind of ui) {
    const module = manifest.modules[kind]![0]!;
    expect([resources.get(String(module.resource)), (module.resolver as { function: string }).function]).toEqual(expected[kind]);
  }
  for (const dir of resources.values()) expect(statSync(path.join(root, dir, 'index.html')).isFile()).toBe(true);
});

test('the sandbox hosts each surface as the module the manifest declares, with the same key, title and resolver', () => {
  const functions = new Map(manifest.modules.function!.map((f) => [String(f.key), String(f.handler).split('.')[1]]));
  for (const [surface, module] of Object.entries(SURFACES)) {
    const declared = manifest.modules[module.type]!.find((m) => m.key === module.moduleKey);
    expect(declared).toBeDefined();
    expect(declared!.resource).toBe(surface);
    expect(declared!.title).toBe(module.title);
    expect(functions.get((declared!.resolver as { function: string }).function)).toBe(module.resolver);
  }
});

test('every resolver key a surface calls is defined by the resolver of the module that surface is', () => {
  const keysOfFunction: Record<string, string[]> = {
    'issue-panel-resolver': keysOf(RESOLVER_SURFACES.issuePanelResolver),
    'admin-resolver': keysOf(RESOLVER_SURFACES.adminResolver),
    'portal-resolver': keysOf(RESOLVER_SURFACES.portalResolver),
    'worklist-resolver': keysOf(RESOLVER_SURFACES.worklistResolver),
    'monitoring-resolver': keysOf(RESOLVER_SURFACES.monitoringResolver),
  };
  const resources = new Map((manifest as unknown as { resources: Array<{ key: string; path: string }> }).resources.map((r) => [r.key, r.path]));
  let checked = 0;
  for (const modules of Object.values(manifest.modules)) {
    for (const module of modules) {
      const resolver = (module.resolver as { function?: string } | undefined)?.function;
      const resource = typeof module.resource === 'string' ? resources.get(module.resource) : undefined;
      if (!resolver || !resource) continue;
      const surfaceDir = path.join(root, path.dirname(resource));
      // The surface's own code and the shared code it imports both call through `call<T>('key', payload)`.
      const called = sources(surfaceDir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bcall(?:<[^>]*>)?\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!));
      expect(called.length).toBeGreaterThan(0);
      for (const key of called) {
        expect({ module: module.key, key, defined: keysOfFunction[resolver]!.includes(key) }).toEqual({ module: module.key, key, defined: true });
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(10);
});

test('every scope is one the README justifies', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const scope of manifest.permissions.scopes) expect(readme).toContain(`\`${scope}\``);
});
