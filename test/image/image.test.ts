// The real container image: `npm run image:build` builds docker/Dockerfile (buildah with chroot
// isolation where no Docker engine answers, on a local stand-in for node:24-slim when that cannot be
// pulled), then tscqlsh runs inside it against the test Cassandra on the host's network, the ways
// users run it: `docker run -i … < x.cql` / `docker exec -i dev tscqlsh … < x.cql` (stdin, no TTY),
// -e, -f on a mounted file, a saved profile in a mounted config folder, SigV4 (the packages the
// bundle leaves out, in the image). The runtime layer's files are checked: node and tscqlsh, run as
// `node`, no npm, compiler, package cache or dev dependency.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { engine, engineSync, imageConfig, imageHome, imageId, imageName, imageSize, imageUid, runInImage, withImageRoot } from '../../scripts/image-engine.mjs';
import { startKeyspacesDouble, type KeyspacesDouble } from '../support/keyspaces-double.js';
import { Term } from '../support/pty.js';
import { projectRoot, run, tscqlsh, type RunResult } from '../support/run.js';

const server = inject('cassandra');
const target = [server.host, String(server.port)];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-image-test-'));
const suffix = `${process.pid}_${Date.now() % 100000}`;
let build: RunResult & { ms: number };

/** a folder the image's user (uid 1000) may write into */
function folderForNode(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) fs.chownSync(dir, imageUid, imageUid);
  else fs.chmodSync(dir, 0o777);
  return dir;
}

beforeAll(async () => {
  const t0 = Date.now();
  build = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'image-build.mjs'), '--quiet'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code, ms: Date.now() - t0 }));
  });
  process.stderr.write(`${build.stderr}${build.stdout}[image] image:build took ${(build.ms / 1000).toFixed(0)} s\n`);
  expect(build.code, build.stderr.slice(-4000)).toBe(0);
}, 1_200_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  // the image of this checkout's tests (TSCQLSH_IMAGE, set by vitest.config.ts) goes with them
  if (imageName !== 'tscqlsh:dev' && imageId()) engineSync(['rmi', imageName], { allowFail: true });
});

