// A protocol-level stand-in for Amazon Keyspaces: a CQL native protocol v4 server on 127.0.0.1
// (TLS with a self-signed certificate made on start) that announces HelenusAuthenticator, issues a
// random nonce, checks SigV4 with its own verifier (written apart from src/), and answers
// system.local / system.peers the way Keyspaces does (peers include a 127.0.0.1 row).
// With several regions, each region's endpoint is its own listener on its own loopback address (the
// same port for all): it accepts only signatures for its region and reports its region as its data
// center. `dnsEnv()` maps the real endpoint names (cassandra.<region>.amazonaws.com) to those
// addresses in a tscqlsh child process (test/support/dns-map.mjs), and the certificate names them,
// so a profile's own host name is what is resolved, connected to and verified. Given a schema
// (test/support/keyspaces-double-schema.ts), it serves system_schema, system_schema_mcs and
// system_multiregion_info as AWS documents them, for DESCRIBE.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {
  ERR, OP, Reader, T, Writer, errorBody, frame, rowsResult, setKeyspaceResult, voidResult, type Cell, type Column,
} from './keyspaces-double-proto.js';
import { answerSchemaQuery, type DoubleSchema } from './keyspaces-double-schema.js';

export interface DoubleOptions {
  /** the first (or only) region; 127.0.0.1 serves it unless `regions` is given */
  region?: string;
  /** several regions, each on its own loopback address and the same port */
  regions?: string[];
  /** access key id → secret */
  keys: Record<string, string>;
  /** service-specific credentials: user → password */
  users?: Record<string, string>;
  /** require a client certificate signed by this CA (PEM text): mutual TLS */
  clientCa?: string;
  /** the schema tables to serve (test/support/keyspaces-double-schema.ts) */
  schema?: DoubleSchema;
}

export interface KeyspacesDouble {
  /** the first region's address and the port every region listens on */
  host: string;
  port: number;
  /** region → its endpoint's address */
  addresses: Record<string, string>;
  /** the environment that makes a tscqlsh child resolve cassandra.<region>.amazonaws.com to the double */
  dnsEnv(): Record<string, string>;
  /** the access key of each accepted signature, with the region it was for */
  signedWith: { accessKey: string; region: string }[];
  /** [query, consistency level name] for each QUERY received */
  consistencies: [string, string][];
  /** the self-signed certificate to trust (--ca) */
  caFile: string;
  /** session tokens the clients sent, in order */
  sessionTokens: string[];
  /** queries received (text) */
  queries: string[];
  close(): Promise<void>;
}

const FAIL_SIGNATURE =
  'Authentication failure: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';

/** The double's own SigV4 check: rebuilds the canonical request from the spec, field by field. */
export function verifySigV4(response: string, nonce: string, region: string, keys: Record<string, string>, now = Date.now()): { ok: boolean; token?: string; why?: string } {
  const fields = new Map<string, string>();
  for (const part of response.split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at), part.slice(at + 1));
  }
  const sig = fields.get('signature');
  const id = fields.get('access_key');
  const date = fields.get('amzdate');
  if (!sig || !id || !date) return { ok: false, why: 'Authentication failure: malformed SigV4 response' };
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(date)) return { ok: false, why: `Authentication failure: bad amzdate ${date}` };
  if (Math.abs(Date.parse(date) - now) > 15 * 60_000) return { ok: false, why: 'Authentication failure: Signature expired' };
  const secret = keys[id];
  if (secret === undefined) return { ok: false, why: 'Authentication failure: The security token included in the request is invalid.' };
  const day = date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
  const scope = [day, region, 'cassandra', 'aws4_request'].join('/');
  const enc = (s: string) => Buffer.from(s, 'utf8').toString('latin1').replace(/[^A-Za-z0-9\-_.~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  const params: [string, string][] = [
    ['X-Amz-Date', enc(date)],
    ['X-Amz-Expires', '900'],
    ['X-Amz-Credential', enc(id + '/' + scope)],
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
  ];
  params.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const query = params.map(([k, v]) => k + '=' + v).join('&');
  const hash = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
  const canonical = ['PUT', '/authenticate', query, 'host:cassandra', '', 'host', hash(nonce)].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', date, scope, hash(canonical)].join('\n');
  const key = ['aws4_request', 'cassandra', region, day].reduceRight<Buffer>(
    (k, part) => crypto.createHmac('sha256', k).update(part).digest(),
    Buffer.from('AWS4' + secret, 'utf8'),
  );
  const expected = crypto.createHmac('sha256', key).update(toSign).digest('hex');
  const ok = expected.length === sig.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(sig));
  return ok ? { ok, token: fields.get('session_token') } : { ok: false, why: FAIL_SIGNATURE };
}

