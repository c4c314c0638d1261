// esbuild plugins shared by the two bundles: dist/ (scripts/bundle.mjs, the npm package) and the
// single-file binary (scripts/build-binary.mjs), and the licence notices both ship.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
  // A result's rows: the driver pushed each row through its object-mode streams on its own and
  // gave each a property definition of its own (Row's __columns); here the rows of a frame go out
  // as one result (what its ResultEmitter made of them), made by a constructor whose prototype
  // holds __columns (Row's methods and instanceof as before). Streamed results (byRow) as before.
  'cassandra-driver/lib/streams.js': [
    [
      `  frameInfo.rowIndex = frameInfo.rowIndex || 0;
  for (let i = frameInfo.rowIndex; i < frameInfo.rowLength; i++) {
    const rowOffset = reader.offset;
    const row = new types.Row(meta.columns);`,
      `  frameInfo.rowIndex = frameInfo.rowIndex || 0;
  const collected = frameInfo.byRow ? null : [];
  function FrameRow() {}
  FrameRow.prototype = Object.create(types.Row.prototype, { __columns: { value: meta.columns, enumerable: false, writable: false } });
  for (let i = frameInfo.rowIndex; i < frameInfo.rowLength; i++) {
    const rowOffset = reader.offset;
    const row = new FrameRow();`,
    ],
    [
      `    this.push({
      header: frameInfo.header,
      row: row,
      meta: frameInfo.meta,
      byRow: frameInfo.byRow,
      length: frameInfo.rowLength,
      flags: frameInfo.flagsInfo
    });
  }
  if (frameInfo.byRow) {`,
      `    if (collected) {
      collected.push(row);
      continue;
    }
    this.push({
      header: frameInfo.header,
      row: row,
      meta: frameInfo.meta,
      byRow: frameInfo.byRow,
      length: frameInfo.rowLength,
      flags: frameInfo.flagsInfo
    });
  }
  if (collected) {
    return this.push({ header: frameInfo.header, result: { rows: collected, meta: frameInfo.meta, flags: frameInfo.flagsInfo } });
  }
  if (frameInfo.byRow) {`,
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
export const lazyDriver = {
  name: 'lazy-driver',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]cassandra-driver[\\/](index|lib[\\/](client|connection|control-connection|insights-client|streams|policies[\\/]address-resolution|types[\\/](uuid|time-uuid)))\.js$/ }, async (args) => {
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
export const builtinsByRequire = {
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

/** The licences of the packages bundled from `inputs` (esbuild's metafile inputs), as one text. */
export function thirdPartyNotices(inputs) {
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

// The single-file binary is one CommonJS script (Node's single executable applications run no ES
// modules): a top-level await cannot be there. Ink's two are in DEV=true code (React DevTools,
// never shipped); yoga-layout's loads its WebAssembly asynchronously, which the edit below does
// synchronously from the same bytes (what the REPL renders is the same: one Yoga).
const yogaGlue = path.join(root, 'node_modules', 'yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js');
const singleFileEdits = {
  'ink/build/reconciler.js': [
    ["        import.meta.resolve('react-devtools-core');", "        throw new Error('React DevTools are not in the single-file binary');"],
    ["        await import('./devtools.js');", ''],
    ['        const loaded = await loadPackageJson();', '        const loaded = {};'],
  ],
  'yoga-layout/dist/src/index.js': [
    [
      'const Yoga = wrapAssembly(await loadYoga());',
      () => {
        const found = [...fs.readFileSync(yogaGlue, 'utf8').matchAll(/"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g)];
        if (found.length !== 1) throw new Error(`single-file: expected the WebAssembly of ${path.relative(root, yogaGlue)} once, found ${found.length}`);
        return `const yogaWasm = Buffer.from(${JSON.stringify(found[0][1])}, 'base64');
const yogaModule = {
  instantiateWasm(imports, receive) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(yogaWasm), imports);
    receive(instance);
    return instance.exports;
  },
};
void loadYoga(yogaModule);
const Yoga = wrapAssembly(yogaModule);`;
      },
    ],
  ],
};
export const singleFile = {
  name: 'single-file',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](ink[\\/]build[\\/]reconciler|yoga-layout[\\/]dist[\\/]src[\\/]index)\.js$/ }, async (args) => {
      const key = Object.keys(singleFileEdits).find((k) => args.path.replaceAll('\\', '/').endsWith(`node_modules/${k}`));
      if (!key) return undefined;
      let text = await fs.promises.readFile(args.path, 'utf8');
      for (const [from, to] of singleFileEdits[key]) {
        const n = text.split(from).length - 1;
        if (n !== 1) throw new Error(`single-file: expected one "${from}" in ${key}, found ${n}`);
        text = text.replace(from, typeof to === 'function' ? to : () => to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};