describe('npm run image:build', () => {
  it(`builds ${imageName} with ${engine()}, under 150 MB, and says its size`, () => {
    const m = /^(\S+) ([\d.]+) MB \((\d+) bytes\), built by (\w+) on (\S+)$/m.exec(build.stdout);
    expect(m, build.stdout).not.toBeNull();
    expect(m![1]).toBe(imageName);
    expect(m![4]).toBe(engine());
    expect(Number(m![3])).toBe(imageSize());
    expect(Number(m![3])).toBeLessThan(150e6);
  });

  it('runs as node (uid 1000) in /home/node, entrypoint tscqlsh, NODE_ENV=production', async () => {
    const c = imageConfig();
    expect(c.user).toBe('node');
    expect(c.entrypoint).toEqual(['tscqlsh']);
    expect(c.workdir).toBe(imageHome);
    expect(c.env).toContain('NODE_ENV=production');
    const r = await runInImage(['-p', '[process.getuid(), process.getgid(), process.cwd(), process.env.HOME, process.version].join(" ")'], { entrypoint: 'node' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^1000 1000 ${imageHome} ${imageHome} v24\\.\\d+\\.\\d+\\n$`));
  });
});

describe('the runtime layer', () => {
  interface Entry {
    rel: string;
    st: fs.Stats;
  }
  let files: Entry[] = [];
  beforeAll(async () => {
    files = await withImageRoot((root: string) => {
      const out: Entry[] = [];
      const walk = (dir: string) => {
        for (const name of fs.readdirSync(dir)) {
          const p = path.join(dir, name);
          const st = fs.lstatSync(p);
          out.push({ rel: path.relative(root, p), st });
          if (st.isDirectory()) walk(p);
        }
      };
      walk(root);
      return out;
    });
  }, 120_000);

  it('holds node and tscqlsh; the only programs are node, sh, env, sleep and tscqlsh', () => {
    const rels = new Set(files.map((f) => f.rel));
    for (const f of ['usr/local/bin/node', 'usr/local/bin/tscqlsh', 'opt/tscqlsh/dist/cli.js', 'opt/tscqlsh/package.json', 'opt/tscqlsh/completions/tscqlsh.bash', 'opt/tscqlsh/dist/THIRD-PARTY-NOTICES.txt']) {
      expect(rels.has(f), f).toBe(true);
    }
    const programs = files.filter((f) => /^usr\/(local\/)?s?bin\//.test(f.rel) && !f.st.isDirectory()).map((f) => path.basename(f.rel));
    expect(programs.sort()).toEqual(['dash', 'env', 'node', 'sh', 'sleep', 'tscqlsh']);
    // the Debian libraries come with their copyright files
    expect(rels.has('usr/share/doc/libc6/copyright')).toBe(true);
    expect(rels.has('usr/share/doc/libstdc++6/copyright')).toBe(true);
  });

  it('has no npm, npm cache, package manager, compiler, sources or dev dependency', () => {
    const bad = files.filter(({ rel }) =>
      /(^|\/)(npm|npx|npm-cli\.js|\.npm|_cacache|\.cache|apt|apt-get|dpkg|gcc|g\+\+|cc|c\+\+|make|python3?|tsc|esbuild|yarn|corepack)$/.test(rel) ||
      /^opt\/tscqlsh\/(src|test|build|tsconfig\.json)(\/|$)/.test(rel) ||
      /(^|\/)node_modules\/(typescript|vitest|esbuild|@esbuild|@types|testcontainers|@testcontainers|fast-check|npm|ink|react)(\/|$)/.test(rel) ||
      /\.([cm]?ts|map)$/.test(rel),
    );
    expect(bad.map((f) => f.rel)).toEqual([]);
    // no node_modules: everything dist/ runs is bundled into it (the SigV4 credential providers too)
    expect(files.filter((f) => f.rel.startsWith('opt/tscqlsh/node_modules')).map((f) => f.rel)).toEqual([]);
  });

  it('/home/node and its config folders belong to node; /tmp is 1777; files are root-owned', () => {
    const get = (rel: string) => files.find((f) => f.rel === rel)!.st;
    for (const d of ['home/node', 'home/node/.config/tscqlsh', 'home/node/.cassandra']) expect([d, get(d).uid, get(d).gid]).toEqual([d, imageUid, imageUid]);
    expect(get('tmp').mode & 0o7777).toBe(0o1777);
    expect(get('opt/tscqlsh/dist/cli.js').uid).toBe(0);
    expect(get('usr/local/bin/node').uid).toBe(0);
  });
});

describe('tscqlsh in the image, against the test Cassandra', () => {
  it('--version is the built package\'s', async () => {
    const r = await runInImage(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^cqlsh 6\.2\.\d+ \(tscqlsh \d+\.\d+\.\d+\)\n$/);
    expect(r.stdout).toBe((await tscqlsh(['--version'])).stdout);
    expect(r.code).toBe(0);
  });

  it('-e', async () => {
    const r = await runInImage([...target, '-e', 'SELECT release_version FROM system.local']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\n release_version\n-+\n +5\.0\.\d+\n\n\(1 rows\)\n$/);
    expect(r.code).toBe(0);
  });

  const script = (ks: string) =>
    [
      `CREATE KEYSPACE ${ks} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
      `USE ${ks};`,
      'CREATE TABLE t (id int PRIMARY KEY, name text, tags set<text>);',
      "INSERT INTO t (id, name, tags) VALUES (1, 'ünï', {'a', 'b'});",
      "INSERT INTO t (id, name) VALUES (2, 'two');",
      'SELECT * FROM t;',
      'EXPAND ON;',
      'SELECT * FROM t WHERE id = 1;',
      'EXPAND OFF;',
      `DROP KEYSPACE ${ks};`,
      '',
    ].join('\n');

  it('piped stdin, as `docker exec -i dev tscqlsh HOST < schema.cql`: batch mode, the same output as on the host', async () => {
    const r = await runInImage(target, { stdin: script(`image_stdin_${suffix}`) });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('@ Row 1');
    const host = await tscqlsh(target, { stdin: script(`image_stdin_h_${suffix}`) });
    expect(r.stdout).toBe(host.stdout);
    expect(r.code).toBe(0);
  });

  it('a failing statement on stdin: its error on stderr, exit code 2', async () => {
    const r = await runInImage(target, { stdin: 'SELECT key FROM system.local;\nSELECT * FROM system.nosuchtable;\n' });
    expect(r.stdout).toMatch(/ local\n/);
    expect(r.stderr).toMatch(/^<stdin>:3:InvalidRequest: .*nosuchtable/);
    expect(r.code).toBe(2);
  });

  it('-f with a file mounted read-only', async () => {
    const dir = path.join(tmp, 'work');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'schema.cql'), script(`image_file_${suffix}`));
    const r = await runInImage([...target, '-f', 'work/schema.cql'], { volumes: [[dir, `${imageHome}/work`, 'ro']] });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ 1 \| +ünï \| \{'a', 'b'\}\n/);
    expect(r.code).toBe(0);
  });

  it('the compose dev service: CQLSH_HOST/CQLSH_PORT from the environment, the script on stdin', async () => {
    const r = await runInImage([], { env: { CQLSH_HOST: server.host, CQLSH_PORT: String(server.port) }, stdin: 'SELECT key FROM system.local;\n' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\n key\n-+\n local\n\n\(1 rows\)\n$/);
    expect(r.code).toBe(0);
  });

  it('completion bash prints the shipped script', async () => {
    const r = await runInImage(['completion', 'bash']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(fs.readFileSync(path.join(projectRoot, 'completions', 'tscqlsh.bash'), 'utf8'));
    expect(r.code).toBe(0);
  });

  it('a profile saved in the mounted config folder persists on the host and connects from a new container', async () => {
    const cfg = folderForNode('config');
    const mount: [string, string][] = [[cfg, `${imageHome}/.config/tscqlsh`]];
    const add = await runInImage(['profile', 'add', 'imgtest', '--host', server.host, '--port', String(server.port), '--default'], { volumes: mount });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const saved = path.join(cfg, 'config.json');
    const st = fs.statSync(saved);
    if (process.getuid?.() === 0) expect(st.uid).toBe(imageUid); // written by the image's user
    expect(st.mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toMatchObject({ defaultProfile: 'imgtest', profiles: { imgtest: { host: server.host } } });
    for (const args of [['-p', 'imgtest'], []]) {
      const r = await runInImage([...args, '-e', 'SELECT key FROM system.local'], { volumes: mount });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/ local\n/);
      expect(r.code).toBe(0);
    }
  });

  it('a profile saved on the host works from its config folder mounted read-only', async () => {
    const xdg = path.join(tmp, 'host-xdg');
    const add = await tscqlsh(['profile', 'add', 'fromhost', '--host', server.host, '--port', String(server.port)], { env: { XDG_CONFIG_HOME: xdg } });
    expect(add.code, add.stderr).toBe(0);
    // tscqlsh keeps the folder 0700 and the file 0600: the image's user (uid 1000) may read them
    // only when made so (docs/docker.md says how)
    fs.chmodSync(path.join(xdg, 'tscqlsh'), 0o755);
    fs.chmodSync(path.join(xdg, 'tscqlsh', 'config.json'), 0o644);
    const r = await runInImage(['-p', 'fromhost', '-e', 'SELECT key FROM system.local'], { volumes: [[path.join(xdg, 'tscqlsh'), `${imageHome}/.config/tscqlsh`, 'ro']] });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ local\n/);
    expect(r.code).toBe(0);
  });
});

describe('npm run image:run', () => {
  const imageRun = path.join(projectRoot, 'scripts', 'image-run.mjs');
  const leftover = () => (engine() === 'buildah' ? spawnSync('buildah', ['containers', '--format', '{{.ContainerName}}'], { encoding: 'utf8' }).stdout.split('\n').filter((n) => n.startsWith(`tscqlsh-run-`)) : []);

  const cwd = () => {
    const dir = path.join(tmp, 'run-cwd');
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755);
    return dir;
  };

  it('runs tscqlsh with the calling directory mounted as the working directory; stderr and the exit code pass through', async () => {
    const dir = cwd();
    fs.writeFileSync(path.join(dir, 'x.cql'), 'SELECT key FROM system.local;\nSELECT * FROM system.nosuchtable;\n', { mode: 0o644 });
    const r = await run(process.execPath, [imageRun, ...target, '-f', 'x.cql'], { cwd: dir, env: { INIT_CWD: undefined, TSCQLSH_IMAGE: imageName, TSCQLSH_IMAGE_ENGINE: engine() } });
    expect(r.stdout).toMatch(/^\n key\n-+\n local\n\n\(1 rows\)\n$/);
    // tscqlsh's own line only (buildah's notes on the exit status are dropped)
    expect(r.stderr).toMatch(/^x\.cql:3:InvalidRequest: [^\n]*nosuchtable[^\n]*\n$/);
    expect(r.code).toBe(2);
    expect(leftover()).toEqual([]);
  });

  it('on a terminal: the REPL; Ctrl-C does not end it, exit does', async () => {
    const term = new Term(['node', imageRun, ...target], { cwd: cwd(), env: { PATH: process.env.PATH, TERM: 'xterm-256color', HOME: process.env.HOME, TSCQLSH_IMAGE: imageName, TSCQLSH_IMAGE_ENGINE: engine() } });
    try {
      await term.waitFor(/^cqlsh>/m, { timeoutMs: 60_000 });
      term.line('SELECT key FROM system.local;');
      await term.waitFor('(1 rows)', { timeoutMs: 30_000 });
      term.type('\x03');
      await new Promise((r) => setTimeout(r, 1000));
      expect(term.exitCode()).toBeNull();
      term.line('exit');
      expect(await term.waitExit(30_000)).toBe(0);
    } finally {
      term.close();
    }
    expect(leftover()).toEqual([]);
  });
});