export function makeCert(dir: string, names: string[] = []): { key: string; cert: string; certFile: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const san = ['DNS:localhost', 'IP:127.0.0.1', ...names.map((n) => (/^\d/.test(n) ? `IP:${n}` : `DNS:${n}`))].join(',');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2',
    '-subj', '/CN=localhost', '-addext', `subjectAltName=${san}`,
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile };
}

const LOCAL_COLUMNS: Column[] = [
  { name: 'key', type: T.varchar }, { name: 'bootstrapped', type: T.varchar }, { name: 'broadcast_address', type: T.inet },
  { name: 'cluster_name', type: T.varchar }, { name: 'cql_version', type: T.varchar }, { name: 'data_center', type: T.varchar },
  { name: 'host_id', type: T.uuid }, { name: 'listen_address', type: T.inet }, { name: 'native_protocol_version', type: T.varchar },
  { name: 'partitioner', type: T.varchar }, { name: 'rack', type: T.varchar }, { name: 'release_version', type: T.varchar },
  { name: 'rpc_address', type: T.inet }, { name: 'schema_version', type: T.uuid }, { name: 'tokens', type: T.set, sub: T.varchar },
];
const PEER_COLUMNS: Column[] = [
  { name: 'peer', type: T.inet }, { name: 'data_center', type: T.varchar }, { name: 'host_id', type: T.uuid },
  { name: 'preferred_ip', type: T.inet }, { name: 'rack', type: T.varchar }, { name: 'release_version', type: T.varchar },
  { name: 'rpc_address', type: T.inet }, { name: 'schema_version', type: T.uuid }, { name: 'tokens', type: T.set, sub: T.varchar },
];

function project(columns: Column[], row: Cell[], query: string): [Column[], Cell[]] {
  const m = /^\s*select\s+(.+?)\s+from\s/i.exec(query);
  if (!m || m[1].trim() === '*') return [columns, row];
  const names = m[1].split(',').map((s) => s.trim().toLowerCase());
  const idx = names.map((n) => columns.findIndex((c) => c.name === n)).filter((i) => i >= 0);
  return [idx.map((i) => columns[i]), idx.map((i) => row[i])];
}

/** The endpoint names of a region, as src/settings/keyspaces.ts builds them (written apart from it). */
export function endpointNames(region: string): string[] {
  return region.startsWith('cn-')
    ? [`cassandra.${region}.amazonaws.com.cn`]
    : [`cassandra.${region}.amazonaws.com`, `cassandra-fips.${region}.amazonaws.com`, `cassandra.${region}.api.aws`];
}

const DNS_MAP = path.join(path.dirname(new URL(import.meta.url).pathname), 'dns-map.mjs');

/** Write statements Keyspaces takes only at LOCAL_QUORUM. */
const WRITE = /^\s*(insert|update|delete|begin)\b/i;
const LEVELS: Record<number, string> = {
  0: 'ANY', 1: 'ONE', 2: 'TWO', 3: 'THREE', 4: 'QUORUM', 5: 'ALL', 6: 'LOCAL_QUORUM', 7: 'EACH_QUORUM', 8: 'SERIAL', 9: 'LOCAL_SERIAL', 10: 'LOCAL_ONE',
};

