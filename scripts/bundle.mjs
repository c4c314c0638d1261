#!/usr/bin/env node
// The shipped layout: bundles tsc's output (build/tsc/, see tsconfig.json) into dist/ with esbuild.
// dist/cli.js is the bin entry; code splitting keeps the lazy imports of src/cli.ts lazy (the driver
// only on connect, Ink only for the REPL), each behind a chunk of its own (dist/chunk-*.js).
// One file per path instead of ~60 of ours and the driver's ~100 CommonJS files: ~35 ms off each
// connected start-up (docs/architecture.md, Build). Run: npm run build (tsc, then this).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'build', 'tsc', 'cli.js');
const outdir = path.join(root, 'dist');
if (!fs.existsSync(entry)) {
  console.error(`bundle: ${path.relative(root, entry)} is missing: run tsc -p tsconfig.json first`);
  process.exit(1);
}

// cassandra-driver's index.js and lib/client.js require all of the driver at load time: Astra
// (cloud/ with adm-zip and node:https), DSE graph (its serializers are built at load time),
// mapping, search, geometry. These edits defer what tscqlsh does not use on an ordinary connect
// to its first use; the behaviour is the driver's own. Each edit must match exactly once, so a
// driver upgrade that moves the code fails the build instead of silently shipping the eager code.
const lazyExport = (name, spec) => [
  `exports.${name} = require('${spec}');`,
  `Object.defineProperty(exports, '${name}', { enumerable: true, configurable: true, get() { const v = require('${spec}'); Object.defineProperty(exports, '${name}', { value: v, enumerable: true, writable: true, configurable: true }); return v; } });`,
];
const driverEdits = {
  'cassandra-driver/index.js': [
    ...[
      ['auth', './lib/auth'],
      ['mapping', './lib/mapping'],
      ['tracker', './lib/tracker'],
      ['metrics', './lib/metrics'],
      ['concurrent', './lib/concurrent'],
      ['Encoder', './lib/encoder'],
      ['geometry', './lib/geometry'],
      ['datastax', './lib/datastax'],
    ].map(([name, spec]) => lazyExport(name, spec)),
  ],
  // Node's tls module costs ~15 ms to load (more with NODE_EXTRA_CA_CERTS, whose certificates it
  // parses), crypto ~5 ms: a plaintext connect needs neither, so they load on first use
  'cassandra-driver/lib/connection.js': [
    ["const tls = require('tls');", "const tls = { connect: (...args) => require('tls').connect(...args) };"],
  ],
  'cassandra-driver/lib/policies/address-resolution.js': [
    ["const dns = require('dns');", "const dns = new Proxy({}, { get: (_, name) => require('dns')[name] });"],
  ],
  // the DSE Insights session id: made when first sent (DSE only), not on every connect
  'cassandra-driver/lib/insights-client.js': [
    [
      'this._sessionId = types.Uuid.random().toString();',
      "let sessionId; Object.defineProperty(this, '_sessionId', { configurable: true, get: () => (sessionId ??= types.Uuid.random().toString()) });",
    ],
  ],
  'cassandra-driver/lib/types/uuid.js': [
    ["const crypto = require('crypto');", "const crypto = { randomBytes: (...args) => require('crypto').randomBytes(...args) };"],
  ],
  'cassandra-driver/lib/types/time-uuid.js': [
    ["const crypto = require('crypto');", "const crypto = { randomBytes: (...args) => require('crypto').randomBytes(...args) };"],
  ],
  // The control connection's first queries go out together instead of one round trip each:
  // OPTIONS, system.local, system.peers and REGISTER (the driver awaits each before sending the
  // next). Their results are used in the driver's own order.
  'cassandra-driver/lib/control-connection.js': [
    // net.isIPv6's first call compiles a large regular expression (~4 ms); isIP has just told
    [
      `    if (net.isIP(addressOrName)) {
      this._addContactPoint(addressOrName, port, name, net.isIPv6(addressOrName));`,
      `    const ipVersion = net.isIP(addressOrName);
    if (ipVersion) {
      this._addContactPoint(addressOrName, port, name, ipVersion === 6);`,
    ],
    // node:dns only for contact points given by name (tscqlsh passes addresses)
    ["const dns = require('dns');", "const dns = new Proxy({}, { get: (_, name) => require('dns')[name] });"],
    [
      `        await this._getSupportedOptions();
        await this._refreshHosts(true, true);
        await this._registerToConnectionEvents();`,
      `        const optionsSent = this._getSupportedOptions();
        const registered = this._registerToConnectionEvents();
        optionsSent.catch(() => {});
        registered.catch(() => {});
        const sentWith = this.protocolVersion;
        await this._refreshHosts(true, true);
        if (this.protocolVersion === sentWith) {
          await optionsSent;
          await registered;
        } else {
          // the connection was reopened with a lower protocol version (see _refreshHosts): what
          // was sent on the old socket is asked again (the event listeners are already bound)
          await this._getSupportedOptions();
          await this.connection.send(new requests.RegisterRequest(['TOPOLOGY_CHANGE', 'STATUS_CHANGE', 'SCHEMA_CHANGE']), null);
        }`,
    ],
    [
      `    const rsLocal = await c.send(new requests.QueryRequest(selectLocal), null);`,
      `    const peersSent = c.send(new requests.QueryRequest(selectPeers), null);
    peersSent.catch(() => {});
    const rsLocal = await c.send(new requests.QueryRequest(selectLocal), null);`,
    ],
    [
      `    const rsPeers = await c.send(new requests.QueryRequest(selectPeers), null);`,
      `    const rsPeers = await peersSent;`,
    ],
  ],
  'cassandra-driver/lib/client.js': [
    // cloud.init() returns at once without options.cloud (--secure-connect-bundle sets it)
    [
      "const cloud = require('./datastax/cloud');",
      "const cloud = { init: (options) => (options.cloud ? require('./datastax/cloud').init(options) : Promise.resolve()) };",
    ],
    // the client's id (sent as CLIENT_ID in STARTUP, shown in system_views.clients) was a
    // Uuid.random(), which loads node:crypto on every connect: a version-4 UUID from Math.random
    [
      'this.options = clientOptions.extend({ logEmitter: this.emit.bind(this), id: types.Uuid.random() }, options);',
      'this.options = clientOptions.extend({ logEmitter: this.emit.bind(this), id: new types.Uuid(Buffer.from(Array.from({ length: 16 }, (_, i) => (i === 6 ? 0x40 | (Math.random() * 16) : i === 8 ? 0x80 | (Math.random() * 64) : Math.random() * 256) & 0xff))) }, options);',
    ],
    // the graph executor: built on the first executeGraph() (tscqlsh never calls it)
    ["const GraphExecutor = require('./datastax/graph/graph-executor');", ''],
    [
      'this._graphExecutor = new GraphExecutor(this, options, this._execute);',
      "let graphExecutor; Object.defineProperty(this, '_graphExecutor', { configurable: true, get: () => (graphExecutor ??= new (require('./datastax/graph/graph-executor'))(this, options, this._execute)) });",
    ],
  ],
};
const lazyDriver = {
  name: 'lazy-driver',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]cassandra-driver[\\/](index|lib[\\/](client|connection|control-connection|insights-client|policies[\\/]address-resolution|types[\\/](uuid|time-uuid)))\.js$/ }, async (args) => {
      const key = Object.keys(driverEdits).find((k) => args.path.replaceAll('\\', '/').endsWith(`node_modules/${k}`));
      if (!key) return undefined;
      let text = await fs.promises.readFile(args.path, 'utf8');
      for (const [from, to] of driverEdits[key]) {
        const n = text.split(from).length - 1;
        if (n !== 1) throw new Error(`lazy-driver: expected one "${from}" in ${key}, found ${n}`);
        text = text.replace(from, () => to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

// Our modules take Node's built-ins through require() instead of ESM imports: an ESM import of a
// built-in builds its ESM facade, which reads every export and so runs lazy getters (`import fs
// from 'node:fs'` loads fs/promises, readline and the REPL history code: ~5 ms of each start-up).
// Through require() the module is the same object. tsc's output has two forms of such imports;
// any other form fails the build.
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    b.onLoad({ filter: /[\\/]build[\\/]tsc[\\/].*\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const contents = text.replace(/^import ([^;'"]*) from '(node:[a-z0-9_/]+)';$/gm, (line, what, spec) => {
        const req = `require('${spec}')`;
        if (/^[A-Za-z_$][\w$]*$/.test(what)) return `const ${what} = ${req};`;
        const named = /^\{ ([A-Za-z_$][\w$]*(?:, [A-Za-z_$][\w$]*)*) \}$/.exec(what);
        if (named) return `const { ${named[1]} } = ${req};`;
        throw new Error(`builtins-by-require: ${path.relative(root, args.path)}: unexpected import form: ${line}`);
      });
      if (/^import .* from 'node:/m.test(contents)) throw new Error(`builtins-by-require: ${path.relative(root, args.path)}: an import of a built-in was left`);
      return { contents, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: [
    // optional peer of Ink, loaded only when DEV=true; never installed
    'react-devtools-core',
  ],
  // the bundled CommonJS (cassandra-driver, cli-table3, ...) calls require() for Node's built-ins
  banner: { js: "import { createRequire as __tscqlshCreateRequire } from 'node:module'; const require = __tscqlshCreateRequire(import.meta.url);" },
  // React and react-reconciler pick their production builds (as NODE_ENV=production would), and the
  // development builds are left out of the bundle
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
  // TSCQLSH_BUNDLE_EAGER_DRIVER=1: without the driver edits (to measure them, or to rule them out)
  plugins: [builtinsByRequire, ...(process.env.TSCQLSH_BUNDLE_EAGER_DRIVER ? [] : [lazyDriver])],
});
// written over the old files, then the old chunks removed: dist/cli.js is never missing, so a
// build while tests run dist/ does not fail them (a process already running may still miss a chunk)
fs.mkdirSync(outdir, { recursive: true });
const written = new Set();
for (const f of result.outputFiles) {
  fs.writeFileSync(f.path, f.contents);
  written.add(path.resolve(f.path));
}
// the licences of the packages bundled into dist/ (their notices must travel with their code, and
// the bundle drops legal comments): dist/THIRD-PARTY-NOTICES.txt, shipped with the package
const notices = path.join(outdir, 'THIRD-PARTY-NOTICES.txt');
fs.writeFileSync(notices, thirdPartyNotices(Object.keys(result.metafile.inputs)));
written.add(path.resolve(notices));
for (const name of fs.readdirSync(outdir)) {
  const p = path.join(outdir, name);
  if (!written.has(path.resolve(p))) fs.rmSync(p, { recursive: true, force: true });
}
fs.chmodSync(path.join(outdir, 'cli.js'), 0o755);
// for analysis (what each chunk holds, what it imports): build/esbuild-meta.json
fs.writeFileSync(path.join(root, 'build', 'esbuild-meta.json'), JSON.stringify(result.metafile));

function thirdPartyNotices(inputs) {
  const dirs = new Map();
  for (const input of inputs) {
    const p = input.replaceAll('\\', '/');
    const matches = [...p.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
    const last = matches.at(-1);
    if (last) dirs.set(path.resolve(root, p.slice(0, last.index + last[0].length)), last[1]);
  }
  const sections = [];
  const seen = new Set();
  for (const [dir, name] of [...dirs].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    if (seen.has(`${name}@${pkg.version}`)) continue;
    seen.add(`${name}@${pkg.version}`);
    const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'see the package'}`;
    sections.push(`${name} ${pkg.version} (${pkg.license ?? 'unknown'})\n${'-'.repeat(60)}\n${text}\n`);
  }
  return `dist/ bundles code of these packages, under their own licences:\n\n${sections.join('\n')}`;
}
