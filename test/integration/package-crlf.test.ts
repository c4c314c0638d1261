// Windows line endings: a .cql file or a piped script with CRLF (and a UTF-8 BOM) runs exactly as the
// same text with LF: statements, multi-line statements, shell commands ending at the line break.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tscqlsh } from '../support/run.js';

// (error line numbers are cqlsh's: the line after a statement that ends its line)
const server = inject('cassandra');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-crlf-'));
const lf = [
  'CONSISTENCY QUORUM',
  'CONSISTENCY',
  'SELECT release_version',
  '  FROM system.local;',
  'USE system',
  ';',
  'EXPAND ON',
  "SELECT key, cluster_name FROM local WHERE key = 'local';",
  'EXPAND OFF',
  '-- a comment',
  'SELECT key FROM local; SELECT key',
  '  FROM local;',
  "SELECT * FROM nosuchtable;",
  '',
].join('\n');
const crlf = lf.replace(/\n/g, '\r\n');
const conn = () => [server.host, String(server.port)];

describe('CRLF scripts', () => {
  it('the LF script runs (reference output)', async () => {
    const r = await tscqlsh(conn(), { stdin: lf });
    expect(r.stdout).toContain('Consistency level set to QUORUM.');
    expect(r.stdout).toContain('@ Row 1');
    expect(r.stderr).toMatch(/<stdin>:14:InvalidRequest/);
    expect(r.code).toBe(2);
  });

  it('piped on stdin: the same output as LF', async () => {
    const [a, b] = await Promise.all([tscqlsh(conn(), { stdin: lf }), tscqlsh(conn(), { stdin: crlf })]);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
    expect(b.code).toBe(a.code);
    expect(b.stdout).not.toContain('\r');
  });

  it('with -f (and a BOM): the same output as LF', async () => {
    fs.writeFileSync(path.join(dir, 'lf.cql'), lf);
    fs.writeFileSync(path.join(dir, 'crlf.cql'), '\uFEFF' + crlf);
    const [a, b] = await Promise.all([
      tscqlsh([...conn(), '-f', path.join(dir, 'lf.cql')]),
      tscqlsh([...conn(), '-f', path.join(dir, 'crlf.cql')]),
    ]);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr.replaceAll('lf.cql', 'crlf.cql'));
    expect(b.code).toBe(2);
    expect(b.stdout).toContain('Current consistency level is QUORUM.');
  });

  it('SOURCE of a CRLF file', async () => {
    fs.writeFileSync(path.join(dir, 'src.cql'), 'USE system;\r\nSELECT key\r\n  FROM local;\r\n');
    const r = await tscqlsh([...conn(), '-e', `SOURCE '${path.join(dir, 'src.cql')}'`]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ key\n-+\n local\n/);
  });
});
