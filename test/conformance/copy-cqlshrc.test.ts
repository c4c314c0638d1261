// COPY reads the [copy] / [copy-to] sections of the cqlshrc given with --cqlshrc, and [ui]
// time_format, as cqlsh does: same bytes from both shells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from '../support/reference.js';

const server = inject('cassandra');

describe('COPY with cqlshrc settings', () => {
  it('takes DELIMITER and HEADER from [copy-to] and the time format from [ui]', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-copyrc-'));
    const rc = path.join(dir, 'cqlshrc');
    fs.writeFileSync(rc, '[ui]\ntime_format = %Y/%m/%d %H:%M\n\n[copy-to]\ndelimiter = |\nheader = true\n');
    const setup =
      "DROP KEYSPACE IF EXISTS cf_copyrc; CREATE KEYSPACE cf_copyrc WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}; " +
      'CREATE TABLE cf_copyrc.t (k int PRIMARY KEY, ts timestamp, s text); ' +
      "INSERT INTO cf_copyrc.t (k, ts, s) VALUES (1, '2024-03-01 09:30:00+0000', 'a|b');";
    const { ours, ref } = await runBoth(server, ['--cqlshrc', rc], { stdin: `${setup}\nCOPY cf_copyrc.t TO STDOUT;\n` });
    const mask = (s: string) => s.replace(/in \d+\.\d+ seconds/g, 'in N seconds').replace(/ in 0 day, 0 hour, 0 minute, and \d+\.\d+ seconds/g, ' in N seconds');
    expect(ref.stdout).toContain('k|s|ts');
    expect(mask(ours.stdout)).toBe(mask(ref.stdout));
    expect(ours.code).toBe(ref.code);
  });
});
