// Builds every Custom UI surface under static/ (each a folder with an index.html) into static/<surface>/dist,
// the folder manifest.yml names as its resource. `base: './'` because Forge serves each resource from its own path.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'static');
const only = process.argv.slice(2);
const surfaces = readdirSync(staticDir).filter((name) => existsSync(path.join(staticDir, name, 'index.html')) && (only.length === 0 || only.includes(name)));

for (const surface of surfaces) {
  await build({
    root: path.join(staticDir, surface),
    base: './',
    logLevel: 'warn',
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  });
  console.log(`built static/${surface}/dist`);
}
