// What the sandbox serves to the browser besides JSON: the host page (offline/sandbox/browser: index.html, host.css and the
// host script), the bridge each surface gets, and the built surfaces themselves. The browser code there is
// TypeScript, bundled with esbuild once when the server starts (a fraction of a second), so there is no second build.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Surface } from './api-types';

export const ROOT = path.join(__dirname, '../..');
export const SANDBOX_DIR = path.join(ROOT, 'offline/sandbox/browser');
export const STATIC_DIR = path.join(ROOT, 'static');

export interface HostAssets {
  hostHtml: string;
  hostCss: string;
  hostJs: string;
  bridgeJs: string;
}

export async function buildHostAssets(): Promise<HostAssets> {
  const result = await build({
    entryPoints: { host: path.join(SANDBOX_DIR, 'host/main.ts'), bridge: path.join(SANDBOX_DIR, 'bridge.ts') },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outdir: path.join(SANDBOX_DIR, 'out'),
    logLevel: 'silent',
    legalComments: 'none',
  });
  const output = (name: string): string => {
    const file = result.outputFiles.find((f) => path.basename(f.path) === `${name}.js`);
    if (!file) throw new Error(`esbuild produced no ${name}.js`);
    return file.text;
  };
  return {
    hostHtml: readFileSync(path.join(SANDBOX_DIR, 'index.html'), 'utf8'),
    hostCss: readFileSync(path.join(SANDBOX_DIR, 'host.css'), 'utf8'),
    hostJs: output('host'),
    bridgeJs: output('bridge'),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A file of a built surface (static/<surface>/dist), or undefined when there is none. The path must stay inside
 * dist: `..` and absolute paths are refused.
 */
export function surfaceFile(surface: Surface, relative: string): string | undefined {
  const dist = path.join(STATIC_DIR, surface, 'dist');
  const file = path.resolve(dist, `.${path.posix.normalize(`/${relative || 'index.html'}`)}`);
  if (file !== dist && !file.startsWith(dist + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * A surface's index.html with the bridge loaded first: several @forge/bridge modules read `globalThis.__bridge`
 * when they are evaluated, so it must exist before the app's module script runs.
 */
export function withBridge(html: string): string {
  const tag = '<script src="/sandbox/bridge.js"></script>';
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
