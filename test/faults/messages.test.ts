// What the command line says when it cannot log in, and when the profile store is broken: cqlsh's
// words for the login (compared with the reference against the same server), and a broken store
// that stops only the runs that name a profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Child, start } from '../support/faults.js';

const server = inject('cassandra');
const auth = server.auth ?? { host: '127.0.0.1', port: 19042, username: 'cassandra', password: 'cassandra' };

describe('authentication errors on the command line', () => {
  it('a wrong password reads as cqlsh prints it (Bad credentials, the server\'s message)', async () => {
    const args = ['-u', auth.username, '--password', 'not-the-password', '-e', 'SELECT cluster_name FROM system.local'];
    const [ours, ref] = await Promise.all([start('tscqlsh', auth, args).finished(), start('cqlsh', auth, args).finished()]);
    expect(ours.stderr).toContain(
      `AuthenticationFailed('Failed to authenticate to ${auth.host}:${auth.port}: Error from server: code=0100 [Bad credentials] message="Provided username ${auth.username} and/or password are incorrect"')`,
    );
    expect(ours.stderr).toBe(ref.stderr);
    expect(ours.stdout).toBe(ref.stdout);
    expect(ours.code).toBe(1);
    expect(ref.code).toBe(1);
  });

  it('no credentials for a server that wants them: cqlsh\'s "Remote end requires authentication", then a hint to use -u', async () => {
    const args = ['-e', 'SELECT cluster_name FROM system.local'];
    const [ours, ref] = await Promise.all([start('tscqlsh', auth, args).finished(), start('cqlsh', auth, args).finished()]);
    const [first, hint, ...rest] = ours.stderr.split('\n');
    expect(first + '\n').toBe(ref.stderr);
    expect(first).toBe(`Connection error: ('Unable to connect to any servers', {'${auth.host}:${auth.port}': AuthenticationFailed('Remote end requires authentication')})`);
    expect(hint).toMatch(/-u\b/);
    expect(rest).toEqual(['']);
    expect(ours.code).toBe(1);
  });
});

describe('a broken profile store', () => {
  const store = (text: string) => {
    const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-store-'));
    fs.mkdirSync(path.join(xdg, 'tscqlsh'));
    fs.writeFileSync(path.join(xdg, 'tscqlsh', 'config.json'), text);
    return { XDG_CONFIG_HOME: xdg, file: path.join(xdg, 'tscqlsh', 'config.json') };
  };

  it('a run that names no profile warns once and goes on', async () => {
    const { file, ...env } = store('{ "profiles": ');
    const f = await start('tscqlsh', server, ['-e', 'SELECT cluster_name FROM system.local'], { env }).finished();
    expect(f.code).toBe(0);
    expect(f.stdout).toContain('Test Cluster');
    const lines = f.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Warning: .*${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 1: not valid JSON`));
  });

  it('a run that names a profile stops with the reason, exit 1', async () => {
    const { file, ...env } = store('{ "profiles": ');
    const f = await new Child('tscqlsh', ['-p', 'mine', '-e', 'SELECT cluster_name FROM system.local'], { env }).finished();
    expect(f.code).toBe(1);
    expect(f.stdout).toBe('');
    expect(f.stderr).toContain(`${file}, line 1: not valid JSON`);
  });

  it('a store that is not a JSON object says so once ("the file must hold a JSON object")', async () => {
    const { file, ...env } = store('[1, 2]\n');
    const f = await new Child('tscqlsh', ['profile', 'list'], { env }).finished();
    expect(f.code).toBe(1);
    expect(f.stderr).toContain(`${file}, line 1: the file must hold a JSON object. Fix the file; tscqlsh will not overwrite it.`);
    expect(f.stderr).not.toContain('the file the file');
  });
});
