// COPY ... FROM STDIN when the statements come from -e: the rows come from the process's stdin.
import { describe, expect, inject, it } from 'vitest';
import { tscqlsh } from '../support/run.js';

const server = inject('cassandra');
const at = [server.host, String(server.port)];

describe('COPY FROM STDIN with -e', () => {
  it('reads the rows from the real stdin', async () => {
    const setup =
      "DROP KEYSPACE IF EXISTS it_copy_stdin; CREATE KEYSPACE it_copy_stdin WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}; " +
      'CREATE TABLE it_copy_stdin.t (k int PRIMARY KEY, v text)';
    expect((await tscqlsh([...at, '-e', setup])).stderr).toBe('');
    const r = await tscqlsh([...at, '-e', 'COPY it_copy_stdin.t FROM STDIN; SELECT * FROM it_copy_stdin.t'], { stdin: '1,one\n2,"two, too"\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 rows imported from 1 files');
    expect(r.stdout).toContain(' 2 | two, too');
    await tscqlsh([...at, '-e', 'DROP KEYSPACE it_copy_stdin']);
  });
});
