#!/usr/bin/env node
// npm run demo: a local Cassandra (started unless one answers on 127.0.0.1:9042), the sample
// keyspace `demo` (users, cities, users_by_cities), and tscqlsh opened on it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { portOpen, projectRoot, start } from './cassandra/launcher.mjs';

const host = '127.0.0.1';
const port = 9042;
if (!(await portOpen(host, port))) {
  try {
    await start('default');
  } catch (e) {
    console.error(`[demo] ${e.message}`);
    process.exit(1);
  }
}
const cli = path.join(projectRoot, 'dist', 'cli.js');
const load = spawnSync(process.execPath, [cli, host, String(port), '-f', path.join(projectRoot, 'scripts', 'demo.cql')], { stdio: 'inherit' });
if (load.status !== 0) {
  console.error('[demo] loading the sample keyspace failed');
  process.exit(load.status ?? 1);
}
console.error('[demo] sample keyspace "demo" loaded: try  SELECT * FROM users;  (EXIT to leave)');
const shell = spawn(process.execPath, [cli, host, String(port), '-k', 'demo', ...process.argv.slice(2)], { stdio: 'inherit' });
shell.on('exit', (code) => process.exit(code ?? 0));
