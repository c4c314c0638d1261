// The physical limit of this machine for a large read: cassandra-driver paging through the rows
// with no formatting at all, at the driver's default page size (5000 rows a request).
import driver from 'cassandra-driver';

const [host = '127.0.0.1', port = '9042', query = 'SELECT * FROM bench.t', fetchSize = '5000'] = process.argv.slice(2);
const client = new driver.Client({ contactPoints: [`${host}:${port}`], localDataCenter: 'datacenter1' });
await client.connect();
let rows = 0;
let pageState;
do {
  const rs = await client.execute(query, [], { fetchSize: Number(fetchSize), pageState, autoPage: false });
  rows += rs.rows.length;
  pageState = rs.pageState;
} while (pageState);
await client.shutdown();
process.stdout.write(`${rows}\n`);
