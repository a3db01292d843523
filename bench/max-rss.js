// Preloaded into a benchmarked process (node -r): at exit, writes its peak resident set size (KiB) to the file
// named by CONTRACT_SLA_BENCH_RSS, so the parent can report the whole process's memory without OS-specific tools.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.CONTRACT_SLA_BENCH_RSS;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
