// SOURCE through the real engine (Shell) over a fake session: a sub-shell's settings, errors
// prefixed with the file's name and line, EXIT ending only the file. Expected lines are what
// cqlsh 6.2 printed for the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/db/session.js';
import { decodeScript } from '../../src/shell/commands/source.js';
import { Shell } from '../../src/shell/shell.js';
import { fakeSession, lines } from './commands-fake.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-source-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

async function run(shell: Shell, statements: string[]): Promise<string[]> {
  const out = [];
  for (const s of statements) for await (const o of shell.run(s)) out.push(o);
  return lines(out);
}

const noKeyspace = 'No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename';
const fake = () =>
  fakeSession((cql) => (/nonexist/.test(cql) ? new Error(noKeyspace) : /^select/i.test(cql) ? { columns: [['key', 'text']], rows: [['local']] } : null));

describe('SOURCE', () => {
  it('runs the file in a sub-shell and puts the settings back (reference output)', async () => {
    const inner = file('inner.cql', 'EXPAND;\nCONSISTENCY;\nCONSISTENCY ALL;\nSELECT * FROM nonexist;\n\nEXPAND foo;\nTRACING;\n');
    const shell = new Shell(fake() as unknown as Session);
    const out = await run(shell, ['EXPAND ON;', 'TRACING ON;', `SOURCE '${inner}';`, 'EXPAND;', 'CONSISTENCY;']);
    expect(out).toEqual([
      'EXPAND set to ON',
      'TRACING set to ON',
      'EXPAND is OFF',
      'Current consistency level is ONE.',
      'Consistency level set to ALL.',
      `E:${inner}:5:Error: ${noKeyspace}`,
      `E:${inner}:7:Improper EXPAND command.`,
      'TRACING is ON',
      'EXPAND is ON',
      'Current consistency level is ONE.',
    ]);
  });

  it('reports syntax errors and an unfinished statement with the file name (reference output)', async () => {
    const syn = file('syn.cql', "EXPAND ON;\n_x;\nEXPAND;\nSELECT 'oops\n");
    const shell = new Shell(fake() as unknown as Session);
    expect(await run(shell, [`SOURCE '${syn}'\n`, 'EXPAND;'])).toEqual([
      'EXPAND set to ON',
      `E:${syn}:3:Invalid syntax at line 1, char 1`,
      `E:${syn}:3:  _x;`,
      `E:${syn}:3:  ^`,
      'EXPAND is ON',
      `E:${syn}:5:Incomplete statement at end of file`,
      'EXPAND is OFF',
    ]);
  });

  it('an EXIT ends only the file (reference output)', async () => {
    const ex = file('ex.cql', 'EXPAND ON;\nEXIT;\nEXPAND;\n');
    const shell = new Shell(fake() as unknown as Session);
    expect(await run(shell, [`SOURCE '${ex}';`, 'EXPAND;'])).toEqual(['EXPAND set to ON', 'EXPAND is OFF']);
  });

  it('switches back to the caller keyspace after a USE in the file', async () => {
    const f = fake();
    const use = file('use.cql', 'USE system;\n');
    const shell = new Shell(f as unknown as Session, { keyspace: 'ks1' });
    f.keyspace = 'ks1';
    await run(shell, [`SOURCE '${use}';`]);
    expect(f.executed).toEqual(['USE system', 'USE "ks1"']);
    expect(shell.keyspace).toBe('ks1');
  });

  it('cannot open what is not there, and wants one string literal (reference output)', async () => {
    const shell = new Shell(fake() as unknown as Session);
    expect(await run(shell, ["SOURCE '/nonexist';", "SOURCE '/';", 'SOURCE;', 'SOURCE foo;', "SOURCE 'a' 'b';"])).toEqual([
      "E:Could not open '/nonexist': [Errno 2] No such file or directory: '/nonexist'",
      "E:Could not open '/': [Errno 21] Is a directory: '/'",
      'E:Improper SOURCE command.',
      'E:Improper SOURCE command.',
      'E:Improper SOURCE command.',
    ]);
  });

  it('decodes UTF-8 (with or without a BOM) and UTF-16 with a BOM', () => {
    expect(decodeScript(new TextEncoder().encode('\ufeffEXPAND;'))).toBe('EXPAND;');
    expect(decodeScript(new TextEncoder().encode('é;'))).toBe('é;');
    expect(decodeScript(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x3b, 0x00]))).toBe('A;');
    expect(decodeScript(Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x00, 0x3b]))).toBe('A;');
  });
});
