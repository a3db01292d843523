// Property tests run the same cases on every run, so the suite is deterministic (a red CI run is a real regression,
// never bad luck). FC_SEED=<number> replays another set of cases; FC_SEED=random explores new ones locally.
const fc = require('fast-check');

const chosen = process.env.FC_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen === undefined ? 20261204 : Number(chosen) });