describe('SigV4 in the image (the AWS credential providers, bundled into dist/)', () => {
  const KEY = 'AKIDIMAGETEST01';
  const SECRET = 'image/Secret+Key=1';
  let double: KeyspacesDouble;
  beforeAll(async () => {
    double = await startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET } });
  });
  afterAll(async () => {
    await double?.close();
  });

  const run = async (aws: { volumes?: [string, string, string][]; env: Record<string, string> }) => {
    const caDir = folderForNode('ca');
    fs.copyFileSync(double.caFile, path.join(caDir, 'ca.pem'));
    return runInImage(['--host', double.host, '--port', String(double.port), '--ca', '/ca/ca.pem', '--auth', 'sigv4', '--region', 'us-east-1', '-e', 'SELECT cluster_name FROM system.local'], {
      volumes: [[caDir, '/ca', 'ro'], ...(aws.volumes ?? [])],
      env: { AWS_EC2_METADATA_DISABLED: 'true', ...aws.env },
    });
  };

  it('connects to the Keyspaces double with credentials from the environment', async () => {
    const r = await run({ env: { AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Amazon Keyspaces');
    expect(r.code).toBe(0);
  });

  it('and with an AWS profile from ~/.aws mounted read-only (as compose mounts it)', async () => {
    const aws = folderForNode('aws');
    fs.writeFileSync(path.join(aws, 'credentials'), `[imgtest]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`, { mode: 0o644 });
    const r = await run({ volumes: [[aws, `${imageHome}/.aws`, 'ro']], env: { AWS_PROFILE: 'imgtest' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Amazon Keyspaces');
    expect(r.code).toBe(0);
  });
});

describe('docker/Dockerfile', () => {
  it('builds on node:24-slim by default; the final stage only copies (no RUN: nothing installed there)', () => {
    const text = fs.readFileSync(path.join(projectRoot, 'docker', 'Dockerfile'), 'utf8');
    expect(text).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
    const final = text.slice(text.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^\nFROM scratch\n/);
    expect(final.split('\n').filter((l) => /^[A-Z]+ /.test(l)).map((l) => l.split(' ')[0])).toEqual(['FROM', 'COPY', 'COPY', 'ENV', 'USER', 'WORKDIR', 'ENTRYPOINT']);
  });
});

describe('docker/compose.yaml', () => {
  const file = path.join(projectRoot, 'docker', 'compose.yaml');

  it('has cassandra 5.0 and a dev service built from the Dockerfile, with ~/.aws read-only and the profiles volume', async () => {
    const yaml = (await import('yaml')) as { parse: (s: string) => unknown };
    const c = yaml.parse(fs.readFileSync(file, 'utf8')) as { services: Record<string, Record<string, unknown>> };
    expect(c.services.cassandra.image).toBe('cassandra:5.0');
    const dev = c.services.dev as { build: { context: string; dockerfile: string }; image: string; entrypoint: string[]; volumes: string[]; environment: string[]; depends_on: Record<string, unknown> };
    expect(dev.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    expect(fs.existsSync(path.join(projectRoot, 'docker', dev.build.context, dev.build.dockerfile))).toBe(true);
    expect(dev.image).toBe('tscqlsh:dev');
    expect(dev.volumes).toContain('~/.aws:/home/node/.aws:ro');
    expect(dev.volumes).toContain(`tscqlsh-config:${imageHome}/.config/tscqlsh`);
    expect(dev.environment).toContain('CQLSH_HOST=cassandra');
    expect(dev.depends_on).toHaveProperty('cassandra');
  });

  it("the dev service's entrypoint (it keeps the container up) runs in the image", async () => {
    const yaml = (await import('yaml')) as { parse: (s: string) => unknown };
    const dev = (yaml.parse(fs.readFileSync(file, 'utf8')) as { services: { dev: { entrypoint: string[] } } }).services.dev;
    const [prog, ...args] = dev.entrypoint;
    expect(args).toEqual(['infinity']);
    const r = await runInImage(['0'], { entrypoint: prog });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  const compose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
  it.runIf(compose)('docker compose config accepts it', () => {
    const r = spawnSync('docker', ['compose', '-f', file, 'config', '--quiet'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
