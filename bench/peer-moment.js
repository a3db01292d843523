#!/usr/bin/env node
// The same batch as `contract-sla time add --input`, computed by moment-business-time (default locale:
// Mon–Fri 09:00–17:00) for the side-by-side figure in `npm run bench`. Run with TZ=UTC.
const fs = require('node:fs');
const moment = require('moment-business-time');

const out = [];
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const { from, duration } = JSON.parse(line);
  const seconds = moment.duration(duration).asSeconds();
  out.push(moment(from).utc().addWorkingTime(seconds, 'seconds').utc().format('YYYY-MM-DDTHH:mm:ss[Z]'));
}
process.stdout.write(`${out.join('\n')}\n`);
