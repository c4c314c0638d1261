#!/usr/bin/env node
// Keystroke-to-render latency of the REPL (a benchmark, not a test): the real controller and Ink
// App render into an in-memory terminal, with 10,000 history entries and a 100-table schema.
// For each key it measures the time from handing the key over to Ink writing the new frame.
// Run: npm run build && node bench/repl-latency.mjs [--fps N]
import { Writable } from 'node:stream';
import { createElement } from 'react';
import { render } from 'ink';
import { App } from '../build/tsc/ui/components/App.js';
import { ReplController } from '../build/tsc/ui/controller.js';
import { History } from '../build/tsc/ui/history.js';
import { KeyParser } from '../build/tsc/ui/keys.js';
import { defaultState } from '../build/tsc/shell/state.js';

const fpsArg = process.argv.indexOf('--fps');
const maxFps = fpsArg > 0 ? Number(process.argv[fpsArg + 1]) : undefined;

class Screen extends Writable {
  isTTY = true;
  columns = 120;
  rows = 40;
  waiters = [];
  _write(chunk, _enc, cb) {
    for (const w of this.waiters.splice(0)) w();
    cb();
  }
  nextWrite() {
    return new Promise((r) => this.waiters.push(r));
  }
}

const tables = Array.from({ length: 100 }, (_, i) => `table_${String(i).padStart(3, '0')}`);
const schema = {
  keyspaces: () => ['bench', 'system', 'system_schema'],
  tables: (ks) => (ks === 'bench' ? tables : []),
  columns: () => Array.from({ length: 20 }, (_, i) => `col_${i}`),
};
const entries = Array.from({ length: 10_000 }, (_, i) => `SELECT col_${i % 20} FROM bench.table_${String(i % 100).padStart(3, '0')} WHERE id = ${i};`);
const shell = { keyspace: 'bench', state: defaultState(), schema: undefined, io: {}, async *run() {} };

const stdout = new Screen();
const stdin = new (class extends Writable {})();
const controller = new ReplController({
  shell,
  history: History.fromEntries(entries),
  schema,
  color: true,
  io: { out: () => {}, err: () => {}, exit: () => {} },
});
const ink = render(createElement(App, { controller, onWriters: () => {} }), {
  stdout,
  stdin: process.stdin,
  exitOnCtrlC: false,
  patchConsole: false,
  interactive: true,
  ...(maxFps ? { maxFps } : {}),
});
await new Promise((r) => setTimeout(r, 100));

const parser = new KeyParser();
async function press(seq) {
  const wrote = stdout.nextWrite();
  const t0 = performance.now();
  controller.handleKeys(parser.push(seq));
  await Promise.race([wrote, new Promise((r) => setTimeout(r, 500))]);
  const dt = performance.now() - t0;
  // keys are not typed faster than a person types
  await new Promise((r) => setTimeout(r, 40));
  return dt;
}

function report(name, samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  console.log(`${name.padEnd(28)} n=${String(s.length).padStart(3)}  p50=${q(0.5)} ms  p95=${q(0.95)} ms  max=${q(1)} ms`);
}

const typing = [];
for (const ch of 'SELECT col_1, col_2 FROM bench.table_042 WHERE id = 7') typing.push(await press(ch));
report('typing a character', typing);
const moving = [];
for (let i = 0; i < 20; i++) moving.push(await press('\x1b[D'));
report('cursor left', moving);
await press('\x05\x15');
const tab = [];
for (let i = 0; i < 20; i++) {
  await press('\x15');
  await press('SELECT * FROM bench.tab');
  tab.push(await press('\t'));
}
report('Tab (100-table menu)', tab);
await press('\x15');
const up = [];
for (let i = 0; i < 30; i++) up.push(await press('\x1b[A'));
report('Up (10,000 entries)', up);
await press('\x15');
const search = [];
await press('\x12');
for (const ch of 'table_099 WHERE id = 9') search.push(await press(ch));
report('Ctrl-R search (10,000)', search);
await press('\x07');

ink.unmount();
process.exit(0);
