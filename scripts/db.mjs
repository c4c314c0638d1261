#!/usr/bin/env node
// npm run db:start [-- --auth|--all] | npm run db:stop [-- --auth|--all] | npm run db:status
import { describe, start, status, stop } from './cassandra/launcher.mjs';

const [cmd, ...rest] = process.argv.slice(2);
const named = rest.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
const names = named ? [named] : rest.includes('--all') ? ['default', 'auth'] : rest.includes('--auth') ? ['auth'] : ['default'];

try {
  for (const name of names) {
    if (cmd === 'start') {
      const p = await start(name);
      console.log(describe(p));
    } else if (cmd === 'stop') {
      await stop(name);
    } else if (cmd === 'status') {
      const s = await status(name);
      console.log(s.running ? `${describe(s)}\n  running (pid ${s.pid})` : `Cassandra (${name}) is not running`);
    } else {
      console.error('usage: node scripts/db.mjs start|stop|status [--auth|--all]');
      process.exit(2);
    }
  }
} catch (e) {
  console.error(`[db] ${e.message}`);
  process.exit(1);
}
