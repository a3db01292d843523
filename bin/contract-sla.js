#!/usr/bin/env node
// The CLI runs from the bundled build (npm ci runs `prepare`, which builds it): one file loads far faster than
// the module tree. Its compiled code is kept beside it as a V8 code cache, because start-up, not computing,
// is most of the time of a short command.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire, wrap } = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'contract-sla.js');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, path.dirname(file));
process.exitCode = cli.exports.main(process.argv.slice(2));
if (cachedData === undefined || script.cachedDataRejected) {
  try {
    // Written after a run, so the cache holds the functions that run compiled, not only the top level.
    fs.writeFileSync(cacheFile, script.createCachedData());
  } catch {
    // A read-only installation simply runs without the cache.
  }
}
