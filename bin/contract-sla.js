#!/usr/bin/env node
// The CLI runs from the compiled build (npm ci runs `prepare`, which builds it).
process.exitCode = require('../dist/cli/main.js').main(process.argv.slice(2));
