// tscqlsh and the reference cqlsh print the same bytes for the foundation's first slice.
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from '../support/reference.js';

const server = inject('cassandra');

describe('conformance: first slice', () => {
  it('SELECT cluster_name, release_version FROM system.local (-e)', async () => {
    const { ours, ref } = await runBoth(server, ['-e', 'SELECT cluster_name, release_version FROM system.local']);
    expect(ref.code).toBe(0);
    expect(ref.stdout).toContain('cluster_name | release_version');
    expect(ours).toEqual(ref);
  });

  it('an error from the server, with its -e line prefix and exit code', async () => {
    const { ours, ref } = await runBoth(server, ['-e', 'SELECT * FROM no_such_keyspace.t']);
    expect(ref.code).toBe(2);
    expect(ours).toEqual(ref);
  });

  it('a connection failure', async () => {
    const { ours, ref } = await runBoth({ host: '127.0.0.1', port: 1 }, ['-e', 'SELECT * FROM system.local']);
    expect(ref.code).toBe(1);
    expect(ours).toEqual(ref);
  });

  it('-k with a keyspace that does not exist', async () => {
    const { ours, ref } = await runBoth(server, ['-k', 'no_such_keyspace', '-e', 'SELECT cluster_name FROM system.local']);
    expect(ref.code).toBe(1);
    expect(ours).toEqual(ref);
  });

  it('-k with a keyspace that exists', async () => {
    const { ours, ref } = await runBoth(server, ['-k', 'system', '-e', 'SELECT cluster_name FROM local']);
    expect(ref.code).toBe(0);
    expect(ours).toEqual(ref);
  });

  it('-f with a file that does not exist', async () => {
    const { ours, ref } = await runBoth(server, ['-f', 'no/such/file.cql']);
    expect(ref.code).toBe(1);
    expect(ours).toEqual(ref);
  });
});