export async function startKeyspacesDouble(o: DoubleOptions): Promise<KeyspacesDouble> {
  const regions = o.regions ?? [o.region ?? 'us-east-1'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyspaces-double-'));
  // one region: 127.0.0.1; several: 127.X.Y.1, .2, ... (a random block, the same port on each)
  const block = () => `127.${20 + crypto.randomInt(200)}.${crypto.randomInt(250)}`;
  let base = regions.length > 1 ? block() : '';
  const addressOf = (i: number) => (regions.length > 1 ? `${base}.${i + 1}` : '127.0.0.1');
  const names = regions.flatMap(endpointNames);
  const sessionTokens: string[] = [];
  const queries: string[] = [];
  const signedWith: { accessKey: string; region: string }[] = [];
  const consistencies: [string, string][] = [];
  const tables = new Map<string, string[]>();
  const schema = crypto.randomUUID();
  const servers: tls.Server[] = [];
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    const { key, cert, certFile } = makeCert(dir, [...names, ...regions.map((_, i) => addressOf(i))]);
    try {
      for (let i = 0; i < regions.length; i++) {
        const server = serve(regions[i], key, cert);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, addressOf(i), () => resolve());
        });
        servers.push(server);
        port = (server.address() as { port: number }).port;
      }
      return {
        host: addressOf(0),
        port,
        addresses: Object.fromEntries(regions.map((r, i) => [r, addressOf(i)])),
        dnsEnv: () => ({
          NODE_OPTIONS: `--import=${DNS_MAP}`,
          KEYSPACES_DOUBLE_DNS: JSON.stringify(Object.fromEntries(regions.flatMap((r, i) => endpointNames(r).map((n) => [n, addressOf(i)])))),
        }),
        caFile: certFile,
        sessionTokens,
        queries,
        signedWith,
        consistencies,
        close: () =>
          Promise.all(servers.map((server) => new Promise<void>((resolve) => {
            server.close(() => resolve());
            setTimeout(resolve, 500).unref();
          }))).then(() => undefined),
      };
    } catch (e) {
      for (const s of servers.splice(0)) s.close();
      if (attempt >= 5 || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      port = 0;
      base = block();
    }
  }

  function serve(region: string, key: string, cert: string): tls.Server {
    const localRow = (): Cell[] => [
      'local', 'COMPLETED', '127.0.0.1', 'Amazon Keyspaces', '3.4.4', region, crypto.randomUUID(), '127.0.0.1', '4',
      'com.amazonaws.cassandra.DefaultPartitioner', `${region}a`, '3.11.2', '127.0.0.1', schema, ['0'],
    ];
    const peers = (): Cell[][] => [
      ['127.0.0.1', region, crypto.randomUUID(), '127.0.0.1', `${region}b`, '3.11.2', '127.0.0.1', schema, ['1']],
      ['127.0.0.2', region, crypto.randomUUID(), '127.0.0.2', `${region}c`, '3.11.2', '127.0.0.2', schema, ['2']],
    ];

    const mtls = o.clientCa ? { requestCert: true, rejectUnauthorized: true, ca: [o.clientCa] } : {};
    return tls.createServer({ key, cert, ...mtls }, (socket) => {
      let buf = Buffer.alloc(0);
      let nonce = '';
      let authed = false;
      const send = (stream: number, op: number, body: Buffer) => socket.write(frame(stream, op, body));
      const handle = (version: number, stream: number, op: number, body: Buffer) => {
        if (version !== 0x04) {
          send(stream, OP.ERROR, errorBody(ERR.PROTOCOL, `Invalid or unsupported protocol version (${version}); supported versions are (3/v3, 4/v4)`));
          return;
        }
        const r = new Reader(body);
        switch (op) {
          case OP.OPTIONS:
            send(stream, OP.SUPPORTED, new Writer().stringMultimap({ CQL_VERSION: ['3.4.4'], COMPRESSION: [], PROTOCOL_VERSIONS: ['3/v3', '4/v4'] }).build());
            return;
          case OP.STARTUP:
            send(stream, OP.AUTHENTICATE, new Writer().string('com.amazon.helenus.auth.HelenusAuthenticator').build());
            return;
          case OP.AUTH_RESPONSE: {
            const token = r.bytes() ?? Buffer.alloc(0);
            if (!nonce) {
              if (token.toString('latin1') === 'SigV4\0\0') {
                nonce = crypto.randomBytes(16).toString('hex');
                send(stream, OP.AUTH_CHALLENGE, new Writer().bytes(Buffer.from(`nonce=${nonce}`)).build());
                return;
              }
              const [, user, password] = token.toString('utf8').split('\0');
              if (o.users && user in o.users && o.users[user] === password) {
                authed = true;
                send(stream, OP.AUTH_SUCCESS, new Writer().bytes(null).build());
              } else send(stream, OP.ERROR, errorBody(ERR.BAD_CREDENTIALS, 'Provided username and/or password are incorrect'));
              return;
            }
            const v = verifySigV4(token.toString('utf8'), nonce, region, o.keys);
            if (!v.ok) {
              send(stream, OP.ERROR, errorBody(ERR.BAD_CREDENTIALS, v.why!));
              return;
            }
            if (v.token) sessionTokens.push(v.token);
            signedWith.push({ accessKey: /(?:^|,)access_key=([^,]*)/.exec(token.toString('utf8'))![1], region });
            authed = true;
            send(stream, OP.AUTH_SUCCESS, new Writer().bytes(null).build());
            return;
          }
          case OP.REGISTER:
            send(stream, OP.READY, Buffer.alloc(0));
            return;
          case OP.QUERY: {
            if (!authed) {
              send(stream, OP.ERROR, errorBody(ERR.BAD_CREDENTIALS, 'not authenticated'));
              return;
            }
            const q = r.longString();
            const level = LEVELS[r.short()] ?? 'UNKNOWN';
            const flags = r.byte();
            let paging: Buffer | null = null;
            const values: string[] = [];
            if (flags & 0x01) for (let n = r.short(); n > 0; n--) values.push(r.bytes()?.toString('utf8') ?? '');
            if (flags & 0x04) r.int();
            if (flags & 0x08) paging = r.bytes();
            queries.push(q);
            consistencies.push([q, level]);
            if (WRITE.test(q) && level !== 'LOCAL_QUORUM') {
              // what Keyspaces answers a write at any other level
              send(stream, OP.ERROR, errorBody(ERR.INVALID, `Consistency level ${level} is not supported for this operation. Supported consistency levels are: LOCAL_QUORUM`));
              return;
            }
            const [rop, rbody] = answer(q, paging, values);
            send(stream, rop, rbody);
            return;
          }
          default:
            send(stream, OP.ERROR, errorBody(ERR.PROTOCOL, `opcode ${op} is not supported by the double`));
        }
      };
      const answer = (q: string, paging: Buffer | null, values: string[]): [number, Buffer] => {
        const lower = q.toLowerCase();
        // DDL is asynchronous: a new table is CREATING for two polls, a dropped one DELETING for one
        const ddl = /^\s*(create|drop)\s+table\s+(?:if\s+(?:not\s+)?exists\s+)?(\w+)\.(\w+)/i.exec(q);
        if (ddl) {
          tables.set(`${ddl[2]}.${ddl[3]}`, ddl[1].toLowerCase() === 'create' ? ['CREATING', 'CREATING', 'ACTIVE'] : ['DELETING', 'GONE']);
          return [OP.RESULT, voidResult()];
        }
        // the DDL wait's status poll (bound keyspace and table)
        if (/from\s+system_schema_mcs\.tables\b/.test(lower) && (values.length || !o.schema)) {
          const states = tables.get(`${values[0]}.${values[1]}`);
          const current = states && states.length > 1 ? states.shift() : states?.[0];
          const status = current === 'GONE' ? undefined : current;
          return [OP.RESULT, rowsResult('system_schema_mcs', 'tables', [{ name: 'status', type: T.varchar }], status ? [[status]] : [])];
        }
        const fromSchema = o.schema && answerSchemaQuery(o.schema, q, values);
        if (fromSchema && 'error' in fromSchema) return [OP.ERROR, errorBody(ERR.INVALID, fromSchema.error)];
        if (fromSchema) {
          const [, ks, table] = /from\s+(\w+)\.(\w+)/i.exec(q)!;
          return [OP.RESULT, rowsResult(ks, table, fromSchema.columns, fromSchema.rows)];
        }
        if (/from\s+system\.local\b/.test(lower)) {
          const [cols, row] = project(LOCAL_COLUMNS, localRow(), q);
          return [OP.RESULT, rowsResult('system', 'local', cols, [row])];
        }
        if (/from\s+system\.peers\b/.test(lower)) return [OP.RESULT, rowsResult('system', 'peers', PEER_COLUMNS, peers())];
        const use = /^\s*use\s+"?(\w+)"?/i.exec(q);
        if (use) return [OP.RESULT, setKeyspaceResult(use[1])];
        if (/from\s+demo\.paged\b/.test(lower)) {
          // Keyspaces can return an empty page that still carries a paging state
          const cols: Column[] = [{ name: 'id', type: T.int }, { name: 'v', type: T.varchar }];
          if (!paging) return [OP.RESULT, rowsResult('demo', 'paged', cols, [], Buffer.from('page-2'))];
          return [OP.RESULT, rowsResult('demo', 'paged', cols, [[1, 'after an empty page']])];
        }
        if (/from\s+demo\.throttled\b/.test(lower)) {
          // what a throttled read looks like: a read timeout at LOCAL_QUORUM
          return [OP.ERROR, new Writer().int(0x1200).string('Operation timed out - received only 0 responses.').short(0x0006).int(0).int(2).raw(Buffer.from([0])).build()];
        }
        if (/^\s*(insert|update|delete|create|alter|drop)\b/i.test(q)) return [OP.RESULT, voidResult()];
        return [OP.ERROR, errorBody(ERR.INVALID, `unconfigured table in the double: ${q}`)];
      };
      socket.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 9) {
          const len = buf.readInt32BE(5);
          if (buf.length < 9 + len) break;
          const version = buf[0] & 0x7f;
          const stream = buf.readInt16BE(2);
          const op = buf[4];
          const body = buf.subarray(9, 9 + len);
          buf = buf.subarray(9 + len);
          const out = (() => {
            try {
              handle(version, stream, op, body);
              return undefined;
            } catch (e) {
              return e as Error;
            }
          })();
          if (out) send(stream, OP.ERROR, errorBody(ERR.SERVER, String(out.message)));
        }
      });
      socket.on('error', () => {});
    });
  }
}
