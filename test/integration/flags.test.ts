// cqlsh flags tscqlsh takes as cqlsh does: --debug, --encoding, --version, --help, usage errors.
import { describe, expect, inject, it } from 'vitest';
import { tscqlsh } from '../support/run.js';

const server = inject('cassandra');
const at = [server.host, String(server.port)];

describe('flags', () => {
  it('--debug says what it uses before connecting', async () => {
    const r = await tscqlsh([...at, '--debug', '--connect-timeout', '7', '-e', 'SELECT cluster_name FROM system.local']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Using CQL driver: cassandra-driver \d+\.\d+\.\d+\nUsing connect timeout: 7 seconds\nUsing 'utf-8' encoding\nUsing ssl: False\n$/);
  });

  it('--encoding writes the output in that encoding', async () => {
    const q = 'SELECT blobAsText(0xc3a9) AS e FROM system.local';
    const utf8 = await tscqlsh([...at, '-e', q]);
    expect(utf8.stdout).toContain(' é');
    // é as the one byte 0xe9, which the test reads back as UTF-8: a replacement character
    const latin1 = await tscqlsh([...at, '--encoding', 'latin1', '-e', q]);
    expect(latin1.code).toBe(0);
    expect(latin1.stdout).toContain(' \ufffd');
    expect(latin1.stdout).not.toContain('é');
  });

  it('refuses an encoding it does not know', async () => {
    const r = await tscqlsh([...at, '--encoding', 'klingon', '-e', 'SELECT 1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown encoding 'klingon'");
  });

  it('--version and --help answer without a server', async () => {
    const v = await tscqlsh(['--version']);
    expect(v.stdout).toMatch(/^cqlsh 6\.2\.\d+ \(tscqlsh \d+\.\d+\.\d+\)\n$/);
    const h = await tscqlsh(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^usage: tscqlsh \[options\] \[host \[port\]\]/);
  });

  it('an unknown flag is a usage error with exit status 2', async () => {
    const r = await tscqlsh(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('usage: tscqlsh [options] [host [port]]\ntscqlsh: error: unrecognized arguments: --bogus\n');
  });
});
