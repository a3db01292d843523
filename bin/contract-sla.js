#!/usr/bin/env node
// The CLI runs from the bundled build (npm ci runs `prepare`, which builds it): one file loads far faster than
// the module tree, and start-up is most of the time of a short command.
process.exitCode = require('../dist/contract-sla.js').main(process.argv.slice(2));
