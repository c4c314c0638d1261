// The benchmark data set: bench.t, 10 columns of mixed types, N rows (loaded once, reused while
// the count matches), and a .cql script of INSERT statements.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import path from 'node:path';
import driver from 'cassandra-driver';
import { root } from './lib.mjs';

export async function ensureTable(host, port, rows, log) {
  const client = new driver.Client({ contactPoints: [`${host}:${port}`], localDataCenter: 'datacenter1', socketOptions: { readTimeout: 60000 } });
  await client.connect();
  try {
    await client.execute("CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    await client.execute(`CREATE TABLE IF NOT EXISTS bench.t (id int PRIMARY KEY, name text, email text, age int, score double,
      active boolean, created timestamp, uid uuid, tags list<text>, balance decimal)`);
    await client.execute('CREATE TABLE IF NOT EXISTS bench.meta (k text PRIMARY KEY, rows int)');
    const have = (await client.execute("SELECT rows FROM bench.meta WHERE k = 't'")).first()?.rows ?? 0;
    if (have === rows) return;
    log(`loading ${rows} rows into bench.t (once)...`);
    await client.execute('TRUNCATE bench.t');
    const insert = 'INSERT INTO bench.t (id, name, email, age, score, active, created, uid, tags, balance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const t0 = Date.now();
    const params = function* () {
      for (let i = 0; i < rows; i++) {
        yield [i, `user ${i}`, `user${i}@example.com`, 18 + (i % 60), (i % 1000) / 7, i % 2 === 0, new Date(1.6e12 + i * 1000),
          driver.types.Uuid.random(), [`t${i % 5}`, `g${i % 3}`], driver.types.BigDecimal.fromString(`${i}.${i % 100}`)];
      }
    };
    await driver.concurrent.executeConcurrent(client, insert, Readable.from(params(), { objectMode: true }), { concurrencyLevel: 64 });
    await client.execute("INSERT INTO bench.meta (k, rows) VALUES ('t', ?)", [rows], { prepare: true });
    log(`loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await client.shutdown();
  }
}

export function insertScript(statements) {
  const file = path.join(root, 'bench', 'results', `script-${statements}.cql.tmp`);
  if (fs.existsSync(file)) return file;
  const lines = ["CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};",
    'CREATE TABLE IF NOT EXISTS bench.script (id int PRIMARY KEY, name text, score double);'];
  for (let i = 0; i < statements; i++) lines.push(`INSERT INTO bench.script (id, name, score) VALUES (${i}, 'name ${i}', ${i / 3});`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
